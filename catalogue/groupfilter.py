"""The catalogue's filter of functiegroepen on the home page: by schaal, werk- en denkniveau and family."""

import re

import django_filters

from profiles.models import SYNTHETIC_FAMILY, FunctionFamily, FunctionGroup
from profiles.vocabulary import MAX_SCHAAL, MIN_SCHAAL

# The levels in the order of Dutch education, for the choices; any other level a group names comes after.
LEVEL_ORDER = ("vmbo", "mbo", "havo", "vwo", "hbo", "hboplus", "wo", "woplus")
_LEVEL_SPLIT = re.compile(r"\s*(?:,|/|;|\ben\b|\bof\b)\s*", re.IGNORECASE)


def levels(values) -> list[str]:
    """The separate levels in werk- en denkniveau texts such as 'hbo, hboplus, wo' or 'VMBO/MBO'."""
    found = {part.strip().lower() for value in values for part in _LEVEL_SPLIT.split(value or "") if part.strip()}
    known = [level for level in LEVEL_ORDER if level in found]
    return known + sorted(found - set(known))


class GroupFilter(django_filters.FilterSet):
    schaal = django_filters.ChoiceFilter(
        label="Schaal",
        choices=[(str(n), f"Schaal {n}") for n in range(MIN_SCHAAL, MAX_SCHAAL + 1)],
        method="filter_schaal",
        empty_label="Alle schalen",
    )
    niveau = django_filters.ChoiceFilter(label="Werk- en denkniveau", method="filter_level", empty_label="Alle niveaus")
    # Choices read once (see __init__), as the search's vocabulary filters are.
    familie = django_filters.ChoiceFilter(
        label="Functiefamilie", field_name="family__slug", empty_label="Alle functiefamilies"
    )

    class Meta:
        model = FunctionGroup
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:  # without a filter (filter_queryset is not called): the public catalogue
            self.queryset = self.queryset.public()
        values = FunctionGroup.objects.public().exclude(thinking_level="").values_list("thinking_level", flat=True)
        self.filters["niveau"].extra["choices"] = [(level, level) for level in levels(values.distinct())]
        self.family_names = dict(FunctionFamily.objects.values_list("slug", "name"))
        self.filters["familie"].extra["choices"] = list(self.family_names.items())

    @property
    def is_active(self) -> bool:
        """Whether the visitor chose a filter (and it is valid): then the page says how many groups match."""
        return (
            self.is_bound
            and self.is_valid()
            and any(value not in (None, "") for value in self.form.cleaned_data.values())
        )

    def filter_schaal(self, queryset, name, value):
        return queryset.with_schaal(int(value))  # one of the choices, so a number of 1–18

    def filter_level(self, queryset, name, value):
        return queryset.with_level(value)

    def filter_queryset(self, queryset):
        family = self.family_names.get(self.form.cleaned_data.get("familie"))
        if family != SYNTHETIC_FAMILY:  # the benchmark's groups only when asked for
            queryset = queryset.public()
        return super().filter_queryset(queryset)
