"""`/gezond/`, the load balancer's health check: 200 when the database answers, 503 when it does not."""

from tests.conftest import SOURCE_SLUG
from tests.servers import gunicorn
from tests.test_production import GIVEAWAYS

GROUP = f"/functiegroepen/{SOURCE_SLUG}/"


def test_healthy_when_the_database_answers(client, db, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/gezond/")

    assert response.status_code == 200
    assert response.content.decode() == "Gezond\n"
    assert "no-cache" in response["Cache-Control"]


def test_the_health_check_is_never_cached(client, db, django_assert_num_queries):
    client.get("/gezond/")

    with django_assert_num_queries(1):  # SELECT 1 again: no cached answer, no content version
        assert client.get("/gezond/").status_code == 200


def test_503_when_the_database_does_not_answer_and_pages_give_nothing_away(production_site):
    env = production_site.env()
    env["DATABASE_URL"] = "postgres://catalogus:geheim@127.0.0.1:1/functiecatalogus"
    with gunicorn(env) as down:
        health_status, health_headers, health = down.request("/gezond/")
        page_status, _, page = down.request(GROUP)

    assert (health_status, health.decode()) == (503, "Niet gezond: de database antwoordt niet.\n")
    assert "no-cache" in health_headers["Cache-Control"]
    assert page_status == 500
    text = page.decode()
    assert "<h1>Er ging iets mis</h1>" in text
    assert not [word for word in (*GIVEAWAYS, "geheim", "catalogus:", "127.0.0.1:1") if word in text]
