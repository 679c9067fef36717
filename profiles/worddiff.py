"""Word-level differences between two texts, without Django: what a history page marks as removed and added."""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

_TOKENS = re.compile(r"\s+|[^\s]+")


class Op(StrEnum):
    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`: unchanged, removed and added runs of words (with their spaces)."""
    old_tokens, new_tokens = _TOKENS.findall(old), _TOKENS.findall(new)
    segments: list[Segment] = []
    matcher = SequenceMatcher(a=old_tokens, b=new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            segments.append(Segment(Op.SAME, "".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment(Op.REMOVED, "".join(old_tokens[i1:i2])))
        if j2 > j1:
            segments.append(Segment(Op.ADDED, "".join(new_tokens[j1:j2])))
    return segments


def old_side(segments: list[Segment]) -> list[Segment]:
    return [segment for segment in segments if segment.op != Op.ADDED]


def new_side(segments: list[Segment]) -> list[Segment]:
    return [segment for segment in segments if segment.op != Op.REMOVED]
