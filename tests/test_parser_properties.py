"""Properties of the parser over the source and the corpus: how a page is laid out never changes what is read.

Whitespace (blank lines, runs of spaces, tabs and no-break spaces, indentation of bullets, trailing blanks), the
bullet character (•, · or -) and the case of a heading change nothing that is stored, except the heading's own
label, which keeps the source's case, and a FUWASYS code, which keeps the source's spacing (both compared here
without those). Whether a line without a bullet is indented does count (it makes a continuation), so it is kept.
"""

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profiles import source_parser
from profiles.source_parser import PlacementKind
from tests.conftest import DATA_DIR
from tests.test_corpus import ACCEPTED

pytestmark = pytest.mark.fuzz

SOURCES = [
    (DATA_DIR.parent.parent / "fixtures" / "fgr-528-medewerker-ict-techniek-informatiebeheer-div.txt").read_text(
        encoding="utf-8"
    ),
    *(document.path.read_text(encoding="utf-8") for document in ACCEPTED),
]
HEADINGS = {PlacementKind.HEADING, PlacementKind.EDUCATION, PlacementKind.LINK}
BULLET = re.compile(r"^\s*[•·▪●*\-–]\s+")
SPACES = [" ", "  ", "\t", "\xa0", " \xa0 "]
CASES = [str.upper, str.lower, str.title, str.swapcase, str]


def relaid(text: str, rng: random.Random, bullets: list[str], blank_lines: int) -> str:
    """The page with its whitespace, bullets and heading case drawn anew (per line, from `rng`), its meaning kept."""
    headings = {p.line_no for p in source_parser.parse(text).placements if p.kind in HEADINGS}
    lines = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            lines.extend([rng.choice(["", " ", "\t"])] * rng.randint(0, blank_lines))
            continue
        bullet = BULLET.match(raw)
        body = raw[bullet.end() :] if bullet else raw.lstrip()
        body = re.sub(r"\s+", lambda _: rng.choice(SPACES), body.strip())
        if number in headings:
            body = rng.choice(CASES)(body)
        if bullet:
            lead = rng.choice(["", " ", "  ", "\t"]) + rng.choice(bullets) + rng.choice([" ", "  ", "\xa0"])
        else:
            lead = rng.choice([" ", "   ", "\t", "\xa0 "]) if raw[:1].isspace() else ""
        lines.append(lead + body + rng.choice(["", " ", "\t"]))
        lines.extend([""] * rng.randint(0, blank_lines))
    return "\n".join(lines) + "\n"


def read(text: str):
    """What the parser makes of a page, as the importer stores it, without line numbers."""
    parsed = source_parser.parse(text)
    kern = parsed.kernprofiel

    def items(entries):
        return [(item.kind, item.text, tuple(item.continuation)) for item in entries]

    def sections(entries):
        return [(s.kind, s.label.casefold(), s.sub_label, s.sub_area, items(s.items)) for s in entries]

    return (
        {part: label.casefold() for part, label in kern.labels.items()},
        [(area.position, area.label.casefold(), items(area.items)) for area in kern.results + kern.indicators],
        items(kern.competencies),
        kern.examples,
        [
            (
                p.schaal,
                p.education_heading.casefold(),
                p.competencies_label.casefold(),
                sections(p.sections),
                items(p.competencies),
            )
            for p in parsed.quality_profiles
        ],
        [
            (t.schaal, [(code.label, " ".join(code.code.split())) for code in t.codes], sections(t.sections))
            for t in parsed.typeringen
        ],
        [(p.kind, p.key, re.sub(r"regel \d+", "regel …", p.inferred)) for p in parsed.placements],
    )


@settings(max_examples=100, deadline=None)
@given(
    source=st.sampled_from(range(len(SOURCES))),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    bullets=st.lists(st.sampled_from(["•", "·", "-"]), min_size=1, max_size=3, unique=True),
    blank_lines=st.integers(min_value=0, max_value=2),
)
def test_layout_never_changes_what_is_read(source, seed, bullets, blank_lines):
    text = SOURCES[source]

    assert read(relaid(text, random.Random(seed), bullets, blank_lines)) == read(text)
