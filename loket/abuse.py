"""Protection against bots and floods: honeypot, minimum fill time and a per-address rate limit.

CSRF is Django's own middleware. Refusals store nothing and say in Dutch what to do. The flow
engine checks the form first and these after it, so a person's own mistakes are never hidden
behind a bot check; a flow sent too fast comes back on the same step with its answers kept.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.template.response import TemplateResponse
from django_ratelimit.core import is_ratelimited

from regelgeving.gemeenten import gemeente_van_request

from .gemeente import bel_het_loket

HONEYPOT_FIELD = "website"
TOO_FAST_MESSAGE = (
    "Het formulier is sneller ingevuld dan een mens kan. Controleer uw antwoorden en verstuur opnieuw."
)


def _refuse(request, titel: str, tekst: str, status: int, terug: str = ""):
    context = {"titel": titel, "tekst": tekst, "terug": terug}
    return TemplateResponse(request, "loket/geweigerd.html", context, status=status)


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
            f"Probeer het over een uur opnieuw, of {bel_het_loket(gemeente_van_request(request))}.",
            429,
        )
    return None


def honeypot_filled(request) -> bool:
    """The field no person sees (hidden off screen, out of the tab order) has a value: a bot."""
    return bool(request.POST.get(HONEYPOT_FIELD))


def honeypot_refusal(request, terug: str):
    """A 400 that stores nothing, with a way back to the answers (a person's autofill, say)."""
    return _refuse(
        request,
        "Formulier niet verstuurd",
        "Het formulier bevat een veld dat leeg hoort te blijven. Uw gegevens zijn niet verstuurd.",
        400,
        terug=terug,
    )


def too_fast(state) -> bool:
    """Whether the flow was sent sooner after its first answer than a person can fill it in."""
    return time.time() - state.started < settings.LOKET_MIN_FILL_SECONDS
