"""Timing pages in process for the benchmark scripts: uncached renders through Django's test client."""

import gc
import os
import statistics
import tempfile
import time
import warnings

WARMUP = 3


def setup_django(database_url: str) -> None:
    """Start Django on `database_url` as production runs it: without DEBUG, which keeps every query in memory and
    makes templates record where each node came from."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # The page cache in this process's memory, which the timing empties before each render: never a shared Redis.
    os.environ.pop("REDIS_URL", None)
    # whitenoise warns about the collected static files that only production has; they play no part here.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    import django
    from django.conf import settings

    django.setup()
    # Before the first render, so that the template engine starts without its debug mode too.
    settings.DEBUG = False
    # Without DEBUG the manifest storage wants collectstatic's manifest; the static files themselves play no part.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def freeze_as_production_does() -> None:
    """What is loaded by now stays out of the garbage collector's full passes, as config/wsgi.py does for a
    production worker; without it the p95 of every page shows the full collections of this long process."""
    gc.collect()
    gc.freeze()


def default_catalogue(prefix: str) -> None:
    """Set Django up on a throw-away SQLite database (or BENCH_DATABASE_URL, emptied) with the default catalogue."""
    folder = tempfile.mkdtemp(prefix=prefix)
    setup_django(os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3")
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    if "BENCH_DATABASE_URL" in os.environ:
        call_command("flush", "--noinput", verbosity=0)
        from profiles.models import Characteristic, ResultArea
        from profiles.reference_data import create_reference_data

        create_reference_data(ResultArea, Characteristic)
    call_command("setup_catalogue", verbosity=0)


def time_pages(pages: dict[str, str], repeat: int) -> None:
    """Render each page `repeat` times with the page cache cleared; print the fastest, p50 and p95 (ms) and the
    queries per page. On this shared machine the fastest render is the steadiest figure to compare commits by."""
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    freeze_as_production_does()
    print(f"machine: a fixed pure-Python loop takes {machine_speed():.0f} ms (to compare runs on different days)")
    width = max(len(name) for name in pages) + 2
    print(f"{'page':<{width}} {'min ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for name, path in pages.items():
        for _ in range(WARMUP):  # the first render of a template compiles it
            cache.clear()
            client.get(path)
        queries = _query_count(client, path)
        times = []
        for _ in range(repeat):
            cache.clear()  # every render uncached
            start = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:<{width}} {min(times):8.1f} {statistics.median(times):8.1f} {p95:8.1f} {queries:8d}")


def _query_count(client, path: str) -> int:
    """The queries of one uncached render, counted apart from the timed ones: recording them costs time."""
    from django.core.cache import cache
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    cache.clear()
    with connection.execute_wrapper(count):
        client.get(path)
    return len(queries)


def machine_speed() -> float:
    """The fastest of five runs of a fixed pure-Python loop (a million additions), in ms. This machine's speed
    varies from day to day by a factor of two or three; figures from different days compare only relative to it."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number
        times.append((time.perf_counter() - start) * 1000)
    return min(times)
