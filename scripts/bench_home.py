"""`make bench-home`: the catalogue's overview pages, uncached, over the default catalogue plus synthetic groups.

Sets up a throw-away SQLite database (or BENCH_DATABASE_URL, which it empties), loads the default catalogue, adds
BENCH_GROUPS synthetic groups (default 1,000: they stay out of the home page unless asked for), and renders each
page in process BENCH_REPEAT times (default 30) through Django's test client, with the page cache bypassed.
Prints the median and 95th percentile in milliseconds and the number of queries per page. Not a test.
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from scripts.page_timing import default_catalogue, time_pages

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
    default_catalogue("bench-home-")
    from django.db import connection

    from profiles import synthetic

    started = time.perf_counter()
    synthetic.generate(GROUPS)
    print(f"{connection.vendor}: default catalogue + {GROUPS} synthetic groups ({time.perf_counter() - started:.0f} s)")
    time_pages(PAGES, REPEAT)


if __name__ == "__main__":
    main()
