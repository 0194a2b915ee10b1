"""The yearly mantelzorgcompliment (hoofdstuk 5 of the verordening), one per mantelzorger a year.

Eligibility follows the verordening's begrip *mantelzorger*: unpaid, not as a profession, at
least 8 hours a week, for longer than 3 months, for someone who lives in the gemeente.

A mantelzorger is recognised by either of two keyed hashes (`yearly_keys`): the name with the
birth date, or the birth date with the address (postcode and house number), so a name spelled
another way ("P. Mantel", "Piet Mantel") does not make another person. The bank account plays no
part: two carers who share one are two people.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

from ..choices import Status
from ..crypto import blind_index
from ..gemeente import bel_het_loket, hoofdletter, loket_naam
from . import fields as f
from .base import Flow, Ineligible, NextStep, Prepared, Step, jsonable
from .melding import RELATIES

ARTIKEL_COMPLIMENT = "5.2.1"
BEGRIP_MANTELZORGER = "Mantelzorger"
BESLISTERMIJN = timedelta(weeks=8)  # article 2.2: decisions within 8 weeks

ELIGIBILITY = [
    ("onbetaald", "ja", "U krijgt voor de zorg geen geld, ook niet uit een persoonsgebonden budget."),
    ("beroepsmatig", "nee", "U geeft de zorg niet als beroep of via uw werk of opleiding."),
    ("acht_uur", "ja", "U zorgt minstens 8 uur per week."),
    ("drie_maanden", "ja", "U zorgt al langer dan 3 maanden, of dat gaat zo zijn."),
    ("woont_in_gemeente", "ja", "De persoon voor wie u zorgt woont in {gemeente}."),
]


# A Dutch house number: the number, then a huisletter and/or toevoeging ("12", "12a", "12-A", "12 bis").
HUISNUMMER = re.compile(r"0*(?P<nummer>\d+)(?P<toevoeging>.*)")
SCHEIDING = re.compile(r"[\s\-./]+")


def address_key_parts(postcode: str, huisnummer: str) -> tuple[str, str, str]:
    """(postcode, number, addition) written one way: "7241 ab" = "7241AB"; "12" = " 12 " = "012";
    "12a" = "12 A" = "12-A", but "12a" is not "12" and "12-1" is not "121"."""
    postcode = re.sub(r"\s+", "", postcode).upper()
    huisnummer = huisnummer.strip()
    match = HUISNUMMER.fullmatch(huisnummer)
    if match is None:
        return postcode, "", SCHEIDING.sub("", huisnummer).upper()
    return postcode, match["nummer"], SCHEIDING.sub("", match["toevoeging"]).upper()


def euro(bedrag) -> str:
    """An amount as Dutch readers write it: € 150,00."""
    return f"€ {bedrag:.2f}".replace(".", ",")


def yearly_keys(mantelzorger: dict) -> tuple[str, ...]:
    """The keys that recognise this mantelzorger within a year, from the answers of the step
    "Uw gegevens" (as cleaned, or as stored with the birth date as ISO text).

    The first is the key submissions have always been stored under (name and birth date); the
    second adds the same birth date at the same address whatever the spelling of the name.
    """
    geboortedatum = mantelzorger["geboortedatum"]
    if isinstance(geboortedatum, date):
        geboortedatum = geboortedatum.isoformat()
    naam = " ".join(mantelzorger["naam"].split())
    adres = address_key_parts(mantelzorger["postcode"], mantelzorger["huisnummer"])
    return (
        blind_index(naam, geboortedatum),
        blind_index("mantelzorger-adres", geboortedatum, *adres),
    )


class GeschiktheidForm(f.GemeenteForm):
    onbetaald = f.choice("Geeft u de zorg zonder dat u ervoor betaald wordt?", f.JA_NEE)
    beroepsmatig = f.choice("Geeft u deze zorg als beroep, of via uw werk of opleiding?", f.JA_NEE)
    acht_uur = f.choice("Zorgt u gemiddeld minstens 8 uur per week?", f.JA_NEE)
    drie_maanden = f.choice("Zorgt u al langer dan 3 maanden (of gaat dat zo lang duren)?", f.JA_NEE)
    woont_in_gemeente = f.choice("Woont de persoon voor wie u zorgt in {gemeente}?", f.JA_NEE)


class MantelzorgerForm(forms.Form):
    naam = f.text("Uw naam", help_text="Voornaam en achternaam.", autocomplete="name")
    geboortedatum = f.BirthDateField("Uw geboortedatum")
    straat = f.text("Straat", autocomplete="address-line1")
    huisnummer = f.text("Huisnummer", max_length=10)
    postcode = f.postcode()
    woonplaats = f.text("Woonplaats", max_length=60, autocomplete="address-level2")
    email = forms.EmailField(
        label="E-mailadres",
        max_length=254,
        help_text="Hierop krijgt u de bevestiging.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": "Vul uw e-mailadres in.",
            "invalid": "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
        },
    )
    iban = f.IbanField()
    tenaamstelling = f.text("Naam van de rekeninghouder", help_text="Zoals die bij de bank bekend is.")

    def clean_postcode(self):
        return f.normalize_postcode(self.cleaned_data["postcode"])


class VerzorgdeForm(f.GemeenteForm):
    naam = f.text("Naam van de persoon voor wie u zorgt")
    straat = f.text("Straat")
    huisnummer = f.text("Huisnummer", max_length=10)
    postcode = f.postcode()
    woonplaats = f.text("Woonplaats", max_length=60, help_text="Een kern of het buitengebied van {gemeente}.")
    relatie = f.choice("Wat is deze persoon van u?", RELATIES[:5] + [("anders", "Anders")])
    zorg = f.long_text(
        "Welke zorg geeft u?",
        max_length=1000,
        help_text="Bijvoorbeeld boodschappen, medicijnen klaarzetten, begeleiden naar de dokter.",
    )

    def clean_postcode(self):
        return f.normalize_postcode(self.cleaned_data["postcode"])


# What "hierboven beschreven" in the declaration refers to: shown above it on the step.
VERKLARING_INTRO = (
    "U bent mantelzorger als u zonder betaling en niet als beroep zorgt voor iemand die in {gemeente} "
    "woont, gemiddeld minstens 8 uur per week en langer dan 3 maanden."
)


class VerklaringForm(forms.Form):
    verklaring = forms.BooleanField(
        label=(
            "Ik verklaar dat ik mantelzorger ben zoals hierboven beschreven en dat ik dit kalenderjaar "
            "nog geen mantelzorgcompliment heb aangevraagd."
        ),
        error_messages={"required": "Bevestig de verklaring om verder te gaan."},
    )


class MantelzorgcomplimentFlow(Flow):
    slug = "mantelzorgcompliment"
    label = "Mantelzorgcompliment"
    title = "Mantelzorgcompliment aanvragen"
    noun = "aanvraag voor het mantelzorgcompliment"
    reference_prefix = "MZC"
    statuses = (
        Status.ONTVANGEN,
        Status.IN_BEHANDELING,
        Status.TOEGEKEND,
        Status.AFGEWEZEN,
        Status.UITBETAALD,
    )
    steps = [
        Step("geschiktheid", "Bent u mantelzorger?", GeschiktheidForm),
        Step("mantelzorger", "Uw gegevens", MantelzorgerForm),
        Step("verzorgde", "Voor wie u zorgt", VerzorgdeForm),
        Step("verklaring", "Verklaring", VerklaringForm, intro=VERKLARING_INTRO),
    ]
    needs = (
        "Uw IBAN (bankrekeningnummer) en de naam van de rekeninghouder.",
        "De naam en het adres (straat, huisnummer, postcode, woonplaats) van de persoon voor wie u zorgt.",
        "Uw eigen geboortedatum, adres en e-mailadres.",
    )
    answer_time = "U hoort binnen acht weken per e-mail of u het compliment krijgt."

    def outcome(self, page) -> str:
        if page.bedrag is None:
            return "Een mantelzorgcompliment, eenmaal per kalenderjaar."
        bedrag = euro(page.bedrag)
        return f"Een mantelzorgcompliment van {bedrag}, eenmaal per kalenderjaar, op uw bankrekening."

    def check(self, page, cleaned) -> None:
        answers = cleaned.get("geschiktheid")
        if not answers:
            return
        gemeente = page.gemeente()
        missing = [
            f.in_gemeente(reason, gemeente)
            for name, wanted, reason in ELIGIBILITY
            if answers.get(name) != wanted
        ]
        if missing:
            raise Ineligible(
                "Het mantelzorgcompliment is voor mantelzorgers zoals de verordening die omschrijft. "
                "Uit uw antwoorden blijkt dat dit (nog) niet voor u geldt. Daarvoor moet gelden: "
                + " ".join(missing),
                link=self._begrip_link(page),
            )

    def closed_message(self, page, today) -> str:
        vanaf, tot = page.aanvraag_vanaf, page.aanvraag_tot
        if (vanaf and today < vanaf) or (tot and today > tot):
            periode = " tot en met ".join(date_format(d, "j F Y") for d in (vanaf, tot) if d)
            return (
                f"U kunt het mantelzorgcompliment aanvragen van {periode}."
                if vanaf and tot
                else ("Het mantelzorgcompliment kan op dit moment niet worden aangevraagd.")
            )
        return ""

    def prepare(self, page, cleaned) -> Prepared:
        mantelzorger = cleaned["mantelzorger"]
        return Prepared(
            gegevens={slug: jsonable(data) for slug, data in cleaned.items()},
            onderwerpen=["mantelzorg"],
            sleutels_per_jaar=yearly_keys(mantelzorger),
            ontvanger_email=mantelzorger["email"],
            ontvanger_naam=mantelzorger["naam"],
        )

    def stored_yearly_keys(self, gegevens: dict) -> tuple[str, ...]:
        return yearly_keys(gegevens["mantelzorger"])

    def duplicate_message(self, page) -> str:
        return (
            "U hebt dit jaar al een mantelzorgcompliment aangevraagd. Iedere mantelzorger kan het één keer "
            "per kalenderjaar krijgen. We herkennen een eerdere aanvraag aan dezelfde naam en geboortedatum, "
            "of aan dezelfde geboortedatum op hetzelfde adres (postcode en huisnummer), ook als de naam "
            "anders geschreven is. Klopt dit niet, bijvoorbeeld omdat iemand anders met dezelfde "
            "geboortedatum op uw adres woont en ook mantelzorger is? Of hebt u vragen over uw eerdere "
            f"aanvraag? {hoofdletter(bel_het_loket(page.gemeente()))}, dan zoeken we het samen uit."
        )

    def next_steps(self, page, inzending) -> list[NextStep]:
        aangevraagd = timezone.localdate(inzending.ingediend_op)
        bedrag = euro(page.bedrag) if page.bedrag is not None else "het compliment"
        iban = inzending.gegevens.get("mantelzorger", {}).get("iban", "")
        return [
            NextStep(
                f"{hoofdletter(loket_naam(page.gemeente()))} beoordeelt uw aanvraag en laat u per e-mail "
                "weten of u het compliment krijgt.",
                datum=aangevraagd + BESLISTERMIJN,
                datum_label="uiterlijk op",
                artikel=self.artikel_link(page, ARTIKEL_COMPLIMENT, aangevraagd),
            ),
            NextStep(
                f"Krijgt u het compliment, dan maken we {bedrag} over op de rekening die eindigt op "
                f"{iban.replace(' ', '')[-4:]}."
            ),
        ]

    def _begrip_link(self, page) -> tuple[str, str] | None:
        """The begrip *mantelzorger* as the version in force today defines it, under its own term."""
        begrip = self.begrip(page, BEGRIP_MANTELZORGER)
        if begrip is None:
            return None
        # Relative on the flow's own site: with several sites Wagtail's `url` is a full address.
        url = begrip.get_url(current_site=page.get_site())
        return f"Wat de verordening onder ‘{begrip.term}’ verstaat", url
