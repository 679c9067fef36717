"""`make bench-home`: the catalogue's overview pages, uncached, over the default catalogue plus synthetic groups.

Sets up a throw-away SQLite database (or BENCH_DATABASE_URL, which it empties), loads the default catalogue, adds
BENCH_GROUPS synthetic groups (default 1,000: they stay out of the home page unless asked for), and renders each
page in process BENCH_REPEAT times (default 30) through Django's test client, with the page cache bypassed.
Prints the median and 95th percentile in milliseconds and the number of queries per page. Not a test.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

GROUPS = int(os.environ.get("BENCH_GROUPS", "1000"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "30"))
PAGES = {
    "home": "/",
    "home, schaal 9": "/?schaal=9",
    "home, synthetic family": "/?familie=synthetisch-benchmark",
    "family (1,000 groups)": "/functiefamilies/synthetisch-benchmark/",
    "competencies": "/competenties/",
    "downloads": "/downloads/",
}


def main() -> None:
    folder = tempfile.mkdtemp(prefix="bench-home-")
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL") or f"sqlite:///{folder}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "catalogue.settings")
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from profiles import synthetic

    call_command("migrate", "--noinput", verbosity=0)
    if "BENCH_DATABASE_URL" in os.environ:
        call_command("flush", "--noinput", verbosity=0)
        from profiles.models import Characteristic, ResultArea
        from profiles.reference_data import create_reference_data

        create_reference_data(ResultArea, Characteristic)
    call_command("setup_catalogue", verbosity=0)
    started = time.perf_counter()
    synthetic.generate(GROUPS)
    print(f"{connection.vendor}: default catalogue + {GROUPS} synthetic groups ({time.perf_counter() - started:.0f} s)")
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<26} {'p50 ms':>8} {'p95 ms':>8} {'queries':>8}")
    for name, path in PAGES.items():
        times = []
        for _ in range(REPEAT):
            cache.clear()  # every render uncached
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(path)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name:<26} {statistics.median(times):8.1f} {p95:8.1f} {len(queries):8d}")


if __name__ == "__main__":
    main()
