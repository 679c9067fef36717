"""Headings recognised by their meaning: every variation the rules allow, and lines that only look like one."""

import pytest

from profiles.vocabulary import (
    AREA_HEADINGS,
    KERNPROFIEL_HEADINGS,
    QUALITY_HEADINGS,
    TYPERING_HEADINGS,
    Heading,
    edit_distance,
    is_connector,
    is_examples,
    is_footnote,
    match_heading,
    sub_area_key,
)


@pytest.mark.parametrize(
    ("text", "heading", "exact"),
    [
        # the seed's own spellings
        ("Opdracht(gever) (ambtelijk)", Heading.AREA_1, True),
        ("Vernieuwen en verbeteren", Heading.AREA_4, True),
        # spacing, case and punctuation
        ("Opdracht(gever)(ambtelijk)", Heading.AREA_1, True),
        (" opdracht(gever) (ambtelijk)", Heading.AREA_1, True),
        ("OMGEVING", Heading.AREA_2, True),
        # a qualifier of its own, words after the area's name, "&" for "en", another order
        ("Opdracht(gever) (politiek/ambtelijk)", Heading.AREA_1, False),
        ("Opdrachtgever", Heading.AREA_1, False),
        ("Bedrijfsvoering werkprocessen, personeel, financieel", Heading.AREA_3, False),
        ("Vernieuwen & verbeteren", Heading.AREA_4, True),
        ("Verbeteren en vernieuwen", Heading.AREA_4, False),
        ("Omgevng", Heading.AREA_2, False),
        ("Gedragsindicatoren (per resultaatgebied)", Heading.INDICATORS, False),
        ("Gedragsindikatoren", Heading.INDICATORS, False),
        ("Gedrags indicatoren", Heading.INDICATORS, True),
        ("Resultaat", Heading.RESULTS, False),
        ("Competentie", Heading.COMPETENCIES, False),
    ],
)
def test_kernprofiel_headings(text, heading, exact):
    found = match_heading(text, KERNPROFIEL_HEADINGS)

    assert (found.heading, found.exact) == (heading, exact)


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Speelruimte/ kaders", Heading.LATITUDE),
        ("Speelruimte / Kaders", Heading.LATITUDE),
        ("Kaders en speelruimte", Heading.LATITUDE),
        ("Speelruimt/kaders", Heading.LATITUDE),
        ("Kennis & Vaardigheid", Heading.KNOWLEDGE),
        ("Kennis en Vaardigheden", Heading.KNOWLEDGE),
        ("Vaardigheden en kennis", Heading.KNOWLEDGE),
        ("Algemene omshrijving", Heading.DESCRIPTION),
        ("Contacten:", Heading.CONTACTS),
        ("Contact", Heading.CONTACTS),
        ("RESULTATEN", Heading.RESULTS),
    ],
)
def test_typering_headings(text, heading):
    assert match_heading(text, TYPERING_HEADINGS).heading == heading


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Opleiding: Rijk", Heading.EDUCATION),
        ("Opleiding (Rijk)", Heading.EDUCATION),
        ("Opleiding departmentsspecifiek", Heading.DEPARTMENT_EDUCATION),
        ("Opleiding departementspecifiek", Heading.DEPARTMENT_EDUCATION),
        ("Competenties uit het kernprofiel", Heading.COMPETENCIES),
        ("Competenties departementsspecifiek", Heading.DEPARTMENT_COMPETENCIES),
        ("Werk- en denkniveau", Heading.THINKING_LEVEL),
        ("Werk-/denkniveau", Heading.THINKING_LEVEL),
        ("Vakkennis en/of opleidingsrichting", Heading.EDUCATION_FIELD),
        ("Overige vaardigheden en kennis", Heading.OTHER_KNOWLEDGE),
        ("ERVARING", Heading.EXPERIENCE),
    ],
)
def test_kwaliteitenprofiel_headings(text, heading):
    assert match_heading(text, QUALITY_HEADINGS).heading == heading


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        # lines of the seed that are content, not headings
        ("Informatiebeheer", TYPERING_HEADINGS),
        ("technische werkzaamheden", TYPERING_HEADINGS),
        ("ICT werkzaamheden t.a.v. meer complexe dan wel meerdere systemen en/of applicaties", TYPERING_HEADINGS),
        ("inventarisatie en vernietiging", TYPERING_HEADINGS),
        ("ICT/Techniek:", QUALITY_HEADINGS),
        ("P.M.", QUALITY_HEADINGS),
        # a heading's word inside a sentence, a sub-area that begins like an area
        ("Kennis van het beleidsproces en de politieke omgeving", QUALITY_HEADINGS),
        ("Opdracht", TYPERING_HEADINGS),
        ("Omgevingsbewustzijn", AREA_HEADINGS),
        ("Resultaatgerichtheid", KERNPROFIEL_HEADINGS),
        ("Kontrakten", TYPERING_HEADINGS),
    ],
)
def test_content_is_no_heading(text, candidates):
    assert match_heading(text, candidates) is None


def test_a_long_word_may_be_two_letters_off_and_a_short_one_none():
    assert match_heading("Gedragsindikatorn", (Heading.INDICATORS,)) is not None
    assert match_heading("Kaders", (Heading.LATITUDE,)) is not None
    assert match_heading("Kadr", (Heading.LATITUDE,)) is None


@pytest.mark.parametrize(
    ("a", "b", "distance"), [("kaders", "kader", 1), ("omschrijving", "omshcrijving", 1), ("", "ab", 2)]
)
def test_edit_distance_counts_a_swap_as_one(a, b, distance):
    assert edit_distance(a, b) == distance


@pytest.mark.parametrize("text", ["en/of", "of", "dan wel", "c.q.", "en / of"])
def test_connectors(text):
    assert is_connector(text)


@pytest.mark.parametrize("text", ["en de klant", "of niet", "integriteit"])
def test_lines_with_other_words_are_no_connectors(text):
    assert not is_connector(text)


def test_footnotes_and_examples():
    assert is_footnote("*) geldt alleen voor senioren") and is_footnote("**) zie boven")
    assert not is_footnote("*geldt alleen voor senioren") and not is_footnote("• *) in een opsomming")
    assert is_examples("Voorbeelden producten en/of diensten: adviezen") and is_examples("Voorbeeld van producten:")
    assert not is_examples("Voorbereiden van adviezen")


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("Informatiebeheer", "informatiebeheer"),
        ("DIV informatie-beheer", "informatiebeheer"),
        ("DIV", "informatiebeheer"),
        ("ondersteunende ICT werkzaamheden", "ict"),
        ("technische werkzaamheden", "techniek"),
        ("Advisering:", "advisering"),
        ("toezicht en handhaving", "toezicht en handhaving"),
        ("Coördinatie", "coordinatie"),
    ],
)
def test_sub_areas_line_up_by_key(label, key):
    assert sub_area_key(label) == key
