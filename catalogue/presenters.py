"""Shapes the records a view read into what the page templates loop over, so that templates need no logic.

Every function here works on objects that the view read in full (`for_page`, `in_full`); none of them queries
the database.
"""

from dataclasses import dataclass, field, replace
from itertools import groupby

from catalogue.alignment import new_text_marks, split_segments
from catalogue.comparison import line_text, quality_items, quality_key, typering_items, typering_key
from profiles import fuwasys
from profiles.models import (
    Characteristic,
    FunctionGroup,
    FunctionTypering,
    KernprofielList,
    LineKind,
    QualityProfile,
    QualityProfileSection,
    ResultArea,
    TyperingCode,
    descents_by_schaal,
)

# The kind of the block that holds a kwaliteitenprofiel's competency links (the other kinds are its sections').
COMPETENCIES_BLOCK = "competenties"
# Sections that the source places under its "Opleiding: Rijk" heading.
EDUCATION_KINDS = {QualityProfileSection.Kind.THINKING_LEVEL, QualityProfileSection.Kind.EDUCATION_FIELD}


@dataclass
class LineBlock:
    """A run of a list as the page shows it: an intro line, a footnote, or the lines of one <ul>."""

    kind: str  # "intro", "footnote" or "list"
    lines: list

    @property
    def line(self):
        return self.lines[0]


def line_blocks(lines) -> list[LineBlock]:
    """Lines in order, with each intro and footnote on its own and the lines between them in one list."""
    blocks: list[LineBlock] = []
    for line in lines:
        if line.kind in (LineKind.INTRO, LineKind.FOOTNOTE):
            blocks.append(LineBlock("intro" if line.kind == LineKind.INTRO else "footnote", [line]))
        elif blocks and blocks[-1].kind == "list":
            blocks[-1].lines.append(line)
        else:
            blocks.append(LineBlock("list", [line]))
    return blocks


@dataclass
class AreaLines:
    area: ResultArea
    label: str  # the heading as the source writes it
    lines: list
    blocks: list[LineBlock]


@dataclass
class Kernprofiel:
    results: list[AreaLines]
    indicators: list[AreaLines]
    competencies: list
    examples: list[str]
    # The headings of Resultaten, Gedragsindicatoren and Competenties as the source writes them.
    labels: dict[str, str]


@dataclass
class BlockPart:
    """One sub-area (typering) or aandachtsgebied (kwaliteitenprofiel) of a block, or the whole block."""

    label: str
    lines: list
    blocks: list[LineBlock]


@dataclass
class Block:
    """A heading of the source with what stands under it; `nested` blocks sit below an 'Opleiding' heading."""

    kind: str
    label: str
    parts: list[BlockPart] = field(default_factory=list)
    nested: bool = False
    heading_only: bool = False


@dataclass
class KenmerkScore:
    number: int
    name: str
    score: int


@dataclass
class ScoreGroup:
    label: str
    scores: list[KenmerkScore]


@dataclass
class CodeDisplay:
    """One FUWASYS code as published, with its scores (when they can be read) and what is wrong with it."""

    label: str
    code: str
    is_valid: bool
    problems: tuple[str, ...]
    score_groups: list[ScoreGroup]
    total: int | None


@dataclass
class FuwasysDisplay:
    codes: list[CodeDisplay]
    descents: list[str] = field(default_factory=list)
    # What each kenmerk measures, in plain Dutch, for the note beside every table of scores; named as the tables
    # name them.
    kenmerken: tuple = fuwasys.KENMERKEN


@dataclass
class Schaal:
    number: int
    typering: FunctionTypering | None
    profile: QualityProfile | None
    typering_blocks: list[Block]
    profile_blocks: list[Block]
    fuwasys: FuwasysDisplay | None

    @property
    def anchor(self) -> str:
        return f"schaal-{self.number}"

    @property
    def label(self) -> str:
        return f"Schaal {self.number}"


