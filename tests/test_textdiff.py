"""Word diffs and row alignment for comparing schalen: on the source's own texts, and as properties of any input.

The expected segments and rows below are written out by reading the source, not computed by the code under test.
"""

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from profiles import source_parser
from profiles.textdiff import MATCH_THRESHOLD, Segment, align, same_text, similarity, word_diff

# The "Algemene omschrijving" of each schaal, as in the source.
STEM = (
    "ondersteunende werkzaamheden ten behoeve van het primaire proces met een technisch-, informatie- en "
    "automatiseringskarakter dan wel het omgaan met documenten, gegevens en gegevensstromen "
)
DESCRIPTION = {
    5: STEM + "routinematig van aard",
    6: STEM + "met een beperkte diversiteit in problematiek",
    7: STEM + "met een gevarieerdheid in diversiteit in problematiek",
    8: "(coördinatie van) " + STEM + "met een gevarieerdheid in diversiteit en complexiteit in problematiek",
}

INFORMATIEBEHEER_5 = [
    "bibliotheekdocumentatie en archieven actueel en op orde",
    "archiefbescheiden gecontroleerd op compleetheid en afdoening",
    "inkomende en uitgaande poststukken en documenten geregistreerd en gedigitaliseerd",
    "fysieke en digitale dossiers geordend en gevormd",
    "bijdragen aan gereed maken voor overdracht NA en/of vernietiging",
    "eenvoudige vragen en klachten behandeld",
]
INFORMATIEBEHEER_6 = [
    "bijdragen aan verzamelen, ordenen, rubriceren (classificeren), ontsluiten en beschikbaar stellen van informatie",
    *INFORMATIEBEHEER_5,
]
TECHNIEK_6 = [
    "controles en inspecties uitgevoerd",
    "klein (technisch) onderhoud uitgevoerd",
    "storingen opgespoord, opgelost dan wel (externe) installateurs/technici ingeschakeld",
    "bijzonderheden gesignaleerd en aanpassingen voorgesteld",
    "uitvoering externe installateurs/technici begeleid",
    "gebruikers geïnformeerd over gebruik van standaard (technische) installaties en apparatuur",
    "technische installaties/apparatuur geïnstalleerd",
    "administratie over (afgehandelde) storingen bijgehouden",
]
TECHNIEK_7 = [
    "controles en inspecties uitgevoerd",
    "specialistisch-technische reparatie- en onderhoudswerkzaamheden uitgevoerd",
    "onderhoud en het (laten) oplossen van storingen door (externe) installateurs/technici",
    "(storings)meldingen en klachten onderzocht en behandeld",
    "bijzonderheden gesignaleerd en aanpassingen voorgesteld",
    "(onderdelen van) onderhoudsplannen opgesteld, hiervoor (technische) ontwerpen, tekeningen, bestekken e.d. "
    "opgesteld",
    "gebruikers geïnformeerd over gebruik van (technische) installaties en apparatuur",
    "administratie over (afgehandelde) storingen bijgehouden",
]
ICT_6 = [
    "front office: (storings)meldingen aangenomen, vragen afgehandeld, back office ingeschakeld",
    "bijdragen aan beheer van applicaties en systemen",
    "(ondersteuning bij) installatie en inrichting van applicaties en systemen",
    "onregelmatigheden gesignaleerd t.a.v. systeemgebruik en hardwarestoringen en opgelost en/of laten verhelpen",
    "intermediair tussen gebruikers en back office en automatiseringsdeskundigen/ leveranciers",
    "voortgang van de afhandeling van calls en administratie hierover bijgehouden",
]
ICT_7 = [
    "back office functionaliteit verzorgd",
    "gebruikers ondersteund en geïnstrueerd",
    "applicaties en systemen beheerd",
    "installatie en inrichting van applicaties en systemen verzorgd",
    "voorstellen over de inrichting en werking van de applicaties en technische wijzigingen aangebracht",
    "gebruikershandleidingen opgesteld en bijgehouden",
    "onregelmatigheden gesignaleerd t.a.v. systeemgebruik en hardwarestoringen en opgelost en/of laten verhelpen",
    "intermediair tussen gebruikers en automatiseringsdeskundigen/leveranciers",
    "(informatie)beveiliging verzorgd",
]
_FRAMEWORK = "algemene werkafspraken, regels en voorschriften"
_CHOICE = "keuzemogelijkheden in aanpak en werkwijze, na beoordeling van ter beschikking staande gegevens"
_CHOICE_7 = (
    "keuzemogelijkheden in aanpak en werkwijze, waarbij eigen inzicht en interpretatie van gegevens een belangrijke "
    "rol speelt"
)
_REVIEW = "beoordeling op aanpak, voortgang, volledigheid en juistheid, en op de naleving van regels en afspraken"
_REVIEW_7 = "beoordeling van resultaten aan de hand van vooraf gestelde specificaties en normen"
SPEELRUIMTE = {
    5: [_FRAMEWORK, _CHOICE, _REVIEW],
    6: [
        "van " + _FRAMEWORK,
        _CHOICE,
        "inspelen op wisselende omstandigheden en wijzigingen in de afspraken.",
        _REVIEW,
    ],
    7: [_FRAMEWORK, _CHOICE_7, "inspelen op wensen van gebruikers en wijzigingen in de regelgeving", _REVIEW_7],
    8: [
        "wet- en regelgeving op het werkterrein en procedures, werkprocessen en afspraken",
        _CHOICE_7,
        "inspelen op wensen van gebruikers en wijzigingen in de regelgeving.",
        _REVIEW_7,
    ],
}


