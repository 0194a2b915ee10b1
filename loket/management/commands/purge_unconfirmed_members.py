from django.core.management.base import BaseCommand

from loket.retention import purge_unconfirmed_members


class Command(BaseCommand):
    help = (
        "Verwijdert aanmeldingen voor het inwonerspanel die niet binnen de bevestigingstermijn "
        "zijn bevestigd."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_unconfirmed_members()} onbevestigde aanmelding(en) verwijderd.")
