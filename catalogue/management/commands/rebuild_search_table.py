from django.core.management.base import BaseCommand
from django.db import connection, transaction

from catalogue import search_index
from catalogue.models import SearchLine


class Command(BaseCommand):
    help = (
        "Vult de zoektabel opnieuw uit de inhoud en zet de triggers terug, in één transactie. Normaal is dit nooit "
        "nodig: de triggers houden de tabel bij, en migrate vult hem na elke migratie."
    )

    def handle(self, *args, **options):
        with transaction.atomic(), connection.cursor() as cursor:
            search_index.install(cursor, connection.vendor, refill=True)
        self.stdout.write(f"De zoektabel is opnieuw gevuld: {SearchLine.objects.count()} regels.")
