from datetime import date

from django.core.management.base import BaseCommand, CommandError

from importers.cvdr_bijwerken import bijwerken
from importers.cvdr_gemeente import gemeente_voor
from importers.errors import PublicatieFout


class Command(BaseCommand):
    help = (
        "Werk de regelingen van een gemeente bij uit CVDR (lokaleregelgeving.overheid.nl): vraag de "
        "zoekdienst wat sinds de vorige keer is gewijzigd en importeer dat."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gemeente", required=True, help="Naam, slug of CBS-code van de gemeente (heemstede, gm0397)"
        )
        parser.add_argument(
            "--sinds",
            default="",
            help="Vraag wat op of na deze datum (JJJJ-MM-DD) is gewijzigd, "
            "in plaats van sinds de vorige keer",
        )
        parser.add_argument(
            "--concept",
            action="store_true",
            default=None,
            help="Importeer als concept: een redacteur controleert en publiceert",
        )

    def handle(self, *args, **options):
        sinds = _datum(options["sinds"])
        try:
            gemeente = gemeente_voor(options["gemeente"])
            verslag = bijwerken(
                gemeente, sinds, concept=options["concept"], melden=lambda r: self.stdout.write(r.regel())
            )
        except PublicatieFout as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(verslag.samenvatting())
        if verslag.mislukt:
            raise CommandError(
                f"{verslag.mislukt} regeling(en) niet geïmporteerd (zie hierboven); "
                "de volgende keer worden ze opnieuw geprobeerd."
            )


def _datum(text: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CommandError(f"Ongeldige datum bij --sinds: '{text}'; schrijf haar als JJJJ-MM-DD.") from None
