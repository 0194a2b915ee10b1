"""The demo's own loket texts per gemeente: titles, introductions, e-mail addresses, the articles
each flow cites, the population shares and one open peiling. The loket itself (pages, staff
group) is made for every gemeente by loket/inrichting.py; this only gives it the demo's words,
and only to pages an editor has not changed (their generated title is still there)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from loket.flows.inwonerspanel import InwonerspanelFlow
from loket.flows.mantelzorgcompliment import MantelzorgcomplimentFlow
from loket.flows.melding import MeldingFlow
from loket.inrichting import ensure_loket, flow_teksten
from loket.models import ArtikelVerwijzing, Bevolkingsaandeel, FlowPage, PeilingPage

from .gemeenten import HEEMSTEDE, LOCHEM, DemoGemeente

BEREIKBAARHEID = "<p>Telefonisch bereikbaar op werkdagen van 8.30 tot 17.00 uur.</p>"


@dataclass(frozen=True)
class FlowDemo:
    title: str
    intro: str
    search_description: str = ""
    slug: str = ""  # "" keeps the generated one
    notificatie_email: str = ""
    artikelen: tuple[str, ...] = ()  # by number only: pages show the version in force's own titles
    grondslag: str = ""


@dataclass(frozen=True)
class Peiling:
    title: str
    slug: str
    intro: str
    vragen: list


@dataclass(frozen=True)
class LoketDemo:
    title: str
    intro: str
    flows: dict[str, FlowDemo]  # by flow slug
    bevolking: dict[str, dict[str, int]]
    peiling: Peiling
    bedrag: Decimal = Decimal("150.00")
    bereikbaarheid: str = BEREIKBAARHEID


def _vragen(onderwerp: str, in_uw: str, opties: list[str], stelling: str) -> list:
    return [
        {
            "type": "enkele_keuze",
            "value": {
                "vraag": f"Hoe vaak gaat u naar {onderwerp} {in_uw}?",
                "toelichting": "",
                "verplicht": True,
                "opties": ["Elke week", "Elke maand", "Een paar keer per jaar", "Nooit"],
            },
        },
        {
            "type": "meerkeuze",
            "value": {
                "vraag": f"Waarvoor zou u {onderwerp} (vaker) gebruiken?",
                "toelichting": "Kies alles wat past.",
                "verplicht": False,
                "opties": opties,
            },
        },
        {
            "type": "schaal",
            "value": {
                "vraag": stelling,
                "toelichting": "",
                "verplicht": True,
                "laag": "Helemaal mee oneens",
                "hoog": "Helemaal mee eens",
                "punten": 5,
            },
        },
        {
            "type": "lange_tekst",
            "value": {"vraag": "Wat wilt u de gemeente nog meegeven?", "toelichting": "", "verplicht": False},
        },
    ]


LOKETTEN = {
    LOCHEM.cbs_code: LoketDemo(
        title="Loket 't Baken",
        intro=(
            "<p>Bij 't Baken kunt u terecht met vragen over zorg, jeugd, werk en inkomen. "
            "Hieronder regelt u het online; bellen kan ook.</p>"
        ),
        flows={
            MeldingFlow.slug: FlowDemo(
                title="Melding doen: ondersteuning vragen",
                search_description="Vertel ons waar u hulp bij nodig hebt, voor uzelf of voor iemand anders.",
                intro=(
                    "<p>Hebt u hulp nodig bij wonen, vervoer, dagbesteding, opvoeden, werk, inkomen of "
                    "schulden? Met een melding laat u 't Baken weten wat uw vraag is. Een consulent neemt "
                    "daarna contact met u op. U hebt geen DigiD nodig.</p>"
                ),
                notificatie_email="tbaken@lochem.nl",
                artikelen=("2.2", "10.8"),
            ),
            MantelzorgcomplimentFlow.slug: FlowDemo(
                title="Mantelzorgcompliment aanvragen",
                search_description=(
                    "Zorgt u voor iemand in de gemeente Lochem? Vraag eenmaal per jaar het compliment aan."
                ),
                intro=(
                    "<p>De gemeente waardeert de inzet van mantelzorgers. Zorgt u langdurig en onbetaald "
                    "voor iemand die in de gemeente Lochem woont? Dan kunt u eenmaal per kalenderjaar het "
                    "mantelzorgcompliment aanvragen.</p>"
                ),
                notificatie_email="tbaken@lochem.nl",
                artikelen=("5.2.1",),
            ),
            InwonerspanelFlow.slug: FlowDemo(
                title="Lochem spreekt: meld u aan voor het inwonerspanel",
                slug="lochem-spreekt",
                search_description="Praat mee over uw gemeente: hoogstens vier korte peilingen per jaar.",
                intro=(
                    "<p>Lochem spreekt is het digitale inwonerspanel van de gemeente. Als lid krijgt u "
                    "hoogstens vier keer per jaar een korte vragenlijst. U kiest elke keer zelf of u "
                    "meedoet, en u krijgt de resultaten als eerste. Iedereen van 16 jaar en ouder die in "
                    "de gemeente woont, werkt of een bedrijf heeft, kan meedoen.</p>"
                ),
                notificatie_email="lochemspreekt@lochem.nl",
                artikelen=("10.9",),
                # Article 10.9 describes the panel but no minimum age: a refusal of a younger one cites this.
                grondslag=(
                    "<p>Meedoen aan Lochem spreekt kan vanaf 16 jaar. Die leeftijd staat niet in de "
                    "verordening: het is een voorwaarde van het inwonerspanel zelf.</p>"
                ),
            ),
        },
        # Approximate shares of the population aged 16 and over; editors replace them with CBS figures.
        bevolking={
            "leeftijdsgroep": {"16-24": 11, "25-44": 19, "45-64": 32, "65-74": 18, "75+": 20},
            "kern": {
                "lochem": 37,
                "gorssel": 8,
                "eefde": 11,
                "epse": 8,
                "laren": 9,
                "harfsen": 5,
                "barchem": 5,
                "almen": 4,
                "buitengebied": 13,
            },
        },
        peiling=Peiling(
            title="De bibliotheek in uw kern",
            slug="bibliotheek",
            intro="<p>De gemeente wil weten hoe inwoners de bibliotheken in de kernen gebruiken.</p>",
            vragen=_vragen(
                "de bibliotheek",
                "in uw kern",
                ["Boeken lenen", "Hulp met de computer of DigiD", "Een rustige werkplek", "Activiteiten"],
                "De bibliotheek is belangrijk voor mijn kern.",
            ),
        ),
    ),
    HEEMSTEDE.cbs_code: LoketDemo(
        title="Loket Heemstede",
        intro=(
            "<p>Bij Loket Heemstede kunt u terecht met vragen over wonen, zorg en welzijn. "
            "Hieronder regelt u het online; bellen kan ook.</p>"
        ),
        flows={
            MeldingFlow.slug: FlowDemo(
                title="Melding doen: hulp of ondersteuning vragen",
                intro=(
                    "<p>Lukt iets thuis niet meer, of zoekt u hulp bij zorg, welzijn of geldzaken? Met een "
                    "melding laat u Loket Heemstede weten wat uw vraag is. Een consulent belt u daarna. "
                    "U hebt geen DigiD nodig.</p>"
                ),
                notificatie_email="loket@heemstede.nl",
            ),
            MantelzorgcomplimentFlow.slug: FlowDemo(
                title="Mantelzorgwaardering aanvragen",
                intro=(
                    "<p>Zorgt u langdurig en onbetaald voor iemand die in Heemstede woont? Dan kunt u "
                    "eenmaal per jaar de mantelzorgwaardering aanvragen.</p>"
                ),
                notificatie_email="loket@heemstede.nl",
            ),
            InwonerspanelFlow.slug: FlowDemo(
                title="Heemstede denkt mee: meld u aan voor het inwonerspanel",
                slug="heemstede-denkt-mee",
                intro=(
                    "<p>Heemstede denkt mee is het inwonerspanel van de gemeente. Een paar keer per jaar "
                    "vragen we uw mening over plannen in uw wijk; u krijgt de uitkomsten als eerste.</p>"
                ),
                notificatie_email="loket@heemstede.nl",
                grondslag=(
                    "<p>Meedoen aan Heemstede denkt mee kan vanaf 16 jaar: een voorwaarde van het panel "
                    "zelf.</p>"
                ),
            ),
        },
        bevolking={
            "leeftijdsgroep": {"16-24": 10, "25-44": 22, "45-64": 33, "65-74": 16, "75+": 19},
            "kern": {"centrum": 24, "zuid": 22, "merlenhoven": 16, "geleerdenwijk": 20, "oost": 18},
        },
        peiling=Peiling(
            title="Groen en spelen in uw wijk",
            slug="groen-en-spelen",
            intro="<p>De gemeente wil weten hoe u de parken en speelplekken in uw wijk gebruikt.</p>",
            vragen=_vragen(
                "het park",
                "in uw wijk",
                ["Sporten", "Spelen met de kinderen", "Wandelen", "Anderen ontmoeten"],
                "Het park is belangrijk voor mijn wijk.",
            ),
        ),
        bedrag=Decimal("100.00"),
    ),
}


@transaction.atomic
def loket_voor_demo(gemeente, demo: DemoGemeente, regeling=None):
    """The gemeente's loket with the demo's texts; `regeling` is the one its flows cite (None:
    the gemeente's regeling does not govern these flows, so they cite nothing)."""
    teksten = LOKETTEN[demo.cbs_code]
    loket = ensure_loket(gemeente)
    generated = {tekst.flow: tekst for tekst in flow_teksten(gemeente)}
    if loket.title in ("Loket", gemeente.loket_naam):
        loket.title, loket.intro, loket.bereikbaarheid = teksten.title, teksten.intro, teksten.bereikbaarheid
        loket.save_revision().publish()
    jaar = timezone.localdate().year
    for page in FlowPage.objects.child_of(loket).specific():
        spec = teksten.flows.get(page.flow)
        if spec is None or page.title != _generated_title(generated, page, gemeente):
            continue
        page.title, page.intro, page.grondslag = spec.title, spec.intro, spec.grondslag
        page.search_description = spec.search_description or page.search_description
        page.slug = spec.slug or page.slug
        page.notificatie_email = spec.notificatie_email
        if page.flow == MantelzorgcomplimentFlow.slug:
            page.aanvraag_vanaf = timezone.datetime(jaar, 1, 1).date()
            page.aanvraag_tot = timezone.datetime(jaar, 12, 31).date()
            page.bedrag = teksten.bedrag
        if regeling is not None:
            page.artikelen = [
                ArtikelVerwijzing(regeling=regeling, nummer=nummer) for nummer in spec.artikelen
            ]
        page.save_revision().publish()
    panel_page = FlowPage.objects.child_of(loket).get(flow=InwonerspanelFlow.slug)
    _panel(gemeente, panel_page, teksten)
    return loket


def _generated_title(generated, page, gemeente) -> str:
    tekst = generated.get(page.flow)
    return tekst.title if tekst else page.title


def _panel(gemeente, panel_page: FlowPage, teksten: LoketDemo) -> None:
    """Population shares and one peiling that is open for the coming four weeks."""
    for dimensie, shares in teksten.bevolking.items():
        for waarde, aandeel in shares.items():
            Bevolkingsaandeel.objects.get_or_create(
                gemeente=gemeente, dimensie=dimensie, waarde=waarde, defaults={"aandeel": aandeel}
            )
    if PeilingPage.objects.child_of(panel_page).exists():
        return
    today = timezone.localdate()
    peiling = teksten.peiling
    panel_page.add_child(
        instance=PeilingPage(
            title=peiling.title,
            slug=peiling.slug,
            intro=peiling.intro,
            open_vanaf=today,
            open_tot=today + timedelta(days=28),
            vragen=peiling.vragen,
        )
    )
