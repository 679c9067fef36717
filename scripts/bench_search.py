"""Search latency over the synthetic catalogue, on PostgreSQL or SQLite: p50/p95/max per query type.

A benchmark, not a test: CI does not run it. `make bench-search` (or `.venv/bin/python scripts/bench_search.py`)
drops and recreates one dedicated database (default `functiecatalogus_bench`, or BENCH_DATABASE_URL; with
`--sqlite` a file in a temporary directory), migrates it, loads the default catalogue, adds the synthetic
catalogue (generate_synthetic_catalogue), runs ANALYZE and then requests /zoeken/ through Django's test client,
so that every figure includes the filters, the counts, the page's queries and the template. The page cache is
emptied before every timed request: the figures are of the search, not of a cache hit. It only talks to
PostgreSQL on 127.0.0.1 and stops by itself.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/functiecatalogus_bench"
# Databases that other work uses: the benchmark drops its database, so it must never be one of these.
PROTECTED = {"functiecatalogus", "test_functiecatalogus", "postgres", "template0", "template1"}
STATEMENT_TIMEOUT_MS = 60_000

# (label, query string) — one of each kind of search that the page serves.
QUERIES = [
    ("common word", {"q": "werkzaamheden"}),
    ("rare word", {"q": "ITIL"}),
    ("near form (trigram)", {"q": "archief"}),
    ("accent-folded", {"q": "coordinatie"}),
    ("multi-word phrase", {"q": "storingen opgespoord en opgelost"}),
    ("filter only", {"schaal": "6"}),
    ("query + filters", {"q": "applicaties", "schaal": ["7", "8"], "onderdeel": "typering_resultaten"}),
    ("no hit", {"q": "onbestaandwoord"}),
    ("common word, page 3", {"q": "werkzaamheden", "pagina": "3"}),
]
EXPLAINED = {"q": "archief"}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sqlite", action="store_true", help="SQLite in a temporary file instead of PostgreSQL")
    parser.add_argument("--groups", type=int, help="synthetic functiegroepen (default 1000; 200 with --sqlite)")
    parser.add_argument("--seed", type=int, default=528, help="seed of the synthetic catalogue (default 528)")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per query type (default 30)")
    parser.add_argument("--warmup", type=int, default=3, help="untimed requests per query type first (default 3)")
    args = parser.parse_args()
    args.groups = args.groups or (200 if args.sqlite else 1000)
    if not 1 <= args.repeat <= 1000 or not 0 <= args.warmup <= 100:
        parser.error("--repeat must be 1–1000 and --warmup 0–100")
    return args


def bench_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    if parts.scheme not in ("postgres", "postgresql"):
        sys.exit(f"BENCH_DATABASE_URL={url!r}: the benchmark needs PostgreSQL.")
    if parts.hostname != "127.0.0.1":
        sys.exit(f"BENCH_DATABASE_URL={url!r}: the benchmark only talks to PostgreSQL on 127.0.0.1.")
    if not name or name in PROTECTED:
        sys.exit(f"BENCH_DATABASE_URL={url!r}: the benchmark drops its database; choose another name than {name!r}.")
    return url


def recreate_database(url: str) -> None:
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = unquote(parts.path.lstrip("/"))
    params = {
        "host": parts.hostname,
        "port": parts.port or 5432,
        "user": unquote(parts.username or "postgres"),
        "password": unquote(parts.password or "") or None,
        "dbname": "postgres",
        "connect_timeout": 10,
    }
    with psycopg.connect(**params, autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def setup_django(url: str) -> None:
    sys.path.insert(0, str(ROOT))
    from django.conf import settings

    from scripts.page_timing import setup_django as setup_production_like

    setup_production_like(url)
    if url.startswith("postgres"):  # bounded: no statement may hang the benchmark
        options = settings.DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"


def build_catalogue(groups: int, seed: int) -> float:
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("setup_catalogue", verbosity=0)
    started = time.perf_counter()
    call_command("generate_synthetic_catalogue", groups=groups, seed=seed)
    seconds = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return seconds


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure(repeat: int, warmup: int) -> list[tuple]:
    """Uncached requests: the page cache is emptied (untimed) before each one, as if every request were new."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    from scripts.page_timing import freeze_as_production_does

    client = Client(HTTP_HOST="127.0.0.1")
    freeze_as_production_does()
    rows = []
    for label, params in QUERIES:
        path = f"/zoeken/?{urlencode(params, doseq=True)}"
        for _ in range(warmup):
            client.get(path)
        # Counted with an execute wrapper: it sees every query, whatever DEBUG and the query log do.
        counter = QueryCounter()
        cache.clear()
        with connection.execute_wrapper(counter):
            response = client.get(path)
        if response.status_code != 200:
            sys.exit(f"{path} answered {response.status_code}")
        match = re.search(r'class="result-count" role="status">(\d+) regels? in (\d+) functiegroep', response.text)
        lines, groups = (int(match[1]), int(match[2])) if match else (0, 0)
        samples = []
        for _ in range(repeat):
            cache.clear()
            started = time.perf_counter()
            client.get(path)
            samples.append((time.perf_counter() - started) * 1000)
        rows.append(
            (
                label,
                path,
                lines,
                groups,
                counter.count,
                statistics.median(samples),
                percentile(samples, 0.95),
                max(samples),
            )
        )
    return rows


