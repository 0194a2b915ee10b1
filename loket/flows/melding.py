"""The melding: making a support question known to the gemeente (hoofdstuk 2 of the verordening).

No BSN: a public form without DigiD must not ask for it.
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from ..choices import Status
from ..gemeente import loket_naam
from . import fields as f
from .base import Flow, NextStep, Prepared, Step, jsonable

ONDERWERPEN = [
    ("wonen", "Wonen en huishouden"),
    ("vervoer", "Vervoer"),
    ("dagbesteding", "Dagbesteding en begeleiding"),
    ("opgroeien", "Opgroeien en opvoeden"),
    ("werk_inkomen", "Werk en inkomen"),
    ("schulden", "Schulden"),
    ("mantelzorg", "Mantelzorg"),
    ("anders", "Anders"),
]
RELATIES = [
    ("partner", "Partner"),
    ("ouder", "Ouder of verzorger"),
    ("kind", "Kind"),
    ("familie", "Ander familielid"),
    ("bekende", "Vriend, buur of kennis"),
    ("hulpverlener", "Hulpverlener"),
    ("anders", "Anders"),
]
# Terms from article 2.2 of the Verordening Sociaal Domein: the investigation usually takes
# at most six weeks after the melding; a Wmo aanvraag is decided within two weeks.
ONDERZOEK = timedelta(weeks=6)
BESLISSING_WMO = timedelta(weeks=2)
ARTIKEL_MELDING = "2.2"
ARTIKEL_CLIENTONDERSTEUNING = "10.8"


class VoorWieForm(forms.Form):
    voor_wie = f.choice(
        "Voor wie doet u de melding?",
        [("zelf", "Voor mijzelf"), ("ander", "Voor iemand anders")],
    )


class MelderForm(forms.Form):
    naam_melder = f.text("Uw naam", autocomplete="name")
    relatie = f.choice("Wat is uw relatie tot deze persoon?", RELATIES)
    gemachtigd = f.choice(
        "Mag u namens deze persoon handelen?",
        [
            ("ja", "Ja, ik ben gemachtigd of wettelijk vertegenwoordiger"),
            ("nee", "Nee"),
            ("weet_niet", "Weet ik niet"),
        ],
        help_text="Bijvoorbeeld als curator, mentor, bewindvoerder of met een schriftelijke machtiging.",
    )


class PersoonForm(forms.Form):
    naam = f.text(
        "Naam", help_text="Voornaam en achternaam van de persoon om wie het gaat.", autocomplete="name"
    )
    geboortedatum = f.BirthDateField()
    straat = f.text("Straat", autocomplete="address-line1")
    huisnummer = f.text("Huisnummer", max_length=10, help_text="Met toevoeging, bijvoorbeeld 12a.")
    postcode = f.postcode()
    woonplaats = f.text("Woonplaats", max_length=60, autocomplete="address-level2")

    def clean_postcode(self):
        return f.normalize_postcode(self.cleaned_data["postcode"])


class ContactForm(forms.Form):
    telefoon = f.telefoon()
    email = forms.EmailField(
        label="E-mailadres",
        required=False,
        max_length=254,
        help_text="Hierop krijgt u de bevestiging van uw melding.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl."},
    )
    voorkeur = f.choice(
        "Hoe wilt u het liefst benaderd worden?", [("telefoon", "Telefonisch"), ("email", "Per e-mail")]
    )

    def clean(self):
        data = super().clean()
        if not data.get("telefoon") and not data.get("email") and "telefoon" not in self.errors:
            self.add_error(
                "telefoon", "Vul een telefoonnummer of een e-mailadres in, zodat we u kunnen bereiken."
            )
        if data.get("voorkeur") == "email" and not data.get("email") and "email" not in self.errors:
            self.add_error("email", "U kiest voor e-mail: vul dan ook uw e-mailadres in.")
        if data.get("voorkeur") == "telefoon" and not data.get("telefoon") and "telefoon" not in self.errors:
            self.add_error("telefoon", "U kiest voor telefonisch contact: vul dan ook uw telefoonnummer in.")
        return data


class SpoedForm(forms.Form):
    spoed = f.choice(
        "Is de situatie zo ernstig dat hulp niet kan wachten?",
        [("ja", "Ja, het is dringend"), ("nee", "Nee")],
        help_text="Bij direct gevaar belt u altijd eerst 112.",
    )


class VraagForm(forms.Form):
    onderwerpen = forms.MultipleChoiceField(
        label="Waar gaat uw vraag over?",
        choices=ONDERWERPEN,
        widget=forms.CheckboxSelectMultiple,
        help_text="Kies alles wat past.",
        error_messages={"required": "Kies minstens één onderwerp.", "invalid_choice": "Kies uit de lijst."},
    )
    vraag = f.long_text(
        "Uw vraag in eigen woorden",
        help_text="Wat lukt niet meer, en wat wilt u bereiken? Maximaal 2000 tekens.",
    )


class HulpForm(forms.Form):
    wie_helpt = f.long_text(
        "Wie helpt nu al?",
        max_length=1000,
        required=False,
        help_text="Bijvoorbeeld familie, buren, vrijwilligers of een zorgaanbieder. Niemand? Laat het leeg.",
    )


class OndersteuningForm(forms.Form):
    clientondersteuning = f.choice(
        "Wilt u gratis hulp van een onafhankelijke cliëntondersteuner?",
        [("ja", "Ja, graag"), ("nee", "Nee"), ("weet_niet", "Weet ik nog niet")],
        help_text=(
            "Een cliëntondersteuner denkt met u mee, staat naast u in het gesprek met de gemeente en "
            "werkt niet voor de gemeente. Dit is gratis."
        ),
    )
    persoonlijk_plan = f.choice(
        "Wilt u zelf een persoonlijk plan maken?",
        [("ja", "Ja"), ("nee", "Nee")],
        help_text=(
            "In een persoonlijk plan beschrijft u uw situatie en welke ondersteuning u nodig vindt. "
            "U kunt het binnen zeven dagen na uw melding aan de gemeente geven; de consulent neemt het mee."
        ),
    )


def _is_for_someone_else(answers) -> bool:
    return answers.get("voor_wie") == "ander"


class MeldingFlow(Flow):
    slug = "melding"
    label = "Melding: ondersteuning vragen"
    title = "Melding: ondersteuning vragen"
    noun = "melding"
    reference_prefix = "MLD"
    statuses = (Status.ONTVANGEN, Status.IN_BEHANDELING, Status.AFGEHANDELD)
    steps = [
        Step("voor-wie", "Voor wie", VoorWieForm),
        Step("melder", "Over u als melder", MelderForm, applies=_is_for_someone_else),
        Step("persoon", "Om wie gaat het", PersoonForm),
        Step("contact", "Contactgegevens", ContactForm),
        Step("spoed", "Is het dringend", SpoedForm),
        Step("vraag", "Uw vraag", VraagForm),
        Step("hulp", "Hulp die er nu is", HulpForm),
        Step("ondersteuning", "Cliëntondersteuning en persoonlijk plan", OndersteuningForm),
    ]
    needs = (
        "De naam, het adres en de geboortedatum van de persoon om wie het gaat (uzelf of iemand anders).",
        "Een telefoonnummer of e-mailadres waarop we u kunnen bereiken.",
        "Uw vraag in eigen woorden: wat lukt niet meer, en wie helpt nu al?",
    )
    answer_time = (
        "Een consulent neemt zo snel mogelijk contact met u op. Het onderzoek naar uw vraag is meestal "
        "binnen zes weken klaar."
    )

    def outcome(self, page) -> str:
        return "Een gesprek met een consulent over uw vraag, meestal bij u thuis."

    def urgent(self, raw_answers) -> bool:
        return raw_answers.get("spoed", {}).get("spoed") == ["ja"]

    def urgent_submission(self, inzending) -> bool:
        return inzending.gegevens.get("spoed", {}).get("spoed") == "ja"

    def prepare(self, page, cleaned) -> Prepared:
        gegevens = {slug: jsonable(data) for slug, data in cleaned.items()}
        contact = cleaned.get("contact", {})
        return Prepared(
            gegevens=gegevens,
            onderwerpen=list(cleaned.get("vraag", {}).get("onderwerpen", [])),
            ontvanger_email=contact.get("email") or "",
            ontvanger_naam=cleaned.get("melder", {}).get("naam_melder") or cleaned["persoon"]["naam"],
        )

    def next_steps(self, page, inzending) -> list[NextStep]:
        gemeld = timezone.localdate(inzending.ingediend_op)
        artikel = self.artikel_link(page, ARTIKEL_MELDING, gemeld)
        loket = loket_naam(page.gemeente())
        steps = [
            NextStep(
                f"Een consulent van {loket} neemt zo snel mogelijk contact met u op voor een gesprek, "
                "meestal bij u thuis, soms telefonisch of op het gemeentehuis.",
                artikel=artikel,
            ),
            NextStep(
                "Het onderzoek naar uw vraag is meestal binnen zes weken klaar. Duurt het langer, dan "
                "hoort u op tijd waarom.",
                datum=gemeld + ONDERZOEK,
                datum_label="meestal klaar op",
                artikel=artikel,
            ),
            NextStep(
                "Na het onderzoek, of vanaf zes weken na uw melding, kunt u een aanvraag doen. Over een "
                "aanvraag voor de Wmo beslist de gemeente binnen twee weken na ontvangst. Doet u de aanvraag "
                "zodra dat kan, dan hebt u uiterlijk op deze datum een besluit.",
                datum=gemeld + ONDERZOEK + BESLISSING_WMO,
                datum_label="besluit uiterlijk op",
                artikel=artikel,
            ),
        ]
        if inzending.gegevens.get("ondersteuning", {}).get("clientondersteuning") == "ja":
            steps.append(
                NextStep(
                    f"U hebt om een onafhankelijke cliëntondersteuner gevraagd: {loket} brengt u met hem of "
                    "haar in contact.",
                    artikel=self.artikel_link(page, ARTIKEL_CLIENTONDERSTEUNING, gemeld),
                )
            )
        return steps
