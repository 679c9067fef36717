from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from profiles.restore import RestoreRefused, removed_groups, restore_group


class Command(BaseCommand):
    help = (
        "Zet een verwijderde of bij `import_fgr --replace` vervangen functiegroep terug, met al haar inhoud. "
        "Zonder versie toont het de verwijderde versies."
    )

    def add_arguments(self, parser):
        parser.add_argument("version", nargs="?", type=int, help="De versie uit de lijst van verwijderde versies.")

    def handle(self, *args, version: int | None, **options):
        if version is None:
            for record in removed_groups():
                when = timezone.localtime(record.history_date).strftime("%d-%m-%Y %H:%M:%S")
                reason = record.history_change_reason or "verwijderd"
                self.stdout.write(f"{record.history_id:6d}  {when}  {record.name} ({reason})")
            return
        try:
            group = restore_group(version)
        except RestoreRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Hersteld: functiegroep ‘{group.name}’, zoals die was vóór versie {version}.")
