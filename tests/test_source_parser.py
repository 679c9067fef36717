"""The parser of FGR page text: the source as published, each rule for lines without a heading, broken pages."""

import pytest

from profiles import source_parser
from profiles.source_parser import LineKind, PlacementKind, QualitySectionKind, SourceError, TyperingSectionKind
from tests.conftest import DATA_DIR

KERNPROFIEL = """Resultaten
Opdracht(gever) (ambtelijk)
 • Adviezen zijn tijdig geleverd
Omgeving
 • Contacten zijn onderhouden
Bedrijfsvoering
 • Werkzaamheden zijn uitgevoerd
Vernieuwen en verbeteren
 • Kennis is gedeeld
Gedragsindicatoren
Opdracht(gever) (ambtelijk)
 • Vraagt door
Omgeving
 • Onderneemt actie
Bedrijfsvoering
 • Werkt nauwkeurig
Vernieuwen en verbeteren
 • Deelt kennis
Competenties
 • samenwerken
"""
TYPERING = """Functietypering
33333 33333 33 33 (42)
Schaal 9
Algemene omschrijving
 • adviseren over beleid
Resultaten
 • adviezen opgesteld
Speelruimte/kaders
 • wet- en regelgeving
Kennis en vaardigheden
 • vakkennis
Contacten
 • informatie uitwisselen
"""


def page(kernprofiel: str = KERNPROFIEL, typering: str = TYPERING) -> str:
    return f"{kernprofiel}Functietyperingen\n{typering}"


def typering_page(**sections: str) -> str:
    """A page whose typering has the given sections (name: the lines under the heading)."""
    headings = {
        "description": "Algemene omschrijving",
        "results": "Resultaten",
        "latitude": "Speelruimte/kaders",
        "knowledge": "Kennis en vaardigheden",
        "contacts": "Contacten",
    }
    body = "".join(f"{headings[name]}\n{lines}" for name, lines in sections.items())
    return page(typering=f"Functietypering\n33333 33333 33 33 (42)\nSchaal 9\n{body}")


def section(parsed, kind) -> list:
    return [s for s in parsed.typeringen[0].sections if s.kind == kind]


def items(sections) -> list[tuple[str, str, list[str]]]:
    return [(item.kind, item.text, item.continuation) for s in sections for item in s.items]


@pytest.fixture
def parsed(source_text):
    return source_parser.parse(source_text)


# -- the source as published ----------------------------------------------------------------------------------


def test_kernprofiel_has_every_result_area_with_its_bullets_in_order(parsed):
    kern = parsed.kernprofiel

    assert [(area.position, area.label) for area in kern.results] == [
        (1, "Opdracht(gever) (ambtelijk)"),
        (2, "Omgeving"),
        (3, "Bedrijfsvoering"),
        (4, "Vernieuwen en verbeteren"),
    ]
    assert [len(area.items) for area in kern.results] == [5, 2, 3, 2]
    assert [len(area.items) for area in kern.indicators] == [12, 4, 5, 4]
    assert kern.results[1].items[1].text == (
        "In- en externe terugkoppeling over acties zijn klantvriendelijk en helder gecommuniceerd"
    )
    assert [item.text for item in kern.competencies][:2] == ["accuraat werken", "analyseren"]
    assert kern.labels == {
        "resultaten": "Resultaten",
        "gedragsindicatoren": "Gedragsindicatoren",
        "competenties": "Competenties",
    }


def test_the_four_quality_profiles_take_the_schalen_of_the_typeringen_in_order(parsed):
    assert [profile.schaal for profile in parsed.quality_profiles] == [5, 6, 7, 8]
    assert [typering.schaal for typering in parsed.typeringen] == [5, 6, 7, 8]


