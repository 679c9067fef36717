"""The parser of FGR page text: on the source, on a document with the FGR's other variants, on broken ones."""

import pytest

from profiles import source_parser
from profiles.source_parser import QualitySectionKind, SourceError, SubArea, TyperingSectionKind
from tests.conftest import DATA_DIR


@pytest.fixture
def parsed(source_text):
    return source_parser.parse(source_text)


@pytest.fixture
def variants_text():
    return (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8")


def _sections(typering, kind):
    return [section for section in typering.sections if section.kind == kind]


def test_kernprofiel_has_every_result_area_with_its_bullets_in_order(parsed):
    kern = parsed.kernprofiel

    assert list(kern.results) == list(source_parser.RESULT_AREAS)
    assert [len(items) for items in kern.results.values()] == [5, 2, 3, 2]
    assert [len(items) for items in kern.indicators.values()] == [12, 4, 5, 4]
    assert kern.results["Omgeving"][1].text == (
        "In- en externe terugkoppeling over acties zijn klantvriendelijk en helder gecommuniceerd"
    )
    assert [item.text for item in kern.competencies] == [
        "accuraat werken",
        "analyseren",
        "initiatief",
        "integriteit",
        "klantgerichtheid",
        "luisteren",
        "zelfontwikkeling",
    ]


def test_whitespace_inside_a_bullet_is_collapsed_but_the_words_are_kept(parsed):
    item = parsed.kernprofiel.results["Bedrijfsvoering"][0]

    assert item.text == "Werkzaamheden zijn uitgevoerd conform de geldende kaders, procedures en afspraken"


def test_the_four_quality_profiles_take_the_schalen_of_the_typeringen_in_order(parsed):
    assert [profile.schaal for profile in parsed.quality_profiles] == [5, 6, 7, 8]
    assert [typering.schaal for typering in parsed.typeringen] == [5, 6, 7, 8]


def test_quality_profile_keeps_the_source_labels_and_aandachtsgebieden(parsed):
    profile = parsed.quality_profiles[2]
    sections = [(section.kind, section.label, section.sub_label) for section in profile.sections]

    assert profile.education_heading == "Opleiding: Rijk"
    assert sections == [
        (QualitySectionKind.EXPERIENCE, "Ervaring", ""),
        (QualitySectionKind.THINKING_LEVEL, "Werk- en denkniveau", ""),
        (QualitySectionKind.EDUCATION_FIELD, "Opleidingsrichting en/of vakkennis", "ICT/Techniek:"),
        (QualitySectionKind.EDUCATION_FIELD, "Opleidingsrichting en/of vakkennis", "Informatiebeheer"),
        (QualitySectionKind.OTHER_KNOWLEDGE, "Overige kennis en vaardigheden", "ICT/Techniek:"),
        (QualitySectionKind.OTHER_KNOWLEDGE, "Overige kennis en vaardigheden", "Informatiebeheer"),
        (QualitySectionKind.DEPARTMENT_EDUCATION, "Opleiding departmentsspecifiek", ""),
        (QualitySectionKind.DEPARTMENT_COMPETENCIES, "Competenties departementsspecifiek", ""),
    ]
    assert profile.sections[5].items[0].text.endswith("kennen, tepassen en toetsen")  # the source's typo, kept
    [pm] = profile.sections[6].items
    assert (pm.text, pm.bulleted) == ("P.M.", False)
    assert [item.text for item in profile.competencies][:2] == ["Luisteren", "Klantgerichtheid"]


def test_typering_keeps_the_code_exactly_and_the_heading_variants(parsed):
    labels = [_sections(typering, TyperingSectionKind.LATITUDE)[0].label for typering in parsed.typeringen]

    assert parsed.typeringen[1].fuwasys_code == "322333222\xa0 22\xa0 22 (32)"
    assert labels == [
        "Speelruimte/ kaders",
        "Speelruimte/kaders",
        "Speelruimte/ Kaders",
        "Speelruimte/Kaders",
    ]


def test_result_sub_areas_keep_their_label_and_map_to_a_canonical_sub_area(parsed):
    per_schaal = {
        typering.schaal: [(s.sub_label, s.sub_area) for s in _sections(typering, TyperingSectionKind.RESULTS)]
        for typering in parsed.typeringen
    }

    assert per_schaal == {
        5: [
            ("Informatiebeheer", SubArea.INFORMATION_MANAGEMENT),
            ("technische werkzaamheden", SubArea.ENGINEERING),
        ],
        6: [
            ("Informatiebeheer", SubArea.INFORMATION_MANAGEMENT),
            ("ondersteunende ICT werkzaamheden", SubArea.ICT),
            ("Technische werkzaamheden", SubArea.ENGINEERING),
        ],
        7: [
            ("informatiebeheer", SubArea.INFORMATION_MANAGEMENT),
            ("ICT", SubArea.ICT),
            ("Techniek", SubArea.ENGINEERING),
        ],
        8: [
            ("DIV informatie-beheer", SubArea.INFORMATION_MANAGEMENT),
            ("ICT", SubArea.ICT),
            ("Techniek", SubArea.ENGINEERING),
        ],
    }


def test_unbulleted_lines_continue_the_bullet_above_or_introduce_a_list(parsed):
    schaal_5, schaal_8 = parsed.typeringen[0], parsed.typeringen[3]
    information = _sections(schaal_5, TyperingSectionKind.RESULTS)[0]
    ict, engineering = _sections(schaal_8, TyperingSectionKind.RESULTS)[1:]

    assert information.items[4].text == "bijdragen aan gereed maken voor overdracht NA en/of vernietiging"
    assert information.items[4].continuation == ["inventarisatie en vernietiging"]
    assert ict.intro == ["ICT werkzaamheden t.a.v. meer complexe dan wel meerdere systemen en/of applicaties"]
    assert ict.items[0].text == "back office functionaliteit verzorgd"
    assert engineering.intro == ["specialistisch-technische voorbereidende werkzaamheden"]


def test_link_labels_of_the_fgr_site_are_not_content(source_text):
    texts = [line.text for line in source_parser.content_lines(source_text)]

    assert "Kwaliteitenprofielen vergelijken" not in texts
    assert "Functietyperingen vergelijken" not in texts


def test_other_fgr_variants_are_understood(variants_text):
    parsed = source_parser.parse(variants_text)
    schaal_9, schaal_10 = parsed.typeringen
    kinds_9 = [(section.kind, section.label) for section in schaal_9.sections]

    assert [profile.schaal for profile in parsed.quality_profiles] == [9, 10]
    assert (schaal_9.schaal, schaal_9.fuwasys_code) == (9, "33333 33333 33 33 (42)")
    assert kinds_9 == [
        (TyperingSectionKind.DESCRIPTION, "Algemene omschrijving"),
        (TyperingSectionKind.EXAMPLES, "Voorbeelden producten en/of diensten:"),
        (TyperingSectionKind.RESULTS, "Resultaten"),
        (TyperingSectionKind.LATITUDE, "Speelruimte / Kaders"),
        (TyperingSectionKind.KNOWLEDGE, "Kennis & Vaardigheid"),
        (TyperingSectionKind.CONTACTS, "Contacten"),
    ]
    examples, results = schaal_9.sections[1], schaal_9.sections[2]
    assert [(item.text, item.bulleted) for item in examples.items] == [("adviezen, notities, rapportages", False)]
    assert (results.sub_label, results.sub_area) == ("", "")
    assert results.items[1].continuation == ["(geldt alleen voor senioren)"]
    assert _sections(schaal_10, TyperingSectionKind.KNOWLEDGE)[0].label == "Kennis en vaardigheden"
    assert parsed.quality_profiles[0].sections[2].sub_label == "Beleid:"


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Informatiebeheer", SubArea.INFORMATION_MANAGEMENT),
        ("DIV informatie-beheer", SubArea.INFORMATION_MANAGEMENT),
        ("DIV", SubArea.INFORMATION_MANAGEMENT),
        ("ondersteunende ICT werkzaamheden", SubArea.ICT),
        ("ICT", SubArea.ICT),
        ("technische werkzaamheden", SubArea.ENGINEERING),
        ("Techniek", SubArea.ENGINEERING),
        ("Beleid", ""),
    ],
)
def test_canonical_sub_area(label, expected):
    assert source_parser.canonical_sub_area(label) == expected


