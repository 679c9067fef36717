"""Texts of 2–4 columns side by side, part by part, each cell diffed against the cell to its left; no Django.

A column is one schaal of a group, or one functiegroep. Each column hands in its parts (a heading of the source
with the texts under it); parts with the same key line up across the columns, their texts are aligned on rows
(profiles.textdiff.align), and each cell says how it differs from the cell to its left. The comparison pages,
the "wat vraagt de volgende schaal?" page, the schaal page's marking and the CSV downloads all read this.
"""

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

from profiles.textdiff import Segment, align, same_text, word_diff

_WORD = re.compile(r"\w")


class Difference:
    """How a cell differs from the cell to its left."""

    FIRST = "eerste"  # the leftmost column: nothing to compare with
    SAME = "gelijk"
    CHANGED = "gewijzigd"
    NEW = "nieuw"
    DROPPED = "vervallen"
    EMPTY = "leeg"
    OWN = "eigen"  # across functiegroepen: a line with no similar line to its left, shown as it is


DIFFERENCE_LABELS = {Difference.NEW: "Nieuw", Difference.CHANGED: "Anders", Difference.DROPPED: "Vervalt"}


@dataclass
class Cell:
    text: str
    change: str
    segments: list[Segment] = field(default_factory=list)
    column: str = ""  # the column's name ("Schaal 7"), for the stacked layout on a phone

    @property
    def change_label(self) -> str:
        """What happened to the line, as a list of changes says it: "Nieuw", "Anders", "Vervalt"."""
        return DIFFERENCE_LABELS.get(self.change, "")


@dataclass
class Row:
    cells: list[Cell]

    @property
    def identical(self) -> bool:
        return all(cell.change in (Difference.FIRST, Difference.SAME) for cell in self.cells)


@dataclass
class Counts:
    """How the lines of one part changed from one column to the next."""

    new: int = 0
    changed: int = 0
    dropped: int = 0

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.dropped)

    @property
    def phrases(self) -> list[str]:
        """In plain Dutch: ["2 nieuwe regels", "1 gewijzigde regel", "1 vervallen regel"]."""
        return [
            f"{count} {word} {'regel' if count == 1 else 'regels'}"
            for count, word in ((self.new, "nieuwe"), (self.changed, "gewijzigde"), (self.dropped, "vervallen"))
            if count
        ]


@dataclass
class Status:
    """Whether a column's part is the same as that of the column to its left (None for the first column)."""

    name: str
    left: str
    same: bool | None


@dataclass
class Part:
    """One heading across the columns, e.g. "Resultaten – ICT", with its aligned rows."""

    key: str
    label: str
    # Per column, the source's own heading for the part ("" where the column lacks it).
    source_labels: list[str]
    rows: list[Row]
    # Per column: None for the first, else whether the column's part equals that of the column to its left.
    same_as_left: list[bool | None]
    anchor: str = ""
    names: list[str] = field(default_factory=list)  # the columns' names, "Schaal 7"

    @property
    def identical(self) -> bool:
        return all(same is not False for same in self.same_as_left)

    @property
    def source_note(self) -> str:
        """The source's headings, when they word the part otherwise than its label or differ per column."""
        spellings: dict[str, str] = {}  # the first spelling of each wording, case and punctuation aside
        for label in self.source_labels:
            if label:
                spellings.setdefault(_words(label), label)
        if len(spellings) == 1 and next(iter(spellings)) in _words(self.label):
            return ""
        return " / ".join(spellings.values())

    @property
    def any_same(self) -> bool:
        """Whether some column's part is the same as the one to its left: the page then says "Geen verschillen"."""
        return any(same is True for same in self.same_as_left)

    @property
    def statuses(self) -> list["Status"]:
        return [
            Status(name, self.names[index - 1] if index else "", same)
            for index, (name, same) in enumerate(zip(self.names, self.same_as_left, strict=True))
        ]

    def counts(self, column: int) -> Counts:
        """How `column` differs from the column to its left, in lines."""
        found = Counter(row.cells[column].change for row in self.rows)
        return Counts(found[Difference.NEW], found[Difference.CHANGED], found[Difference.DROPPED])

    def changed_cells(self, column: int) -> list[Cell]:
        """The cells of `column` that differ from the column to their left, in order."""
        return [row.cells[column] for row in self.rows if row.cells[column].change in DIFFERENCE_LABELS]


