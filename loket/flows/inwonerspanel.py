"""Sign-up for the gemeente's citizen panel (the inwonerspanel): open from 16 years to people
who live, work or run a business in the gemeente. Stores a pseudonymous member and, apart
from it, the encrypted e-mail address; the member confirms through a link (double opt-in).
Storing is membership's work (loket/panel/membership.py, through loket/intake.py).

The verordening may describe the panel but state no minimum age: the age is the panel's own rule, so
a refusal for it cites the basis an editor wrote on the flow page (FlowPage.grondslag), never
the article."""

from __future__ import annotations

from django import forms

from ..choices import LEEFTIJDSGROEPEN, RELATIES
from ..gemeente import panel_naam
from . import fields as f
from .base import PANELLID, Flow, Ineligible, Step

JONGER = "jonger"


class EmailForm(forms.Form):
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        help_text="Hierop krijgt u de uitnodigingen en de resultaten. We gebruiken het voor niets anders.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vul uw e-mailadres in.",
            "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        },
    )


class OverUForm(f.GemeenteForm):
    kern_velden = ("kern",)

    leeftijdsgroep = f.choice(
        "Hoe oud bent u?",
        [(JONGER, "Jonger dan 16 jaar")] + LEEFTIJDSGROEPEN,
        help_text="Zo zien we of alle leeftijden in het panel meedoen.",
    )
    kern = f.choice("Waar in de gemeente woont of werkt u?", [])
    relaties = forms.MultipleChoiceField(
        label="Wat is uw band met {gemeente}?",
        help_text="Kies alles wat past.",
        choices=RELATIES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Kies minstens één band met {gemeente}."},
    )


class InwonerspanelFlow(Flow):
    slug = "inwonerspanel"
    label = "Inwonerspanel: aanmelden"
    title = "Aanmelden voor het inwonerspanel"
    noun = "aanmelding"
    reference_prefix = "LSP"
    stores = PANELLID  # a member, not a submission: staff give it no status
    steps = [
        Step("email", "Uw e-mailadres", EmailForm),
        Step("over-u", "Over u", OverUForm),
    ]
    consent_label = (
        "Ik wil meedoen aan {panel}. De gemeente mag mijn e-mailadres gebruiken om mij "
        "uitnodigingen voor peilingen en de resultaten te sturen."
    )
    privacy_template = "loket/panel/privacy.html"
    duration = "twee minuten"
    needs = ("Een e-mailadres waarop u de uitnodigingen wilt krijgen.",)
    answer_time = "U krijgt meteen een e-mail met een link om uw aanmelding te bevestigen."

    def consent(self, page) -> str:
        return self.consent_label.replace("{panel}", panel_naam(page.gemeente()))

    def outcome(self, page) -> str:
        return (
            "Hoogstens vier keer per jaar een uitnodiging voor een korte peiling, en de resultaten "
            "als eerste."
        )
    confirmation_template = "loket/panel/aangemeld.html"

    def check(self, page, cleaned):
        if cleaned.get("over-u", {}).get("leeftijdsgroep") == JONGER:
            gemeente = page.gemeente()
            raise Ineligible(
                f"{f.hoofdletter(panel_naam(gemeente))} is er voor iedereen van 16 jaar en ouder die in "
                f"{f.de_gemeente(gemeente)} woont, werkt of een bedrijf heeft. Bent u jonger? Dan kunt u "
                "nog geen lid worden.",
                grondslag=page.grondslag,
            )
