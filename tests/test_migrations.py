"""A catalogue from before variants, line kinds and kernprofiel headings migrates to what the importer makes now.

tests/data/catalogue-before-variants.json is the default catalogue as the fixture held it then. It is loaded
into the tables as migration 0006 left them, with a first version of every row; migrating forward must give the
content that today's fixture gives, and keep every row restorable from its history.
"""

import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from profiles.models import Characteristic, FunctionGroup, ResultArea, TyperingCode, TyperingLine
from profiles.reference_data import create_reference_data
from tests.conftest import DATA_DIR, SOURCE_NAME
from tests.test_corpus import stored

BEFORE = [("profiles", "0006_schaal_validators"), ("catalogue", "0002_search_view")]


def _migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor


def _load_old_fixture(apps) -> None:
    """Insert the old fixture's rows with the models of that time, each with a first historical version."""
    now = timezone.now()
    for record in json.loads((DATA_DIR / "catalogue-before-variants.json").read_text(encoding="utf-8")):
        model = apps.get_model(record["model"])
        fields = {}
        for name, value in record["fields"].items():
            field = model._meta.get_field(name)
            fields[field.attname] = value
        model.objects.create(pk=record["pk"], **fields)
        historical = apps.get_model(model._meta.app_label, f"Historical{model.__name__}")
        historical.objects.create(id=record["pk"], history_date=now, history_type="+", **fields)


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_old_content_migrates_to_what_the_importer_makes_now(reference_data):
    try:
        executor = _migrate(BEFORE)
        _load_old_fixture(executor.loader.project_state(BEFORE).apps)
        _migrate(executor.loader.graph.leaf_nodes())

        migrated = stored(FunctionGroup.objects.get(name=SOURCE_NAME))
        intro_lines = TyperingLine.objects.filter(kind="inleiding")
        assert intro_lines.count() == 2
        assert all(line.history.filter(history_type="+").exists() for line in intro_lines)
        assert TyperingCode.objects.count() == TyperingCode.history.count() == 4
        assert all(code.scores.count() in (0, 14) for code in TyperingCode.objects.all())
        new_line = TyperingLine.objects.create(section=intro_lines[0].section, position=99, text="Nieuw")
        assert not TyperingLine.history.filter(id=new_line.pk).exclude(text="Nieuw").exists()  # a fresh id
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    call_command("flush", "--noinput", verbosity=0)
    create_reference_data(ResultArea, Characteristic)
    call_command("setup_catalogue", verbosity=0)

    assert migrated == stored(FunctionGroup.objects.get(name=SOURCE_NAME))
