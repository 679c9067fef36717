import json
from pathlib import Path

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction

from profiles import catalogue_data, history


class Command(BaseCommand):
    help = "Zet een export van `export_catalogue` terug in een lege catalogus, in één transactie."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Het JSON-bestand van export_catalogue.")

    def handle(self, *args, file: Path, **options):
        if not catalogue_data.catalogue_is_empty():
            raise CommandError("De catalogus is niet leeg; een export wordt alleen in een lege catalogus teruggezet.")
        text = _read(file)
        try:
            with transaction.atomic():
                count = _load(text)
                catalogue_data.record_loaded(history.FROM_EXPORT)
        except (DeserializationError, DatabaseError) as error:
            raise CommandError(f"{file} is geen bruikbare export; er is niets teruggezet. ({error})") from error
        self.stdout.write(f"{count} records teruggezet uit {file}.")


def _read(file: Path) -> str:
    try:
        text = file.read_text(encoding="utf-8")
        records = json.loads(text)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CommandError(f"Kan {file} niet lezen als JSON in UTF-8: {error}") from error
    allowed = set(catalogue_data.EXPORT_LABELS)
    if not isinstance(records, list) or any(
        not isinstance(record, dict) or record.get("model") not in allowed for record in records
    ):
        raise CommandError(f"{file} bevat andere gegevens dan de catalogus; er is niets teruggezet.")
    return text


def _load(text: str) -> int:
    objects = list(serializers.deserialize("json", text))
    for obj in objects:
        obj.save()
    models = {type(obj.object) for obj in objects}
    connection.check_constraints(table_names=[model._meta.db_table for model in models])
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    return len(objects)
