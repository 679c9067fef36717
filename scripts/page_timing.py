"""Timing pages in process for the benchmark scripts: uncached renders through Django's test client."""

import os
import statistics
import tempfile
import time


def default_catalogue(prefix: str) -> None:
    """Set Django up on a throw-away SQLite database (or BENCH_DATABASE_URL, emptied) with the default catalogue."""
    folder = tempfile.mkdtemp(prefix=prefix)
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    # The page cache in this process's memory, which the timing empties before each render: never a shared Redis.
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)
    if "BENCH_DATABASE_URL" in os.environ:
        call_command("flush", "--noinput", verbosity=0)
        from profiles.models import Characteristic, ResultArea
        from profiles.reference_data import create_reference_data

        create_reference_data(ResultArea, Characteristic)
    call_command("setup_catalogue", verbosity=0)


def time_pages(pages: dict[str, str], repeat: int) -> None:
    """Render each page `repeat` times with the page cache cleared; print p50, p95 (ms) and the queries per page."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    print(f"machine: a fixed pure-Python loop takes {machine_speed():.0f} ms (to compare runs on different days)")
    width = max(len(name) for name in pages) + 2
    print(f"{'page':<{width}} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for name, path in pages.items():
        times = []
        for _ in range(repeat):
            cache.clear()  # every render uncached
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:<{width}} {statistics.median(times):8.1f} {p95:8.1f} {len(queries):8d}")


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
