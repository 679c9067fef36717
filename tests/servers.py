"""The catalogue in production mode, in real processes: a prepared site (database, collected static files) and
gunicorn servers on free ports of 127.0.0.1 that the tests start and stop. Used by the tests of production
settings, the shared Redis cache and the health check, and by scripts/bench.py."""

import http.client
import os
import shutil
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
SECRET_KEY = "production-test-key-" + "x" * 40
# What a load balancer that ends TLS adds to every request it forwards.
FORWARDED_HTTPS = {"X-Forwarded-Proto": "https"}


def production_env(database_url: str, static_root: Path, **extra: str) -> dict:
    """The environment of a production process: this machine's, less any DJANGO_/DATABASE_URL/REDIS_URL."""
    kept = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    return {
        **kept,
        "DJANGO_DEBUG": "false",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto: https",
        "DJANGO_STATIC_ROOT": str(static_root),
        "DATABASE_URL": database_url,
        **extra,
    }


def manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=check, timeout=300
    )


@dataclass
class Site:
    """A migrated SQLite database with the default catalogue, and the collected static files."""

    folder: Path

    @property
    def database(self) -> Path:
        return self.folder / "db.sqlite3"

    @property
    def static_root(self) -> Path:
        return self.folder / "static"

    def env(self, database: Path | None = None, **extra: str) -> dict:
        return production_env(f"sqlite:///{database or self.database}", self.static_root, **extra)

    def copy_database(self, name: str) -> Path:
        copy = self.folder / name
        shutil.copyfile(self.database, copy)
        return copy


def prepare_site(folder: Path) -> Site:
    site = Site(folder)
    env = site.env()
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "setup_catalogue")
    manage(env, "collectstatic", "--noinput", "-v0")
    return site


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    port: int
    process: subprocess.Popen

    def request(self, path: str, method: str = "GET", headers: dict | None = None, body: bytes | None = None):
        """One request; returns (status, headers as a case-insensitive message, body as bytes)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers={**FORWARDED_HTTPS, **(headers or {})})
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()


@contextmanager
def gunicorn(env: dict, workers: int = 1, log: Path | None = None):
    """A gunicorn server on a free port of 127.0.0.1, stopped (by its own process id) when the block ends."""
    port = free_port()
    output = open(log, "ab") if log else subprocess.DEVNULL  # noqa: SIM115 - closed below
    command = [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    process = subprocess.Popen(
        [*command, "--log-level", "warning"],
        cwd=BASE_DIR,
        env=env,
        stdout=output,
        stderr=output,
    )
    server = Server(port, process)
    try:
        _wait_until_up(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log:
            output.close()


def _wait_until_up(server: Server, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped at start-up (exit code {server.process.returncode})")
        try:
            server.request("/gezond/")  # any answer: a server whose database is down answers too (503)
            return
        except OSError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gunicorn did not answer on port {server.port} within {seconds} s")
