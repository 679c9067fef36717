from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from profiles.importer import ImportRefused, import_group
from profiles.source_parser import SourceError


class Command(BaseCommand):
    help = "Importeert de platte tekst van een FGR-functiegroeppagina in één transactie."

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="Het tekstbestand met de pagina van de functiegroep.")
        parser.add_argument("--name", required=True, help="De naam (doopnaam) van de functiegroep.")
        parser.add_argument("--family", required=True, help="De functiefamilie, bijvoorbeeld ‘Bedrijfsvoering’.")
        parser.add_argument("--fgr-id", type=int, help="Het nummer van de functiegroep in het FGR, bijvoorbeeld 528.")
        parser.add_argument("--dry-run", action="store_true", help="Toon wat er zou worden aangemaakt; schrijf niets.")
        parser.add_argument("--replace", action="store_true", help="Vervang een bestaande functiegroep met deze naam.")

    def handle(self, *args, source: Path, name, family, fgr_id, dry_run, replace, **options):
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Kan {source} niet lezen als UTF-8-tekst: {error}") from error
        try:
            report = import_group(text, name=name, family=family, fgr_id=fgr_id, replace=replace, dry_run=dry_run)
        except SourceError as error:
            raise CommandError(f"{source}, {error}. Niets geïmporteerd.") from error
        except ImportRefused as error:
            raise CommandError(str(error)) from error

        verb = "Zou aanmaken" if dry_run else ("Vervangen en aangemaakt" if report.replaced else "Aangemaakt")
        self.stdout.write(f"{verb}: functiegroep ‘{name}’ ({family}).")
        for kind, count in report.created.items():
            self.stdout.write(f"  {count:4d} {kind}")
        for schaal, problems in report.fuwasys_problems.items():
            self.stdout.write(self.style.WARNING(f"Let op: de FUWASYS-code van schaal {schaal} klopt niet:"))
            for problem in problems:
                self.stdout.write(self.style.WARNING(f"  - {problem}"))
        for warning in report.descents + report.unmapped_sub_areas:
            self.stdout.write(self.style.WARNING(f"Let op: {warning}"))
        if dry_run:
            self.stdout.write("Proefimport (--dry-run): er is niets opgeslagen.")