def test_quality_profile_keeps_the_source_labels_and_aandachtsgebieden(parsed):
    profile = parsed.quality_profiles[2]

    assert profile.education_heading == "Opleiding: Rijk"
    assert [(s.kind, s.label, s.sub_label) for s in profile.sections] == [
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
    assert (pm.text, pm.kind) == ("P.M.", LineKind.PLAIN)
    assert [item.text for item in profile.competencies][:2] == ["Luisteren", "Klantgerichtheid"]


def test_typering_keeps_the_code_exactly_and_the_heading_variants(parsed):
    labels = [section(parsed, TyperingSectionKind.LATITUDE)[0].label]
    labels += [
        next(s for s in t.sections if s.kind == TyperingSectionKind.LATITUDE).label for t in parsed.typeringen[1:]
    ]

    assert [(code.label, code.code) for code in parsed.typeringen[1].codes] == [("", "322333222\xa0 22\xa0 22 (32)")]
    assert labels == ["Speelruimte/ kaders", "Speelruimte/kaders", "Speelruimte/ Kaders", "Speelruimte/Kaders"]


def test_result_sub_areas_keep_their_label_and_line_up_by_key(parsed):
    per_schaal = {
        typering.schaal: [(s.sub_label, s.sub_area) for s in typering.sections if s.kind == TyperingSectionKind.RESULTS]
        for typering in parsed.typeringen
    }

    assert per_schaal == {
        5: [("Informatiebeheer", "informatiebeheer"), ("technische werkzaamheden", "techniek")],
        6: [
            ("Informatiebeheer", "informatiebeheer"),
            ("ondersteunende ICT werkzaamheden", "ict"),
            ("Technische werkzaamheden", "techniek"),
        ],
        7: [("informatiebeheer", "informatiebeheer"), ("ICT", "ict"), ("Techniek", "techniek")],
        8: [("DIV informatie-beheer", "informatiebeheer"), ("ICT", "ict"), ("Techniek", "techniek")],
    }


def test_unbulleted_lines_continue_the_bullet_above_or_introduce_a_list(parsed):
    schaal_5, schaal_8 = parsed.typeringen[0], parsed.typeringen[3]
    information = next(s for s in schaal_5.sections if s.kind == TyperingSectionKind.RESULTS)
    ict, engineering = [s for s in schaal_8.sections if s.kind == TyperingSectionKind.RESULTS][1:]

    assert information.items[4].text == "bijdragen aan gereed maken voor overdracht NA en/of vernietiging"
    assert information.items[4].continuation == ["inventarisatie en vernietiging"]
    assert (ict.items[0].kind, ict.items[0].text) == (
        LineKind.INTRO,
        "ICT werkzaamheden t.a.v. meer complexe dan wel meerdere systemen en/of applicaties",
    )
    assert ict.items[1].text == "back office functionaliteit verzorgd"
    assert engineering.items[0].text == "specialistisch-technische voorbereidende werkzaamheden"


def test_every_line_has_a_placement_and_inferred_ones_say_why(parsed, source_text):
    numbers = [n for n, raw in enumerate(source_text.splitlines(), start=1) if raw.strip()]
    inferred = {(p.line_no, p.kind, p.where, p.inferred) for p in parsed.inferred}

    assert [p.line_no for p in parsed.placements] == numbers
    assert (
        469,
        "intro",
        "Functietypering schaal 8 › Resultaten (ICT)",
        "inleiding van het deelgebied erboven",
    ) in inferred
    assert (
        302,
        "continuation",
        "Functietypering schaal 5 › Resultaten (Informatiebeheer)",
        "vervolg van regel 301",
    ) in inferred
    similar = [p for p in parsed.inferred if p.kind == PlacementKind.HEADING]
    assert {p.text for p in similar} == {"Opleiding departmentsspecifiek"}  # the FGR's own misspelling
    assert all(p.inferred.startswith("kopje herkend als") for p in similar)


def test_the_site_link_labels_are_no_content(parsed):
    links = [p.text for p in parsed.placements if p.kind == PlacementKind.LINK]

    assert links == ["Kwaliteitenprofielen vergelijken", "Functietyperingen vergelijken"]


def test_an_older_test_page_with_examples_in_a_typering_is_still_read():
    parsed = source_parser.parse((DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8"))
    schaal_9 = parsed.typeringen[0]

    assert [s.kind for s in schaal_9.sections][:3] == [
        TyperingSectionKind.DESCRIPTION,
        TyperingSectionKind.EXAMPLES,
        TyperingSectionKind.RESULTS,
    ]
    assert items(section(parsed, TyperingSectionKind.EXAMPLES)) == [
        (LineKind.PLAIN, "adviezen, notities, rapportages", [])
    ]
    assert items(section(parsed, TyperingSectionKind.RESULTS))[1][2] == ["(geldt alleen voor senioren)"]


# -- the rules for lines without a heading --------------------------------------------------------------------


def test_examples_close_the_kernprofiel_results_and_keep_the_lines_under_them():
    kernprofiel = KERNPROFIEL.replace(
        "Gedragsindicatoren\n",
        "Voorbeelden producten en/of diensten: adviezen, nota's\n • verslagen\n  en rapportages\nGedragsindicatoren\n",
    )

    kern = source_parser.parse(page(kernprofiel)).kernprofiel

    assert kern.examples == ["Voorbeelden producten en/of diensten: adviezen, nota's", "verslagen", "en rapportages"]
    assert [item.text for item in kern.results[3].items] == ["Kennis is gedeeld"]


def test_footnotes_connectors_and_intros_are_lines_of_their_own():
    parsed = source_parser.parse(
        typering_page(
            description=" • adviseren over beleid\nondersteuning o.b.v. deelopdrachten:\n • analyseren\n",
            results=" • adviezen opgesteld*\nen/of\n • notities geschreven\n*) alleen voor senioren\n",
        )
    )

    assert items(section(parsed, TyperingSectionKind.DESCRIPTION)) == [
        (LineKind.BULLET, "adviseren over beleid", []),
        (LineKind.INTRO, "ondersteuning o.b.v. deelopdrachten:", []),
        (LineKind.BULLET, "analyseren", []),
    ]
    assert items(section(parsed, TyperingSectionKind.RESULTS)) == [
        (LineKind.BULLET, "adviezen opgesteld*", []),
        (LineKind.CONNECTOR, "en/of", []),
        (LineKind.BULLET, "notities geschreven", []),
        (LineKind.FOOTNOTE, "*) alleen voor senioren", []),
    ]


def test_a_connector_is_never_a_sub_area_and_a_footnote_may_go_on():
    parsed = source_parser.parse(
        typering_page(results="Advisering\n • adviezen\n*) noot\n  vervolg\nof\n • notities\n")
    )
    results = section(parsed, TyperingSectionKind.RESULTS)

    assert [s.sub_label for s in results] == ["Advisering"]
    assert items(results) == [
        (LineKind.BULLET, "adviezen", []),
        (LineKind.FOOTNOTE, "*) noot", ["vervolg"]),
        (LineKind.CONNECTOR, "of", []),
        (LineKind.BULLET, "notities", []),
    ]


def test_results_without_sub_areas_or_with_labels_of_any_name():
    parsed = source_parser.parse(
        typering_page(
            results=" • adviezen\ntoezicht en handhaving\n • inspecties\nVariant 2\nin het buitenland:\n • bezoeken\n"
        )
    )
    results = section(parsed, TyperingSectionKind.RESULTS)

    assert [(s.sub_label, s.sub_area) for s in results] == [
        ("", ""),
        ("toezicht en handhaving", "toezicht en handhaving"),
        ("Variant 2", "variant 2"),
    ]
    assert items(results[2:])[0] == (LineKind.INTRO, "in het buitenland:", [])
    assert {p.text for p in parsed.inferred if p.kind == PlacementKind.SUB_AREA} == {
        "toezicht en handhaving",
        "Variant 2",
    }


def test_variant_codes_keep_their_labels_in_either_form():
    typering = (
        "Functietypering\nSchaal 9\nVariant 1. 33333 33333 33 33 (42)\nVariant 2 33343 33333 33 33 (43)\n"
        "Variant B\n33343  33343  33 33 (44)\n" + TYPERING.split("Schaal 9\n", 1)[1]
    )

    [parsed] = source_parser.parse(page(typering=typering)).typeringen

    assert [(code.label, code.code) for code in parsed.codes] == [
        ("Variant 1.", "33333 33333 33 33 (42)"),
        ("Variant 2", "33343 33333 33 33 (43)"),
        ("Variant B", "33343  33343  33 33 (44)"),
    ]


def test_a_heading_is_never_swallowed_by_the_list_above_it():
    typering = TYPERING.replace("Kennis en vaardigheden", "  Vaardigheden & kennis (algemeen)").replace(
        "Contacten", "Kontacten"
    )

    parsed = source_parser.parse(page(typering=typering))

    assert [s.kind for s in parsed.typeringen[0].sections][-2:] == [
        TyperingSectionKind.KNOWLEDGE,
        TyperingSectionKind.CONTACTS,
    ]
    assert [s.label for s in parsed.typeringen[0].sections][-2:] == ["Vaardigheden & kennis (algemeen)", "Kontacten"]


def test_kwaliteitenprofielen_may_carry_their_own_schaal():
    profiles = "Kwaliteitenprofielen\nSchaal 10\nErvaring\n • veel\nKwaliteitenprofiel schaal 9\nErvaring\n • enige\n"
    text = f"{KERNPROFIEL}{profiles}Functietyperingen\n{TYPERING}{TYPERING.replace('Schaal 9', 'Schaal 10')}"

    parsed = source_parser.parse(text)

    assert [(profile.schaal, profile.sections[0].items[0].text) for profile in parsed.quality_profiles] == [
        (10, "veel"),
        (9, "enige"),
    ]


# -- what is refused ------------------------------------------------------------------------------------------


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
        ("Schaal 6", "Schaal 19", "schaal 19 bestaat niet; verwacht 1 tot en met 18"),
        ("Schaal 6", "Schaal zes", "‘Schaal zes’: verwacht ‘Schaal’ met een getal van 1 tot en met 18"),
        ("Schaal 7", "Schaal 5", "schaal 5 heeft al een functietypering"),
        ("22222\xa0 22222\xa0 22\xa0 22 (28)", "22222 2222x 22 22 (28)", "‘22222 2222x 22 22 \\(28\\)’ past hier niet"),
        (
            "22222\xa0 22222\xa0 22\xa0 22 (28)",
            "22222 22222 22 22 28)",
            "verwacht na ‘Functietypering’ de FUWASYS-code",
        ),
        ("Ervaring", "Werkervaring bij het Rijk", "‘Werkervaring bij het Rijk’: verwacht een kwaliteitenprofiel"),
    ],
)
def test_a_line_that_cannot_be_placed_is_refused_with_its_number(source_text, anchor, replacement, message):
    number = _line_number(source_text, anchor)
    broken = _replace_line(source_text, number, replacement)

    with pytest.raises(SourceError, match=message) as raised:
        source_parser.parse(broken)

    assert raised.value.line_no == number
    assert str(raised.value).startswith(f"regel {number}: ")
    assert str(raised.value).endswith(".") and not str(raised.value).endswith("..")


def test_a_typering_without_its_code_is_refused_at_its_heading(source_text):
    number = _line_number(source_text, "32332\xa0 33223\xa0 23\xa0 32 (36)")
    broken = _replace_line(source_text, number, "")

    with pytest.raises(SourceError, match="deze functietypering mist de FUWASYS-code") as raised:
        source_parser.parse(broken)

    assert raised.value.line_no == number - 2  # its "Functietypering"


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
        ("\n \n\xa0\n", "regel 1: de tekst is leeg"),
        ("Inleiding\n", "regel 1: ‘Inleiding’: verwacht het kernprofiel"),
        (f"Functietypering\n{TYPERING}", "regel 1: ‘Functietypering’: verwacht het kernprofiel"),
        (
            "Resultaten\n\n • los resultaat\n",
            "regel 3: ‘• los resultaat’ past hier niet; verwacht eerst een resultaatgebied",
        ),
        ("Resultaten\nOmgeving\n • iets\n", "regel 3: geen functietypering gevonden"),
        (
            page().replace("Omgeving\n • Onderneemt", "Omgeving\n • Onderneemt\nOmgeving\n • twee"),
            "voor de tweede keer",
        ),
        (
            typering_page(results=f"{'deelgebied ' * 30}\n • iets\n"),
            r"is te lang voor een kopje \(329 tekens, hooguit 200\)",
        ),
        (page(KERNPROFIEL.replace("samenwerken", "samen" * 41)), "is te lang voor een competentie"),
    ],
)
def test_documents_that_are_no_fgr_page_are_refused(text, message):
    with pytest.raises(SourceError, match=message):
        source_parser.parse(text)


