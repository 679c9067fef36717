from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from profiles import catalogue_data


class Command(BaseCommand):
    help = (
        "Schrijft de hele catalogus als JSON (UTF-8, leesbaar, vaste volgorde), zonder geschiedenis en gebruikers. "
        "`import_catalogue` zet zo'n bestand terug in een lege database."
    )

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", type=Path, help="Het bestand om te schrijven; standaard de uitvoer.")

    def handle(self, *args, output: Path | None, **options):
        call_command(
            "dumpdata",
            *catalogue_data.EXPORT_LABELS,
            indent=1,
            output=str(output) if output else None,
            stdout=self.stdout,
            verbosity=0,
        )
        if output:
            self.stderr.write(f"Catalogus geschreven naar {output}.")
