"""`manage.py gemeente_toevoegen --naam Heemstede --code gm0397 --host regels.heemstede.example`:
a gemeente with its own site, home page, regelgeving index, setting and editors' group; the
loket adds its part through `gemeente_aangemaakt`. Running it again changes nothing."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from regelgeving.models.gemeente import Gemeente
from regelgeving.site_setup import ensure_gemeente

CBS_CODE = re.compile(r"gm\d{4}")
# A host name as a Site stores it: letters, digits, hyphens and dots; no scheme, port or path.
HOST = re.compile(r"(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")


class Command(BaseCommand):
    help = (
        "Voegt een gemeente toe met een eigen site (adres), startpagina, regelgeving, loket en "
        "groepen voor redacteuren en medewerkers. Herhaalbaar: een bestaande gemeente blijft zoals ze is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--naam", required=True, help="Naam zonder 'gemeente', zoals Heemstede")
        parser.add_argument("--code", required=True, help="CBS-code, zoals gm0397")
        parser.add_argument("--host", required=True, help="Hostnaam van de site, zoals regels.voorbeeld.nl")
        parser.add_argument("--poort", type=int, default=443, help="Poort van de site (standaard 443)")

    def handle(self, *args, naam: str, code: str, host: str, poort: int, **options):
        naam, code, host = naam.strip(), code.strip().lower(), host.strip().lower()
        self._check(naam, code, host, poort)
        bestaand = Gemeente.objects.select_related("site").filter(cbs_code=code).first()
        try:
            gemeente = ensure_gemeente(naam, code, host, poort)
        except (ValueError, ValidationError) as exc:
            raise CommandError(_tekst(exc)) from None
        site = gemeente.site
        if bestaand is not None:
            self.stdout.write(f"{gemeente} bestond al: {site.root_url}/ (niets veranderd).")
        else:
            self.stdout.write(self.style.SUCCESS(f"{gemeente} toegevoegd: {site.root_url}/"))
            self.stdout.write(
                f"Groepen: {gemeente.redacteuren or '-'} en {gemeente.medewerkers or '-'}. "
                "Vul bij Instellingen > Gemeente het loket, de kernen en de huisstijl in."
            )

    def _check(self, naam: str, code: str, host: str, poort: int) -> None:
        """Refuse what would make a half or a wrong gemeente, before anything is written."""
        if not naam:
            raise CommandError("Geef de naam van de gemeente, zoals --naam Heemstede.")
        if not CBS_CODE.fullmatch(code):
            raise CommandError(f"‘{code}’ is geen CBS-code: 'gm' met vier cijfers, zoals gm0397.")
        if not HOST.fullmatch(host):
            raise CommandError(
                f"‘{host}’ is geen hostnaam. Geef alleen de naam, zonder http:// of pad, "
                "zoals regels.voorbeeld.nl."
            )
        if not 0 < poort < 65536:
            raise CommandError(f"Poort {poort} bestaat niet; kies een poort van 1 tot en met 65535.")
        met_code = Gemeente.objects.select_related("site").filter(cbs_code=code).first()
        if met_code is not None:
            site = met_code.site
            if met_code.naam.lower() != naam.lower() or (site.hostname, site.port) != (host, poort):
                raise CommandError(
                    f"De CBS-code {code} hoort al bij {met_code} op {site.hostname}:{site.port}. "
                    "Elke gemeente heeft haar eigen code."
                )
            return
        site = Site.objects.filter(hostname=host, port=poort).first()
        if site is not None:
            eigenaar = Gemeente.objects.filter(site=site).exclude(cbs_code="").first()
            if eigenaar is not None:
                raise CommandError(f"Het adres {host}:{poort} hoort al bij {eigenaar}. Kies een ander adres.")


def _tekst(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages)
    return str(exc)
