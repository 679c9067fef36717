"""`/gezond/` for the load balancer and the operator: what answers, as JSON; never cached.

    {"status": "ok" | "degraded" | "down", "database": "ok" | "…", "cache": "ok" | "…", "content_version": 12}

"ok": the database and the cache answer (200). "degraded": the database answers, the cache does not; pages are
served, only slower (200). "down": the database does not answer; pages are a 503 (503). The database is asked
over a new connection with a short timeout, not a pooled one that may outlive the database's going away.
"""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from catalogue import pagecache

DATABASE_TIMEOUT = 2  # seconds
_PROBE_KEY = "health:probe"


@never_cache
def healthy(request):
    database, version = _database()
    cache_state = _cache()
    status = _status(database, cache_state)
    body = {"status": status, "database": database, "cache": cache_state, "content_version": version}
    return JsonResponse(body, status=503 if status == "down" else 200, json_dumps_params={"ensure_ascii": False})


def _status(database: str, cache_state: str) -> str:
    if database != "ok":
        return "down"
    return "ok" if cache_state == "ok" else "degraded"


def _database() -> tuple[str, int | None]:
    """'ok' and the content's version, read over a connection of its own; or what is wrong, in a few words."""
    params = connection.get_connection_params()
    if connection.vendor == "postgresql":
        params["connect_timeout"] = DATABASE_TIMEOUT
    else:
        params["timeout"] = DATABASE_TIMEOUT
    driver_errors = (connection.Database.Error, DatabaseError, OSError)  # a raw connection raises its driver's own
    try:
        raw = connection.get_new_connection(params)
    except driver_errors:
        # Say what is wrong, never why in detail: the error may name the host, the user or the database.
        return "de database antwoordt niet", None
    try:
        cursor = raw.cursor()
        cursor.execute("SELECT number FROM profiles_contentversion WHERE id = 1")
        row = cursor.fetchone()
        return "ok", row[0] if row else 0
    except driver_errors:
        return "de database geeft een fout", None
    finally:
        raw.close()


def _cache() -> str:
    """Asked every time, also while pages leave a failed cache alone: an answer here lets them use it again."""
    try:
        cache.set(_PROBE_KEY, 1, 10)
        cache.get(_PROBE_KEY)
    except pagecache.CACHE_ERRORS as error:
        pagecache.guard.failed(error)
        return f"de cache antwoordt niet ({type(error).__name__})"
    pagecache.guard.succeeded()
    return "ok"