def _replace_line(text: str, number: int, new: str) -> str:
    lines = text.splitlines()
    lines[number - 1] = new
    return "\n".join(lines) + "\n"


def _line_number(text: str, content: str, occurrence: int = 1) -> int:
    numbers = [n for n, line in enumerate(text.splitlines(), start=1) if line.strip() == content]
    return numbers[occurrence - 1]


@pytest.mark.parametrize(
    ("anchor", "replacement", "message"),
    [
        ("Omgeving", "Omgevingen", "‘Omgevingen’ past hier niet; verwacht een opsommingsregel"),
        ("Contacten", "Kontakten", "‘Kontakten’ past hier niet; verwacht een opsommingsregel"),
        ("Schaal 6", "Schaal 19", "schaal 19 bestaat niet; verwacht 1 tot en met 18"),
        ("Schaal 7", "Schaal 5", "schaal 5 heeft al een functietypering"),
        (
            "Ervaring",
            "Werkervaring",
            "‘Werkervaring’: verwacht een kwaliteitenprofiel, beginnend met ‘Ervaring’",
        ),
    ],
)
def test_a_line_that_cannot_be_placed_is_refused_with_its_number(source_text, anchor, replacement, message):
    number = _line_number(source_text, anchor)
    broken = _replace_line(source_text, number, replacement)

    with pytest.raises(SourceError, match=message) as raised:
        source_parser.parse(broken)

    assert raised.value.line_no == number
    assert str(raised.value).startswith(f"regel {number}: ")


def test_a_typering_without_its_code_is_refused(source_text):
    number = _line_number(source_text, "32332\xa0 33223\xa0 23\xa0 32 (36)")
    broken = _replace_line(source_text, number, "")

    with pytest.raises(SourceError, match="mist de FUWASYS-code"):
        source_parser.parse(broken)


def test_more_quality_profiles_than_typeringen_is_refused(source_text):
    first_typering = _line_number(source_text, "Functietypering")
    lines = source_text.splitlines()
    broken = "\n".join(lines[: first_typering - 1] + lines[_line_number(source_text, "Functietypering", 2) - 1 :])

    with pytest.raises(SourceError, match="4 kwaliteitenprofielen maar 3 functietyperingen") as raised:
        source_parser.parse(broken)

    assert raised.value.line_no == _line_number(source_text, "Kwaliteitenprofielen")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "regel 1: de tekst is leeg"),
        ("Inleiding\n", "regel 1: ‘Inleiding’: verwacht het kernprofiel"),
        (
            "Resultaten\n\n • los resultaat\n",
            "regel 3: ‘• los resultaat’ past hier niet; verwacht een resultaatgebied",
        ),
        ("Resultaten\nOmgeving\n • iets\n", "regel 3: geen functietypering gevonden"),
    ],
)
def test_documents_that_are_no_fgr_page_are_refused(text, message):
    with pytest.raises(SourceError, match=message):
        source_parser.parse(text)