def kernprofiel(group: FunctionGroup) -> Kernprofiel:
    headings = group.loaded_headings
    labels = {part.value: part.label for part in KernprofielList}
    labels |= {heading.part: heading.label for heading in headings if heading.area_id is None}
    return Kernprofiel(
        results=_by_area(group.loaded_results, headings, KernprofielList.RESULTS),
        indicators=_by_area(group.loaded_indicators, headings, KernprofielList.INDICATORS),
        competencies=group.loaded_competency_links,
        examples=group.examples.splitlines(),
        labels=labels,
    )


def _by_area(lines, headings, part: str) -> list[AreaLines]:
    """The lines per resultaatgebied under the source's heading; an area with a heading but no lines too."""
    lines_by_area: dict[ResultArea, list] = {}
    for line in lines:
        lines_by_area.setdefault(line.area, []).append(line)
    headings = [heading for heading in headings if heading.part == part and heading.area_id is not None]
    areas = {area.pk: area for area in lines_by_area} | {heading.area_id: heading.area for heading in headings}
    labels = {heading.area_id: heading.label for heading in headings}
    return [
        AreaLines(area, labels.get(area.pk, area.name), items, line_blocks(items))
        for area in sorted(areas.values(), key=lambda area: area.position)
        for items in [lines_by_area.get(area, [])]
    ]


def schalen(typeringen, profiles, characteristics) -> list[Schaal]:
    """One entry per schaal that has a typering or a kwaliteitenprofiel, ascending. `characteristics` are the
    14 kenmerken (Characteristic), which name the scores."""
    typering_by_schaal = {typering.schaal: typering for typering in typeringen}
    profile_by_schaal = {profile.schaal: profile for profile in profiles}
    descents = descents_by_schaal(
        [(t.schaal, code.code) for t in typering_by_schaal.values() for code in t.loaded_codes]
    )
    names = KenmerkNames.of(characteristics)
    return [
        _schaal(
            number,
            typering_by_schaal.get(number),
            profile_by_schaal.get(number),
            descents.get(number, []),
            names,
        )
        for number in sorted(typering_by_schaal.keys() | profile_by_schaal.keys())
    ]


def schaal(
    number: int,
    typering: FunctionTypering | None,
    profile: QualityProfile | None,
    descents: list[str],
    characteristics,
) -> Schaal:
    return _schaal(number, typering, profile, descents, KenmerkNames.of(characteristics))


@dataclass(frozen=True)
class KenmerkNames:
    """The kenmerken as the database names them: each Characteristic by number, and the kenmerk help
    (fuwasys.KENMERKEN) with those names. Worked out once per page, not for every typering."""

    by_number: dict[int, Characteristic]
    kenmerken: tuple

    @classmethod
    def of(cls, characteristics) -> "KenmerkNames":
        by_number = {characteristic.number: characteristic for characteristic in characteristics}
        kenmerken = tuple(
            replace(kenmerk, name=by_number[kenmerk.number].name) if kenmerk.number in by_number else kenmerk
            for kenmerk in fuwasys.KENMERKEN
        )
        return cls(by_number, kenmerken)


def _schaal(
    number: int,
    typering: FunctionTypering | None,
    profile: QualityProfile | None,
    descents: list[str],
    names: KenmerkNames,
) -> Schaal:
    return Schaal(
        number=number,
        typering=typering,
        profile=profile,
        typering_blocks=_blocks(typering.loaded_sections, sub_label="sub_area_label") if typering else [],
        profile_blocks=_profile_blocks(profile) if profile else [],
        fuwasys=_fuwasys_display(typering, descents, names) if typering else None,
    )


def _fuwasys_display(typering: FunctionTypering, descents: list[str], names: KenmerkNames) -> FuwasysDisplay:
    """The typering's codes and the kenmerk help, both naming the kenmerken as the database does."""
    codes = [code_display(code, names.by_number) for code in typering.loaded_codes]
    return FuwasysDisplay(codes, descents, names.kenmerken)


