from catalogue.highlight import Fragment, fold, highlight, query_words


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
