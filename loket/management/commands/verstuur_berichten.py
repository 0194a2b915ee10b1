from django.core.management.base import BaseCommand

from loket.tasks import send_pending


class Command(BaseCommand):
    help = "Verstuurt e-mails die nog wachten (opnieuw proberen na een storing)."

    def handle(self, *args, **options):
        counts = send_pending()
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "niets te versturen"
        self.stdout.write(summary)
