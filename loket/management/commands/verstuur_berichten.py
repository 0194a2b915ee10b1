from django.core.management.base import BaseCommand

from loket.outbox import send_pending
from loket.tasks import retry_later


class Command(BaseCommand):
    help = "Verstuurt e-mails die nog wachten (opnieuw proberen na een storing)."

    def handle(self, *args, **options):
        # A message that fails again is also deferred as a task, where the backend can.
        counts = send_pending(retry_later=retry_later)
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "niets te versturen"
        self.stdout.write(summary)
