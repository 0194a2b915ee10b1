"""Small things for tests that need little, made by the code that makes them for real.

- `versie`: a regeling with one version of two articles and a begrip, written by the importer's
  writer from a neutral tree (no parsing, no Lochem capture), so its pages, links, reference
  index and search entries are what an import gives.
- `inzending`: a melding as the loket's pipeline stores it, encrypted, with its e-mails queued.
- `panellid`: a member of the citizen panel signed up and confirmed through the panel's service.

Each returns the object it made; the caller's test transaction takes them away afterwards.
"""

from __future__ import annotations

import uuid
from datetime import date
from urllib.parse import urlsplit

from django.test import TestCase

from importers.tree import Alinea, Artikel, Begrip, Document, Metadata
from importers.writer import write_document
from loket.flows import get_flow
from loket.models import Bericht, FlowPage, Panellid
from loket.panel import links, membership
from loket.pipeline import submit

MELDING_ANTWOORDEN = {
    "voor-wie": {"voor_wie": "zelf"},
    "persoon": {
        "naam": "Fenna Factorij",
        "geboortedatum": date(1980, 4, 1),
        "straat": "Markt",
        "huisnummer": "1",
        "postcode": "7241 AA",
        "woonplaats": "Lochem",
    },
    "contact": {"telefoon": "0573 000 000", "email": "fenna@example.nl", "voorkeur": "email"},
    "spoed": {"spoed": "nee"},
    "vraag": {"onderwerpen": ["wonen"], "vraag": "Ik kan de trap niet meer op."},
    "hulp": {"wie_helpt": "Mijn buurman."},
    "ondersteuning": {"clientondersteuning": "nee", "persoonlijk_plan": "nee"},
}


def versie(
    regeling: str = "proefregeling",
    identifier: str = "gmb-2026-1",
    in_werking_op: date = date(2026, 1, 1),
    tekst_1: str = "De inwoner met een beperking kan een voorziening aanvragen.",
    tekst_2: str = "Het college beslist binnen acht weken op een aanvraag als bedoeld in artikel 1.",
):
    """A version of two articles, the second citing the first, and the begrip 'Inwoner'."""
    document = Document(
        metadata=Metadata(
            identifier=identifier,
            titel=f"Proefverordening {in_werking_op.year}",
            citeertitel=f"Proefverordening {in_werking_op.year}",
            in_werking_op=in_werking_op,
            formaat="tekst",
        ),
        body=[
            Artikel(nummer="1", opschrift="Recht op ondersteuning", blocks=[Alinea(tekst_1)]),
            Artikel(nummer="2", opschrift="Beslistermijn", blocks=[Alinea(tekst_2)]),
        ],
        begrippen=[
            Begrip(term="Inwoner", definitie=[Alinea("Wie in de gemeente woont.")], defined_in="artikel 1")
        ],
    )
    # The search index follows a commit; a test's transaction never commits, so run it now.
    with TestCase.captureOnCommitCallbacks(execute=True):
        return write_document(document, regeling_slug=regeling, gemeente=lochem_gemeente()).versie


def inzending(antwoorden: dict | None = None):
    """A melding sent in through the loket's pipeline, as after the inwoner's consent."""
    page = FlowPage.objects.descendant_of(lochem_gemeente().site.root_page).get(flow="melding")
    return submit(page, get_flow("melding"), antwoorden or MELDING_ANTWOORDEN, token=uuid.uuid4().hex)


def panellid(
    email: str = "lid@example.nl",
    leeftijdsgroep: str = "45-64",
    kern: str = "lochem",
    bevestigd: bool = True,
    gemeente=None,
) -> Panellid:
    """A member of Lochem's inwonerspanel (or `gemeente`'s), signed up and (by the link in the
    mail) confirmed through the panel's service; the mails it caused count as sent."""
    gemeente = gemeente or lochem_gemeente()
    referentie = membership.sign_up(gemeente, email, leeftijdsgroep, kern, ["woont"], token=uuid.uuid4().hex)
    lid = Panellid.objects.get(referentie=referentie)
    if bevestigd:
        token = urlsplit(links.confirm_url(lid)).path.rstrip("/").rsplit("/", 1)[1]
        assert membership.confirm(token, gemeente).status == "bevestigd"
        lid.refresh_from_db()
    Bericht.objects.filter(panellid=lid).update(status=Bericht.VERZONDEN)
    return lid


def lochem_gemeente():
    """The demo's first gemeente: where tests file publications of other publishers (the
    import's --gemeente)."""
    from regelgeving.models import Gemeente

    return Gemeente.objects.select_related("site").get(cbs_code="gm1859")
