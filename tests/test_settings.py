"""Settings come from the environment; a bad value stops start-up with a clear message."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from catalogue import env


def start(**variables):
    """Run `manage.py check` in a fresh process with these environment variables."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
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