def test_the_texts_used_here_are_bullets_of_the_source(source_text):
    bullets = {line.bullet_text for line in source_parser.content_lines(source_text)}
    quoted = [
        *DESCRIPTION.values(),
        *INFORMATIEBEHEER_6,
        *TECHNIEK_6,
        *TECHNIEK_7,
        *ICT_6,
        *ICT_7,
        *(item for items in SPEELRUIMTE.values() for item in items),
    ]

    assert [text for text in quoted if text not in bullets] == []


# -- word_diff ------------------------------------------------------------------------------------------------


def test_schaal_6_drops_routinematig_van_aard_and_adds_a_limited_diversity():
    assert word_diff(DESCRIPTION[5], DESCRIPTION[6]) == [
        Segment("equal", STEM),
        Segment("delete", "routinematig van aard"),
        Segment("insert", "met een beperkte diversiteit in problematiek"),
    ]


def test_schaal_7_replaces_beperkte_by_gevarieerdheid_in():
    assert word_diff(DESCRIPTION[6], DESCRIPTION[7]) == [
        Segment("equal", STEM + "met een "),
        Segment("delete", "beperkte"),
        Segment("insert", "gevarieerdheid in"),
        Segment("equal", " diversiteit in problematiek"),
    ]


def test_schaal_8_adds_coordinatie_van_and_en_complexiteit():
    assert word_diff(DESCRIPTION[7], DESCRIPTION[8]) == [
        Segment("insert", "(coördinatie van) "),
        Segment("equal", STEM + "met een gevarieerdheid in diversiteit "),
        Segment("insert", "en complexiteit "),
        Segment("equal", "in problematiek"),
    ]


def test_a_moved_word_group_is_a_deletion_and_an_insertion():
    old = "gebruikers geïnformeerd over gebruik van standaard apparatuur en (technische) installaties"
    new = "gebruikers geïnformeerd over gebruik van standaard (technische) installaties en apparatuur"

    assert word_diff(old, new) == [
        Segment("equal", "gebruikers geïnformeerd over gebruik van standaard "),
        Segment("delete", "apparatuur en "),
        Segment("equal", "(technische) installaties"),
        Segment("insert", " en apparatuur"),
    ]


def test_shared_spaces_and_commas_do_not_split_a_change():
    assert word_diff("klein, snel werk", "groot, traag werk") == [
        Segment("delete", "klein, snel"),
        Segment("insert", "groot, traag"),
        Segment("equal", " werk"),
    ]


def test_a_hyphenated_word_changes_as_one_word():
    assert word_diff("de DIV-medewerker", "de DIV-beheerder") == [
        Segment("equal", "de "),
        Segment("delete", "DIV-medewerker"),
        Segment("insert", "DIV-beheerder"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("", "", []),
        ("P.M.", "P.M.", [Segment("equal", "P.M.")]),
        ("", "literatuuronderzoek", [Segment("insert", "literatuuronderzoek")]),
        ("literatuuronderzoek", "", [Segment("delete", "literatuuronderzoek")]),
    ],
)
def test_identical_and_empty_texts(old, new, expected):
    assert word_diff(old, new) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Werkzaamheden zijn uitgevoerd\xa0 conform", " Werkzaamheden zijn\tuitgevoerd conform ", True),
        ("", "  ", True),
        ("regels en voorschriften", "regels en voorschriften.", False),
        ("Techniek", "techniek", False),
    ],
)
def test_same_text_ignores_only_whitespace(a, b, same):
    assert same_text(a, b) is same


