"""Builds the side-by-side comparison of 2–4 schalen from prefetched records.

Each part of the typeringen and kwaliteitenprofielen (Algemene omschrijving, Resultaten per canonical
sub-area, …) becomes a group of aligned rows (profiles.textdiff.align), and each cell is diffed word by
word against the cell to its left. The templates and the CSV only loop over the result.
"""

from dataclasses import dataclass, field
from itertools import pairwise

from profiles import fuwasys, vocabulary
from profiles.models import FunctionTypering, QualityProfile, QualityProfileSection, TyperingSection, descents_by_schaal
from profiles.textdiff import Segment, align, same_text, word_diff

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


class Change:
    """How a cell differs from the cell to its left."""

    FIRST = "eerste"  # the leftmost column: nothing to compare with
    SAME = "gelijk"
    CHANGED = "gewijzigd"
    NEW = "nieuw"
    DROPPED = "vervallen"
    EMPTY = "leeg"


@dataclass
class Cell:
    text: str
    change: str
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Row:
    label: str
    number: int
    cells: list[Cell]

    @property
    def identical(self) -> bool:
        return all(cell.change in (Change.FIRST, Change.SAME) for cell in self.cells)


@dataclass
class Part:
    """One heading of the source across the columns, e.g. 'Resultaten: ICT', with its aligned rows."""

    key: str
    label: str
    source_labels: list[str]
    rows: list[Row]
    # Per column: None for the first, else whether the column's part equals that of the column to its left.
    same_as_left: list[bool | None]

    @property
    def identical(self) -> bool:
        return all(same is not False for same in self.same_as_left)

    @property
    def labels_differ(self) -> bool:
        """Whether the source words this heading otherwise than the part's label, or differently per schaal."""
        labels = {label for label in self.source_labels if label}
        if len(labels) != 1:
            return len(labels) > 1
        return " ".join(labels.pop().replace(":", "").split()) not in " ".join(self.label.replace(":", "").split())


@dataclass
class Score:
    value: int | None
    delta: int | None  # against the nearest column to the left whose scores can be read
    compared_with: int | None = None  # that column's schaal
    skipped: bool = False  # whether that column is not the one directly to the left
    # The scores of the schaal's other variants, as (label, score): the column compares its first readable code.
    variants: list[tuple[str, int]] = field(default_factory=list)

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
    def identical(self) -> bool:
        """The same score in every column; a score that cannot be read is never 'the same'."""
        return all(score.value is not None for score in self.scores) and not any(score.delta for score in self.scores)


@dataclass
class CodeCell:
    label: str
    code: str
    is_valid: bool
    problems: tuple[str, ...]


@dataclass
class Comparison:
    schalen: list[int]
    codes: list[list[CodeCell]]  # per column, each code of the schaal (several when it has variants)
    kenmerken: list[KenmerkRow]
    typering_parts: list[Part]
    quality_parts: list[Part]
    descents: list[str]

    @property
    def parts(self) -> list[Part]:
        return self.typering_parts + self.quality_parts

    @property
    def column_span(self) -> int:
        """The table's width: a row header and one column per schaal."""
        return len(self.schalen) + 1

    @property
    def quality_same_as_left(self) -> list[tuple[int, int]]:
        """(lower, higher) pairs of neighbouring columns whose whole kwaliteitenprofielen are the same."""
        return [
            (self.schalen[index - 1], self.schalen[index])
            for index in range(1, len(self.schalen))
            if self.quality_parts and all(part.same_as_left[index] for part in self.quality_parts)
        ]


def compare(schalen: list[int], typeringen: list[FunctionTypering], profiles: list[QualityProfile]) -> Comparison:
    typering_by_schaal = {typering.schaal: typering for typering in typeringen}
    profile_by_schaal = {profile.schaal: profile for profile in profiles}
    columns_t = [typering_by_schaal.get(schaal) for schaal in schalen]
    columns_q = [profile_by_schaal.get(schaal) for schaal in schalen]
    return Comparison(
        schalen=schalen,
        codes=[_code_cells(typering) for typering in columns_t],
        kenmerken=_kenmerk_rows(schalen, columns_t),
        descents=[
            message
            for messages in descents_by_schaal(
                [(t.schaal, code.code) for t in columns_t if t for code in t.codes.all()]
            ).values()
            for message in messages
        ],
        typering_parts=_parts([_typering_items(t) for t in columns_t], _typering_sort_key),
        quality_parts=_parts([_quality_items(p) for p in columns_q], _quality_sort_key),
    )


# -- collecting the items of each part, per column ------------------------------------------------------------

# Per column: part key -> (part label, the column's own label for it, the items' texts)
ColumnParts = dict[str, tuple[str, str, list[str]]]


def _line_text(line) -> str:
    return " ".join([line.text, *line.continuation.splitlines()])


def _typering_items(typering: FunctionTypering | None) -> ColumnParts:
    parts: ColumnParts = {}
    for section in typering.sections.all() if typering else []:
        if section.kind == TyperingSection.Kind.RESULTS:
            key = f"resultaten:{section.sub_area or vocabulary.sub_area_key(section.sub_area_label)}"
            name = section.sub_area_name
            label, source_label = f"Resultaten: {name}" if name else "Resultaten", section.sub_area_label
        else:
            key, label, source_label = section.kind, section.get_kind_display(), section.label
        _add(parts, key, label, source_label, [_line_text(line) for line in section.lines.all()])
    return parts


