"""The committed fixture is what the importer makes of the sources, and setup never overwrites edits."""

import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from profiles import catalogue_data
from profiles.models import FunctionGroup, Result


def manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )


@pytest.mark.slow
def test_regenerating_the_fixture_yields_the_committed_one(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'fixture.sqlite3'}"}
    output = tmp_path / "catalogue.json"

    manage("migrate", "--noinput", "-v0", env=env)
    manage("build_fixture", "--output", str(output), env=env)

    assert output.read_text(encoding="utf-8") == catalogue_data.fixture_path().read_text(encoding="utf-8")


def test_the_fixture_is_readable_utf8_json():
    text = catalogue_data.fixture_path().read_text(encoding="utf-8")

    assert "coördinerendevaardigheden" in text
    assert "\\u00" not in text


def test_setup_loads_the_catalogue_into_an_empty_database(reference_data):
    out = StringIO()

    call_command("setup_catalogue", stdout=out)

    assert "De standaardcatalogus is geladen." in out.getvalue()
    group = FunctionGroup.objects.get()
    assert (group.fgr_id, group.family.name) == (528, "Bedrijfsvoering")


def test_setup_never_overwrites_edited_content(catalogue):
    Result.objects.filter(group=catalogue, position=1).update(text="Bewerkt door een redacteur")
    edited = Result.objects.filter(text="Bewerkt door een redacteur").count()
    out = StringIO()

    call_command("setup_catalogue", stdout=out)

    assert "De catalogus heeft al inhoud; er is niets geladen." in out.getvalue()
    assert Result.objects.filter(text="Bewerkt door een redacteur").count() == edited == 4
