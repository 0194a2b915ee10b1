"""What a flow is: its question steps, how answers read in the summary, and what is stored.

A flow is a plain class; the engine (engine.py) runs any flow the same way: one question
group per step, validation on the server, a summary with "wijzig" links, consent, then the
submission pipeline (pipeline.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[forms.Form]
    # Whether this step applies, given the cleaned answers of the steps before it.
    applies: Callable[[dict], bool] | None = None
    intro: str = ""


@dataclass
class NextStep:
    """One line of "what happens next" on the confirmation page and in the e-mail."""

    text: str
    datum: date | None = None
    datum_label: str = ""
    artikel: tuple[str, str] | None = None  # (label, url)


@dataclass
class Prepared:
    """What a flow stores for a submission and whom it writes to."""

    gegevens: dict
    onderwerpen: list[str] = field(default_factory=list)
    uniek_per_jaar: str | None = None
    ontvanger_email: str = ""
    ontvanger_naam: str = ""


class Ineligible(Exception):
    """The answers show the inwoner cannot use this flow; the message says why, kindly."""

    def __init__(self, message: str, link: tuple[str, str] | None = None):
        super().__init__(message)
        self.message = message
        self.link = link


class Flow:
    slug = ""
    title = ""
    noun = ""  # as in "uw melding is verstuurd"
    steps: list[Step] = []
    regeling_slug = "verordening-sociaal-domein"

    duration = "ongeveer tien minuten"

    def start_context(self, page) -> dict:
        """Extra context for the flow's start page."""
        return {}

    def applicable_steps(self, cleaned: dict[str, dict]) -> list[Step]:
        """Steps that apply to these answers, in order (a later step may depend on earlier ones)."""
        answers: dict = {}
        steps = []
        for step in self.steps:
            if step.applies is None or step.applies(answers):
                steps.append(step)
                answers.update(cleaned.get(step.slug, {}))
        return steps

    def urgent(self, raw_answers: dict) -> bool:
        """Whether the answers so far call for the crisis numbers on every following page."""
        return False

    def check(self, page, cleaned: dict[str, dict]) -> None:
        """Raise Ineligible when the answers so far rule this flow out."""

    def closed_message(self, page, today: date) -> str:
        """Why the flow cannot be started today, or "" when it can."""
        return ""

    def prepare(self, page, cleaned: dict[str, dict]) -> Prepared:
        raise NotImplementedError

    def next_steps(self, page, inzending) -> list[NextStep]:
        raise NotImplementedError

    # -- submission: by default an Inzending through loket/pipeline.py ----------------------

    confirmation_template = "loket/bevestiging.html"
    consent_label = (
        "Ik verklaar dat ik alles naar waarheid heb ingevuld en geef toestemming om deze gegevens "
        "te gebruiken voor de behandeling van mijn verzoek."
    )
    privacy_template = "loket/includes/privacy_inzending.html"

    def submit(self, page, cleaned: dict[str, dict], token: str) -> str:
        """Store the answers exactly once; returns the reference the confirmation shows."""
        from ..pipeline import submit

        return submit(page, self, cleaned, token=token).referentie

    def reference_for_token(self, page, token: str) -> str | None:
        """The reference of what this token already submitted (a replayed final POST)."""
        from ..models import Inzending

        return Inzending.objects.filter(token=token, pagina=page).values_list("referentie", flat=True).first()

    def confirmation_context(self, page, referentie: str) -> dict | None:
        from ..models import Inzending

        inzending = Inzending.objects.filter(referentie=referentie, pagina=page).first()
        if inzending is None:
            return None
        return {
            "inzending": inzending,
            "vervolg": self.next_steps(page, inzending),
            "urgent": self.urgent_submission(inzending),
        }

    def urgent_submission(self, inzending) -> bool:
        return False

    def duplicate_message(self, page) -> str:
        return "Deze aanvraag is al eerder gedaan."

    def artikel_link(self, nummer: str, peildatum: date) -> tuple[str, str] | None:
        """(label, url) of an article as it read on `peildatum`: the rules that applied."""
        from regelgeving.models import RegelingPage

        regeling = RegelingPage.objects.live().filter(slug=self.regeling_slug).first()
        if regeling is None:
            return None
        return f"Artikel {nummer}", f"{regeling.artikel_url(nummer)}?peildatum={peildatum.isoformat()}"


def display_value(bound_field, value) -> str:
    """An answer as the summary shows it: choice labels, dates as 1 januari 2026, ja/nee."""
    from django.utils.formats import date_format

    form_field = bound_field.field
    if value in (None, "", []):
        return "Niet ingevuld"
    if isinstance(value, bool):
        return "Ja" if value else "Nee"
    if isinstance(value, date):
        return date_format(value, "j F Y")
    choices = dict(getattr(form_field, "choices", []) or [])
    if isinstance(value, (list, tuple)):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if choices:
        return str(choices.get(value, value))
    return str(value)
