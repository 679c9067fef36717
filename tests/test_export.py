"""`export_catalogue` writes the whole catalogue as JSON; `import_catalogue` puts it back into an empty database."""

import json
import os
import subprocess
import sys
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from profiles import catalogue_data, history
from profiles.models import Competency, FocusArea, FunctionFamily, FunctionGroup, Result, TyperingLine


def export(*args) -> str:
    out = StringIO()
    call_command("export_catalogue", *args, stdout=out)
    return out.getvalue()


def empty_the_catalogue():
    FunctionGroup.objects.all().delete()
    for model in (FunctionFamily, Competency, FocusArea):
        model.objects.all().delete()


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in catalogue_data.content_models()}


def test_the_export_is_readable_utf8_json_in_a_stable_order(catalogue):
    text = export()

    records = json.loads(text)
    assert "coördinerendevaardigheden" in text
    assert "\\u00" not in text
    assert text.startswith('[\n{\n "model": "profiles.resultarea",')
    assert [r["model"] for r in records][:5] == ["profiles.resultarea"] * 4 + ["profiles.characteristic"]
    assert {r["model"] for r in records} == set(catalogue_data.EXPORT_LABELS)
    assert not any("historical" in r["model"] or r["model"].startswith("auth.") for r in records)
    assert export() == text


def test_the_export_holds_every_row(catalogue):
    records = json.loads(export())

    for model in catalogue_data.content_models():
        assert sum(r["model"] == model._meta.label_lower for r in records) == model.objects.count()


def test_the_export_can_be_written_to_a_file(catalogue, tmp_path):
    path = tmp_path / "catalogus.json"

    call_command("export_catalogue", "--output", str(path), stderr=StringIO())

    assert path.read_text(encoding="utf-8") == export()


def test_export_then_import_into_an_emptied_catalogue_loses_nothing(catalogue, tmp_path):
    Result.objects.filter(pk=Result.objects.first().pk).update(text="Bewerkt: ‘coördinatie’ × 2")
    path = tmp_path / "catalogus.json"
    path.write_text(export(), encoding="utf-8")
    before = counts()
    empty_the_catalogue()

    out = StringIO()
    call_command("import_catalogue", str(path), stdout=out)

    assert counts() == before
    assert export() == path.read_text(encoding="utf-8")
    assert "records teruggezet" in out.getvalue()
    assert Result.objects.filter(text="Bewerkt: ‘coördinatie’ × 2").exists()
    assert (
        TyperingLine.history.filter(history_change_reason=history.FROM_EXPORT).count() == TyperingLine.objects.count()
    )


@pytest.mark.slow
def test_the_round_trip_into_a_new_database(catalogue, tmp_path):
    path, again = tmp_path / "catalogus.json", tmp_path / "opnieuw.json"
    path.write_text(export(), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'nieuw.sqlite3'}"}

    for args in (
        ["migrate", "--noinput", "-v0"],
        ["import_catalogue", str(path)],
        ["export_catalogue", "-o", str(again)],
    ):
        subprocess.run(
            [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, check=True, capture_output=True
        )

    assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_import_refuses_a_catalogue_that_is_not_empty(catalogue, tmp_path):
    path = tmp_path / "catalogus.json"
    path.write_text(export(), encoding="utf-8")

    with pytest.raises(CommandError, match="De catalogus is niet leeg"):
        call_command("import_catalogue", str(path))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("geen json", "Kan .* niet lezen als JSON"),
        ('[{"model": "auth.user", "pk": 1, "fields": {"username": "x"}}]', "bevat andere gegevens dan de catalogus"),
        ('{"model": "profiles.result"}', "bevat andere gegevens dan de catalogus"),
        (
            '[{"model": "profiles.result", "pk": 1, "fields": {"group": 99, "area": 1, "position": 1, "text": "x"}}]',
            "geen bruikbare export; er is niets teruggezet",
        ),
    ],
)
def test_a_bad_file_is_a_clear_error_and_changes_nothing(reference_data, tmp_path, content, message):
    path = tmp_path / "slecht.json"
    path.write_text(content, encoding="utf-8")

    with pytest.raises(CommandError, match=message):
        call_command("import_catalogue", str(path))

    assert not Result.objects.exists()


def test_groups_with_variants_kinds_of_line_and_headings_survive_the_round_trip(corpus_group, tmp_path):
    for number in ("07", "11", "13"):
        corpus_group(number)
    text = export()
    path = tmp_path / "catalogus.json"
    path.write_text(text, encoding="utf-8")
    before = counts()
    empty_the_catalogue()

    call_command("import_catalogue", str(path), stdout=StringIO())

    assert counts() == before
    assert export() == text
    for stored in ('"label": "Variant A"', '"kind": "voetnoot"', '"kind": "inleiding"', '"preceded_by": "c.q."'):
        assert stored in text
