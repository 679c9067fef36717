"""Several app servers share one Redis cache and one invalidation: two gunicorn processes, one Redis database,
and a content change made by a third process (import_fgr) that both servers show on their next request."""

import time

from tests.conftest import SOURCE_NAME, SOURCE_SLUG
from tests.servers import gunicorn, manage

GROUP_URL = f"/functiegroepen/{SOURCE_SLUG}/"
ORIGINAL = "De klant is effectief ondersteund bij het formuleren van zijn/haar (informatie)vraag, verzoek of probleem"
REVISED = "De klant is op twee servers tegelijk geholpen bij het formuleren van zijn/haar vraag"


def body(server) -> str:
    status, _, content = server.request(GROUP_URL)
    assert status == 200
    return content.decode()


def test_two_servers_share_the_cache_and_its_invalidation(production_site, redis_url, source_text, tmp_path):
    url, prefix, redis = redis_url
    env = production_site.env(
        database=production_site.copy_database("shared-cache.sqlite3"), REDIS_URL=url, DJANGO_CACHE_KEY_PREFIX=prefix
    )
    source = tmp_path / "source.txt"
    source.write_text(source_text.replace(ORIGINAL, REVISED), encoding="utf-8")

    with gunicorn(env) as a, gunicorn(env) as b:
        assert ORIGINAL in body(a)
        keys = list(redis.scan_iter(match=f"{prefix}:*:page:*"))
        assert len(keys) == 1, keys  # the page, stored by A
        stored_for = redis.pttl(keys[0])

        time.sleep(0.5)
        assert ORIGINAL in body(b)
        assert redis.pttl(keys[0]) <= stored_for - 400  # B served A's copy; it did not store one of its own

        manage(env, "import_fgr", str(source), "--name", SOURCE_NAME, "--family", "Bedrijfsvoering", "--replace")

        assert REVISED in body(b)
        shown_by_a = body(a)
        assert REVISED in shown_by_a
        assert ORIGINAL not in shown_by_a
        assert len(list(redis.scan_iter(match=f"{prefix}:*:page:*"))) == 2  # the old copy is left to expire


def test_the_redis_cache_is_djangos_own_backend_with_each_processs_copies_in_front(production_site, redis_url):
    url, prefix, _ = redis_url
    env = production_site.env(REDIS_URL=url, DJANGO_CACHE_KEY_PREFIX=prefix)
    show = "from django.conf import settings; print(settings.CACHES['default']); print(settings.CACHES['local'])"

    shared, local = manage(env, "shell", "-c", show).stdout.splitlines()[-2:]

    assert "'BACKEND': 'django.core.cache.backends.redis.RedisCache'" in shared
    assert f"'LOCATION': '{url}'" in shared
    assert f"'KEY_PREFIX': '{prefix}'" in shared
    assert "'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'" in local