def mark_new_text(schaal: Schaal, lower_typering, lower_profile) -> bool:
    """Mark in the schaal's lines what is new relative to the next-lower schaal: the FGR's "vet-blauw".

    Each line gets `marked_pieces`: the segments of its text and of each continuation line, with the new words
    as "insert". A typering or profile without a counterpart at the lower schaal is left unmarked. Returns
    whether anything was compared (and the page's legend applies).
    """
    compared = False
    if schaal.typering and lower_typering:
        _mark(schaal.typering.loaded_sections, typering_key, typering_items(lower_typering))
        compared = True
    if schaal.profile and lower_profile:
        _mark(schaal.profile.loaded_sections, quality_key, quality_items(lower_profile))
        compared = True
    return compared


def _mark(sections, key_of, lower_parts) -> None:
    lines_by_part: dict[str, list] = {}
    for section in sections:
        lines_by_part.setdefault(key_of(section)[0], []).extend(section.loaded_lines)
    for key, lines in lines_by_part.items():
        lower = lower_parts[key][2] if key in lower_parts else []
        for line, segments in zip(lines, new_text_marks(lower, [line_text(line) for line in lines]), strict=True):
            pieces = [line.text, *line.continuation.splitlines()]
            line.marked_pieces = split_segments(segments, [len(piece) for piece in pieces])


def _blocks(sections, *, sub_label: str) -> list[Block]:
    """Consecutive sections under the same heading become one block with a part per sub-label."""
    blocks: list[Block] = []
    for (kind, label), group in groupby(sections, key=lambda section: (section.kind, section.label)):
        parts = []
        for section in group:
            lines = section.loaded_lines
            parts.append(BlockPart(getattr(section, sub_label), lines, line_blocks(lines)))
        blocks.append(Block(kind, label, parts))
    return blocks


def _profile_blocks(profile: QualityProfile) -> list[Block]:
    blocks = _blocks(profile.loaded_sections, sub_label="focus_area_label")
    shaped: list[Block] = []
    for block in blocks:
        block.nested = bool(profile.education_heading) and block.kind in EDUCATION_KINDS
        if block.nested and not any(previous.nested for previous in shaped):
            shaped.append(Block("opleiding", profile.education_heading, heading_only=True))
        shaped.append(block)
    # The source lists the competencies between the departmental education and competencies.
    position = next(
        (i for i, block in enumerate(shaped) if block.kind == QualityProfileSection.Kind.DEPARTMENT_COMPETENCIES),
        len(shaped),
    )
    links = profile.loaded_competency_links
    shaped.insert(
        position, Block(COMPETENCIES_BLOCK, profile.competencies_label or "Competenties", [BlockPart("", links, [])])
    )
    return shaped


def code_display(code: TyperingCode, by_number: dict) -> CodeDisplay:
    """The code with its scores (read from the code) per kenmerk, in the kenmerken's groups; `by_number` holds
    the Characteristic of each kenmerk number."""
    problems = code.problems
    scored = [
        (by_number[number], score)
        for number, score in enumerate(code.readable_scores or (), start=1)
        if number in by_number
    ]
    groups = [
        ScoreGroup(label, [KenmerkScore(kenmerk.number, kenmerk.name, score) for kenmerk, score in items])
        for label, items in groupby(scored, key=lambda pair: pair[0].get_group_display())
    ]
    return CodeDisplay(code.label, code.code, not problems, problems, groups, code.total)


@dataclass
class CompetencyUse:
    """Where one functiegroep asks for a competency: in its kernprofiel and/or the kwaliteitenprofielen of schalen,
    with the spellings the source uses there."""

    group: FunctionGroup
    in_kernprofiel: bool = False
    schalen: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)

    def add_label(self, label: str) -> None:
        if label not in self.labels:
            self.labels.append(label)


