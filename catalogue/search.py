"""Search over the catalogue's lines, with django-filter for the filters.

One rule on both databases: a line matches when every query word, or its near form (highlight.near_form:
"archie" for "archief" and "archieven"), occurs in the line's folded words (`SearchLine.folded`), inside a word
too ("beheer" finds "informatiebeheer"). PostgreSQL finds the lines through a trigram index on `folded`,
SQLite through an FTS5 trigram table over it (catalogue/search_index.py). The rank puts lines with the query's
words as whole words first, then those where a word starts with them.
"""

import re
from dataclasses import dataclass, field
from itertools import groupby

import django_filters
from django import forms
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL

from catalogue.highlight import near_form, query_words, search_terms, short_words
from catalogue.models import SearchLine
from catalogue.search_index import FTS_TABLE
from profiles.models import Competency, FocusArea, FunctionFamily, FunctionTypering, ResultArea

MAX_QUERY_LENGTH = 200
# A trigram index finds parts of at least three characters; shorter ones are looked for without it.
_TRIGRAM = 3

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

# The filters on the FGR's vocabulary: the model that offers the choices, the value a choice has in the address,
# and the search line's field it filters on.
VOCABULARY_FILTERS = {
    "resultaatgebied": (ResultArea, "pk", "area"),
    "aandachtsgebied": (FocusArea, "slug", "focus_area"),
    "competentie": (Competency, "slug", "competency"),
    "functiefamilie": (FunctionFamily, "slug", "group__family"),
}


