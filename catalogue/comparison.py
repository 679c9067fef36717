"""The side-by-side comparison of 2–4 schalen of a group, built from records read in full (`in_full`).

The typeringen and kwaliteitenprofielen become parts (catalogue.alignment); the FUWASYS codes become a table of
their own, with the scores per kenmerk and the stated totals compared column by column; and each step from one
column to the next gets a summary in plain Dutch. The templates and the CSV only loop over the result.
"""

from dataclasses import dataclass, field

from catalogue.alignment import ColumnParts, Counts, Part, add, compare_parts
from profiles import fuwasys, vocabulary
from profiles.models import FunctionTypering, QualityProfile, QualityProfileSection, TyperingSection, descents_by_schaal

FUNCTIETYPERING, KWALITEITENPROFIEL = "functietypering", "kwaliteitenprofiel"
TYPERING_ORDER = [kind for kind, _ in TyperingSection.Kind.choices]
SUB_AREA_ORDER = [sub_area.key for sub_area in vocabulary.KNOWN_SUB_AREAS]
QUALITY_ORDER = [
    QualityProfileSection.Kind.EXPERIENCE,
    QualityProfileSection.Kind.THINKING_LEVEL,
    QualityProfileSection.Kind.EDUCATION_FIELD,
    QualityProfileSection.Kind.OTHER_KNOWLEDGE,
    QualityProfileSection.Kind.DEPARTMENT_EDUCATION,
    "competenties",
    QualityProfileSection.Kind.DEPARTMENT_COMPETENCIES,
]


# -- FUWASYS --------------------------------------------------------------------------------------------------


@dataclass
class CodeCell:
    label: str
    code: str
    is_valid: bool
    problems: tuple[str, ...]


@dataclass
class Readability:
    """Whether a column's scores per kenmerk can be read, and if not, why."""

    readable: bool
    reason: str = ""
    column: str = ""  # the column's name, "Schaal 6"


@dataclass
class Score:
    value: int | None
    delta: int | None  # against the nearest column to the left whose value can be read
    compared_with: int | None = None  # that column's schaal
    skipped: bool = False  # whether that column is not the one directly to the left
    # The values of the schaal's other variants, as (label, value): the column compares its first readable code.
    variants: list[tuple[str, int]] = field(default_factory=list)
    column: str = ""  # the column's name, "Schaal 6"
    label: str = ""  # the label of the variant that `value` is of, when the schaal has several
    missing: str = "geen score"  # what an empty cell says to a screen reader

    @property
    def shown_label(self) -> str:
        return _variant_name(self.label) if self.variants else ""

    @property
    def shown_variants(self) -> list[tuple[str, int]]:
        return [(_variant_name(label), value) for label, value in self.variants]

    @property
    def descends(self) -> bool:
        return bool(self.delta and self.delta < 0)


@dataclass
class KenmerkRow:
    number: int
    name: str
    group: str
    scores: list[Score]

    @property
    def anchor(self) -> str:
        return f"vergelijking-kenmerk-{self.number}"

    @property
    def identical(self) -> bool:
        """Nothing to show with "alleen verschillen": every score that can be read, of every variant, is the same."""
        values = {score.value for score in self.scores if score.value is not None}
        values |= {value for score in self.scores for _, value in score.variants}
        return len(values) <= 1


@dataclass
class CodeColumn:
    column: str
    codes: list[CodeCell]  # each code of the schaal (several when it has variants)


@dataclass
class FuwasysTable:
    codes: list[CodeColumn]
    readability: list[Readability]
    kenmerken: list[KenmerkRow]
    totals: list[Score]  # the totals the source states, compared like the scores

    @property
    def any_unreadable(self) -> bool:
        return not all(column.readable for column in self.readability)

    @property
    def kenmerken_identical(self) -> bool:
        return all(row.identical for row in self.kenmerken)


# -- the summary ----------------------------------------------------------------------------------------------