def _quality_items(profile: QualityProfile | None) -> ColumnParts:
    parts: ColumnParts = {}
    if profile is None:
        return parts
    for section in profile.sections.all():
        focus = section.focus_area_label.rstrip(":").strip()
        key = f"{section.kind}:{focus}" if focus else section.kind
        label = f"{section.get_kind_display()}: {focus}" if focus else section.get_kind_display()
        source_label = f"{section.label} {section.focus_area_label}".strip()
        _add(parts, key, label, source_label, [_line_text(line) for line in section.lines.all()])
    competencies = [text for link in profile.competency_links.all() for text in (link.preceded_by, link.label) if text]
    _add(parts, "competenties", "Competenties", profile.competencies_label or "Competenties", competencies)
    return parts


def _add(parts: ColumnParts, key: str, label: str, source_label: str, texts: list[str]) -> None:
    if key in parts:  # a heading the source repeats within one schaal: one part
        parts[key][2].extend(texts)
    else:
        parts[key] = (label, source_label, list(texts))


def _typering_sort_key(key: str, appearance: int) -> tuple:
    """Sections in the FGR's order; Resultaten's known sub-areas first, then the others as they first appear."""
    kind, _, sub_area = key.partition(":")
    sub_order = SUB_AREA_ORDER.index(sub_area) if sub_area in SUB_AREA_ORDER else len(SUB_AREA_ORDER)
    return (TYPERING_ORDER.index(kind), sub_order, appearance)


def _quality_sort_key(key: str, appearance: int) -> tuple:
    kind, _, focus = key.partition(":")
    return (QUALITY_ORDER.index(kind), focus, appearance)


# -- aligning and diffing -------------------------------------------------------------------------------------


def _parts(columns: list[ColumnParts], sort_key) -> list[Part]:
    appearance = {key: index for index, key in enumerate(dict.fromkeys(key for column in columns for key in column))}
    keys = sorted(appearance, key=lambda key: sort_key(key, appearance[key]))
    return [_part(key, columns) for key in keys]


def _part(key: str, columns: list[ColumnParts]) -> Part:
    entries = [column.get(key) for column in columns]
    label = next(entry[0] for entry in entries if entry)
    texts = [entry[2] if entry else [] for entry in entries]
    rows = [
        Row(
            f"{label}, regel {number}",
            number,
            _cells([None if i is None else column[i] for i, column in zip(row, texts, strict=True)]),
        )
        for number, row in enumerate(align(texts), start=1)
    ]
    same = [None] + [len(left) == len(right) and all(map(same_text, left, right)) for left, right in pairwise(texts)]
    return Part(key, label, [entry[1] if entry else "" for entry in entries], rows, same)


def _cells(row: list[str | None]) -> list[Cell]:
    first = row[0]
    cells = [Cell(first, Change.FIRST, [Segment("equal", first)]) if first is not None else Cell("", Change.EMPTY)]
    return cells + [_cell(left, text) for left, text in pairwise(row)]


def _cell(left: str | None, text: str | None) -> Cell:
    if text is None and left is None:
        return Cell("", Change.EMPTY)
    if text is None:
        return Cell("", Change.DROPPED, [Segment("delete", left)])
    if left is None:
        return Cell(text, Change.NEW, [Segment("insert", text)])
    if same_text(left, text):
        return Cell(text, Change.SAME, [Segment("equal", text)])
    return Cell(text, Change.CHANGED, word_diff(left, text))


# -- FUWASYS --------------------------------------------------------------------------------------------------


def _code_cells(typering: FunctionTypering | None) -> list[CodeCell]:
    if typering is None:
        return []
    return [CodeCell(code.label, code.code, not code.problems, code.problems) for code in typering.codes.all()]


def _readable_scores(typering: FunctionTypering | None) -> list[tuple[str, dict[int, int]]]:
    """Per code of the typering that has scores, its label and its scores by kenmerk number."""
    found = []
    for code in typering.codes.all() if typering else []:
        scores = {score.characteristic.number: score.score for score in code.scores.all()}
        if scores:
            found.append((code.label, scores))
    return found


def _kenmerk_rows(schalen: list[int], typeringen: list[FunctionTypering | None]) -> list[KenmerkRow]:
    columns = [_readable_scores(typering) for typering in typeringen]
    rows = []
    for kenmerk in fuwasys.KENMERKEN:
        values = [codes[0][1].get(kenmerk.number) if codes else None for codes in columns]
        scores = _scores(schalen, values)
        for score, codes in zip(scores, columns, strict=True):
            score.variants = [(label, found[kenmerk.number]) for label, found in codes[1:] if kenmerk.number in found]
        rows.append(KenmerkRow(kenmerk.number, kenmerk.name, kenmerk.group.label, scores))
    return rows


def _scores(schalen: list[int], values: list[int | None]) -> list[Score]:
    """Each score against the nearest column to its left that has one (an unreadable code is skipped over)."""
    result = []
    for index, value in enumerate(values):
        left = next((i for i in range(index - 1, -1, -1) if values[i] is not None), None)
        if value is None or left is None:
            result.append(Score(value, None))
        else:
            result.append(Score(value, value - values[left], schalen[left], left != index - 1))
    return result
