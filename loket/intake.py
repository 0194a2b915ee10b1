"""The database side of a flow: what the engine stores on consent, finds again for a replayed
POST, and shows on the start and confirmation pages.

A flow declares what it stores (Flow.stores); the flow itself stays free of models, so the
models can take their choices from it. Most flows store a submission (Inzending) through the
pipeline; the sign-up for the inwonerspanel stores a member.
"""

from __future__ import annotations

from . import pipeline
from .flows.base import INZENDING, PANELLID
from .models import Inzending, Panellid, PeilingPage
from .panel import links, membership

# The longest token the models store (Inzending.token, Panellid.aanmeldtoken).
MAX_TOKEN_LENGTH = 64


def could_be_token(token: str) -> bool:
    """Whether a posted token may be one the loket made (letters and digits): anything else
    names no submission. A NUL in it would even be refused by PostgreSQL, where SQLite finds
    nothing; so it never reaches a query."""
    return 0 < len(token) <= MAX_TOKEN_LENGTH and token.isascii() and token.isalnum()


class InzendingIntake:
    """A submission that staff handle, stored exactly once by loket/pipeline.py."""

    def start_context(self, page) -> dict:
        return {}

    def submit(self, page, flow, cleaned: dict[str, dict], token: str) -> str:
        """Store the answers exactly once; returns the reference the confirmation shows."""
        return pipeline.submit(page, flow, cleaned, token=token).referentie

    def reference_for_token(self, page, token: str) -> str | None:
        """The reference of what this token already submitted (a replayed final POST)."""
        if not could_be_token(token):
            return None
        return Inzending.objects.filter(token=token, pagina=page).values_list("referentie", flat=True).first()

    def confirmation_context(self, page, flow, referentie: str) -> dict | None:
        inzending = Inzending.objects.filter(referentie=referentie, pagina=page).first()
        if inzending is None:
            return None
        return {
            "inzending": inzending,
            "vervolg": flow.next_steps(page, inzending),
            "urgent": flow.urgent_submission(inzending),
        }


class PanelSignupIntake:
    """A member of the page's gemeente's inwonerspanel, by loket/panel/membership.py (double opt-in)."""

    def start_context(self, page) -> dict:
        return {"peilingen": PeilingPage.objects.live().child_of(page).order_by("-open_vanaf")}

    def submit(self, page, flow, cleaned: dict[str, dict], token: str) -> str:
        over_u = cleaned["over-u"]
        return membership.sign_up(
            gemeente=page.gemeente(),
            email=cleaned["email"]["email"],
            leeftijdsgroep=over_u["leeftijdsgroep"],
            kern=over_u["kern"],
            relaties=list(over_u["relaties"]),
            token=token,
        )

    def reference_for_token(self, page, token: str) -> str | None:
        if not could_be_token(token):
            return None
        return Panellid.objects.filter(aanmeldtoken=token).values_list("referentie", flat=True).first()

    def confirmation_context(self, page, flow, referentie: str) -> dict:
        # The same page whether the address was new or known: nobody learns who is a member.
        return {"dagen": links.confirm_days()}


INTAKES = {INZENDING: InzendingIntake(), PANELLID: PanelSignupIntake()}


def intake_for(flow) -> InzendingIntake | PanelSignupIntake:
    return INTAKES[flow.stores]