@dataclass
class KenmerkChange:
    number: int
    name: str
    lower: int
    higher: int
    anchor: str


@dataclass
class PartChange:
    part: Part
    column: int
    counts: Counts

    @property
    def cells(self):
        return self.part.changed_cells(self.column)


@dataclass
class Step:
    """What changes from one column to the next, in the order the summary says it."""

    lower: int
    higher: int
    total: tuple[int, int] | None  # the stated totals, when both can be read
    rose: list[KenmerkChange]
    fell: list[KenmerkChange]
    typering_parts: list[PartChange]
    quality_parts: list[PartChange]
    # What could not be compared and why: FUWASYS scores that cannot be read, a missing typering or profile.
    fuwasys_notes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def parts(self) -> list[PartChange]:
        return self.typering_parts + self.quality_parts

    @property
    def sections(self) -> list[tuple[str, list[PartChange]]]:
        return [("Functietypering", self.typering_parts), ("Kwaliteitenprofiel", self.quality_parts)]

    @property
    def total_delta(self) -> int | None:
        return self.total[1] - self.total[0] if self.total else None

    @property
    def says_fuwasys(self) -> bool:
        return bool(self.total or self.rose or self.fell or self.fuwasys_notes)

    @property
    def scores_equal(self) -> bool:
        """Both schalen's scores can be read and none differs."""
        return not (self.rose or self.fell or self.fuwasys_notes)

    @property
    def no_differences(self) -> bool:
        return not (self.total_delta or self.rose or self.fell or self.parts or self.fuwasys_notes or self.notes)


@dataclass
class Comparison:
    schalen: list[int]
    fuwasys: FuwasysTable
    typering_parts: list[Part]
    quality_parts: list[Part]
    descents: list[str]
    steps: list[Step]

    @property
    def parts(self) -> list[Part]:
        return self.typering_parts + self.quality_parts

    @property
    def names(self) -> list[str]:
        return [f"Schaal {schaal}" for schaal in self.schalen]

    @property
    def quality_same_as_left(self) -> list[tuple[int, int]]:
        """(lower, higher) pairs of neighbouring columns whose whole kwaliteitenprofielen are the same."""
        return [
            (self.schalen[index - 1], self.schalen[index])
            for index in range(1, len(self.schalen))
            if any(part.same_as_left[index] for part in self.quality_parts)
            and all(part.same_as_left[index] is not False for part in self.quality_parts)
        ]


def compare(schalen: list[int], typeringen: list[FunctionTypering], profiles: list[QualityProfile]) -> Comparison:
    typering_by_schaal = {typering.schaal: typering for typering in typeringen}
    profile_by_schaal = {profile.schaal: profile for profile in profiles}
    columns_t = [typering_by_schaal.get(schaal) for schaal in schalen]
    columns_q = [profile_by_schaal.get(schaal) for schaal in schalen]
    names = [f"Schaal {schaal}" for schaal in schalen]
    table = _fuwasys_table(schalen, columns_t)
    typering_parts = compare_parts([typering_items(t) for t in columns_t], names, _typering_sort_key, "typering")
    quality_parts = compare_parts([quality_items(p) for p in columns_q], names, quality_sort_key, "kwaliteit")
    return Comparison(
        schalen=schalen,
        fuwasys=table,
        typering_parts=typering_parts,
        quality_parts=quality_parts,
        descents=[
            message
            for messages in descents_by_schaal(
                [(t.schaal, code.code) for t in columns_t if t for code in t.loaded_codes]
            ).values()
            for message in messages
        ],
        steps=[
            _step(
                schalen,
                index,
                table,
                {
                    FUNCTIETYPERING: (typering_parts, [typering is not None for typering in columns_t]),
                    KWALITEITENPROFIEL: (quality_parts, [profile is not None for profile in columns_q]),
                },
            )
            for index in range(1, len(schalen))
        ],
    )