def competency_uses(group_links, profile_links) -> dict[int, list[CompetencyUse]]:
    """Per competency id, the groups that ask for it, in group order."""
    uses: dict[int, dict[int, CompetencyUse]] = {}
    for link in group_links:
        use = uses.setdefault(link.competency_id, {}).setdefault(link.group_id, CompetencyUse(link.group))
        use.in_kernprofiel = True
        use.add_label(link.label)
    for link in profile_links:
        group = link.profile.group
        use = uses.setdefault(link.competency_id, {}).setdefault(group.pk, CompetencyUse(group))
        use.schalen.append(link.profile.schaal)
        use.add_label(link.label)
    return {
        competency_id: sorted(by_group.values(), key=lambda use: use.group.name)
        for competency_id, by_group in uses.items()
    }


@dataclass
class CompetencyCount:
    competency: object
    groups: int
    schalen: int


def competency_counts(competencies, group_pairs, profile_triples) -> list[CompetencyCount]:
    """Each competency once, with how many groups and how many schalen (of all groups together) ask for it.

    `group_pairs` are (competency id, group id) of the kernprofielen, `profile_triples` (competency id, group id,
    schaal) of the kwaliteitenprofielen; a kernprofiel asks for its competencies at every schaal of its group.
    """
    groups: dict[int, set[int]] = {}
    schalen: dict[int, set[tuple[int, int]]] = {}
    for competency_id, group_id in group_pairs:
        groups.setdefault(competency_id, set()).add(group_id)
    for competency_id, group_id, schaal in profile_triples:
        groups.setdefault(competency_id, set()).add(group_id)
        schalen.setdefault(competency_id, set()).add((group_id, schaal))
    return [
        CompetencyCount(competency, len(groups.get(competency.pk, ())), len(schalen.get(competency.pk, ())))
        for competency in competencies
    ]


@dataclass
class Spelling:
    """A competency as the source writes it, with the anchors of the links that write it so."""

    label: str
    anchors: list[str]

    @property
    def first_anchor(self) -> str:
        return self.anchors[0]

    @property
    def other_anchors(self) -> list[str]:
        return self.anchors[1:]


@dataclass
class SchaalCompetency:
    """A competency that one schaal asks for, once, with where it comes from and the source's spellings."""

    competency: object
    in_kernprofiel: bool
    in_profile: bool
    spellings: list[Spelling]

    @property
    def source(self) -> str:
        if self.in_kernprofiel and self.in_profile:
            return "kernprofiel en het kwaliteitenprofiel"
        return "kernprofiel" if self.in_kernprofiel else "kwaliteitenprofiel"


def schaal_competencies(kernprofiel_links, profile_links) -> list[SchaalCompetency]:
    """The competencies of a kernprofiel and a kwaliteitenprofiel together, each once, in the order they come."""
    merged: dict[int, SchaalCompetency] = {}
    for links, in_kern, prefix in (
        (kernprofiel_links, True, "competentie"),
        (profile_links, False, "kwaliteitcompetentie"),
    ):
        for link in links:
            entry = merged.setdefault(link.competency_id, SchaalCompetency(link.competency, False, False, []))
            entry.in_kernprofiel |= in_kern
            entry.in_profile |= not in_kern
            spelling = next((spelling for spelling in entry.spellings if spelling.label == link.label), None)
            if spelling is None:
                entry.spellings.append(Spelling(link.label, [f"{prefix}-{link.pk}"]))
            else:
                spelling.anchors.append(f"{prefix}-{link.pk}")
    return list(merged.values())


@dataclass
class FamilyGroups:
    family: object
    groups: list


def by_family(groups) -> list[FamilyGroups]:
    """Groups ordered by family and name, as one entry per family."""
    return [FamilyGroups(family, list(items)) for family, items in groupby(groups, key=lambda group: group.family)]


@dataclass
class RangeBar:
    """One group's schalen on the family page's chart: the group, and its lowest and highest schaal."""

    group: FunctionGroup
    lowest: int
    highest: int


def schaal_bars(groups) -> list[RangeBar]:
    return [RangeBar(g, g.lowest_schaal, g.highest_schaal) for g in groups if g.lowest_schaal is not None]