# -- similarity and the threshold ----------------------------------------------------------------------------


def test_similarity_ignores_case_and_punctuation_and_is_symmetric():
    assert similarity("Controles en inspecties uitgevoerd.", "controles en inspecties uitgevoerd") == 1.0
    assert similarity("literatuuronderzoek", "P.M.") == 0.0
    assert similarity(TECHNIEK_6[2], TECHNIEK_7[2]) == similarity(TECHNIEK_7[2], TECHNIEK_6[2])


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        (INFORMATIEBEHEER_6[0], "informatie verzameld, geordend, gerubriceerd (geclassificeerd), ontsloten en "
         "beschikbaar gesteld"),
        (SPEELRUIMTE[6][2], SPEELRUIMTE[7][2]),
        ("dossiers beheerd en gereed gemaakt voor overdracht NA en/of vernietiging",
         "dossiers overgedragen aan en/of (laten) vernietigen"),
        (TECHNIEK_6[1], TECHNIEK_7[1]),
        (TECHNIEK_6[2], TECHNIEK_7[2]),
    ],
)  # fmt: skip
def test_a_result_reworded_from_one_schaal_to_the_next_reaches_the_threshold(lower, higher):
    assert similarity(lower, higher) >= MATCH_THRESHOLD


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        # The same place in the list, rewritten: little more than "en" and "van" in common.
        (SPEELRUIMTE[7][0], SPEELRUIMTE[8][0]),
        (_REVIEW, _REVIEW_7),
        ("nauwkeurigheid, zorgvuldigheid en klantvriendelijke vaardigheden",
         "communicatieve, improviserende en organiserende vaardigheden"),
        # Unrelated results that meet where a schaal drops one result and adds another.
        (ICT_6[0], ICT_7[0]),
        (ICT_6[5], ICT_7[8]),
    ],
)  # fmt: skip
def test_a_rewritten_or_unrelated_item_stays_below_the_threshold(lower, higher):
    assert similarity(lower, higher) < MATCH_THRESHOLD


# -- align ---------------------------------------------------------------------------------------------------


def test_schaal_6_adds_a_first_informatiebeheer_result_and_the_rest_lines_up():
    rows = align([INFORMATIEBEHEER_5, INFORMATIEBEHEER_6])

    assert rows == [(None, 0), (0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6)]


def test_techniek_results_of_schaal_6_and_7_line_up_by_meaning_of_their_words():
    assert align([TECHNIEK_6, TECHNIEK_7]) == [
        (0, 0),  # controles en inspecties uitgevoerd
        (1, 1),  # klein (technisch) onderhoud → specialistisch-technische reparatie- en onderhoudswerkzaamheden
        (2, 2),  # storingen opgespoord … ingeschakeld → onderhoud en het (laten) oplossen van storingen door …
        (None, 3),  # new: (storings)meldingen en klachten onderzocht en behandeld
        (3, 4),  # bijzonderheden gesignaleerd en aanpassingen voorgesteld
        (4, None),  # dropped: uitvoering externe installateurs/technici begeleid
        (None, 5),  # new: (onderdelen van) onderhoudsplannen opgesteld …
        (5, 6),  # gebruikers geïnformeerd over gebruik van (standaard) (technische) installaties en apparatuur
        (6, None),  # dropped: technische installaties/apparatuur geïnstalleerd
        (7, 7),  # administratie over (afgehandelde) storingen bijgehouden
    ]


def test_a_word_added_in_front_keeps_the_speelruimte_items_on_one_row():
    assert align([SPEELRUIMTE[5], SPEELRUIMTE[6]]) == [(0, 0), (1, 1), (None, 2), (2, 3)]


def test_four_columns_are_aligned_each_against_the_one_to_its_left():
    assert align([SPEELRUIMTE[5], SPEELRUIMTE[6], SPEELRUIMTE[7], SPEELRUIMTE[8]]) == [
        (0, 0, 0, None),  # (van) algemene werkafspraken, regels en voorschriften
        (None, None, None, 0),  # wet- en regelgeving op het werkterrein … (rewritten: a row of its own)
        (1, 1, 1, 1),  # keuzemogelijkheden in aanpak en werkwijze, …
        (None, 2, 2, 2),  # inspelen op …
        (2, 3, None, None),  # beoordeling op aanpak, …
        (None, None, 3, 3),  # beoordeling van resultaten …
    ]