def explain(params: dict) -> str:
    """The plan of the statement that finds the matching lines."""
    from django.db import connection

    from catalogue.models import SearchLine
    from catalogue.search import SearchFilter

    filterset = SearchFilter(params, queryset=SearchLine.objects.all())
    assert filterset.is_valid(), filterset.errors
    sql, sql_params = filterset.qs.values("id").query.sql_with_params()
    prefix = "EXPLAIN (ANALYZE, BUFFERS)" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
    with connection.cursor() as cursor:
        cursor.execute(f"{prefix} {sql}", sql_params)
        return "\n".join(str(row[-1]) for row in cursor.fetchall())


def main() -> None:
    args = parse_args()
    if args.sqlite:
        url = f"sqlite:///{tempfile.mkdtemp(prefix='bench-search-')}/bench.sqlite3"
        print(f"A new SQLite database: {url}", flush=True)
    else:
        url = bench_url()
        print(f"Recreating {urlsplit(url).path.lstrip('/')} on 127.0.0.1 …", flush=True)
        recreate_database(url)
    setup_django(url)
    seconds = build_catalogue(args.groups, args.seed)

    from django.db import connection

    from catalogue.models import SearchLine
    from profiles.models import FunctionGroup
    from scripts.page_timing import machine_speed

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        version = f"{connection.display_name} {cursor.fetchone()[0]}"
    print(f"\n{version}; synthetic catalogue generated in {seconds:.1f} s (seed {args.seed})")
    groups, lines = FunctionGroup.objects.count(), SearchLine.objects.count()
    print(f"Catalogue: {groups} functiegroepen, {lines} lines in the search table")
    print(f"Machine: a fixed pure-Python loop takes {machine_speed():.0f} ms (to compare runs on different days)")
    print(f"Each query type: {args.warmup} warm-up requests, then {args.repeat} timed requests (ms)\n")

    rows = measure(args.repeat, args.warmup)
    print(
        f"| {'query type':<21} | {'request':<68} | {'lines':>6} | {'groups':>6} | queries "
        f"| {'p50':>6} | {'p95':>6} | {'max':>6} |"
    )
    print("|-" + "-|-".join("-" * width for width in (21, 68, 6, 6, 7, 6, 6, 6)) + "-|")
    for label, path, lines, groups, queries, p50, p95, worst in rows:
        print(
            f"| {label:<21} | {'`' + path + '`':<68} | {lines:>6} | {groups:>6} | {queries:>7} "
            f"| {p50:>6.1f} | {p95:>6.1f} | {worst:>6.1f} |"
        )

    plan = explain(EXPLAINED)
    used = sorted(set(re.findall(r"(?:Bitmap Index Scan on|SCAN) (\w+_(?:trgm)|catalogue_searchtext)", plan)))
    print(f"\nThe plan of finding the lines for {EXPLAINED}:\n")
    print(plan)
    print(f"\nSearch indexes used: {', '.join(used) or 'none!'}")


if __name__ == "__main__":
    main()
