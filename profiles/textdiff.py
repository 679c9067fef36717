"""Comparing schalen side by side: word diffs of two texts and the alignment of item lists, without Django.

The FGR marks what distinguishes a typering from the next-lower schaal with styling that plain text loses; the
compare page recomputes it. Two building blocks:

- `word_diff` says which words a text adds to, or drops from, the text it is compared with;
- `align` puts the items (bullets) of 2–4 schalen on rows, so that each cell can be diffed against the cell to
  its left, also when the wording changed, an item was inserted, or a schaal has fewer items.

Texts are compared as given, whitespace included: pass them normalised (as the source parser stores them), and
ask `same_text` first whether there is anything to show at all.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

SegmentKind = Literal["equal", "insert", "delete"]

# One row of an alignment: per column, the index of an item in that column, or None for an empty cell.
IndexRow = tuple[int | None, ...]

# Two items may stand on one row when their `similarity` is at least this. On the source, a result reworded from
# one schaal to the next scores 0.50 or more ("inspelen op wisselende omstandigheden ..." against "inspelen op
# wensen van gebruikers ...": 0.50; "bijdragen aan verzamelen, ordenen, ..." against "informatie verzameld,
# geordend, ...": 0.67). A bullet rewritten at the same place shares little more than "en" and "van" and scores
# 0.40 or less: on one row its diff would be nearly all <del> and <ins>, so it gets rows of its own. Unrelated
# items that meet where a schaal drops one result and adds another score at most 0.27. 0.45 lies midway in the
# gap; tests/test_textdiff.py pins the pairs on both sides.
MATCH_THRESHOLD = 0.45

# An item is matched against the cell to its left; where that cell is empty, against the nearest filled cell
# further left, so that an item a schaal skips still lines up. Such a match counts for less, so that an equally
# good match with the cell to the left (which the page diffs against) wins.
SKIP_WEIGHT = 0.9

# A word keeps its inner hyphens and apostrophes ("DIV-medewerker", "collega’s"); every other character that is
# neither a word character nor whitespace is a token of its own, so that the tokens always add up to the text.
_TOKEN = re.compile(r"\w+(?:[-’']\w+)*|\s+|[^\w\s]")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Segment:
    """A run of text that both texts share ("equal"), that only the new text has ("insert") or only the old."""

    kind: SegmentKind
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """The word-level differences from `old` to `new`.

    Joining the texts of the equal and insert segments gives `new` exactly; equal and delete gives `old`. At each
    change the deletion comes before the insertion, and no two neighbouring segments have the same kind.
    """
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    segments: list[Segment] = []
    deleted, inserted = "", ""
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        old_part, new_part = "".join(a[i1:i2]), "".join(b[j1:j2])
        # A space or a comma that happens to be shared between two changes would cut one change into a
        # patchwork of tiny ones ("routinematig van aard" → "met een beperkte ..."); it joins the change instead.
        filler = 0 < index < len(opcodes) - 1 and not _WORD.search(old_part)
        if tag == "equal" and not filler:
            segments += _change(deleted, inserted)
            deleted, inserted = "", ""
            segments.append(Segment("equal", old_part))
        else:
            deleted += old_part
            inserted += new_part
    return segments + _change(deleted, inserted)


def same_text(a: str, b: str) -> bool:
    """Whether two texts are the same apart from whitespace (the compare page then says "Geen verschillen")."""
    return a.split() == b.split()


def similarity(a: str, b: str) -> float:
    """How alike two item texts are, from 0 (nothing shared) to 1 (the same words, ignoring case and punctuation).

    Character trigrams rather than whole words: Dutch inflects and compounds, and the FGR rewords a result from
    one schaal to the next ("verzamelen" → "verzameld", "rubriceren" → "gerubriceerd"); whole words would miss it.
    """
    return _dice(_trigrams(a), _trigrams(b))


def align(columns: Sequence[Sequence[str]], threshold: float = MATCH_THRESHOLD) -> list[IndexRow]:
    """Put the items of the columns (one per schaal, ascending) on rows, one index or None per column.

    Every item appears on exactly one row, and in each column the indices go up from row to row. Column k is
    aligned against column k-1 by an order-preserving dynamic programme that maximises the total similarity of
    the pairs it puts on one row, pairing only items at least `threshold` alike. Where column k-1 has an empty
    cell, the nearest filled cell to its left stands in (weighted by SKIP_WEIGHT). Items without a partner get a
    row of their own, after the items of the column to the left that were dropped at the same place.
    """
    if not columns:
        return []
    grams = _Trigrams()
    rows: list[list[int | None]] = [[i] for i in range(len(columns[0]))]
    # Per row, what an item of the next column is matched against: the row's last filled cell (every row has one),
    # as its column and text.
    lasts = [(0, text) for text in columns[0]]
    for k in range(1, len(columns)):
        column, left = list(columns[k]), list(columns[k - 1])
        if column == left and len(rows) == len(left) and threshold <= 1:
            # The items of the column to the left, which has a cell on every row: each lines up with itself, the
            # pairing of the highest total (one per item) that the programme below would find, at no cost. (Under
            # a threshold above 1 nothing pairs.)
            rows = [[*row, j] for j, row in enumerate(rows)]
            lasts = [(k, text) for text in column]
            continue
        items = [grams[text] for text in column]
        scores = [_scores(grams[text], 1.0 if col == k - 1 else SKIP_WEIGHT, items, threshold) for col, text in lasts]
        aligned: list[list[int | None]] = []
        aligned_lasts = []
        for r, j in _pairs(scores, len(column)):
            aligned.append([None] * k + [j] if r is None else [*rows[r], j])
            aligned_lasts.append(lasts[r] if j is None else (k, column[j]))
        rows, lasts = aligned, aligned_lasts
    return [tuple(row) for row in rows]


class _Trigrams(dict):
    """Each text's trigrams, worked out when first asked for: most texts recur in several schalen."""

    def __missing__(self, text: str) -> frozenset[str]:
        self[text] = found = _trigrams(text)
        return found


