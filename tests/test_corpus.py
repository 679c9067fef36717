"""The FGR-format documents of tests/data/corpus, written apart from the parser with the reading of every line.

Each accepted document is read as its annotations say, imported by `import_fgr` with every content line stored
exactly once in the right place, and shown on its group's page; each refused one is refused at the line its
annotation names, with nothing written.
"""

import html
import re
from collections import Counter
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from profiles import source_parser
from profiles.models import FunctionGroup, KernprofielHeading, QualityProfile, TyperingSection
from tests.conftest import DATA_DIR

CORPUS = DATA_DIR / "corpus"
# The annotations' names for the kinds of stored line.
LINE_KINDS = {
    "opsomming": "bullet",
    "los": "plain",
    "inleiding": "intro",
    "verbinding": "connector",
    "voetnoot": "footnote",
}
AREA_KEYS = {1: "opdrachtgever", 2: "omgeving", 3: "bedrijfsvoering", 4: "vernieuwen"}
BULLET = re.compile(r"^\s*[•·▪●◦‣○■□➢►\uf0b7\uf0a7\uf0d8*\-–—−]\s*")
# Headings that open a part of the page: structure, not stored (as in tests/test_fidelity.py).
PART_PLACES = re.compile(r"^(kern|kwaliteit|typering|typering/\d+)$")


@dataclass(frozen=True)
class Annotation:
    line_no: int
    kind: str
    place: str
    text: str


@dataclass(frozen=True)
class Document:
    path: Path
    accept: bool
    refuse_line: int | None
    annotations: tuple[Annotation, ...]

    @property
    def name(self) -> str:
        return self.path.stem


def _read(path: Path) -> Document:
    source = path.read_text(encoding="utf-8").splitlines()
    rows = [row for row in path.with_suffix(".expected").read_text(encoding="utf-8").splitlines()]
    rows = [row for row in rows if row.strip() and not row.startswith("#")]
    if rows[0].startswith("refuse"):
        return Document(path, False, int(rows[0].split()[1].removeprefix("L")), ())
    annotations = []
    for row in rows[1:]:
        number, kind, place = row.split(maxsplit=2)
        line_no = int(number.removeprefix("L"))
        annotations.append(Annotation(line_no, kind, place, source[line_no - 1]))
    return Document(path, True, None, tuple(annotations))


DOCUMENTS = [_read(path) for path in sorted(CORPUS.glob("*.txt"))]
ACCEPTED = [document for document in DOCUMENTS if document.accept]
REFUSED = [document for document in DOCUMENTS if not document.accept]


def test_the_corpus_has_documents_of_both_kinds():
    assert len(ACCEPTED) >= 20 and len(REFUSED) >= 10


# -- the parser -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("document", ACCEPTED, ids=lambda document: document.name)
def test_every_line_is_placed_as_annotated(document):
    parsed = source_parser.parse(document.path.read_text(encoding="utf-8"))

    placed = {placement.line_no: (placement.kind, placement.key) for placement in parsed.placements}
    assert placed == {a.line_no: (a.kind, a.place) for a in document.annotations}


@pytest.mark.parametrize("document", REFUSED, ids=lambda document: document.name)
def test_a_broken_document_is_refused_at_the_annotated_line(document):
    with pytest.raises(source_parser.SourceError) as raised:
        source_parser.parse(document.path.read_text(encoding="utf-8"))

    assert raised.value.line_no == document.refuse_line


# -- the import -----------------------------------------------------------------------------------------------


def run_import(document: Document, *extra: str) -> str:
    out = StringIO()
    call_command("import_fgr", str(document.path), "--name", document.name, "--family", "Corpus", *extra, stdout=out)
    return out.getvalue()


def _text(annotation: Annotation) -> str:
    text = BULLET.sub("", annotation.text, count=1) if annotation.kind == "bullet" else annotation.text
    return " ".join(text.split())


def _is_competency_list(place: str) -> bool:
    return place.endswith("/competenties")


def expected(document: Document) -> dict[str, Counter]:
    """What the database must hold, from the annotations alone."""
    found = {"lines": Counter(), "labels": Counter(), "headings": set(), "examples": [], "codes": {}}
    for a in document.annotations:
        text = _text(a)
        if a.kind in ("bullet", "plain") and _is_competency_list(a.place):
            found["lines"][a.place, "competentie", " ".join(BULLET.sub("", a.text, count=1).split())] += 1
        elif a.kind in ("bullet", "plain", "intro", "connector", "footnote", "continuation"):
            found["lines"][a.place, a.kind, text] += 1
        elif a.kind in ("sub-area", "focus-area"):
            found["labels"][a.place, a.kind, text] += 1
        elif a.kind in ("heading", "education") and not PART_PLACES.match(a.place):
            found["headings"].add((a.place, text))
        elif a.kind == "examples":
            found["examples"].append(" ".join(BULLET.sub("", a.text, count=1).split()))
        elif a.kind == "code":
            found["codes"][a.place] = " ".join(filter(None, [found["codes"].get(a.place), text]))
    return found


