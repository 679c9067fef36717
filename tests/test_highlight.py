import pytest

from catalogue.highlight import Fragment, fold, highlight, near_form, query_words


def test_fold_removes_case_and_accents():
    assert fold("Coördinatie geÏnformeerd") == "coordinatie geinformeerd"


def test_query_words_are_folded_words():
    assert query_words('"archief"  OR 1=1; Coördinatie') == ["archief", "or", "1", "1", "coordinatie"]


def test_words_containing_the_query_are_marked():
    fragments = highlight("Beheer IT-infrastructuur (bijvoorbeeld ITIL-methodiek)", "itil")

    assert [f.text for f in fragments if f.matched] == ["ITIL"]
    assert "".join(f.text for f in fragments) == "Beheer IT-infrastructuur (bijvoorbeeld ITIL-methodiek)"


def test_near_forms_with_a_long_shared_prefix_are_marked():
    fragments = highlight("bibliotheekdocumentatie en archieven actueel", "archief")

    assert fragments == [
        Fragment("bibliotheekdocumentatie en ", False),
        Fragment("archieven", True),
        Fragment(" actueel", False),
    ]


def test_accents_do_not_stop_a_match():
    fragments = highlight("(coördinatie van) ondersteunende werkzaamheden", "coordinatie")

    assert [f.text for f in fragments if f.matched] == ["coördinatie"]


def test_short_or_missing_terms_mark_nothing():
    assert highlight("de klant", "") == [Fragment("de klant", False)]
    assert highlight("de klant", "!") == [Fragment("de klant", False)]
    assert highlight("", "klant") == []


@pytest.mark.parametrize(
    ("forms", "shared"),
    [
        (("archief", "archieven"), "archie"),  # f becomes v before an ending
        (("financiele", "financieel"), "financi"),
        (("resultaat", "resultaten"), "resulta"),
        (("bibliotheek", "bibliotheken"), "bibliothe"),  # a long vowel is written once before an ending
        (("storing", "storingen"), "storing"),
        (("applicatie", "applicaties"), "applicati"),
        (("werkzaamheid", "werkzaamheden"), "werkza"),
    ],
)
def test_near_forms_of_a_dutch_word_share_a_part_found_in_each(forms, shared):
    assert all(near_form(form).startswith(shared[:5]) for form in forms)
    assert all(near_form(form) in form for form in forms)
    assert all(near_form(forms[0]) in other for other in forms)


@pytest.mark.parametrize("word", ["itil", "klant", "reis", "arch", "p"])
def test_short_words_stay_whole(word):
    assert near_form(word) == word
