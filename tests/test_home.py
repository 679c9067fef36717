"""The home page lists the families and their groups, with schaal ranges."""

import pytest

from profiles.importer import GroupIdentity, import_group
from tests.conftest import DATA_DIR, VERSION_QUERY


def test_home_lists_the_family_and_the_group_with_a_link(client, catalogue):
    response = client.get("/")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h2 id="familie-bedrijfsvoering">Bedrijfsvoering</h2>' in html
    assert (
        '<a href="/functiegroepen/medewerker-ict-techniek-informatiebeheer-div/">'
        "Medewerker ICT / Techniek / Informatiebeheer / DIV</a>"
    ) in html
    assert "schaal 5–8" in html


def test_the_group_link_opens_the_group(client, catalogue):
    response = client.get(catalogue.get_absolute_url())

    assert response.status_code == 200
    assert "<h1>Medewerker ICT / Techniek / Informatiebeheer / DIV</h1>" in response.content.decode()


def test_an_unknown_group_is_not_found(client, catalogue):
    assert client.get("/functiegroepen/bestaat-niet/").status_code == 404


def test_an_empty_catalogue_says_how_to_fill_it(client, db):
    response = client.get("/")

    assert "De catalogus is nog leeg" in response.content.decode()


@pytest.mark.parametrize("extra_groups", [0, 1])
def test_home_query_count_does_not_grow_with_the_catalogue(client, catalogue, django_assert_num_queries, extra_groups):
    for number in range(extra_groups):
        import_group(
            (DATA_DIR / "fgr-variants.txt").read_text(encoding="utf-8"),
            GroupIdentity(name=f"Testgroep {number}", family="Beleid"),
        )

    with django_assert_num_queries(2 + VERSION_QUERY):
        client.get("/")
