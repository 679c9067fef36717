"""`/gezond/`: what answers, as JSON, for the load balancer (200 or 503) and the operator."""

import json

import pytest

from catalogue import pagecache
from tests.conftest import SOURCE_SLUG
from tests.servers import gunicorn
from tests.test_production import GIVEAWAYS

GROUP = f"/functiegroepen/{SOURCE_SLUG}/"


@pytest.fixture
def committed_catalogue(transactional_db, catalogue):
    """The catalogue committed, as the health check reads it over a connection of its own."""
    return catalogue


def test_ok_with_the_content_version_read_over_its_own_connection(client, committed_catalogue):
    from profiles.history import content_version

    response = client.get("/gezond/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    assert json.loads(response.content) == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "content_version": content_version(),
    }


def test_degraded_when_the_cache_fails_and_ok_again_when_it_answers(client, committed_catalogue, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    pagecache.guard.succeeded()
    try:
        down = client.get("/gezond/")
        page = client.get(GROUP)
    finally:
        settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    again = json.loads(client.get("/gezond/").content)

    assert down.status_code == 200
    assert json.loads(down.content)["status"] == "degraded"
    assert json.loads(down.content)["cache"] == "de cache antwoordt niet (ConnectionError)"
    assert page.status_code == 200
    assert again["status"] == "ok"
    assert pagecache.guard.available()


def test_down_with_a_503_when_the_database_does_not_answer_and_pages_give_nothing_away(production_site):
    env = production_site.env()
    env["DATABASE_URL"] = "postgres://catalogus:geheim@127.0.0.1:1/functiecatalogus"
    with gunicorn(env) as down:
        health_status, health_headers, health = down.request("/gezond/")
        page_status, page_headers, page = down.request(GROUP)

    assert health_status == 503
    assert json.loads(health) == {
        "status": "down",
        "database": "de database antwoordt niet",
        "cache": "ok",
        "content_version": None,
    }
    assert "no-cache" in health_headers["Cache-Control"]
    assert (page_status, page_headers["Retry-After"]) == (503, "30")
    text = page.decode()
    assert "<h1>Tijdelijk niet beschikbaar</h1>" in text and '<html lang="nl">' in text
    assert not [word for word in (*GIVEAWAYS, "geheim", "catalogus:", "127.0.0.1:1") if word in text]