def stored(group: FunctionGroup) -> dict:
    """What the database holds for the group, in the annotations' terms."""
    found = {"lines": Counter(), "labels": Counter(), "headings": set(), "examples": [], "codes": {}}

    def add_line(place, line):
        found["lines"][place, LINE_KINDS[line.kind], line.text] += 1
        for continuation in line.continuation.splitlines():
            found["lines"][place, "continuation", continuation] += 1

    for part, lines in (("resultaten", group.results.all()), ("gedragsindicatoren", group.indicators.all())):
        for line in lines:
            add_line(f"kern/{part}/{AREA_KEYS[line.area_id]}", line)
    for heading in KernprofielHeading.objects.filter(group=group):
        place = f"kern/{heading.part}" + (f"/{AREA_KEYS[heading.area_id]}" if heading.area_id else "")
        found["headings"].add((place, heading.label))
    for link in group.competency_links.all():
        _add_competency(found, "kern/competenties", link)
    found["examples"] = group.examples.splitlines()
    for number, profile in enumerate(QualityProfile.objects.filter(group=group).order_by("schaal"), start=1):
        prefix = f"kwaliteit/{number}"
        if profile.education_heading:
            found["headings"].add((f"{prefix}/opleiding", profile.education_heading))
        if profile.competencies_label:
            found["headings"].add((f"{prefix}/competenties", profile.competencies_label))
        for section in profile.sections.all():
            place = f"{prefix}/{section.kind}"
            if section.label:
                found["headings"].add((place, section.label))
            if section.focus_area_label:
                found["labels"][place, "focus-area", section.focus_area_label] += 1
            for line in section.lines.all():
                add_line(place, line)
        for link in profile.competency_links.all():
            _add_competency(found, f"{prefix}/competenties", link)
    for typering in group.typeringen.all():
        codes = " ".join(str(code) for code in typering.codes.all())
        found["codes"][f"typering/{typering.schaal}"] = " ".join(codes.split())
        for section in TyperingSection.objects.filter(typering=typering):
            place = f"typering/{typering.schaal}/{section.kind}"
            found["headings"].add((place, section.label))
            if section.sub_area_label:
                found["labels"][place, "sub-area", section.sub_area_label] += 1
            for line in section.lines.all():
                add_line(place, line)
    return found


def _add_competency(found: dict, place: str, link) -> None:
    if link.preceded_by:
        found["lines"][place, "connector", link.preceded_by] += 1
    found["lines"][place, "competentie", link.label] += 1
    for note in link.note.splitlines():
        found["lines"][place, "footnote", note] += 1


@pytest.mark.parametrize("document", ACCEPTED, ids=lambda document: document.name)
def test_every_content_line_is_stored_exactly_once_in_its_place(reference_data, document):
    run_import(document)

    assert stored(FunctionGroup.objects.get(name=document.name)) == expected(document)


def page_text(response) -> str:
    assert response.status_code == 200
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", response.content.decode())).split())


@pytest.mark.parametrize("document", ACCEPTED, ids=lambda document: document.name)
def test_every_content_line_is_on_the_group_page(client, reference_data, document):
    run_import(document)
    group = FunctionGroup.objects.get(name=document.name)

    text = page_text(client.get(group.get_absolute_url()))

    shown = [a for a in document.annotations if a.kind not in ("link", "schaal") and not PART_PLACES.match(a.place)]
    missing = [a for a in shown if " ".join(BULLET.sub("", a.text, count=1).split()) not in text]
    codes = [a for a in document.annotations if a.kind == "code" and " ".join(a.text.split()) not in text]
    assert missing + codes == []


@pytest.mark.parametrize("document", REFUSED, ids=lambda document: document.name)
def test_a_refused_document_writes_nothing_and_says_where(reference_data, catalogue, document):
    before = {model: model.objects.count() for model in (FunctionGroup, QualityProfile, TyperingSection)}

    with pytest.raises(CommandError) as raised:
        run_import(document)

    message = str(raised.value)
    assert f"{document.path}, regel {document.refuse_line}: " in message
    assert message.endswith(" Niets geïmporteerd.") and ".." not in message
    assert {model: model.objects.count() for model in before} == before
