"""Settings come from the environment; a bad value stops start-up with a clear message."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config import env


def start(**variables):
    """Run `manage.py check` in a fresh process with these environment variables."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env={**environment, **variables},
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("1", True), ("YES", True), ("off", False), ("0", False)]
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("DJANGO_DEBUG", raw)

    assert env.env_bool("DJANGO_DEBUG", default=not expected) is expected


def test_env_bool_refuses_anything_else(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "misschien")

    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG='misschien' is not a boolean"):
        env.env_bool("DJANGO_DEBUG", default=True)


def test_env_list_splits_on_commas(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", " functies.example.nl, www.example.nl ,")

    assert env.env_list("DJANGO_ALLOWED_HOSTS", default=[]) == ["functies.example.nl", "www.example.nl"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://root@localhost/db", "only PostgreSQL and SQLite are supported"),
        ("geen-url", "is not a database URL"),
        ("postgres://user@localhost:5432/", "names no database"),
    ],
)
def test_env_database_refuses_bad_urls(monkeypatch, url, message):
    monkeypatch.setenv("DATABASE_URL", url)

    with pytest.raises(ImproperlyConfigured, match=message):
        env.env_database("DATABASE_URL", default="sqlite:///db.sqlite3")


def test_env_database_reads_postgres_and_sqlite(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/functiecatalogus")

    config = env.env_database("DATABASE_URL", default="")

    assert (config["ENGINE"], config["NAME"], config["HOST"]) == (
        "django.db.backends.postgresql",
        "functiecatalogus",
        "127.0.0.1",
    )
    assert env.env_database("UNSET_VARIABLE", default="sqlite:////tmp/x.sqlite3")["NAME"] == "/tmp/x.sqlite3"


def test_production_without_a_secret_key_does_not_start():
    result = start(DJANGO_DEBUG="false", DJANGO_ALLOWED_HOSTS="functies.example.nl")

    assert result.returncode != 0
    assert "ImproperlyConfigured: DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off." in result.stderr


def test_a_bad_debug_value_does_not_start():
    result = start(DJANGO_DEBUG="ja graag")

    assert result.returncode != 0
    assert "DJANGO_DEBUG='ja graag' is not a boolean" in result.stderr


def test_production_settings_start_with_the_required_variables():
    result = start(DJANGO_DEBUG="false", DJANGO_SECRET_KEY="x" * 50, DJANGO_ALLOWED_HOSTS="functies.example.nl")

    assert result.returncode == 0, result.stderr


def test_the_interface_is_dutch_in_amsterdam_time():
    assert (settings.LANGUAGE_CODE, settings.TIME_ZONE) == ("nl", "Europe/Amsterdam")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("http://127.0.0.1:6379/0", "is not a Redis URL"),
        ("redis://127.0.0.1:6379/cache", "the path must be a database number"),
        ("redis://127.0.0.1:zes/0", "has a bad port"),
    ],
)
def test_a_bad_redis_url_does_not_start(value, message):
    result = start(REDIS_URL=value)

    assert result.returncode != 0
    assert f"ImproperlyConfigured: REDIS_URL='{value}'" in result.stderr
    assert message in result.stderr


def test_env_redis_url_accepts_redis_and_tls(monkeypatch):
    for url in ("redis://127.0.0.1:6379/7", "rediss://:geheim@cache.example.nl:6380", "redis://localhost"):
        monkeypatch.setenv("REDIS_URL", url)
        assert env.env_redis_url("REDIS_URL") == url
    monkeypatch.delenv("REDIS_URL")
    assert env.env_redis_url("REDIS_URL") == ""


@pytest.mark.parametrize(("raw", "message"), [("een jaar", "is not a whole number"), ("-1", "must be at least 0")])
def test_a_bad_hsts_value_does_not_start(raw, message):
    result = start(DJANGO_HSTS_SECONDS=raw)

    assert result.returncode != 0
    assert f"DJANGO_HSTS_SECONDS={raw!r} {message}" in result.stderr


def test_env_proxy_ssl_header_reads_a_header_line(monkeypatch):
    monkeypatch.setenv("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto: https")
    assert env.env_proxy_ssl_header("DJANGO_SECURE_PROXY_SSL_HEADER") == ("HTTP_X_FORWARDED_PROTO", "https")

    monkeypatch.setenv("DJANGO_SECURE_PROXY_SSL_HEADER", "X-Forwarded-Proto=https")
    with pytest.raises(ImproperlyConfigured, match="is not a header line"):
        env.env_proxy_ssl_header("DJANGO_SECURE_PROXY_SSL_HEADER")


def test_production_defaults_are_secure_and_debug_defaults_work_over_plain_http():
    script = (
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_PROXY_SSL_HEADER)"
    )
    production = subprocess.run(
        [sys.executable, "manage.py", "shell", "-v", "0", "-c", script],
        cwd=settings.BASE_DIR,
        env={
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "functies.example.nl",
        },
        capture_output=True,
        text=True,
    )
    assert production.stdout.split() == ["True", "True", "True", "31536000", "None"], production.stderr
    assert (settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_HTTPONLY, settings.CSRF_COOKIE_HTTPONLY) == (
        0,
        True,
        True,
    )
