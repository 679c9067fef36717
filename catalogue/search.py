"""Search over the catalogue's lines, with django-filter for the filters.

PostgreSQL: Dutch full-text search over accent-folded text, ranked, plus trigram word similarity for the
near forms that the Dutch stemmer does not join ("archief" / "archieven"). SQLite: every query word must
occur in the line, ignoring case and accents. Both use catalogue_fold(), see migration 0002.
"""

from dataclasses import dataclass, field
from itertools import groupby

import django_filters
from django import forms
from django.db import connection
from django.db.models import BooleanField, F, FloatField, Max, Q, TextField, Value, Window
from django.db.models.expressions import RawSQL

from catalogue.highlight import query_words
from catalogue.models import SearchLine
from profiles.models import Competency, FocusArea, FunctionFamily, FunctionTypering, ResultArea

MAX_QUERY_LENGTH = 200

# Written exactly as the indexes of migration 0002 are, so that PostgreSQL can use them.
_DOCUMENT = "catalogue_fold(catalogue_searchline.document)"
_VECTOR = f"to_tsvector('dutch'::regconfig, {_DOCUMENT})"
_QUERY = "websearch_to_tsquery('dutch'::regconfig, catalogue_fold(%s))"
# `document %> query` is pg_trgm's commutator of `query <% document`, the same test. Written this way round it
# is literally the trigram indexes' condition, so PostgreSQL sees that the bitmap heap scan's recheck already
# applies it; written the other way round, every candidate line evaluated the whole match twice (once as
# "Recheck Cond", once more as "Filter"), see docs/benchmarks.md.
_POSTGRES_MATCH = f"({_VECTOR} @@ {_QUERY} OR {_DOCUMENT} %%> catalogue_fold(%s))"
_POSTGRES_RANK = f"(ts_rank({_VECTOR}, {_QUERY}) + word_similarity(catalogue_fold(%s), {_DOCUMENT}))"

PARTS = {
    "resultaten": Q(part=SearchLine.Part.RESULT),
    "gedragsindicatoren": Q(part=SearchLine.Part.INDICATOR),
    "competenties": Q(part=SearchLine.Part.COMPETENCY) | Q(section_kind="competenties"),
    "kwaliteitenprofiel": Q(part=SearchLine.Part.QUALITY),
    "functietypering": Q(part=SearchLine.Part.TYPERING),
    "algemene_omschrijving": Q(part=SearchLine.Part.TYPERING, section_kind="algemene_omschrijving"),
    "typering_resultaten": Q(part=SearchLine.Part.TYPERING, section_kind="resultaten"),
    "speelruimte": Q(part=SearchLine.Part.TYPERING, section_kind="speelruimte"),
    "kennis_vaardigheden": Q(part=SearchLine.Part.TYPERING, section_kind="kennis_vaardigheden"),
    "contacten": Q(part=SearchLine.Part.TYPERING, section_kind="contacten"),
    "functiegroep": Q(part=SearchLine.Part.GROUP),
}
PART_CHOICES = [
    ("resultaten", "Kernprofiel: resultaten"),
    ("gedragsindicatoren", "Kernprofiel: gedragsindicatoren"),
    ("competenties", "Competenties"),
    ("kwaliteitenprofiel", "Kwaliteitenprofiel"),
    ("functietypering", "Functietypering (alle onderdelen)"),
    ("algemene_omschrijving", "Functietypering: algemene omschrijving"),
    ("typering_resultaten", "Functietypering: resultaten"),
    ("speelruimte", "Functietypering: speelruimte/kaders"),
    ("kennis_vaardigheden", "Functietypering: kennis en vaardigheden"),
    ("contacten", "Functietypering: contacten"),
    ("functiegroep", "Naam van de functiegroep"),
]


def matching(queryset, query: str):
    """The lines that match `query`, annotated with `rank` (higher is better)."""
    if connection.vendor == "postgresql":
        return queryset.filter(RawSQL(_POSTGRES_MATCH, (query, query), output_field=BooleanField())).annotate(
            rank=RawSQL(_POSTGRES_RANK, (query, query), output_field=FloatField())
        )
    words = query_words(query)
    for word in words:
        queryset = queryset.filter(folded__contains=word)
    return queryset.annotate(rank=Value(1.0, output_field=FloatField())) if words else queryset.none()


class SearchFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="search",
        label="Zoekwoorden",
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    schaal = django_filters.MultipleChoiceFilter(
        label="Schaal",
        widget=forms.CheckboxSelectMultiple,
        help_text="Het kernprofiel geldt voor alle schalen en valt buiten dit filter.",
    )
    onderdeel = django_filters.ChoiceFilter(
        label="Onderdeel", choices=PART_CHOICES, method="filter_part", empty_label="Alle onderdelen"
    )
    resultaatgebied = django_filters.ModelChoiceFilter(
        label="Resultaatgebied", field_name="area", queryset=ResultArea.objects.all(), empty_label="Alle"
    )
    aandachtsgebied = django_filters.ModelChoiceFilter(
        label="Aandachtsgebied",
        field_name="focus_area",
        to_field_name="slug",
        queryset=FocusArea.objects.all(),
        empty_label="Alle",
    )
    competentie = django_filters.ModelChoiceFilter(
        label="Competentie",
        field_name="competency",
        to_field_name="slug",
        queryset=Competency.objects.all(),
        empty_label="Alle",
    )
    functiefamilie = django_filters.ModelChoiceFilter(
        label="Functiefamilie",
        field_name="group__family",
        to_field_name="slug",
        queryset=FunctionFamily.objects.all(),
        empty_label="Alle",
    )

    class Meta:
        model = SearchLine
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schalen = FunctionTypering.objects.order_by("schaal").values_list("schaal", flat=True).distinct()
        self.filters["schaal"].extra["choices"] = [(str(n), f"Schaal {n}") for n in schalen]

    @property
    def is_active(self) -> bool:
        return self.is_bound and any(value not in (None, "", []) for value in self.form.cleaned_data.values())

    @property
    def query(self) -> str:
        return self.form.cleaned_data.get("q") or ""

    def search(self, queryset, name, value):
        return matching(queryset, value)

    def filter_part(self, queryset, name, value):
        return queryset.filter(PARTS[value])

    def filter_queryset(self, queryset):
        if connection.vendor != "postgresql":
            queryset = queryset.alias(folded=RawSQL(_DOCUMENT, (), output_field=TextField()))
        queryset = super().filter_queryset(queryset)
        if "rank" not in queryset.query.annotations:
            queryset = queryset.annotate(rank=Value(1.0, output_field=FloatField()))
        return queryset.annotate(group_rank=Window(Max("rank"), partition_by=[F("group_id")])).order_by(
            "-group_rank", "group__name", F("schaal").asc(nulls_first=True), "sort_order"
        )


@dataclass
class Location:
    label: str
    lines: list = field(default_factory=list)


@dataclass
class GroupResults:
    group: object
    locations: list[Location]


def grouped(lines) -> list[GroupResults]:
    """A page of lines, grouped by functiegroep and then by where each line stands."""
    results = []
    for group, in_group in groupby(lines, key=lambda line: line.group):
        locations = [Location(label, list(items)) for label, items in groupby(in_group, key=lambda line: line.location)]
        results.append(GroupResults(group, locations))
    return results


def suggestion(query: str) -> str:
    """A shorter query to try when nothing matched: the longest word, folded."""
    words = sorted(query_words(query), key=len, reverse=True)
    return words[0] if len(words) > 1 else ""
