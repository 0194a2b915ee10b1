from django.core.management.base import BaseCommand, CommandError

from demo import LOCHEM_PUBLICATIE, LOCHEM_REGELING
from importers.errors import PublicatieFout
from importers.pipeline import format_report, import_source
from loket.demo import ensure_loket
from regelgeving.site_setup import ensure_site


class Command(BaseCommand):
    help = "Zet de demosite op: startpagina, regelgeving, de Lochemse verordening en het loket (herhaalbaar)."

    def handle(self, *args, **options):
        index = ensure_site()
        try:
            result = import_source(str(LOCHEM_PUBLICATIE), regeling_slug=LOCHEM_REGELING)
        except PublicatieFout as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(format_report(result.report))
        loket = ensure_loket(index.get_parent().specific, result.versie.get_parent().specific)
        self.stdout.write(f"Loket: {loket.url}")
