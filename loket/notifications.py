"""The e-mails a submission causes, built from templates; stored encrypted until sent."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse

from .gemeente import bel_het_loket, gemeente_van, loket_naam
from .mail_files import REFERENCE_HEADER
from .models import Bericht

URGENT_PREFIX = "SPOED"


def _absolute(page, url: str) -> str:
    """A link in a mail, full on the site of the flow page (mails are sent without a request)."""
    if url.startswith("http"):
        return url
    _, root_url, _ = page.get_url_parts()
    return root_url + url


def confirmation_message(page, flow, inzending, prepared) -> Bericht:
    vervolg = flow.next_steps(page, inzending)
    gemeente = gemeente_van(page)
    tekst = render_to_string(
        "loket/email/bevestiging.txt",
        {
            "page": page,
            "flow": flow,
            "inzending": inzending,
            "naam": prepared.ontvanger_naam,
            "vervolg": [
                {
                    "tekst": v.text,
                    "datum_label": v.datum_label,
                    "datum": v.datum,
                    "artikel": (v.artikel[0], _absolute(page, v.artikel[1])) if v.artikel else None,
                }
                for v in vervolg
            ],
            "gemeente": gemeente,
            "loket": loket_naam(gemeente),
            "bel_het_loket": bel_het_loket(gemeente),
            "urgent": inzending.spoed,
        },
    )
    return Bericht(
        inzending=inzending,
        soort="bevestiging",
        inhoud={
            "aan": [prepared.ontvanger_email],
            "onderwerp": f"Ontvangen: uw {flow.noun} ({inzending.referentie})",
            "tekst": tekst,
            "headers": {REFERENCE_HEADER: inzending.referentie},
        },
    )


def staff_notification(page, inzending) -> Bericht | None:
    """To the loket: the reference and where to read it; no personal data in the mail. An urgent
    melding says so first in the subject, so it stands out in a shared mailbox. The admin link is
    on the gemeente's own host, where its staff sign in."""
    gemeente = gemeente_van(page)
    aan = page.notificatie_email or (gemeente.email if gemeente else "")
    if not aan:
        return None  # no address to tell: staff find it in their list of submissions
    admin_url = _absolute(page, reverse("loket_inzending", args=[inzending.pk]))
    tekst = render_to_string(
        "loket/email/notificatie.txt", {"inzending": inzending, "url": admin_url, "page": page}
    )
    onderwerp = f"Nieuwe inzending {inzending.referentie} ({page.title})"
    return Bericht(
        inzending=inzending,
        soort="notificatie",
        inhoud={
            "aan": [aan],
            "onderwerp": f"{URGENT_PREFIX}: {onderwerp}" if inzending.spoed else onderwerp,
            "tekst": tekst,
            "headers": {REFERENCE_HEADER: inzending.referentie},
        },
    )
