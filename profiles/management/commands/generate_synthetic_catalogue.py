from django.core.management.base import BaseCommand, CommandError

from profiles import synthetic


class Command(BaseCommand):
    help = (
        f"Voegt een synthetische catalogus toe voor benchmarks, in de familie ‘{synthetic.FAMILY_NAME}’: "
        "functiegroepen samengesteld uit de tekst van de bron. Andere inhoud blijft onaangeroerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("--groups", type=int, default=1000, help="Het aantal functiegroepen (standaard 1000).")
        parser.add_argument(
            "--seed", type=int, default=synthetic.DEFAULT_SEED, help="Dezelfde seed geeft dezelfde catalogus."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Verwijder eerst de bestaande synthetische functiegroepen (en alleen die).",
        )

    def handle(self, *args, groups: int, seed: int, replace: bool, **options):
        try:
            report = synthetic.generate(groups, seed=seed, replace=replace)
        except synthetic.SyntheticRefused as error:
            raise CommandError(str(error)) from error
        if report.replaced:
            self.stdout.write(f"{report.replaced} synthetische functiegroepen verwijderd.")
        self.stdout.write(
            f"{report.created} synthetische functiegroepen aangemaakt in ‘{synthetic.FAMILY_NAME}’ "
            f"({report.lines} regels, seed {seed})."
        )
