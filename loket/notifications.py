"""The e-mails a submission causes, built from templates; stored encrypted until sent."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from .mail_files import REFERENCE_HEADER
from .models import Bericht

URGENT_PREFIX = "SPOED"


def _absolute(url: str) -> str:
    return url if url.startswith("http") else settings.SITE_URL + url


def confirmation_message(page, flow, inzending, prepared) -> Bericht:
    vervolg = flow.next_steps(page, inzending)
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
                    "artikel": (v.artikel[0], _absolute(v.artikel[1])) if v.artikel else None,
                }
                for v in vervolg
            ],
            "telefoon": "0573 289 222",
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


def staff_notification(page, inzending) -> Bericht:
    """To 't Baken: the reference and where to read it; no personal data in the mail. An urgent
    melding says so first in the subject, so it stands out in a shared mailbox."""
    admin_url = _absolute(reverse("loket_inzending", args=[inzending.pk]))
    tekst = render_to_string(
        "loket/email/notificatie.txt", {"inzending": inzending, "url": admin_url, "page": page}
    )
    onderwerp = f"Nieuwe inzending {inzending.referentie} ({page.title})"
    return Bericht(
        inzending=inzending,
        soort="notificatie",
        inhoud={
            "aan": [page.notificatie_email],
            "onderwerp": f"{URGENT_PREFIX}: {onderwerp}" if inzending.spoed else onderwerp,
            "tekst": tekst,
            "headers": {REFERENCE_HEADER: inzending.referentie},
        },
    )