def matching(queryset, query: str):
    """The lines that match `query`, annotated with `rank` (higher is better)."""
    terms = search_terms(query)
    if not terms:
        phrase = short_words(query)
        if not phrase:
            return queryset.none()
        return queryset.filter(folded__contains=f" {phrase} ").annotate(rank=Value(1, output_field=IntegerField()))
    forms = [near_form(term) for term in terms]
    indexed = [form for form in forms if len(form) >= _TRIGRAM]
    if connection.vendor == "sqlite" and indexed:
        phrase = " AND ".join(f'"{form}"' for form in indexed)  # forms are word characters only
        queryset = queryset.filter(
            id__in=RawSQL(f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s", (phrase,))
        )
        forms = [form for form in forms if form not in indexed]
    for form in forms:
        queryset = queryset.filter(folded__contains=form)
    return queryset.annotate(rank=sum(_word_rank(term) for term in terms))


def _word_rank(term: str):
    """3 where `term` is a whole word of the line, 2 where a word starts with its near form, else 1."""
    return Case(
        When(folded__contains=f" {term} ", then=Value(3)),
        When(folded__contains=f" {near_form(term)}", then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )


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
        distinct=False,  # one row per line already: DISTINCT would only sort every match once more
    )
    onderdeel = django_filters.ChoiceFilter(
        label="Onderdeel", choices=PART_CHOICES, method="filter_part", empty_label="Alle onderdelen"
    )
    # The vocabulary filters are choices read once per request, one plain query each (see __init__): a
    # ModelChoiceFilter reads its table again to validate and again to render, on PostgreSQL through a
    # server-side cursor (several round trips each time).
    resultaatgebied = django_filters.ChoiceFilter(
        label="Resultaatgebied", method="filter_by_vocabulary", empty_label="Alle"
    )
    aandachtsgebied = django_filters.ChoiceFilter(
        label="Aandachtsgebied", method="filter_by_vocabulary", empty_label="Alle"
    )
    competentie = django_filters.ChoiceFilter(label="Competentie", method="filter_by_vocabulary", empty_label="Alle")
    functiefamilie = django_filters.ChoiceFilter(
        label="Functiefamilie", method="filter_by_vocabulary", empty_label="Alle"
    )

    class Meta:
        model = SearchLine
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schalen = FunctionTypering.objects.order_by("schaal").values_list("schaal", flat=True).distinct()
        self.filters["schaal"].extra["choices"] = [(str(n), f"Schaal {n}") for n in schalen]
        # Per vocabulary filter, the id of each value it offers (a slug; a result area's id).
        self.vocabulary_ids: dict[str, dict[str, int]] = {}
        for name, (model, key, _) in VOCABULARY_FILTERS.items():
            rows = list(model.objects.values_list(key, "name", "pk"))
            self.filters[name].extra["choices"] = [(str(value), label) for value, label, _ in rows]
            self.vocabulary_ids[name] = {str(value): pk for value, _, pk in rows}

    @property
    def is_active(self) -> bool:
        return self.is_bound and any(value not in (None, "", []) for value in self.form.cleaned_data.values())

    @property
    def query(self) -> str:
        return self.form.cleaned_data.get("q") or ""

    def search(self, queryset, name, value):
        return matching(queryset, value)

    def filter_by_vocabulary(self, queryset, name, value):
        _, _, field = VOCABULARY_FILTERS[name]
        return queryset.filter(**{field: self.vocabulary_ids[name][value]})

    def filter_part(self, queryset, name, value):
        return queryset.filter(PARTS[value])

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if "rank" not in queryset.query.annotations:
            queryset = queryset.annotate(rank=Value(1, output_field=IntegerField()))
        return queryset


# The matching runs once per page: the lines of the page, their total and the number of groups all come from
# one statement over the matches, ordered by the group's best rank, then as the pages show them. The group's rank
# is a window, not a join with an aggregate: the planner cannot estimate how many lines match several words, and
# once joined nested-looped a thousand groups over a thousand lines.
_PAGE_SQL = """
WITH matches AS MATERIALIZED ({matches}),
ranked AS (SELECT m.*, MAX(m.rank) OVER (PARTITION BY m.group_id) AS group_rank FROM matches m)
SELECT r.id,
       (SELECT COUNT(*) FROM matches) AS total,
       (SELECT COUNT(*) FROM (SELECT DISTINCT group_id FROM matches) AS groups) AS group_count
  FROM ranked r JOIN profiles_functiongroup g ON g.id = r.group_id
 ORDER BY r.group_rank DESC, g.name, r.schaal NULLS FIRST, r.sort_order
 LIMIT %s OFFSET %s
"""


@dataclass
class ResultPage:
    """One page of matching lines, with the counts of all matches."""

    lines: list
    number: int
    total: int
    group_count: int
    per_page: int

    @property
    def num_pages(self) -> int:
        return page_count(self.total, self.per_page)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.num_pages

    @property
    def has_other_pages(self) -> bool:
        return self.num_pages > 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def page_count(total: int, per_page: int) -> int:
    """How many pages `total` lines fill; an empty result still has its one page."""
    return max(1, -(-total // per_page))


def result_page(matches, requested: str | None, per_page: int) -> ResultPage:
    """The page `requested` of `matches` (a filtered SearchFilter queryset); a page out of range gives the last."""
    number = requested_page(requested)
    columns = matches.order_by().values("id", "group_id", "rank", "schaal", "sort_order")
    try:
        sql, params = columns.query.sql_with_params()
    except EmptyResultSet:  # a query that can match nothing, such as one without words
        return ResultPage([], 1, 0, 0, per_page)
    rows = _page_rows(sql, params, per_page, number)
    if not rows and number > 1:  # beyond the last page: count, then show the last one
        number = page_count(columns.count(), per_page)
        rows = _page_rows(sql, params, per_page, number)
    total, group_count = (rows[0][1], rows[0][2]) if rows else (0, 0)
    by_id = SearchLine.objects.for_results().in_bulk([row[0] for row in rows])
    return ResultPage([by_id[row[0]] for row in rows], number, total, group_count, per_page)


# No search has this many pages of 25 lines; a larger number asks for the last page, and never reaches the database.
MAX_PAGE = 10_000
_PAGE_NUMBER = re.compile(r"[0-9]{1,9}")


def requested_page(requested: str | None) -> int:
    """The page number asked for, 1 to MAX_PAGE: anything else (text, a sign, 20 digits) is read as 1 or MAX_PAGE."""
    text = (requested or "").strip()
    if not _PAGE_NUMBER.fullmatch(text):
        return MAX_PAGE if text.isascii() and text.isdigit() else 1
    return min(max(1, int(text)), MAX_PAGE)


def _page_rows(sql: str, params, per_page: int, number: int) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(_PAGE_SQL.format(matches=sql), (*params, per_page, (number - 1) * per_page))
        return cursor.fetchall()


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