def _step(schalen: list[int], index: int, table: FuwasysTable, parts: dict[str, tuple[list[Part], list[bool]]]) -> Step:
    """The step from column `index - 1` to `index`. `parts` holds, for the typeringen and the profiles, their parts
    and per column whether the schaal has one: a schaal without it is said so, not compared line by line."""
    lower, higher = table.totals[index - 1].value, table.totals[index].value
    pair = (index - 1, index)
    compared, notes = {}, []
    for kind, (kind_parts, present) in parts.items():
        missing = [schalen[column] for column in pair if not present[column]]
        compared[kind] = [] if missing else _changes(kind_parts, index)
        notes += [
            f"Schaal {schaal} heeft geen {kind}; de {kind}en zijn hier niet vergeleken."
            for schaal in missing
            if any(present)
        ]
    fuwasys_notes = [
        f"De scores per kenmerk van schaal {schalen[column]} zijn niet te lezen en zijn daarom niet vergeleken."
        if table.codes[column].codes
        else f"Schaal {schalen[column]} heeft geen FUWASYS-code."
        for column in pair
        if not table.readability[column].readable
    ]
    changes = [
        KenmerkChange(row.number, row.name, row.scores[index - 1].value, row.scores[index].value, row.anchor)
        for row in table.kenmerken
        if row.scores[index].delta and not row.scores[index].skipped
    ]
    return Step(
        lower=schalen[index - 1],
        higher=schalen[index],
        total=(lower, higher) if lower is not None and higher is not None else None,
        rose=[change for change in changes if change.higher > change.lower],
        fell=[change for change in changes if change.higher < change.lower],
        typering_parts=compared[FUNCTIETYPERING],
        quality_parts=compared[KWALITEITENPROFIEL],
        fuwasys_notes=fuwasys_notes,
        notes=notes,
    )


def _changes(parts: list[Part], column: int) -> list[PartChange]:
    return [PartChange(part, column, counts) for part in parts if (counts := part.counts(column))]


# -- collecting the items of each part, per column ------------------------------------------------------------


def line_text(line) -> str:
    """A line with its continuation lines, as one text to compare."""
    return " ".join([line.text, *line.continuation.splitlines()])


def typering_key(section: TyperingSection) -> tuple[str, str]:
    """The part a typering section belongs to, and the part's label: "Resultaten – ICT"."""
    if section.kind != TyperingSection.Kind.RESULTS:
        return section.kind, section.get_kind_display()
    key = f"resultaten:{section.sub_area or vocabulary.sub_area_key(section.sub_area_label)}"
    name = section.sub_area_name
    return key, f"Resultaten – {name}" if name else "Resultaten"


def typering_items(typering: FunctionTypering | None) -> ColumnParts:
    parts: ColumnParts = {}
    for section in typering.loaded_sections if typering else []:
        key, label = typering_key(section)
        source_label = section.sub_area_label if section.kind == TyperingSection.Kind.RESULTS else section.label
        add(parts, key, label, source_label, [line_text(line) for line in section.loaded_lines])
    return parts


def quality_key(section: QualityProfileSection) -> tuple[str, str]:
    focus = section.focus_area_label.rstrip(":").strip()
    if not focus:
        return section.kind, section.get_kind_display()
    return f"{section.kind}:{focus}", f"{section.get_kind_display()} – {focus}"


def quality_items(profile: QualityProfile | None) -> ColumnParts:
    parts: ColumnParts = {}
    if profile is None:
        return parts
    for section in profile.loaded_sections:
        key, label = quality_key(section)
        source_label = f"{section.label} {section.focus_area_label}".strip()
        add(parts, key, label, source_label, [line_text(line) for line in section.loaded_lines])
    competencies = [text for link in profile.loaded_competency_links for text in (link.preceded_by, link.label) if text]
    add(parts, "competenties", "Competenties", profile.competencies_label or "Competenties", competencies)
    return parts


