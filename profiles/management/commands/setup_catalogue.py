from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from profiles import catalogue_data, history


class Command(BaseCommand):
    help = "Laadt de standaardcatalogus, maar alleen in een lege catalogus: bewerkte inhoud blijft altijd staan."

    def handle(self, *args, **options):
        if not catalogue_data.catalogue_is_empty():
            self.stdout.write("De catalogus heeft al inhoud; er is niets geladen.")
            if recorded := catalogue_data.record_unrecorded():
                self.stdout.write(f"Van {recorded} records zonder geschiedenis is de huidige versie vastgelegd.")
            return
        with transaction.atomic():
            call_command("loaddata", str(catalogue_data.fixture_path()), verbosity=0)
            catalogue_data.record_loaded(history.LOADED)
        self.stdout.write("De standaardcatalogus is geladen.")
