import pytest

from profiles import fuwasys

SOURCE_CODES = {
    5: "22222\xa0 22222\xa0 22\xa0 22 (28)",
    6: "322333222\xa0 22\xa0 22 (32)",
    7: "32332\xa0 33223\xa0 23\xa0 32 (36)",
    8: "32332\xa0 33233\xa0 23\xa0 33 (38)",
}


@pytest.mark.parametrize("schaal", [5, 7, 8])
def test_source_codes_of_schaal_5_7_and_8_are_consistent(schaal):
    code = fuwasys.parse(SOURCE_CODES[schaal])

    assert code.is_valid
    assert code.problems == ()
    assert len(code.scores) == 14
    assert sum(code.scores) == code.stated_total


def test_source_code_of_schaal_6_is_reported_with_every_reason():
    code = fuwasys.parse(SOURCE_CODES[6])

    assert not code.is_valid
    assert code.scores is None
    assert code.digits == "3223332222222"
    assert code.digit_sum == 30
    assert code.stated_total == 32
    assert code.problems == (
        "De code heeft 13 cijfers in plaats van 14.",
        "De cijfers staan in groepen van 9, 2, 2 in plaats van 5, 5, 2, 2.",
        "De cijfers tellen op tot 30, niet tot het vermelde totaal 32.",
    )


@pytest.mark.parametrize(
    "raw",
    [
        "22222 22222 22 22 (28)",
        "22222  22222  22  22  (28)",
        "22222\t22222 22 22(28)",
        " 22222 22222 22 22 ( 28 ) ",
    ],
)
def test_any_whitespace_between_groups_reads_the_same(raw):
    code = fuwasys.parse(raw)

    assert code.raw == raw
    assert code.groups == ("22222", "22222", "22", "22")
    assert code.scores == (2,) * 14
    assert code.is_valid


def test_scores_outside_one_to_five_are_named():
    code = fuwasys.parse("62222 22222 02 22 (30)")

    assert code.scores is None
    assert "Scores moeten van 1 tot en met 5 lopen; de code bevat 0 en 6." in code.problems
    assert not any("tellen op" in problem for problem in code.problems)


def test_fourteen_digits_with_a_wrong_total_keep_their_scores():
    code = fuwasys.parse("22222 22222 22 22 (29)")

    assert code.scores == (2,) * 14
    assert code.problems == ("De cijfers tellen op tot 28, niet tot het vermelde totaal 29.",)


def test_wrong_grouping_alone_is_a_problem():
    code = fuwasys.parse("2222 222222 22 22 (28)")

    assert code.problems == ("De cijfers staan in groepen van 4, 6, 2, 2 in plaats van 5, 5, 2, 2.",)


@pytest.mark.parametrize("raw", ["", "22222 22222 22 22", "(28)", "abcde 22222 22 22 (28)", "22222 22222 22 22 (x)"])
def test_text_that_is_no_code_is_refused_in_dutch(raw):
    assert not fuwasys.looks_like_code(raw)
    with pytest.raises(fuwasys.FuwasysSyntaxError, match="is geen FUWASYS-code"):
        fuwasys.parse(raw)


def test_source_schalen_have_no_descents():
    codes = [(schaal, fuwasys.parse(raw)) for schaal, raw in SOURCE_CODES.items()]

    assert fuwasys.descents(codes) == []


def test_a_score_that_goes_down_as_the_schaal_goes_up_is_a_descent():
    codes = [
        (8, fuwasys.parse("22222 22222 21 22 (27)")),
        (6, fuwasys.parse("22222 22222 22 22 (28)")),
        (7, fuwasys.parse("2222 22 (12)")),  # unreadable: 6 is compared with 8 directly
    ]

    [descent] = fuwasys.descents(codes)

    assert (descent.kenmerk.number, descent.lower_schaal, descent.higher_schaal) == (12, 6, 8)
    assert descent.message == "Kenmerk 12 (Vaardigheid) daalt van 2 in schaal 6 naar 1 in schaal 8."


def test_the_fourteen_kenmerken_follow_the_fgr_grouping():
    groups = [kenmerk.group for kenmerk in fuwasys.KENMERKEN]

    assert [kenmerk.number for kenmerk in fuwasys.KENMERKEN] == list(range(1, 15))
    assert (
        groups
        == [fuwasys.KenmerkGroup.WORK] * 5
        + [fuwasys.KenmerkGroup.LATITUDE] * 5
        + [fuwasys.KenmerkGroup.KNOWLEDGE] * 2
        + [fuwasys.KenmerkGroup.CONTACTS] * 2
    )


@pytest.mark.parametrize("raw", ["22222 22222 22 22 (99999999999999999999)", "2" * 70 + " (140)"])
def test_a_total_or_code_too_long_for_any_fuwasys_code_is_no_code(raw):
    assert not fuwasys.looks_like_code(raw)
    with pytest.raises(fuwasys.FuwasysSyntaxError):
        fuwasys.parse(raw)
