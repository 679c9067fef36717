"""Faults in real processes: a Redis of the test's own that dies while gunicorn serves, and a PostgreSQL
database that refuses connections and then takes them again. Pages stay up, or say plainly that they cannot;
the health check tells which; the log says it once, with request ids."""

import json
import os
import shutil
import subprocess
import time
import uuid

import pytest

from tests.conftest import SOURCE_SLUG
from tests.servers import free_port, gunicorn, manage, production_env

GROUP = f"/functiegroepen/{SOURCE_SLUG}/"
PAGES = ("/", GROUP, f"{GROUP}schaal/7/", "/zoeken/?q=archief", "/competenties/")


def health(server) -> tuple[int, dict]:
    status, _, body = server.request("/gezond/")
    return status, json.loads(body)


def log_entries(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("{")]


class RedisServer:
    """A redis-server of the test's own on a free port, that the test stops and starts again."""

    def __init__(self, folder):
        self.port, self.folder, self.process = free_port(), folder, None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen([*command, "--dir", str(self.folder)], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(self.port), "ping"], capture_output=True).stdout != b"PONG\n":
            if time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.05)

    def kill(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def redis_server(tmp_path):
    if not shutil.which("redis-server"):
        reason = "redis-server not found; install Debian's package: apt-get install redis-server"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (fault tests may not be skipped in CI)")
        pytest.skip(reason)
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.kill()


def test_pages_stay_up_when_redis_dies_and_the_health_check_says_so(production_site, redis_server, tmp_path):
    log = tmp_path / "gunicorn.log"
    env = production_site.env(REDIS_URL=redis_server.url)
    with gunicorn(env, workers=1, log=log) as server:
        assert [server.request(path)[0] for path in PAGES * 2] == [200] * len(PAGES) * 2
        status, state = health(server)
        assert (status, state["status"], state["cache"]) == (200, "ok", "ok")

        redis_server.kill()
        during = [server.request(path)[0] for path in PAGES * 3]
        status, state = health(server)

        redis_server.start()
        after = health(server)
        served_again = [server.request(path)[0] for path in PAGES]

    assert during == [200] * len(PAGES) * 3
    assert (status, state["status"], state["database"]) == (200, "degraded", "ok")
    assert state["cache"].startswith("de cache antwoordt niet")
    assert after[1]["status"] == "ok" and served_again == [200] * len(PAGES)
    warnings = [entry for entry in log_entries(log) if entry["logger"] == "catalogue.cache"]
    assert [entry["message"].split(" (")[0] for entry in warnings] == [
        "The page cache does not answer",
        "The page cache answers again.",
    ]
    assert all(entry["request_id"] != "-" for entry in warnings)


@pytest.fixture
def own_postgres_database(production_site, django_db_blocker):
    """A PostgreSQL database of the test's own with the default catalogue, dropped afterwards."""
    import psycopg

    name = f"fc_fault_{uuid.uuid4().hex[:10]}"
    admin = psycopg.connect("host=127.0.0.1 user=postgres dbname=postgres", autocommit=True)
    admin.execute(f'CREATE DATABASE "{name}"')
    env = production_env(f"postgres://postgres@127.0.0.1:5432/{name}", production_site.static_root)
    try:
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "setup_catalogue")
        yield name, env, admin
    finally:
        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()


@pytest.mark.postgres
def test_pages_are_a_503_while_postgresql_refuses_and_recover_without_a_restart(own_postgres_database, tmp_path):
    name, env, admin = own_postgres_database
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, workers=2, log=log) as server:
        before = [server.request(path)[0] for path in PAGES]

        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name])
        refused = [server.request(path) for path in PAGES]
        down = health(server)

        admin.execute(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')
        recovered = [server.request(path)[0] for path in PAGES * 2]
        up = health(server)

    assert before == [200] * len(PAGES)
    assert [(status, headers["Retry-After"]) for status, headers, _ in refused] == [(503, "30")] * len(PAGES)
    assert all("<h1>Tijdelijk niet beschikbaar</h1>" in body.decode() for _, _, body in refused)
    assert down == (
        503,
        {"status": "down", "database": "de database antwoordt niet", "cache": "ok", "content_version": None},
    )
    assert recovered == [200] * len(PAGES) * 2
    assert up[0] == 200 and up[1]["status"] == "ok"
    errors = [entry for entry in log_entries(log) if entry.get("status") == 503 and entry["path"] != "/gezond/"]
    request_ids = {headers["X-Request-ID"] for _, headers, _ in refused}
    assert {entry["request_id"] for entry in errors} == request_ids
    assert all("OperationalError" in entry["exception"] and entry["level"] == "ERROR" for entry in errors)