def test_two_sub_areas_of_one_schaal_never_share_a_key():
    parsed = source_parser.parse(
        typering_page(results="ICT-beheer\n • beheerd\nICT-advies\n • geadviseerd\nTechniek\n • x\n")
    )

    assert [s.sub_area for s in section(parsed, TyperingSectionKind.RESULTS)] == [
        "ict beheer",
        "ict advies",
        "techniek",
    ]


# -- shapes that copies of real pages take ---------------------------------------------------------------------


def placements(text: str) -> dict[int, tuple[str, str]]:
    return {p.line_no: (p.kind, p.key) for p in source_parser.parse(text).placements}


def test_a_first_profile_without_its_part_heading_may_have_a_qualified_or_misspelled_ervaring():
    for heading in ("Ervaring (indicatief)", "Ervarig", "Werkervaring"):
        profile = f"{heading}\n • enige ervaring\nOpleiding: Rijk\nWerk- en denkniveau\n • MBO\n"
        parsed = source_parser.parse(f"{KERNPROFIEL}{profile}Functietyperingen\n{TYPERING}")

        assert [item.text for item in parsed.kernprofiel.competencies] == ["samenwerken"], heading
        assert parsed.quality_profiles[0].sections[0].items[0].text == "enige ervaring"


@pytest.mark.parametrize(
    ("kernprofiel", "typering", "continued"),
    [
        (
            KERNPROFIEL.replace(" • Werkzaamheden zijn uitgevoerd", " • Werkt met de vereiste\n   competenties"),
            TYPERING,
            "competenties",
        ),
        (KERNPROFIEL.replace(" • Deelt kennis", " • Deelt kennis van de\n  resultaten"), TYPERING, "resultaten"),
        (KERNPROFIEL, TYPERING.replace(" • adviseren over beleid", " • onderhoudt de\n  contacten"), "contacten"),
        (KERNPROFIEL, TYPERING.replace(" • vakkennis", " • kennis van de\n  kaders"), "kaders"),
    ],
)
def test_an_indented_word_that_names_a_later_or_earlier_heading_continues_the_line_above(
    kernprofiel, typering, continued
):
    parsed = source_parser.parse(page(kernprofiel, typering))

    [placement] = [p for p in parsed.placements if p.text == continued]
    assert placement.kind == PlacementKind.CONTINUATION
    assert [s.kind for s in parsed.typeringen[0].sections] == list(TyperingSectionKind)[:5]


