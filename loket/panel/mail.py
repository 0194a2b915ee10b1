"""The e-mails of a gemeente's inwonerspanel, built from templates; each carries an unsubscribe
link. They name the member's gemeente and its panel, and link to that gemeente's site."""

from __future__ import annotations

from django.template.loader import render_to_string

from ..gemeente import panel_naam
from ..mail_files import REFERENCE_HEADER
from ..models import Bericht
from . import links


def _bericht(lid, email: str, soort: str, onderwerp: str, template: str, context: dict) -> Bericht:
    afmelden = links.leave_url(lid)
    gemeente = lid.gemeente
    tekst = render_to_string(
        f"loket/panel/email/{template}.txt",
        {"afmelden": afmelden, "gemeente": gemeente, "panel": panel_naam(gemeente), **context},
    )
    return Bericht(
        panellid=lid,
        soort=soort,
        inhoud={
            "aan": [email],
            "onderwerp": onderwerp,
            "tekst": tekst,
            "headers": links.unsubscribe_headers(afmelden) | {REFERENCE_HEADER: lid.referentie},
        },
    )


def confirm_signup(lid, email: str) -> Bericht:
    return _bericht(
        lid,
        email,
        "aanmelding",
        f"Bevestig uw aanmelding voor {panel_naam(lid.gemeente)}",
        "bevestigen",
        {"url": links.confirm_url(lid), "dagen": links.confirm_days()},
    )


def already_member(lid, email: str) -> Bericht:
    onderwerp = f"U bent al lid van {panel_naam(lid.gemeente)}"
    return _bericht(lid, email, "al_lid", onderwerp, "al_lid", {})


def invitation(lid, email: str, peiling, token: str) -> Bericht:
    return _bericht(
        lid,
        email,
        "uitnodiging",
        f"Uitnodiging: {peiling.title}",
        "uitnodiging",
        {"peiling": peiling, "url": links.invitation_url(peiling, token)},
    )


def results(lid, email: str, peiling, uitnodiging, uitslag, embargo_tot) -> Bericht:
    return _bericht(
        lid,
        email,
        "resultaten",
        f"De resultaten van {peiling.title}",
        "resultaten",
        {
            "peiling": peiling,
            "uitslag": uitslag,
            "url": links.results_url(peiling, uitnodiging),
            "embargo_tot": embargo_tot,
        },
    )
