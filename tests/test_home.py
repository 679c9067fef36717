"""The home page: what the catalogue is, its families with their groups, and a filter by schaal, level and family."""

import re

import pytest

from profiles import synthetic
from profiles.importer import GroupIdentity, import_group
from profiles.models import FunctionFamily
from tests.conftest import DATA_DIR, VERSION_QUERY


@pytest.fixture
def sixty_like(catalogue, corpus_group):
    """The default group, a family with a description, and groups of other families, levels and schalen."""
    FunctionFamily.objects.filter(name="Bedrijfsvoering").update(
        description="Functies die de organisatie laten draaien."
    )
    for number, level in (("01", "hbo, wo"), ("03", "hbo, hboplus"), ("20", "mbo")):
        group = corpus_group(number)
        group.thinking_level = level
        group.save()
    return catalogue


def names(page: str) -> list[str]:
    return re.findall(r'<li>\s*<a href="/functiegroepen/[^"]+/">([^<]+)</a>', page)


def test_home_says_what_the_catalogue_is_and_lists_families_with_their_groups(client, sixty_like):
    page = client.get("/").content.decode()

    assert "<h1>Functiecatalogus Rijk</h1>" in page
    assert "Voor HR-adviseurs" in page
    assert (
        '<h2 id="familie-bedrijfsvoering"><a href="/functiefamilies/bedrijfsvoering/">Bedrijfsvoering</a></h2>' in page
    )
    assert "<p>Functies die de organisatie laten draaien.</p>" in page
    assert names(page)[0] == "Medewerker ICT / Techniek / Informatiebeheer / DIV"
    assert "schaal 5–8" in page
    assert '<p class="purpose-short">Is verantwoordelijk voor een test.</p>' in page
    assert "schaal 9–11 · hbo, wo" in page


def test_the_filter_finds_the_groups_with_a_schaal(client, sixty_like):
    page = client.get("/", {"schaal": "8"}).content.decode()

    assert sorted(names(page)) == [
        "03-inspecteur",
        "20-klantcontactmedewerker",
        "Medewerker ICT / Techniek / Informatiebeheer / DIV",
    ]
    assert '<p class="result-count" role="status">3 functiegroepen gevonden.</p>' in page
    assert '<a href="/">Alle functiegroepen</a>' in page


def test_the_filter_by_level_takes_a_level_as_a_word(client, sixty_like):
    page = client.get("/").content.decode()
    hbo = client.get("/", {"niveau": "hbo"}).content.decode()
    hboplus = client.get("/", {"niveau": "hboplus"}).content.decode()

    assert re.findall(r'<option value="([a-z]+)"', page.split('id="id_niveau"')[1].split("</select>")[0]) == [
        "mbo",
        "hbo",
        "hboplus",
        "wo",
    ]
    assert sorted(names(hbo)) == ["01-beleidsmedewerker", "03-inspecteur"]
    assert names(hboplus) == ["03-inspecteur"]


def test_the_filter_by_family_and_combinations(client, sixty_like):
    corpus = client.get("/", {"familie": "corpus", "schaal": "11"}).content.decode()
    nothing = client.get("/", {"familie": "bedrijfsvoering", "schaal": "11"}).content.decode()

    assert names(corpus) == ["01-beleidsmedewerker"]
    assert "Geen functiegroep past bij dit filter." in nothing


@pytest.mark.parametrize("params", [{"schaal": "19"}, {"niveau": "promotie"}, {"familie": "bestaat-niet"}])
def test_a_filter_that_cannot_be_is_a_400_with_the_form(client, sixty_like, params):
    response = client.get("/", params)

    assert response.status_code == 400
    page = response.content.decode()
    assert "Dit filter kan niet:" in page
    # The refused field says so, and is described by its message in the list above the form.
    [name] = params
    assert f'name="{name}" id="id_{name}" aria-invalid="true" aria-describedby="id_{name}_error">' in page
    assert f'<li id="id_{name}_error"><a href="#id_{name}">' in page


def test_the_synthetic_benchmark_groups_stay_out_of_sight_unless_asked_for(client, catalogue):
    synthetic.generate(3)

    home = client.get("/").content.decode()
    asked = client.get("/", {"familie": "synthetisch-benchmark"}).content.decode()

    assert "Synthetische functiegroep" not in home
    assert len(names(asked)) == 3


def test_an_unknown_group_is_not_found(client, catalogue):
    assert client.get("/functiegroepen/bestaat-niet/").status_code == 404


def test_an_empty_catalogue_says_how_to_fill_it(client, db):
    response = client.get("/")

    assert "De catalogus is nog leeg" in response.content.decode()


@pytest.mark.parametrize("extra_groups", [0, 3])
@pytest.mark.parametrize(
    ("params", "queries"),
    [
        # The groups with their schaal range; the filter's levels and families.
        ({}, 3),
        # The same: a chosen family is checked against the choices, without a query of its own.
        ({"schaal": "9", "niveau": "", "familie": "bedrijfsvoering"}, 3),
    ],
)
def test_home_query_count_does_not_grow_with_the_catalogue(
    client, catalogue, django_assert_num_queries, extra_groups, params, queries
):
    for number in range(extra_groups):
        group = import_group(
            (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8"),
            GroupIdentity(name=f"Testgroep {number}", family="Beleid", thinking_level="hbo"),
        ).group
        assert group.purpose == ""

    with django_assert_num_queries(queries + VERSION_QUERY):
        assert client.get("/", params).status_code == 200
