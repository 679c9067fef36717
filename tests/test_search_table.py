"""The search table: kept by triggers in the same transaction as every write, searched by one rule on both."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from catalogue import search_index
from catalogue.highlight import near_form, search_terms, search_text, short_words
from catalogue.models import SearchLine
from catalogue.search import matching
from profiles.models import QualityProfileSection, Result, ResultArea, TyperingLine, TyperingSection

COLUMNS = [column.strip() for column in search_index.COLUMNS.split(",")]


def table_rows() -> set[tuple]:
    """The table's rows without their ids, which a rebuild renumbers."""
    return set(SearchLine.objects.values_list(*COLUMNS))


def rebuilt_rows() -> set[tuple]:
    """The rows a rebuild from the content tables gives, in a savepoint that is rolled back."""
    sid = transaction.savepoint()
    with connection.cursor() as cursor:
        search_index.rebuild(cursor, connection.vendor)
    rows = table_rows()
    transaction.savepoint_rollback(sid)
    return rows


def installed_triggers() -> set[str]:
    with connection.cursor() as cursor:
        return search_index.installed_triggers(cursor, connection.vendor)


def test_the_loaded_catalogue_is_in_the_table_as_a_rebuild_puts_it(catalogue, corpus_group):
    corpus_group("01")  # a group with a purpose and examples, which the default group lacks
    rows = table_rows()

    assert len(rows) == SearchLine.objects.count() > 200
    assert rows == rebuilt_rows()
    assert {row[COLUMNS.index("anchor_prefix")] for row in rows} == {branch.prefix for branch in search_index.BRANCHES}


def _edit_line(group):
    line = TyperingLine.objects.filter(section__typering__group=group).first()
    line.text = "Een geheel nieuwe zin over archiefbeheer"
    line.save()


def _delete_line(group):
    TyperingLine.objects.filter(section__typering__group=group).last().delete()


def _add_result(group):
    Result.objects.create(group=group, area=ResultArea.objects.first(), position=99, text="Nieuw resultaat")


def _relabel_and_move_a_section(group):
    section = TyperingSection.objects.filter(typering__group=group).first()
    section.label = "Andere kop"
    section.position += 7
    section.save()


def _change_a_schaal(group):
    typering = group.typeringen.order_by("schaal").last()
    typering.schaal = 11
    typering.save()


def _move_a_shared_area(group):
    ResultArea.objects.filter(pk=ResultArea.objects.first().pk).update(position=42)


def _purpose_and_examples(group):
    group.purpose, group.examples, group.name = "Een doel", "", "Hernoemde groep"
    group.save()


def _relabel_a_focus_area(group):
    QualityProfileSection.objects.filter(profile__group=group).update(focus_area_label="Ander aandachtsgebied")


def _plain_sql(group):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE profiles_typeringline SET continuation = 'vervolg met coördinatie'")


def _delete_the_group(group):
    group.delete()


@pytest.mark.parametrize(
    "write",
    [
        _edit_line,
        _delete_line,
        _add_result,
        _relabel_and_move_a_section,
        _change_a_schaal,
        _move_a_shared_area,
        _purpose_and_examples,
        _relabel_a_focus_area,
        _plain_sql,
        _delete_the_group,
    ],
)
def test_every_kind_of_write_leaves_the_table_as_a_rebuild_would(catalogue, write):
    before = table_rows()

    write(catalogue)

    after = table_rows()
    assert after != before
    assert after == rebuilt_rows()


def test_an_edit_is_found_at_once_and_a_rolled_back_one_never(client, catalogue):
    line = TyperingLine.objects.filter(section__typering__group=catalogue).first()
    with pytest.raises(RuntimeError), transaction.atomic():
        TyperingLine.objects.filter(pk=line.pk).update(text="zeldzaamwoord in een zin")
        assert matching(SearchLine.objects.all(), "zeldzaamwoord").count() == 1
        raise RuntimeError("the edit fails")

    assert matching(SearchLine.objects.all(), "zeldzaamwoord").count() == 0
    line.text = "zeldzaamwoord, nu echt"
    line.save()
    page = client.get("/zoeken/?q=zeldzaamwoord").content.decode()
    assert f"#typering-{line.pk}" in page


def test_migrate_puts_back_triggers_that_went_missing(catalogue):
    with connection.cursor() as cursor:
        search_index.uninstall_triggers(cursor, connection.vendor, search_index.watched_tables())
    assert installed_triggers().isdisjoint(search_index.trigger_names(connection.vendor))

    call_command("migrate", verbosity=0)

    assert search_index.trigger_names(connection.vendor) <= installed_triggers()
    _edit_line(catalogue)
    assert table_rows() == rebuilt_rows()


@pytest.mark.postgres
def test_postgres_folds_each_line_as_python_does(catalogue):
    lines = SearchLine.objects.values_list("text", "continuation", "folded")

    assert [folded for _, _, folded in lines] == [search_text(f"{text} {more}") for text, more, _ in lines]


# The source's words that people search for, in the forms they type them.
TEST_WORDS = [
    "archief",
    "Archieven",
    "coordinatie",
    "coördinatie",
    "werkzaamheden",
    "ITIL",
    "beheer",
    "resultaat",
    "storingen opgespoord en opgelost",
    "applicaties",
    "P.M.",
    "HBO",
    "x",
    "onbestaandwoord",
]


def expected_anchors(query: str) -> set[str]:
    """The rule, read in Python over every line: each word, or its near form, in the line's folded words."""
    terms, phrase = search_terms(query), short_words(query)
    found = set()
    for anchor, text, more in SearchLine.objects.values_list("anchor", "text", "continuation"):
        folded = search_text(f"{text} {more}")
        if (terms and all(near_form(term) in folded for term in terms)) or (not terms and f" {phrase} " in folded):
            found.add(anchor)
    return found


@pytest.mark.parametrize("query", TEST_WORDS)
def test_the_database_finds_what_the_rule_says(catalogue, query):
    found = set(matching(SearchLine.objects.all(), query).values_list("anchor", flat=True))

    assert found == expected_anchors(query)


def test_whole_words_rank_first(catalogue):
    ranks = dict(matching(SearchLine.objects.all(), "beheer").values_list("text", "rank"))

    by_rank = {rank: [search_text(text) for text, r in ranks.items() if r == rank] for rank in (3, 2, 1)}
    assert by_rank[3] and all(" beheer " in text for text in by_rank[3])
    assert by_rank[2] and all(" beheer " not in text and " beheer" in text for text in by_rank[2])
    assert by_rank[1] and all(" beheer" not in text for text in by_rank[1])  # "informatiebeheer" and the like


def test_rebuild_search_table_refills_a_table_emptied_behind_the_triggers_back(catalogue):
    expected = table_rows()
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {search_index.TABLE}")
    out = StringIO()

    call_command("rebuild_search_table", stdout=out)

    assert table_rows() == expected
    assert f"De zoektabel is opnieuw gevuld: {len(expected)} regels." in out.getvalue()
    assert matching(SearchLine.objects.all(), "archief").exists()
