"""Open data: the catalogue as JSON, each kind of line as CSV, each functiegroep as JSON, with the content's version."""

import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command

from profiles.history import content_version
from profiles.models import Result, TyperingLine
from tests.conftest import SOURCE_SLUG, VERSION_QUERY


def test_the_downloads_page_offers_every_file_and_says_the_version(client, catalogue):
    page = client.get("/downloads/").content.decode()

    assert "<h1>Downloads</h1>" in page
    assert f"Inhoudsversie {content_version()}" in page
    assert '<a href="/downloads/catalogus.json" download>' in page
    for kind in (
        "resultaten",
        "gedragsindicatoren",
        "competenties",
        "kwaliteitenprofielen",
        "functietyperingen",
        "fuwasys-codes",
    ):
        assert f'<a href="/downloads/{kind}.csv" download>' in page
    assert 'aria-current="page">Downloads</a>' in page


def test_the_catalogue_download_is_what_export_catalogue_writes(client, catalogue):
    out = StringIO()
    call_command("export_catalogue", stdout=out)

    response = client.get("/downloads/catalogus.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="functiecatalogus-versie-{content_version()}.json"'
    assert response.content.decode() == out.getvalue()


def read_csv(response) -> list[dict]:
    text = response.content.decode()
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=";"))


@pytest.mark.parametrize(("kind", "model"), [("resultaten", Result), ("functietyperingen", TyperingLine)])
def test_a_kind_of_line_as_csv_holds_every_line_of_that_kind(client, catalogue, kind, model):
    rows = read_csv(client.get(f"/downloads/{kind}.csv"))

    assert len(rows) == model.objects.count()
    assert {row["tekst"] for row in rows} == set(model.objects.values_list("text", flat=True))
    assert {row["functiegroep"] for row in rows} == {SOURCE_SLUG}


def test_the_fuwasys_codes_csv_says_which_code_is_wrong(client, catalogue):
    rows = read_csv(client.get("/downloads/fuwasys-codes.csv"))

    by_schaal = {row["schaal"]: row for row in rows}
    assert by_schaal["6"]["klopt"] == "nee" and "13 cijfers" in by_schaal["6"]["wat niet klopt"]
    assert (by_schaal["7"]["klopt"], by_schaal["7"]["scores"]) == ("ja", "32332332232332")


def test_an_unknown_download_is_a_404(client, catalogue):
    assert client.get("/downloads/bestaat-niet.csv").status_code == 404


def test_a_group_as_json_holds_its_kernprofiel_and_every_schaal(client, catalogue, corpus_group):
    group = corpus_group("07")

    document = json.loads(client.get(f"/functiegroepen/{group.slug}.json").content)

    assert (document["naam"], document["functiefamilie"], document["doel"]) == (
        "07-communicatieadviseur",
        "Corpus",
        "Is verantwoordelijk voor een test.",
    )
    assert [area["resultaatgebied"] for area in document["kernprofiel"]["resultaten"]][:2] == [
        "Opdracht(gever) (ambtelijk)",
        "Omgeving",
    ]
    assert [schaal["schaal"] for schaal in document["schalen"]] == [10, 11]
    codes = document["schalen"][1]["functietypering"]["fuwasys"]
    assert [code["label"] for code in codes] == ["Variant A", "Variant B"]
    assert codes[0]["klopt"] is True and len(codes[0]["scores"]) == 14
    assert document["inhoudsversie"] == content_version()


def test_the_seed_as_json_names_its_inconsistent_code(client, catalogue):
    response = client.get(f"/functiegroepen/{SOURCE_SLUG}.json")
    document = json.loads(response.content)

    [code] = document["schalen"][1]["functietypering"]["fuwasys"]
    assert (code["code"], code["klopt"], code["scores"]) == ("322333222\xa0 22\xa0 22 (32)", False, {})
    assert "De code heeft 13 cijfers in plaats van 14." in code["wat_niet_klopt"]
    assert response["X-Content-Version"] == str(content_version())


KINDS = (
    "resultaten",
    "gedragsindicatoren",
    "competenties",
    "kwaliteitenprofielen",
    "functietyperingen",
    "fuwasys-codes",
)


@pytest.mark.parametrize("kind", KINDS)
def test_a_downloads_query_count_does_not_grow(client, catalogue, corpus_group, django_assert_num_queries, kind):
    rows = 2 if kind == "competenties" else 1  # the kernprofielen's and the kwaliteitenprofielen's competencies
    from django.core.cache import cache

    measured = []
    for number in (None, "11", "13"):
        if number:
            corpus_group(number)
        cache.clear()
        with django_assert_num_queries(rows + 1 + VERSION_QUERY) as captured:  # the rows; the version for the names
            assert client.get(f"/downloads/{kind}.csv").status_code == 200
        measured.append(len(captured))

    assert len(set(measured)) == 1
