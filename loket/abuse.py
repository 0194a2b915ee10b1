"""Protection against bots and floods: honeypot, minimum fill time and a per-address rate limit.

CSRF is Django's own middleware. Refusals store nothing and say in Dutch what to do.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited

HONEYPOT_FIELD = "website"


def _refuse(request, titel: str, tekst: str, status: int):
    return TemplateResponse(request, "loket/geweigerd.html", {"titel": titel, "tekst": tekst}, status=status)


def rate_limited(request, group: str):
    """A 429 response when this address posted too often, else None."""
    rate = settings.LOKET_RATE_LIMITS.get(group)
    if not rate:
        return None
    if is_ratelimited(request, group=f"loket-{group}", key="ip", rate=rate, method="POST", increment=True):
        return _refuse(
            request,
            "Te veel pogingen",
            "Vanaf uw internetadres zijn in korte tijd te veel formulieren verstuurd. "
            "Probeer het over een uur opnieuw, of bel 't Baken op 0573 289 222.",
            429,
        )
    return None


def check_submission(request, state):
    """None when the final POST may be stored; otherwise the refusal to show."""
    limited = rate_limited(request, "versturen")
    if limited:
        return limited
    if request.POST.get(HONEYPOT_FIELD):
        return _refuse(
            request,
            "Formulier niet verstuurd",
            "Het formulier bevat een veld dat leeg hoort te blijven. Uw gegevens zijn niet verstuurd.",
            400,
        )
    if time.time() - state.started < settings.LOKET_MIN_FILL_SECONDS:
        return _refuse(
            request,
            "Formulier niet verstuurd",
            "Het formulier is sneller ingevuld dan een mens kan. "
            "Controleer uw antwoorden en verstuur opnieuw.",
            400,
        )
    return None
