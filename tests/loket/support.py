"""What the loket tests share: an inwoner's answers and the steps of walking a flow with the test client."""

from __future__ import annotations

import json
import re
import smtplib
from datetime import date

from django.core.mail.backends.locmem import EmailBackend as LocmemBackend

from loket.crypto import decrypt, encrypt
from loket.models import FlowPage

MELDING = "/loket/melding/"


MZC = "/loket/mantelzorgcompliment/"


MAANDEN = "januari februari maart april mei juni juli augustus september oktober november december".split()


# A melding for someone else: a daughter reports for her father.
MELDING_ANDER = {
    "voor-wie": {"voor_wie": "ander"},
    "melder": {"naam_melder": "Grietje Wesselink", "relatie": "familie", "gemachtigd": "ja"},
    "persoon": {
        "naam": "Hendrik Wesselink",
        "geboortedatum": "14-03-1941",
        "straat": "Molenstraat",
        "huisnummer": "7a",
        "postcode": "7241 ab",
        "woonplaats": "Lochem",
    },
    "contact": {"telefoon": "0573 123 456", "email": "grietje@example.nl", "voorkeur": "email"},
    "spoed": {"spoed": "nee"},
    "vraag": {
        "onderwerpen": ["wonen", "vervoer"],
        "vraag": "Mijn vader valt vaak en komt de trap niet meer op.",
    },
    "hulp": {"wie_helpt": "Ik kom twee keer per week langs."},
    "ondersteuning": {"clientondersteuning": "ja", "persoonlijk_plan": "nee"},
}


MELDING_ZELF = {k: v for k, v in MELDING_ANDER.items() if k != "melder"} | {"voor-wie": {"voor_wie": "zelf"}}


GESCHIKT = {
    "onbetaald": "ja",
    "beroepsmatig": "nee",
    "acht_uur": "ja",
    "drie_maanden": "ja",
    "woont_in_gemeente": "ja",
}


COMPLIMENT = {
    "geschiktheid": GESCHIKT,
    "mantelzorger": {
        "naam": "Anna de Vries",
        "geboortedatum": "02-05-1968",
        "straat": "Nieuweweg",
        "huisnummer": "12",
        "postcode": "7241EZ",
        "woonplaats": "Lochem",
        "email": "anna@example.nl",
        "iban": "nl91 abna 0417 1643 00",
        "tenaamstelling": "A. de Vries",
    },
    "verzorgde": {
        "naam": "Jan de Vries",
        "straat": "Kerkstraat",
        "huisnummer": "3",
        "postcode": "7241 BC",
        "woonplaats": "Barchem",
        "relatie": "ouder",
        "zorg": "Boodschappen, medicijnen klaarzetten en mee naar de dokter.",
    },
    "verklaring": {"verklaring": "on"},
}


def stap(base: str, slug: str) -> str:
    return f"{base}stap/{slug}/"


def html(response) -> str:
    return response.content.decode()


def get_ok(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.get("Location"))
    return html(response)


def post_step(client, base, slug, data, query=""):
    """POST one step; it must be accepted (a redirect onwards). Returns where it leads."""
    response = client.post(stap(base, slug) + query, data)
    assert response.status_code == 302, (slug, response.status_code, html(response)[:3000])
    return response["Location"]


def fill(client, base, answers, until=None, start=None) -> str:
    """Answer the steps in order (from `start`, up to and including `until`); every answer leads to
    the next step. Returns where the last answer leads."""
    slugs = list(answers)
    location = ""
    for i, slug in enumerate(slugs):
        if start and i < slugs.index(start):
            continue
        location = post_step(client, base, slug, answers[slug])
        if slug == until:
            return location
        expected = stap(base, slugs[i + 1]) if i + 1 < len(slugs) else f"{base}controleren/"
        assert location == expected
    return location


def resume_url(client, base: str) -> str:
    """Where "Verdergaan" on the start page of a started flow leads: the first step still to do."""
    start = get_ok(client, base)
    return re.search(r'href="([^"]+)">Verdergaan</a>', start).group(1)


def token_of(page_html: str) -> str:
    return re.search(r'name="token" value="([0-9a-f]+)"', page_html).group(1)


def send(client, base, **extra):
    """The consent step: read the token from the page, agree and send. Returns the response."""
    token = token_of(get_ok(client, f"{base}versturen/"))
    return client.post(f"{base}versturen/", {"toestemming": "on", "token": token, "website": ""} | extra)


def complete(client, base, answers) -> str:
    """A whole flow; returns the confirmation URL."""
    fill(client, base, answers)
    response = send(client, base)
    assert response.status_code == 302, html(response)[:3000]
    assert "/bevestiging/" in response["Location"]
    return response["Location"]


def lang(d: date) -> str:
    return f"{d.day} {MAANDEN[d.month - 1]} {d.year}"


def page(flow: str) -> FlowPage:
    return FlowPage.objects.get(flow=flow)


def lochem_versie():
    from regelgeving.models import RegelingVersiePage

    return RegelingVersiePage.objects.get(identifier="gmb-2025-538386")


def flow_session(client, flow: str) -> dict:
    """What the session holds for an unfinished flow, decrypted: answers, started, token."""
    return json.loads(decrypt(client.session[f"loket:{page(flow).pk}"]))


def set_flow_session(client, flow: str, **changes) -> None:
    """Change what the session holds for a flow, as if it had been stored so."""
    session = client.session
    session[f"loket:{page(flow).pk}"] = encrypt(json.dumps(flow_session(client, flow) | changes))
    session.save()


class FlakyBackend(LocmemBackend):
    """A mail server that is down for the first `failures` messages (the `flaky_mail` fixture)."""

    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise smtplib.SMTPException("mailserver tijdelijk niet bereikbaar")
        return super().send_messages(messages)
