"""Asking the CVDR search service and fetching the XML it points to, over plain HTTP(S).

urllib, as importers/sources.py uses: no HTTP library is needed for GET requests. Every request has
a timeout; a server error (5xx), a timeout or a broken connection is tried again after a pause that
doubles each time; a refusal (4xx) is not, since asking again gives the same answer.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlparse
from urllib.request import Request, urlopen

from ..xmlsafe import MAX_BYTES
from .errors import ZoekdienstFout
from .query import gewijzigde_regelingen
from .records import CvdrRecord, Pagina, lees_pagina

ZOEKDIENST = "https://zoekservice.overheid.nl/sru/Search"
USER_AGENT = "regelgeving-loket cvdr_bijwerken"


class _Opnieuw(Exception):
    """A failure worth another try; the text says what happened, in Dutch."""


@dataclass
class CvdrZoekdienst:
    url: str = ZOEKDIENST
    timeout: float = 30  # seconds, for connecting and for each read
    pogingen: int = 3  # tries per request, the first included
    pauze: float = 2.0  # seconds before the second try; doubled before each further one
    per_pagina: int = 100  # maximumRecords
    max_paginas: int = 50  # a run asks at most this many pages: 5,000 changed regelingen
    slapen: Callable[[float], None] = field(default=time.sleep, repr=False)

    # -- the question -----------------------------------------------------------------------------

    def gewijzigd_sinds(self, gemeente: str, sinds: date | None) -> list[CvdrRecord]:
        """Every record of the gemeente's regelingen changed on or after `sinds`, over all pages."""
        vraag = gewijzigde_regelingen(gemeente, sinds)
        records: list[CvdrRecord] = []
        start = 1
        for _ in range(self.max_paginas):
            pagina = self.pagina(vraag, start)
            records += pagina.records
            if pagina.volgende is None or not pagina.records:
                return records
            if pagina.volgende <= start:
                raise ZoekdienstFout(
                    f"De zoekdienst wijst als volgende pagina positie {pagina.volgende} aan, "
                    f"terwijl deze pagina bij {start} begon; het ophalen is gestopt."
                )
            start = pagina.volgende
        raise ZoekdienstFout(
            f"Meer dan {self.max_paginas * self.per_pagina} gewijzigde regelingen gevonden; "
            "kies met --sinds een latere datum en werk in stappen bij."
        )

    def pagina(self, vraag: str, start: int) -> Pagina:
        params = {
            "operation": "searchRetrieve",
            "version": "2.0",
            "x-connection": "cvdr",
            "query": vraag,
            "startRecord": start,
            "maximumRecords": self.per_pagina,
        }
        separator = "&" if "?" in self.url else "?"
        return lees_pagina(self._get(f"{self.url}{separator}{urlencode(params)}", "De zoekdienst"))

    # -- the documents ----------------------------------------------------------------------------

    def document(self, record: CvdrRecord) -> bytes:
        """The CVDR XML the record points to."""
        if not record.xml_url:
            raise ZoekdienstFout(f"De zoekdienst geeft voor {record.identifier} geen adres van de XML.")
        if urlparse(record.xml_url).scheme.lower() not in ("http", "https"):
            raise ZoekdienstFout(f"Het adres van de XML van {record.identifier} is geen http(s)-adres.")
        return self._get(record.xml_url, f"Ophalen van {record.xml_url}")

    # -- HTTP -------------------------------------------------------------------------------------

    def _get(self, url: str, wat: str) -> bytes:
        reden = ""
        for poging in range(1, self.pogingen + 1):
            if poging > 1:
                self.slapen(self.pauze * 2 ** (poging - 2))
            try:
                return self._get_once(url, wat)
            except _Opnieuw as exc:
                reden = str(exc)
        keer = "poging" if self.pogingen == 1 else "pogingen"
        raise ZoekdienstFout(f"{wat} mislukt na {self.pogingen} {keer}: {reden}.")

    def _get_once(self, url: str, wat: str) -> bytes:
        request = Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/xml, text/xml"})
        try:
            with urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (http(s) only)
                data = response.read(MAX_BYTES + 1)
        except HTTPError as exc:
            if exc.code >= 500:
                raise _Opnieuw(f"de server antwoordde met HTTP {exc.code}") from None
            raise ZoekdienstFout(_refusal(wat, exc)) from None
        except TimeoutError:
            raise _Opnieuw(self._te_laat()) from None
        except URLError as exc:
            if isinstance(exc.reason, TimeoutError):
                raise _Opnieuw(self._te_laat()) from None
            raise _Opnieuw(f"geen verbinding ({exc.reason})") from None
        except OSError as exc:  # the connection broke off while the answer came in
            raise _Opnieuw(f"de verbinding werd verbroken ({exc})") from None
        if len(data) > MAX_BYTES:
            raise ZoekdienstFout(f"{wat}: het antwoord is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
        return data

    def _te_laat(self) -> str:
        return f"geen antwoord binnen {self.timeout:g} {'seconde' if self.timeout == 1 else 'seconden'}"


def _refusal(wat: str, exc: HTTPError) -> str:
    """A 4xx answer; an SRU service may explain it in a diagnostic."""
    try:
        body = exc.read(64 * 1024)
    except OSError:
        body = b""
    if b"diagnostic" in body:
        try:
            lees_pagina(body)
        except ZoekdienstFout as diagnose:
            return str(diagnose)
    known = {404: "niet gevonden", 403: "geen toegang", 400: "ongeldige vraag"}
    toelichting = f" ({known[exc.code]})" if exc.code in known else ""
    return f"{wat} mislukt: HTTP {exc.code}{toelichting}."