def _typering_sort_key(key: str, appearance: int) -> tuple:
    """Sections in the FGR's order; Resultaten's known sub-areas first, then the others as they first appear."""
    kind, _, sub_area = key.partition(":")
    sub_order = SUB_AREA_ORDER.index(sub_area) if sub_area in SUB_AREA_ORDER else len(SUB_AREA_ORDER)
    return (TYPERING_ORDER.index(kind), sub_order, appearance)


def quality_sort_key(key: str, appearance: int) -> tuple:
    kind, _, focus = key.partition(":")
    return (QUALITY_ORDER.index(kind), focus, appearance)


# -- FUWASYS --------------------------------------------------------------------------------------------------


def _fuwasys_table(schalen: list[int], typeringen: list[FunctionTypering | None]) -> FuwasysTable:
    names = [f"Schaal {schaal}" for schaal in schalen]
    codes = [typering.loaded_codes if typering else [] for typering in typeringen]
    readable = [_readable_scores(column) for column in codes]
    # The total of the code whose scores the column compares (its first readable one), the others as variants.
    primary = [
        next((code for code in column if code.readable_scores), column[0]) if column else None for column in codes
    ]
    totals = _compared(schalen, [code.total if code else None for code in primary])
    for score, column, main in zip(totals, codes, primary, strict=True):
        score.label = main.label if main else ""
        score.variants = [(code.label, code.total) for code in column if code is not main and code.total is not None]
    table = FuwasysTable(
        codes=[
            CodeColumn(name, [CodeCell(code.label, code.code, not code.problems, code.problems) for code in column])
            for name, column in zip(names, codes, strict=True)
        ],
        readability=[_readability(column, found) for column, found in zip(codes, readable, strict=True)],
        kenmerken=_kenmerk_rows(schalen, readable),
        totals=totals,
    )
    for row in [table.readability, table.totals, *(kenmerk.scores for kenmerk in table.kenmerken)]:
        for cell, name in zip(row, names, strict=True):
            cell.column = name
    for index, column in enumerate(codes):
        missing = "niet te lezen" if column else "geen FUWASYS-code"
        for kenmerk in table.kenmerken:
            kenmerk.scores[index].missing = missing
        table.totals[index].missing = "geen totaal vermeld" if column else missing
    return table


def _readable_scores(codes) -> list[tuple[str, dict[int, int]]]:
    """Per code that has scores, its label and its scores by kenmerk number."""
    found = []
    for code in codes:
        if scores := code.readable_scores:
            found.append((code.label, dict(enumerate(scores, start=1))))
    return found


def _readability(codes, readable) -> Readability:
    if readable:
        return Readability(True)
    if not codes:
        return Readability(False, "Deze schaal heeft geen FUWASYS-code.")
    problems = codes[0].problems
    return Readability(False, problems[0] if problems else "De code bevat geen scores per kenmerk.")


def _variant_name(label: str) -> str:
    """A variant's label as a name: "Variant 2." becomes "Variant 2"."""
    return label.rstrip(".: ") or "andere variant"


def _kenmerk_rows(schalen: list[int], columns: list[list[tuple[str, dict[int, int]]]]) -> list[KenmerkRow]:
    rows = []
    for kenmerk in fuwasys.KENMERKEN:
        scores = _compared(schalen, [codes[0][1].get(kenmerk.number) if codes else None for codes in columns])
        for score, codes in zip(scores, columns, strict=True):
            score.label = codes[0][0] if codes else ""
            score.variants = [(label, found[kenmerk.number]) for label, found in codes[1:] if kenmerk.number in found]
        rows.append(KenmerkRow(kenmerk.number, kenmerk.name, kenmerk.group.label, scores))
    return rows


def _compared(schalen: list[int], values: list[int | None]) -> list[Score]:
    """Each value against the nearest column to its left that has one (a value that cannot be read is skipped)."""
    result = []
    for index, value in enumerate(values):
        left = next((i for i in range(index - 1, -1, -1) if values[i] is not None), None)
        if value is None or left is None:
            result.append(Score(value, None))
        else:
            result.append(Score(value, value - values[left], schalen[left], left != index - 1))
    return result
