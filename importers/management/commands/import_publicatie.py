import json
import logging

from django.core.management.base import BaseCommand, CommandError

from importers.errors import PublicatieFout
from importers.pipeline import format_report, import_source
from regelgeving.models.gemeente import Gemeente

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Importeer een publicatie (OP-XML, CVDR-XML, STOP, HTML of tekst, of een "
        "STOP-downloadpakket als map of zip-bestand) als pagina's."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "source", help="Bestandspad, map of http(s)-adres van de publicatie (of zip-bestand)"
        )
        parser.add_argument("--regeling", default="", help="Slug van de regeling (/regelgeving/SLUG/)")
        parser.add_argument(
            "--gemeente",
            default="",
            help="Naam, slug of CBS-code van de gemeente waaronder de publicatie komt "
            "(standaard: de gemeente die haar publiceerde)",
        )
        parser.add_argument("--dry-run", action="store_true", help="Alleen lezen en rapporteren")
        parser.add_argument("--json", action="store_true", help="Rapport als JSON")

    def handle(self, *args, **options):
        gemeente = None
        if options["gemeente"]:
            gemeente = Gemeente.zoek(options["gemeente"])
            if gemeente is None:
                raise CommandError(f"Geen gemeente '{options['gemeente']}' in deze installatie.")
        try:
            result = import_source(options["source"], options["regeling"], options["dry_run"], gemeente=gemeente)
        except PublicatieFout as exc:
            raise CommandError(str(exc)) from None
        except Exception as exc:  # an importer bug must still end in one line, with nothing stored
            logger.debug("import failed", exc_info=True)
            raise CommandError(
                f"Import mislukt door een interne fout ({type(exc).__name__}); er is niets opgeslagen."
            ) from None
        if options["json"]:
            self.stdout.write(json.dumps(result.report, ensure_ascii=False, indent=2, default=str))
        else:
            self.stdout.write(format_report(result.report))
