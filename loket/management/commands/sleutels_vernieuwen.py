from django.apps import apps
from django.core.management.base import BaseCommand

from loket.rekeying import renew


class Command(BaseCommand):
    help = (
        "Versleutelt alle persoonsgegevens opnieuw met de nieuwste sleutel van LOKET_ENCRYPTION_KEYS "
        "en berekent alle herkenningssleutels opnieuw met LOKET_INDEX_KEY. Draai dit na het wisselen "
        "van een van beide sleutels (zie README.md, 'Sleutels en persoonsgegevens')."
    )

    def handle(self, *args, **options):
        renewal = renew(apps)
        self.stdout.write(
            f"{renewal.versleuteld} versleutelde waarde(n) opnieuw versleuteld; herkenningssleutels "
            f"opnieuw berekend voor {renewal.inzendingen} inzending(en) en {renewal.panelleden} "
            "panellid/panelleden."
        )
        if renewal.onleesbaar:
            self.stderr.write(
                f"{renewal.onleesbaar} waarde(n) passen bij geen van de sleutels en zijn gebleven zoals "
                "ze waren. Zet de sleutel waarmee ze versleuteld zijn terug in LOKET_ENCRYPTION_KEYS "
                "en draai dit opnieuw."
            )
        if renewal.dubbel:
            self.stdout.write(
                "Deze inzendingen lijken nu van dezelfde persoon als een eerdere in hetzelfde jaar: "
                + ", ".join(renewal.dubbel)
            )
