"""What a flow is: its declaration, its question steps, how answers read in the summary, and what
it stores.

A flow is a plain class that declares, once, everything the rest of the loket needs to know
about it: its slug, the label editors pick, the heading inwoners read, its reference prefix,
the statuses staff may give its submissions and what a completed flow is stored as. Models take
their choices from these declarations (loket/flows/__init__.py), so this package imports no
model and touches no loket table; reading the law goes through loket/legislation.py.

The engine (loket/engine/) runs any flow the same way: one question group per step, validation
on the server, a summary with "wijzig" links, consent, then the intake (loket/intake.py) stores
it according to `Flow.stores`.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from .. import legislation
from ..choices import Status
from .fields import GemeenteForm, in_gemeente

# What a completed flow becomes (Flow.stores); loket/intake.py has the code for each.
INZENDING = "inzending"  # a submission, through loket/pipeline.py
PANELLID = "panellid"  # a member of the inwonerspanel, through loket/panel/membership.py

# How long a submission is kept when its flow page does not say (the page's default, and the
# period for submissions whose page was deleted).
DEFAULT_BEWAARTERMIJN_DAGEN = 730

# Unambiguous characters for reference numbers read out over the phone (no 0/O, 1/I).
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass(frozen=True)
class Step:
    slug: str
    title: str
    form_class: type[forms.Form]
    # Whether this step applies, given the cleaned answers of the steps before it.
    applies: Callable[[dict], bool] | None = None
    intro: str = ""  # may name the gemeente as {gemeente}

    def form(self, gemeente, **kwargs) -> forms.Form:
        """The step's form as this gemeente's page asks it (its name, its kernen)."""
        form = self.form_class(**kwargs)
        return form.voor_gemeente(gemeente) if isinstance(form, GemeenteForm) else form

    def intro_voor(self, gemeente) -> str:
        return in_gemeente(self.intro, gemeente)


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
    # Keyed hashes that each recognise the same person: a submission that shares any of them with
    # one of this year's submissions of the flow is a second one (loket/pipeline.py refuses it).
    sleutels_per_jaar: tuple[str, ...] = ()
    ontvanger_email: str = ""
    ontvanger_naam: str = ""


class Ineligible(Exception):
    """The answers show the inwoner cannot use this flow; the message says why, kindly.

    `link` points to the rule in the verordening; `grondslag` (rich text an editor wrote on the
    flow page) names the basis of a rule the verordening does not state, such as a minimum age.
    """

    def __init__(self, message: str, link: tuple[str, str] | None = None, grondslag: str = ""):
        super().__init__(message)
        self.message = message
        self.link = link
        self.grondslag = grondslag


class Flow:
    # -- the declaration ---------------------------------------------------------------------
    slug = ""  # stored in FlowPage.flow and Inzending.flow
    label = ""  # the choice editors pick for a formulierpagina
    title = ""  # the heading inwoners read
    noun = ""  # as in "uw melding is verstuurd"
    reference_prefix = "LKT"  # as in MLD-2026-7KQ2XP
    stores = INZENDING
    # The statuses staff may give a submission of this flow, in the order they follow.
    statuses: tuple[Status, ...] = ()
    steps: list[Step] = []

    duration = "ongeveer tien minuten"
    confirmation_template = "loket/bevestiging.html"
    consent_label = (
        "Ik verklaar dat ik alles naar waarheid heb ingevuld en geef toestemming om deze gegevens "
        "te gebruiken voor de behandeling van mijn verzoek."
    )
    privacy_template = "loket/includes/privacy_inzending.html"
    bewaartermijn_dagen = DEFAULT_BEWAARTERMIJN_DAGEN

    # -- what the start page tells before anyone begins (loket/includes/wat_u_nodig_heeft.html) ---
    needs: tuple[str, ...] = ()  # what to have at hand, so no one stops halfway to look it up
    answer_time = ""  # when the inwoner hears back

    def outcome(self, page) -> str:
        """What the inwoner gets, in one sentence; "" when the flow has nothing to promise."""
        return ""

    def consent(self, page) -> str:
        """The consent the last step asks, as the page's gemeente words it."""
        return self.consent_label

    # -- the questions -------------------------------------------------------------------------

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

    # -- what is stored, and what the inwoner is told afterwards -------------------------------

    def prepare(self, page, cleaned: dict[str, dict]) -> Prepared:
        raise NotImplementedError

    def next_steps(self, page, inzending) -> list[NextStep]:
        raise NotImplementedError

    def urgent_submission(self, inzending) -> bool:
        return False

    def duplicate_message(self, page) -> str:
        return "Deze aanvraag is al eerder gedaan."

    def stored_yearly_keys(self, gegevens: dict) -> tuple[str, ...]:
        """The keys of `Prepared.sleutels_per_jaar` computed again from stored answers (after a
        new LOKET_INDEX_KEY or a change in how names are normalised); () for a flow without."""
        return ()

    @classmethod
    def new_reference(cls) -> str:
        """A fresh reference number; whoever stores it makes sure it is not taken yet."""
        code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        return f"{cls.reference_prefix}-{timezone.localdate().year}-{code}"

    def artikel_link(self, page, nummer: str, peildatum: date) -> tuple[str, str] | None:
        """(label, url) of an article of the regeling the flow page cites, as it read on
        `peildatum`: its own number and title in the version in force that day; None when that
        version lacks it or the page cites no regeling."""
        return legislation.artikel_link(page.regeling(), nummer, peildatum)

    def begrip(self, page, term: str, day: date | None = None):
        """The definition of `term` in the version of the page's regeling in force on `day` (today)."""
        return legislation.begrip(page.regeling(), term, day)


def jsonable(data: dict) -> dict:
    """Cleaned answers as they are stored: dates as ISO text."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in data.items()}


def display_value(bound_field, value) -> str:
    """An answer as the summary shows it: choice labels, dates as 1 januari 2026, ja/nee."""
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