def _words(text: str) -> str:
    return " ".join(re.sub(r"\W+", " ", text).casefold().split())


# Per column: part key -> (the part's label, the column's own heading for it, the texts under it)
ColumnParts = dict[str, tuple[str, str, list[str]]]


def add(parts: ColumnParts, key: str, label: str, source_label: str, texts: list[str]) -> None:
    """Add a part to a column; a heading that a column repeats becomes one part."""
    if key in parts:
        parts[key][2].extend(texts)
    else:
        parts[key] = (label, source_label, list(texts))


def compare_parts(
    columns: list[ColumnParts],
    names: list[str],
    sort_key: Callable[[str, int], tuple],
    anchor_prefix: str,
    *,
    across_groups: bool = False,
) -> list[Part]:
    """The parts of all columns in order, each aligned and diffed. `names` name the columns ("Schaal 7").

    Schalen of one group are read as steps: a line the column to the left has and this one lacks is shown struck
    through, a line it adds is inserted. Functiegroepen (`across_groups`) mostly say different things: a line is
    diffed only against a similar line to its left, and lines without a counterpart stand side by side, unmarked.
    """
    appearance = {key: index for index, key in enumerate(dict.fromkeys(key for column in columns for key in column))}
    keys = sorted(appearance, key=lambda key: sort_key(key, appearance[key]))
    return [
        _part(key, columns, names, f"{anchor_prefix}-{index}", across_groups) for index, key in enumerate(keys, start=1)
    ]


def _part(key: str, columns: list[ColumnParts], names: list[str], anchor: str, across_groups: bool) -> Part:
    entries = [column.get(key) for column in columns]
    label = next(entry[0] for entry in entries if entry)
    texts = [entry[2] if entry else [] for entry in entries]
    aligned = [[None if i is None else column[i] for i, column in zip(row, texts, strict=True)] for row in align(texts)]
    if across_groups:
        all_cells = [_group_cells(row) if related else _own_cells(row) for row, related in packed(aligned)]
    else:
        all_cells = [cells_of(row) for row in aligned]
    rows = []
    for cells in all_cells:
        for cell, name in zip(cells, names, strict=True):
            cell.column = name
        rows.append(Row(cells))
    # Two columns that both lack the part are not "the same": there is nothing to compare.
    same = [None] + [
        None if not left and not right else len(left) == len(right) and all(map(same_text, left, right))
        for left, right in pairwise(texts)
    ]
    return Part(key, label, [entry[1] if entry else "" for entry in entries], rows, same, anchor, names)


def cells_of(row: list[str | None]) -> list[Cell]:
    """The cells of one aligned row: the first as it is, each other diffed against the one to its left."""
    first = row[0]
    cells = [
        Cell(first, Difference.FIRST, [Segment("equal", first)]) if first is not None else Cell("", Difference.EMPTY)
    ]
    return cells + [_cell(left, text) for left, text in pairwise(row)]


def packed(rows: list[list[str | None]]) -> list[tuple[list[str | None], bool]]:
    """Rows of functiegroepen, with each run of lines that stand alone (no similar line in another column) packed
    side by side, in order per column. Each row comes with whether its texts are related (were aligned)."""
    result: list[tuple[list[str | None], bool]] = []
    run: list[list[str | None]] = []
    for row in rows:
        filled = [index for index, text in enumerate(row) if text is not None]
        if len(filled) != 1:
            result += [(alone, False) for alone in run]
            run = []
            result.append((row, True))
            continue
        column = filled[0]
        target = next((alone for alone in run if alone[column] is None), None)
        if target is None:
            target = [None] * len(row)
            run.append(target)
        target[column] = row[column]
    return result + [(alone, False) for alone in run]