def _scores(grams: frozenset[str], weight: float, items: list[frozenset[str]], threshold: float) -> list[float]:
    values = (_dice(grams, item) for item in items)
    return [0.0 if value < threshold else value * weight for value in values]


def _change(deleted: str, inserted: str) -> list[Segment]:
    return [Segment(kind, text) for kind, text in (("delete", deleted), ("insert", inserted)) if text]


def _trigrams(text: str) -> frozenset[str]:
    # Each word padded with spaces, so that short words and word starts and ends count (as in PostgreSQL's pg_trgm).
    padded = [f"  {word} " for word in _WORD.findall(text.lower())]
    return frozenset(word[i : i + 3] for word in padded for i in range(len(word) - 2))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    if a is b or (not a and not b):  # the same text (see align) or two without words
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


def _pairs(scores: list[list[float]], m: int) -> list[tuple[int | None, int | None]]:
    """Needleman–Wunsch without gap costs: the order-preserving pairing of rows and items of the highest total.

    `scores[i][j]` is what pairing row i with item j is worth, 0 where they may not pair. Of equally good
    alignments, the walk takes a pairing first, then a row without an item (a deletion), then an item without a
    row (an insertion), so that deletions come before insertions.
    """
    n = len(scores)
    # best[i][j]: the highest total for rows i.. against items j..; filled from the end.
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            paired = scores[i][j] + best[i + 1][j + 1] if scores[i][j] > 0 else 0.0
            best[i][j] = max(paired, best[i + 1][j], best[i][j + 1])
    result: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < n or j < m:
        if i < n and j < m and scores[i][j] > 0 and best[i][j] == scores[i][j] + best[i + 1][j + 1]:
            result.append((i, j))
            i, j = i + 1, j + 1
        elif i < n and best[i][j] == best[i + 1][j]:
            result.append((i, None))
            i += 1
        else:
            result.append((None, j))
            j += 1
    return result
