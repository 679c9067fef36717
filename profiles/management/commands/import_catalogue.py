import json
import tempfile
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, transaction

from profiles import catalogue_data, history


class Command(BaseCommand):
    help = "Zet een export van `export_catalogue` terug in een lege catalogus, in één transactie."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="Het JSON-bestand van export_catalogue.")

    def handle(self, *args, file: Path, **options):
        if not catalogue_data.catalogue_is_empty():
            raise CommandError("De catalogus is niet leeg; een export wordt alleen in een lege catalogus teruggezet.")
        text, count = _read(file)
        try:
            with transaction.atomic(), tempfile.TemporaryDirectory() as directory:
                # Django's loaddata, which checks the constraints and resets the sequences. It knows the format by
                # the file's name, and an export may be called anything: it reads a copy named .json.
                fixture = Path(directory) / "catalogus.json"
                fixture.write_text(text, encoding="utf-8")
                call_command("loaddata", str(fixture), verbosity=0)
                catalogue_data.record_loaded(history.FROM_EXPORT)
        except (DeserializationError, DatabaseError) as error:
            raise CommandError(f"{file} is geen bruikbare export; er is niets teruggezet. ({error})") from error
        self.stdout.write(f"{count} records teruggezet uit {file}.")


def _read(file: Path) -> tuple[str, int]:
    """The file's text and its number of records, once it is known to hold only the catalogue's models."""
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
    return text, len(records)