def test_examples_need_what_they_are_examples_of_and_stay_in_the_results():
    kernprofiel = KERNPROFIEL.replace(
        " • Adviezen zijn tijdig geleverd", "Voorbeelden:\n • Adviezen zijn tijdig geleverd"
    )
    kernprofiel = kernprofiel.replace(" • Onderneemt actie", "Voorbeeld: belt een collega\n • Onderneemt actie")

    parsed = source_parser.parse(page(kernprofiel))

    assert parsed.kernprofiel.examples == []
    assert [item.kind for item in parsed.kernprofiel.results[0].items] == [LineKind.INTRO, LineKind.BULLET]
    assert [item.kind for item in parsed.kernprofiel.indicators[1].items] == [LineKind.PLAIN, LineKind.BULLET]


@pytest.mark.parametrize(
    "code",
    ["22O22 22222 22 22 (28)", "2a2b2 22222 22 22 (28)", "Variant 2. 22x22 22222 22 22 (28)", "22222 22222 22 22 (2S)"],
)
def test_a_code_with_a_letter_among_its_digits_is_refused(code):
    text = page(typering=TYPERING.replace("33333 33333 33 33 (42)", code))

    with pytest.raises(SourceError, match="past hier niet; verwacht na ‘Functietypering’ de FUWASYS-code") as raised:
        source_parser.parse(text)

    assert raised.value.line_no == text.splitlines().index(code) + 1


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            page() + "Gedragsindicatoren\n • na de typeringen\n",
            35,
            "‘Gedragsindicatoren’ staat na de functietyperingen",
        ),
        (page() + "Kwaliteitenprofielen\nErvaring\n • x\n", 35, "‘Kwaliteitenprofielen’ staat na de functietyperingen"),
        (f"Resultaten\nFunctietyperingen\n{TYPERING}", 1, "het kernprofiel heeft geen resultaatgebieden"),
        (page(typering=TYPERING.replace("Schaal 9", "Schaal ²")), 24, "‘Schaal ²’: verwacht ‘Schaal’ met een getal"),
        (page(typering=TYPERING.replace("Schaal 9", "Schaal 9 (senior)")), 24, "verwacht ‘Schaal’ met een getal"),
    ],
)
def test_parts_out_of_their_order_and_odd_schalen_are_refused(text, line, message):
    with pytest.raises(SourceError, match=message) as raised:
        source_parser.parse(text)

    assert raised.value.line_no == line


