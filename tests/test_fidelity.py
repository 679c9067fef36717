"""Every content line of the source is in the database, verbatim (whitespace aside), and nothing else is."""

import html
import re
from io import StringIO

import pytest
from django.core.management import call_command

from profiles.models import (
    BehaviouralIndicator,
    FunctionGroup,
    GroupCompetency,
    QualityProfile,
    QualityProfileCompetency,
    QualityProfileLine,
    QualityProfileSection,
    Result,
    TyperingLine,
    TyperingSection,
)
from tests.conftest import SOURCE_NAME

# Headings that the data model holds as structure rather than as text.
STRUCTURAL_HEADINGS = {
    "Resultaten",
    "Gedragsindicatoren",
    "Competenties",
    "Kwaliteitenprofielen",
    "Functietyperingen",
    "Functietypering",
}
LINK_LABELS = {"Kwaliteitenprofielen vergelijken", "Functietyperingen vergelijken"}


def source_content_lines(text: str) -> list[str]:
    """Read independently of the importer: each non-blank line, bullet removed, whitespace collapsed."""
    lines = (" ".join(raw.strip().removeprefix("•").split()) for raw in text.splitlines())
    return [line for line in lines if line and line not in STRUCTURAL_HEADINGS | LINK_LABELS]


def stored_texts(group: FunctionGroup) -> set[str]:
    texts: list[str] = []
    for model in (Result, BehaviouralIndicator):
        for line in model.objects.filter(group=group).select_related("area"):
            texts += [line.area.name, line.text, *line.continuation.splitlines()]
    texts += GroupCompetency.objects.filter(group=group).values_list("label", flat=True)
    texts += QualityProfile.objects.filter(group=group).values_list("education_heading", flat=True)
    for section in QualityProfileSection.objects.filter(profile__group=group):
        texts += [section.label, section.focus_area_label]
    for line in QualityProfileLine.objects.filter(section__profile__group=group):
        texts += [line.text, *line.continuation.splitlines()]
    texts += QualityProfileCompetency.objects.filter(profile__group=group).values_list("label", flat=True)
    for typering in group.typeringen.all():
        texts += [*(str(code) for code in typering.codes.all()), f"Schaal {typering.schaal}"]
    for section in TyperingSection.objects.filter(typering__group=group):
        texts += [section.label, section.sub_area_label]
    for line in TyperingLine.objects.filter(section__typering__group=group).select_related("section"):
        text = f"{line.section.label} {line.text}" if line.section.kind == "voorbeelden" else line.text
        texts += [text, *line.continuation.splitlines()]
    return {" ".join(text.split()) for text in texts if text}


@pytest.fixture(params=["fixture", "import"])
def loaded_group(request, reference_data, source_text, tmp_path):
    """The source as `make run` loads it (the committed fixture) and as `import_fgr` stores it."""
    if request.param == "fixture":
        call_command("setup_catalogue", verbosity=0)
    else:
        path = tmp_path / "source.txt"
        path.write_text(source_text, encoding="utf-8")
        call_command("import_fgr", str(path), name=SOURCE_NAME, family="Bedrijfsvoering", stdout=StringIO())
    return FunctionGroup.objects.get(name=SOURCE_NAME)


def test_every_content_line_of_the_source_is_stored_verbatim(loaded_group, source_text):
    stored = stored_texts(loaded_group)

    missing = [line for line in source_content_lines(source_text) if line not in stored]

    assert missing == []


def test_nothing_is_stored_that_the_source_does_not_say(loaded_group, source_text):
    source = set(source_content_lines(source_text))

    invented = sorted(stored_texts(loaded_group) - source - STRUCTURAL_HEADINGS)

    assert invented == []


def test_the_source_has_the_lines_this_test_relies_on(source_text):
    lines = source_content_lines(source_text)

    assert len(lines) > 300
    assert "322333222 22 22 (32)" in lines
    assert "inventarisatie en vernietiging" in lines
    assert "Opleiding departmentsspecifiek" in lines


def page_text(response) -> str:
    assert response.status_code == 200
    # <ins> marks words inside a line (the schaal page's marking); it parts no words, other tags may.
    without_tags = re.sub(r"<[^>]+>", " ", re.sub(r"</?ins[^>]*>", "", response.content.decode()))
    return " ".join(html.unescape(without_tags).split())


def test_every_content_line_of_the_source_is_on_the_group_page(client, catalogue, source_text):
    text = page_text(client.get(catalogue.get_absolute_url()))

    missing = [line for line in source_content_lines(source_text) if line not in text]

    assert missing == []


def test_every_content_line_of_the_source_is_on_the_schaal_pages(client, catalogue, source_text):
    texts = [page_text(client.get(typering.get_absolute_url())) for typering in catalogue.typeringen.all()]

    missing = [line for line in source_content_lines(source_text) if not any(line in text for text in texts)]

    assert len(texts) == 4
    assert missing == []
