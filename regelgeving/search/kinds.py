"""The kinds of page a search returns ("soort"): their models, labels, and which a law filter keeps."""

from __future__ import annotations

from ..models import ArtikelPage, BegripPage, BijlagePage, DivisiePage, ToelichtingPage, Wet

# What a search can return; hoofdstukken and paragrafen have text of their own too, and so has a
# version's general toelichting (the one per article is searched with its article).
SOORTEN = {
    "artikel": ArtikelPage,
    "begrip": BegripPage,
    "bijlage": BijlagePage,
    "onderdeel": DivisiePage,
    "toelichting": ToelichtingPage,
}
SOORT_LABELS = {
    "artikel": "Artikel",
    "begrip": "Begrip",
    "bijlage": "Bijlage",
    "hoofdstuk": "Hoofdstuk",
    "paragraaf": "Paragraaf",
    "afdeling": "Afdeling",
    "toelichting": "Toelichting",
}
TAGGED_KINDS = ("artikel", "onderdeel")  # the pages that carry law tags


def kinds_searched(soort: str, wet: Wet | None) -> list[str]:
    """The kinds a search looks in: the chosen one ("" = every kind in SOORTEN), and with a
    law chosen only those that can carry its tag."""
    kinds = [soort] if soort else list(SOORTEN)
    if wet is not None:
        kinds = [k for k in kinds if k in TAGGED_KINDS]
    return kinds