def test_lines_are_counted_by_their_line_breaks_only():
    text = page().replace("Omgeving\n", "Omgeving\x0c\n", 1).replace("Werkt nauwkeurig", "Werkt\x0bnauw\u2028keurig")
    text = text.replace("\n", "\r\n").replace("Schaal 9", "Schaal 19")

    with pytest.raises(SourceError) as raised:
        source_parser.parse(text)

    assert raised.value.line_no == text.split("\r\n").index("Schaal 19") + 1


@pytest.mark.parametrize("form", ["Schaal 9.", "Schaal 9:", "schaal: 9", "(schaal 9)"])
def test_a_schaal_may_carry_punctuation(form):
    [typering] = source_parser.parse(page(typering=TYPERING.replace("Schaal 9", form))).typeringen

    assert typering.schaal == 9


def test_a_schaal_on_the_typerings_heading_may_be_repeated_on_a_line_of_its_own():
    typering = TYPERING.replace("Functietypering\n", "Functietypering (schaal 9)\n")

    [parsed] = source_parser.parse(page(typering=typering)).typeringen

    assert parsed.schaal == 9


def test_word_processor_bullets_and_numbered_items_are_items():
    typering = TYPERING.replace(
        " • adviezen opgesteld", "o\tadviezen opgesteld\n\uf076 notities\n1. eerste stap\n2) tweede stap"
    )

    results = section(source_parser.parse(page(typering=typering)), TyperingSectionKind.RESULTS)

    assert items(results) == [
        (LineKind.BULLET, "adviezen opgesteld", []),
        (LineKind.BULLET, "notities", []),
        (LineKind.PLAIN, "1. eerste stap", []),
        (LineKind.PLAIN, "2) tweede stap", []),
    ]
    assert [s.sub_label for s in results] == [""]


