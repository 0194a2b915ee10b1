"""What the loket says about its gemeente: the loket's and the panel's name, how to call it.

Every value comes from the gemeente's setting (regelgeving/models/gemeente.py); these helpers
only give a sensible Dutch phrase when an editor left a field empty. Pages ask by their own
site (mails and tasks have no request), and keep the answer on the page object for the rest of
the request.
"""

from __future__ import annotations

from regelgeving.gemeenten import gemeente_van_pagina


def gemeente_van(page):
    """The Gemeente setting of the site that holds `page` (None for a page outside any site)."""
    if page is None:
        return None
    if not hasattr(page, "_loket_gemeente"):
        page._loket_gemeente = gemeente_van_pagina(page)
    return page._loket_gemeente


def loket_naam(gemeente) -> str:
    return (gemeente.loket_naam if gemeente else "") or "het loket"


def panel_naam(gemeente) -> str:
    return (gemeente.panel_naam if gemeente else "") or "het inwonerspanel"


def de_gemeente(gemeente) -> str:
    """ "de gemeente Heemstede", or "de gemeente" when the name is not known."""
    naam = gemeente.naam if gemeente else ""
    return f"de gemeente {naam}" if naam else "de gemeente"


def bel_het_loket(gemeente) -> str:
    """ "bel Loket Heemstede op 14 023", or whom to turn to when no number is known."""
    if gemeente and gemeente.telefoon:
        return f"bel {loket_naam(gemeente)} op {gemeente.telefoon}"
    return f"neem contact op met {loket_naam(gemeente)}"


def hoofdletter(zin: str) -> str:
    return zin[:1].upper() + zin[1:]
