from pathlib import Path

from django.core import serializers
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
        text = serializers.serialize("json", catalogue_data.export_rows(), indent=1)
        if output:
            output.write_text(text, encoding="utf-8")
            self.stderr.write(f"Catalogus geschreven naar {output}.")
        else:
            self.stdout.write(text, ending="")
