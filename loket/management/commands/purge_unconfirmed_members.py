from django.core.management.base import BaseCommand

from loket.panel.membership import purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Verwijdert aanmeldingen voor Lochem spreekt die niet binnen de bevestigingstermijn zijn bevestigd."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_unconfirmed()} onbevestigde aanmelding(en) verwijderd.")