def test_competencies_may_go_on_and_carry_a_footnote():
    kernprofiel = KERNPROFIEL.replace(
        " • samenwerken\n",
        " • samenwerken*\n  (senior)\n • schriftelijke uitdrukkings-\n   vaardigheid\n*) alleen voor coördinatoren\n",
    )

    competencies = source_parser.parse(page(kernprofiel)).kernprofiel.competencies

    assert items([source_parser.Section("competenties", "", 1, items=competencies)]) == [
        (LineKind.BULLET, "samenwerken*", ["(senior)"]),
        (LineKind.BULLET, "schriftelijke uitdrukkings-", ["vaardigheid"]),
        (LineKind.FOOTNOTE, "*) alleen voor coördinatoren", []),
    ]


@pytest.mark.parametrize(
    "label", ["Kwaliteitenprofielen vergelijke", "Vergelijk kwaliteitenprofielen", "FUNCTIETYPERINGEN VERGELIJKEN"]
)
def test_misspelled_link_labels_of_the_site_are_no_content(label):
    text = f"{KERNPROFIEL}Kwaliteitenprofielen\n{label}\nErvaring\n • veel\nFunctietyperingen\n{TYPERING}"

    parsed = source_parser.parse(text)

    assert [p.kind for p in parsed.placements if p.text == label] == [PlacementKind.LINK]


@pytest.mark.parametrize(
    ("heading", "kind"), [("Denk- en werkniveau", "werk_en_denkniveau"), ("Overige kennis", "overige_kennis")]
)
def test_more_spellings_of_profile_headings(heading, kind):
    text = f"{KERNPROFIEL}Ervaring\n • veel\n{heading}\n • iets\nFunctietyperingen\n{TYPERING}"

    assert [s.kind for s in source_parser.parse(text).quality_profiles[0].sections] == ["ervaring", kind]
