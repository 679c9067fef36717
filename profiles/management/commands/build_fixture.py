from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from profiles import catalogue_data
from profiles.importer import GroupIdentity, import_group


class Command(BaseCommand):
    help = (
        "Importeert de bronnen uit fixtures/sources.toml in een lege database en schrijft de fixture. "
        "Gebruik `make fixture`, dat hiervoor een tijdelijke database aanmaakt."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=None, help="Standaard: fixtures/catalogue.json.")

    def handle(self, *args, output: Path | None, **options):
        if not catalogue_data.catalogue_is_empty():
            raise CommandError("De database is niet leeg; bouw de fixture in een nieuwe, lege database.")
        for source in catalogue_data.sources():
            import_group(
                source.path.read_text(encoding="utf-8"),
                GroupIdentity(source.name, source.family, source.fgr_id, source.purpose, source.thinking_level),
            )
        output = output or catalogue_data.fixture_path()
        call_command("dumpdata", *catalogue_data.CONTENT_LABELS, indent=1, output=str(output), verbosity=0)
        self.stdout.write(f"Fixture geschreven: {output}")
