from django.core.management.base import BaseCommand

from loket.retention import purge_submissions


class Command(BaseCommand):
    help = "Verwijdert inzendingen die ouder zijn dan de bewaartermijn van hun formulier."

    def handle(self, *args, **options):
        deleted = purge_submissions()
        total = sum(deleted.values())
        details = ", ".join(f"{flow}: {n}" for flow, n in sorted(deleted.items())) or "geen formulieren"
        self.stdout.write(f"{total} inzending(en) verwijderd ({details}).")
