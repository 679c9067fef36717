from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from profiles.importer import GroupIdentity, ImportRefused, import_group


class Command(BaseCommand):
    help = (
        "Importeert de platte tekst van een FGR-functiegroeppagina in één transactie. Het verslag noemt elke regel "
        "waarvan de plaats is afgeleid (vervolgregels, inleidende regels, kopjes die op een bekend kopje lijken, "
        "nieuwe deelgebieden, verbindingswoorden); --strict weigert dan de hele import."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="Het tekstbestand met de pagina van de functiegroep.")
        parser.add_argument("--name", required=True, help="De naam (doopnaam) van de functiegroep.")
        parser.add_argument("--family", required=True, help="De functiefamilie, bijvoorbeeld ‘Bedrijfsvoering’.")
        parser.add_argument("--fgr-id", type=int, help="Het nummer van de functiegroep in het FGR, bijvoorbeeld 528.")
        parser.add_argument("--purpose", default="", help="Het doel van de functiegroep: ‘Is verantwoordelijk voor …’.")
        parser.add_argument("--level", default="", help="Het werk- en denkniveau, bijvoorbeeld ‘hbo, wo’.")
        parser.add_argument(
            "--family-description", default="", help="De omschrijving van de functiefamilie (vervangt de huidige)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Toon wat er zou worden aangemaakt; schrijf niets.")
        parser.add_argument("--replace", action="store_true", help="Vervang een bestaande functiegroep met deze naam.")
        parser.add_argument(
            "--strict", action="store_true", help="Weiger de import als de plaats van een regel is afgeleid."
        )

    def handle(self, *args, source: Path, dry_run, replace, strict, **options):
        try:
            text = source.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Kan {source} niet lezen als UTF-8-tekst ({error}); niets geïmporteerd.") from error
        identity = GroupIdentity(
            name=options["name"],
            family=options["family"],
            fgr_id=options["fgr_id"],
            purpose=options["purpose"],
            thinking_level=options["level"],
            family_description=options["family_description"],
        )
        try:
            report = import_group(text, identity, replace=replace, dry_run=dry_run, strict=strict)
        except ImportRefused as error:
            where = f"{source}, " if error.line_no else ""
            raise CommandError(f"{where}{error}") from error

        verb = "Zou aanmaken" if dry_run else ("Vervangen en aangemaakt" if report.replaced else "Aangemaakt")
        self.stdout.write(f"{verb}: functiegroep ‘{report.group.name}’ ({report.group.family.name}).")
        for kind, count in report.created.items():
            self.stdout.write(f"  {count:4d} {kind}")
        if report.inferred:
            self.stdout.write(f"Afgeleid ({len(report.inferred)} regels; controleer of ze goed staan):")
            for placement in report.inferred:
                self.stdout.write(
                    f"  regel {placement.line_no}: ‘{placement.text}’ → {placement.where}: {placement.inferred}"
                )
        for schaal, code, problems in report.fuwasys_problems:
            self.stdout.write(self.style.WARNING(f"Let op: de FUWASYS-code ‘{code}’ van schaal {schaal} klopt niet:"))
            for problem in problems:
                self.stdout.write(self.style.WARNING(f"  - {problem}"))
        for warning in report.descents + report.notes:
            self.stdout.write(self.style.WARNING(f"Let op: {warning}"))
        if dry_run:
            self.stdout.write("Proefimport (--dry-run): er is niets opgeslagen.")
