import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from regelgeving.planning import due, next_due, schema

# Never sleep longer than this: a clock change or a long task run does not make work wait a day.
MAX_SLEEP_SECONDS = 60


class Command(BaseCommand):
    help = (
        "Zet het periodieke werk van de apps (regelgeving/planning.py) op tijd in de takenwachtrij, "
        "voor `db_worker`. Draai er één van. Met --eenmaal één keer (voor cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--eenmaal", action="store_true", help="Eén keer inplannen en stoppen.")
        parser.add_argument(
            "--taak",
            action="append",
            metavar="NAAM",
            help=f"Alleen dit werk (herhaalbaar; met --eenmaal): {', '.join(p.naam for p in schema())}.",
        )

    def handle(self, *args, eenmaal=False, taak=None, **options):
        if taak and not eenmaal:
            raise CommandError("--taak gaat samen met --eenmaal; zonder --eenmaal loopt het hele schema.")
        werk = schema()
        onbekend = sorted(set(taak or ()) - {p.naam for p in werk})
        if onbekend:
            raise CommandError(
                f"Onbekend of uitgeschakeld werk: {', '.join(onbekend)}. "
                f"Het schema heeft: {', '.join(p.naam for p in werk)}."
            )
        if eenmaal:
            for periodiek in werk:
                if not taak or periodiek.naam in taak:
                    self._enqueue(periodiek)
            return
        last_enqueued = {}
        while True:
            now = timezone.now()
            for periodiek in due(werk, last_enqueued, now):
                self._enqueue(periodiek)
                last_enqueued[periodiek.naam] = now
            wait = (next_due(werk, last_enqueued) - timezone.now()).total_seconds()
            time.sleep(min(MAX_SLEEP_SECONDS, max(1.0, wait)))

    def _enqueue(self, periodiek):
        periodiek.taak.enqueue()
        self.stdout.write(f"{timezone.localtime():%Y-%m-%d %H:%M} ingepland: {periodiek.wat}")
