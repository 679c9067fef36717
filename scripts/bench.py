"""`make bench`: the public pages against a static file of the same size, through the same gunicorn.

Sets the catalogue up in production mode in a temporary folder (SQLite, collectstatic), writes a copy of each
page's HTML into the collected static files (so whitenoise serves a file of exactly that size), starts gunicorn
on a free port of 127.0.0.1 and loads each URL with wrk for a fixed time. Prints requests per second and the
50th/99th percentile latency per URL, and the ratio page/static. Bounded: BENCH_SECONDS (default 10) per URL.
The last row is a revalidation: the group page and its static copy asked again with their ETag (a 304 each).

BENCH_REDIS_URL=redis://127.0.0.1:6379/7 runs it with the shared Redis cache instead of local memory.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.servers import FORWARDED_HTTPS, gunicorn, prepare_site

SLUG = "medewerker-ict-techniek-informatiebeheer-div"
PAGES = {
    "group": f"/functiegroepen/{SLUG}/",
    "schaal": f"/functiegroepen/{SLUG}/schaal/7/",
    "compare": f"/functiegroepen/{SLUG}/vergelijken/?schaal=5&schaal=6&schaal=7&schaal=8",
    "search": "/zoeken/?q=archieven",
}
# The group page with a parameter it does not know: answered, never cached; what every page costs to render.
UNCACHED = ("group, not cached", f"/functiegroepen/{SLUG}/?bench=1")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(os.cpu_count() or 2)))
UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def ensure_wrk() -> str:
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        sys.exit("make bench needs wrk: apt-get install wrk")
    print("Installing wrk (Debian) for the load ...", flush=True)
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"], check=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    )
    return shutil.which("wrk")


def load(wrk: str, port: int, path: str, headers: dict | None = None) -> dict:
    sent = {**FORWARDED_HTTPS, **(headers or {})}
    header = [arg for name, value in sent.items() for arg in ("-H", f"{name}: {value}")]
    result = subprocess.run(
        [wrk, "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", *header, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=SECONDS + 30,
    )
    out = result.stdout
    if "Non-2xx or 3xx responses" in out:
        sys.exit(f"{path} answered with errors under load:\n{out}")

    def latency(percent):
        number, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)$", out, re.M).groups()
        return float(number) * UNITS[unit]

    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency(50),
        "p99": latency(99),
    }


def main():
    wrk = ensure_wrk()
    folder = Path(tempfile.mkdtemp(prefix="fc-bench-"))
    try:
        print(f"Setting up in {folder} (migrate, setup_catalogue, collectstatic) ...", flush=True)
        site = prepare_site(folder)
        extra = {}
        if os.environ.get("BENCH_REDIS_URL"):
            extra = {
                "REDIS_URL": os.environ["BENCH_REDIS_URL"],
                "DJANGO_CACHE_KEY_PREFIX": f"fc-bench-{uuid.uuid4().hex[:8]}",
            }
        env = site.env(**extra)
        with gunicorn(env) as server:
            bodies = {name: server.request(path)[2] for name, path in PAGES.items()}
        for name, body in bodies.items():
            (site.static_root / "bench").mkdir(exist_ok=True)
            (site.static_root / "bench" / f"{name}.html").write_bytes(body)

        rows = []
        with gunicorn(env, workers=WORKERS) as server:
            for name, path in PAGES.items():
                static = f"/static/bench/{name}.html"
                status, _, body = server.request(static)
                assert status == 200 and body == bodies[name], static
                for _ in range(20):  # warm every worker's cache
                    server.request(path)
                page, file = load(wrk, server.port, path), load(wrk, server.port, static)
                rows.append((name, len(bodies[name]), page, file))
            uncached = load(wrk, server.port, UNCACHED[1])
            revalidated = [revalidate(wrk, server, path) for path in (PAGES["group"], "/static/bench/group.html")]
        if extra:
            cleanup_redis(extra)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    cache = "Redis" if extra else "local memory"
    print(f"\ngunicorn {WORKERS} sync workers, wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, cache: {cache}, SQLite\n")
    print("| page | bytes | page req/s | page p50 / p99 ms | static req/s | static p50 / p99 ms | page/static |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, size, page, file in rows:
        print(row(name, size, page, file))
    latency = f"{uncached['p50']:.2f} / {uncached['p99']:.2f}"
    print(f"| {UNCACHED[0]} | {rows[0][1]} | {uncached['rps']:.0f} | {latency} | | | |")
    print(row("group, revalidated (304)", 0, *revalidated))


def row(name: str, size: int, page: dict, file: dict) -> str:
    return (
        f"| {name} | {size} | {page['rps']:.0f} | {page['p50']:.2f} / {page['p99']:.2f} | {file['rps']:.0f} "
        f"| {file['p50']:.2f} / {file['p99']:.2f} | {page['rps'] / file['rps']:.2f} |"
    )


def revalidate(wrk: str, server, path: str) -> dict:
    """A browser or proxy that holds the page asks again with its ETag; answered 304 without a body."""
    _, headers, _ = server.request(path)
    etag = headers["ETag"]
    status, _, _ = server.request(path, headers={"If-None-Match": etag})
    assert status == 304, (path, status)
    return load(wrk, server.port, path, {"If-None-Match": etag})


def cleanup_redis(extra):
    import redis

    client = redis.Redis.from_url(extra["REDIS_URL"])
    for key in client.scan_iter(match=f"{extra['DJANGO_CACHE_KEY_PREFIX']}:*", count=500):
        client.delete(key)


if __name__ == "__main__":
    main()
