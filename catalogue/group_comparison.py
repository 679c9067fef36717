"""Two or three functiegroepen side by side, built from records read in full (`for_page`, `in_full`).

Like the FGR's own "Functiegroepen vergelijken": the kernprofiel's results and gedragsindicatoren per
resultaatgebied, aligned and diffed column by column as in the schaal comparison; the kernprofiel's competencies
with those that every group asks for marked; and the kwaliteitenprofiel of one schaal per group.
"""

import operator
from dataclasses import dataclass
from functools import reduce

from django.db.models import Q

from catalogue import presenters
from catalogue.alignment import ColumnParts, Part, add, compare_parts
from catalogue.comparison import line_text, quality_items, quality_sort_key
from profiles.models import FunctionGroup, FunctionTypering, KernprofielList, QualityProfile

EXAMPLES_KEY = "voorbeelden"
PART_ORDER = [KernprofielList.RESULTS.value, EXAMPLES_KEY, KernprofielList.INDICATORS.value]


@dataclass
class GroupColumn:
    group: FunctionGroup
    schalen: list[int]
    schaal: int | None  # whose kwaliteitenprofiel is compared
    profile: QualityProfile | None

    @property
    def name(self) -> str:
        return self.group.name

    @property
    def profile_name(self) -> str:
        if self.profile is None:
            return f"{self.group.name} (geen kwaliteitenprofiel)"
        return f"{self.group.name}, schaal {self.schaal}"


@dataclass
class CompetencyRow:
    competency: object
    labels: list[str]  # per column, the source's spelling, or "" where the group does not ask for it
    names: list[str]  # the columns' names

    @property
    def shared(self) -> bool:
        return all(self.labels)

    @property
    def cells(self) -> list[tuple[str, str]]:
        return list(zip(self.names, self.labels, strict=True))


@dataclass
class GroupComparison:
    columns: list[GroupColumn]
    kernprofiel_parts: list[Part]
    competencies: list[CompetencyRow]
    quality_parts: list[Part]

    @property
    def names(self) -> list[str]:
        return [column.name for column in self.columns]

    @property
    def shared_competencies(self) -> int:
        return sum(row.shared for row in self.competencies)


@dataclass
class GroupSchalen:
    all: list[int]  # the schalen that have a typering or a kwaliteitenprofiel
    with_profile: list[int]


def schalen_by_group(groups) -> dict[str, GroupSchalen]:
    """Per group's slug, its schalen (two queries, whatever the number of groups)."""
    found = {group.slug: GroupSchalen([], []) for group in groups}
    slugs = {group.pk: group.slug for group in groups}
    typeringen = FunctionTypering.objects.filter(group__in=groups).values_list("group_id", "schaal")
    for group_id, schaal in typeringen:
        found[slugs[group_id]].all.append(schaal)
    for group_id, schaal in QualityProfile.objects.filter(group__in=groups).values_list("group_id", "schaal"):
        found[slugs[group_id]].all.append(schaal)
        found[slugs[group_id]].with_profile.append(schaal)
    for schalen in found.values():
        schalen.all = sorted(set(schalen.all))
        schalen.with_profile.sort()
    return found


def columns(groups, shown: dict[str, int | None], schalen: dict[str, GroupSchalen]) -> list[GroupColumn]:
    """The compared groups in the order chosen (`shown`: per slug, the schaal whose kwaliteitenprofiel is shown)."""
    by_slug = {group.slug: group for group in groups}
    wanted = [(by_slug[slug].pk, schaal) for slug, schaal in shown.items() if schaal is not None]
    profiles = QualityProfile.objects.filter(
        reduce(operator.or_, (Q(group_id=group_id, schaal=schaal) for group_id, schaal in wanted), Q(pk__in=[]))
    ).in_full()
    by_key = {(profile.group_id, profile.schaal): profile for profile in profiles}
    return [
        GroupColumn(by_slug[slug], schalen[slug].all, schaal, by_key.get((by_slug[slug].pk, schaal)))
        for slug, schaal in shown.items()
    ]


def compare(columns: list[GroupColumn]) -> GroupComparison:
    names = [column.name for column in columns]
    kernprofielen = [presenters.kernprofiel(column.group) for column in columns]
    return GroupComparison(
        columns=columns,
        kernprofiel_parts=compare_parts(
            [_kernprofiel_items(kernprofiel) for kernprofiel in kernprofielen],
            names,
            _sort_key,
            "kernprofiel",
            across_groups=True,
        ),
        competencies=_competency_rows([kernprofiel.competencies for kernprofiel in kernprofielen], names),
        quality_parts=compare_parts(
            [quality_items(column.profile) for column in columns],
            [column.profile_name for column in columns],
            quality_sort_key,
            "kwaliteit",
            across_groups=True,
        ),
    )


def _kernprofiel_items(kernprofiel: presenters.Kernprofiel) -> ColumnParts:
    parts: ColumnParts = {}
    for part, areas in (
        (KernprofielList.RESULTS, kernprofiel.results),
        (KernprofielList.INDICATORS, kernprofiel.indicators),
    ):
        for area in areas:
            texts = [line_text(line) for line in area.lines]
            add(parts, f"{part.value}:{area.area.position}", f"{part.label} – {area.area.name}", area.label, texts)
    if kernprofiel.examples:
        add(parts, EXAMPLES_KEY, "Voorbeelden producten en/of diensten", "", kernprofiel.examples)
    return parts


def _sort_key(key: str, appearance: int) -> tuple:
    part, _, position = key.partition(":")
    return (PART_ORDER.index(part), int(position or 0), appearance)


def _competency_rows(columns: list[list], names: list[str]) -> list[CompetencyRow]:
    """Each competency of the kernprofielen once: those that every group asks for first, then in order of coming."""
    rows: dict[int, CompetencyRow] = {}
    for index, links in enumerate(columns):
        for link in links:
            row = rows.setdefault(link.competency_id, CompetencyRow(link.competency, [""] * len(columns), names))
            row.labels[index] = row.labels[index] or link.label
    return sorted(rows.values(), key=lambda row: not row.shared)