def _own_cells(row: list[str | None]) -> list[Cell]:
    return [
        Cell(text, Difference.OWN, [Segment("equal", text)]) if text is not None else Cell("", Difference.EMPTY)
        for text in row
    ]


def _group_cells(row: list[str | None]) -> list[Cell]:
    """Each text diffed against the nearest text to its left (the line that the alignment found similar)."""
    cells, previous = [], None
    for text in row:
        if text is None:
            cells.append(Cell("", Difference.EMPTY))
            continue
        if previous is None:
            cells.append(Cell(text, Difference.OWN, [Segment("equal", text)]))
        elif same_text(previous, text):
            cells.append(Cell(text, Difference.SAME, [Segment("equal", text)]))
        else:
            cells.append(Cell(text, Difference.CHANGED, word_diff(previous, text)))
        previous = text
    return cells


def _cell(left: str | None, text: str | None) -> Cell:
    if text is None and left is None:
        return Cell("", Difference.EMPTY)
    if text is None:
        return Cell("", Difference.DROPPED, [Segment("delete", left)])
    if left is None:
        return Cell(text, Difference.NEW, [Segment("insert", text)])
    if same_text(left, text):
        return Cell(text, Difference.SAME, [Segment("equal", text)])
    return Cell(text, Difference.CHANGED, word_diff(left, text))


def new_text_marks(lower: list[str], higher: list[str]) -> list[list[Segment]]:
    """Per text of `higher`, its segments with what is new relative to `lower` as "insert" (no deletions).

    For the schaal page's marking of what a schaal adds to the next-lower one: a text without a counterpart is
    new as a whole; a reworded one has its new words marked.
    """
    marks: list[list[Segment]] = [[Segment("equal", text)] for text in higher]
    for left, right in align([lower, higher]):
        if right is None:
            continue
        if left is None:
            marks[right] = [Segment("insert", higher[right])]
        elif not same_text(lower[left], higher[right]):
            marks[right] = _without_punctuation_marks(word_diff(lower[left], higher[right]))
    return marks


def _without_punctuation_marks(segments: list[Segment]) -> list[Segment]:
    """The new text's segments; an added full stop or comma alone is no new element and is not marked."""
    kept = []
    for segment in segments:
        if segment.kind == "delete":
            continue
        if segment.kind == "insert" and not _WORD.search(segment.text):
            segment = Segment("equal", segment.text)
        if kept and kept[-1].kind == segment.kind:
            segment = Segment(segment.kind, kept.pop().text + segment.text)
        kept.append(segment)
    return kept


def split_segments(segments: list[Segment], lengths: list[int], separator: int = 1) -> list[list[Segment]]:
    """Cut the segments of a text joined from pieces (of `lengths`, joined by `separator` characters) back into
    one list of segments per piece. Deleted segments are not part of the text and must not be in `segments`."""
    pieces: list[list[Segment]] = []
    queue = [(segment.kind, segment.text) for segment in segments]
    for index, length in enumerate(lengths):
        piece: list[Segment] = []
        wanted = length
        while wanted > 0 and queue:
            kind, text = queue.pop(0)
            taken, rest = text[:wanted], text[wanted:]
            piece.append(Segment(kind, taken))
            wanted -= len(taken)
            if rest:
                queue.insert(0, (kind, rest))
        pieces.append(piece)
        if index < len(lengths) - 1:  # drop the separator between this piece and the next
            skip = separator
            while skip > 0 and queue:
                kind, text = queue.pop(0)
                if len(text) > skip:
                    queue.insert(0, (kind, text[skip:]))
                skip -= min(skip, len(text))
    return pieces