def test_three_columns_with_an_empty_first_one():
    # Schaal 5 has no ICT results.
    assert align([[], ICT_6, ICT_7]) == [
        (None, 0, None),  # front office … (dropped in schaal 7)
        (None, None, 0),  # back office functionaliteit verzorgd
        (None, None, 1),  # gebruikers ondersteund en geïnstrueerd
        (None, 1, 2),  # (bijdragen aan) beheer van applicaties en systemen
        (None, 2, 3),  # (ondersteuning bij) installatie en inrichting …
        (None, None, 4),
        (None, None, 5),
        (None, 3, 6),  # onregelmatigheden gesignaleerd …
        (None, 4, 7),  # intermediair tussen gebruikers en …
        (None, 5, None),  # voortgang van de afhandeling van calls … (dropped)
        (None, None, 8),  # (informatie)beveiliging verzorgd
    ]


def test_items_line_up_across_an_empty_column():
    assert align([SPEELRUIMTE[5], [], SPEELRUIMTE[6]]) == [(0, None, 0), (1, None, 1), (None, None, 2), (2, None, 3)]


def test_an_item_that_a_schaal_skips_lines_up_again():
    assert align([["archieven beheerd"], ["literatuuronderzoek"], ["archieven beheerd"]]) == [
        (0, None, 0),
        (None, 0, None),
    ]


def test_a_match_with_the_cell_to_the_left_wins_over_an_equal_one_across_an_empty_cell():
    same, other = "archieven beheerd", "literatuuronderzoek"

    assert align([[same, same], [other, same], [same]]) == [(0, None, None), (None, 0, None), (1, 1, 0)]


def test_no_columns_or_only_empty_ones_give_no_rows():
    assert align([]) == []
    assert align([[], [], []]) == []
    assert align([INFORMATIEBEHEER_5]) == [(i,) for i in range(6)]


# -- properties ----------------------------------------------------------------------------------------------

# FGR-like text, so that two texts share words, spaces and punctuation, mixed with any text at all.
_PIECES = ["regels", "en", "van", "(technische)", "DIV-medewerker", "collega’s", " ", "  ", "\xa0", ", ", "/", ".", ""]
fgr_text = st.one_of(st.text(max_size=40), st.lists(st.sampled_from(_PIECES), max_size=16).map("".join))
columns = st.lists(st.lists(fgr_text, max_size=6), max_size=4)
# Few examples, so that the file runs in a few seconds; no deadline, so that a busy machine does not fail it.
quick = settings(max_examples=150, deadline=None)


@quick
@given(old=fgr_text, new=fgr_text)
def test_word_diff_rebuilds_both_texts(old, new):
    segments = word_diff(old, new)

    assert "".join(s.text for s in segments if s.kind != "delete") == new
    assert "".join(s.text for s in segments if s.kind != "insert") == old
    assert all(s.text for s in segments)
    assert all(a.kind != b.kind for a, b in pairwise(segments))
    assert not any(a.kind == "insert" and b.kind == "delete" for a, b in pairwise(segments))


@quick
@given(columns=columns)
def test_align_puts_every_item_once_and_in_order(columns):
    rows = align(columns)

    assert all(len(row) == len(columns) and any(cell is not None for cell in row) for row in rows)
    for k, column in enumerate(columns):
        assert [row[k] for row in rows if row[k] is not None] == list(range(len(column)))
    for row in rows:
        for k in range(1, len(columns)):
            if row[k - 1] is not None and row[k] is not None:
                assert similarity(columns[k - 1][row[k - 1]], columns[k][row[k]]) >= MATCH_THRESHOLD


@quick
@given(column=st.lists(fgr_text, max_size=8))
def test_a_column_aligned_with_itself_pairs_every_item_with_itself(column):
    assert align([column, column]) == [(i, i) for i in range(len(column))]


@quick
@given(column=st.lists(fgr_text, max_size=8))
def test_the_programme_pairs_a_column_with_a_respaced_copy_item_by_item_as_the_shortcut_for_a_copy_does(column):
    # A trailing space changes the texts but not their words, so that the programme, not the shortcut for a column
    # that repeats the one to its left, aligns them; it finds the same pairing.
    respaced = [f"{text} " for text in column]

    assert align([column, respaced]) == align([column, column]) == [(i, i) for i in range(len(column))]
    assert align([column, column, respaced]) == [(i, i, i) for i in range(len(column))]
