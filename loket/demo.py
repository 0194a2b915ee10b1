"""The loket pages of the demo site: /loket/, /loket/melding/, /loket/mantelzorgcompliment/ and
/loket/lochem-spreekt/ with one open peiling."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .flows.lochem_spreekt import LochemSpreektFlow
from .flows.mantelzorgcompliment import MantelzorgcomplimentFlow
from .flows.melding import MeldingFlow
from .models import ArtikelVerwijzing, Bevolkingsaandeel, FlowPage, LoketPage, PeilingPage

LOKET_INTRO = (
    "<p>Bij 't Baken kunt u terecht met vragen over zorg, jeugd, werk en inkomen. "
    "Hieronder regelt u het online; bellen kan ook.</p>"
)
BEREIKBAARHEID = "<p>Telefonisch bereikbaar op werkdagen van 8.30 tot 17.00 uur.</p>"
FLOWS = [
    {
        "slug": "melding",
        "title": "Melding doen: ondersteuning vragen",
        "flow": MeldingFlow.slug,
        "search_description": "Vertel ons waar u hulp bij nodig hebt, voor uzelf of voor iemand anders.",
        "intro": (
            "<p>Hebt u hulp nodig bij wonen, vervoer, dagbesteding, opvoeden, werk, inkomen of schulden? "
            "Met een melding laat u 't Baken weten wat uw vraag is. Een consulent neemt daarna contact "
            "met u op. U hebt geen DigiD nodig.</p>"
        ),
        # By number only: the pages show each article's own number and title from the version in force.
        "artikelen": ["2.2", "10.8"],
    },
    {
        "slug": "mantelzorgcompliment",
        "title": "Mantelzorgcompliment aanvragen",
        "flow": MantelzorgcomplimentFlow.slug,
        "search_description": (
            "Zorgt u voor iemand in de gemeente Lochem? Vraag eenmaal per jaar het compliment aan."
        ),
        "intro": (
            "<p>De gemeente waardeert de inzet van mantelzorgers. Zorgt u langdurig en onbetaald voor "
            "iemand die in de gemeente Lochem woont? Dan kunt u eenmaal per kalenderjaar het "
            "mantelzorgcompliment aanvragen.</p>"
        ),
        "artikelen": ["5.2.1"],
    },
    {
        "slug": "lochem-spreekt",
        "title": "Lochem spreekt: meld u aan voor het inwonerspanel",
        "flow": LochemSpreektFlow.slug,
        "search_description": "Praat mee over uw gemeente: hoogstens vier korte peilingen per jaar.",
        "intro": (
            "<p>Lochem spreekt is het digitale inwonerspanel van de gemeente. Als lid krijgt u hoogstens "
            "vier keer per jaar een korte vragenlijst. U kiest elke keer zelf of u meedoet, en u krijgt "
            "de resultaten als eerste. Iedereen van 16 jaar en ouder die in de gemeente woont, werkt of "
            "een bedrijf heeft, kan meedoen.</p>"
        ),
        "artikelen": ["10.9"],
        # Article 10.9 describes the panel but no minimum age: the refusal of someone younger cites this.
        "grondslag": (
            "<p>Meedoen aan Lochem spreekt kan vanaf 16 jaar. Die leeftijd staat niet in de verordening: "
            "het is een voorwaarde van het inwonerspanel zelf.</p>"
        ),
    },
]

# Approximate shares of the population aged 16 and over, for the demo; editors replace them
# with the CBS figures (Fragmenten > Bevolkingsaandelen).
BEVOLKING = {
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
}

PEILING_VRAGEN = [
    {
        "type": "enkele_keuze",
        "value": {
            "vraag": "Hoe vaak gaat u naar de bibliotheek in uw kern?",
            "toelichting": "",
            "verplicht": True,
            "opties": ["Elke week", "Elke maand", "Een paar keer per jaar", "Nooit"],
        },
    },
    {
        "type": "meerkeuze",
        "value": {
            "vraag": "Waarvoor zou u de bibliotheek (vaker) gebruiken?",
            "toelichting": "Kies alles wat past.",
            "verplicht": False,
            "opties": [
                "Boeken lenen",
                "Hulp met de computer of DigiD",
                "Een rustige werkplek",
                "Activiteiten",
            ],
        },
    },
    {
        "type": "schaal",
        "value": {
            "vraag": "De bibliotheek is belangrijk voor mijn kern.",
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


@transaction.atomic
def ensure_loket(home, regeling) -> LoketPage:
    loket = LoketPage.objects.child_of(home).first()
    if loket is None:
        loket = LoketPage(
            title="Loket 't Baken", slug="loket", intro=LOKET_INTRO, bereikbaarheid=BEREIKBAARHEID
        )
        home.add_child(instance=loket)
    jaar = timezone.localdate().year
    for spec in FLOWS:
        if FlowPage.objects.child_of(loket).filter(slug=spec["slug"]).exists():
            continue
        page = FlowPage(
            title=spec["title"],
            slug=spec["slug"],
            flow=spec["flow"],
            intro=spec["intro"],
            search_description=spec["search_description"],
            notificatie_email="tbaken@lochem.nl",
            grondslag=spec.get("grondslag", ""),
        )
        if spec["flow"] == LochemSpreektFlow.slug:
            page.notificatie_email = "lochemspreekt@lochem.nl"
        if spec["flow"] == MantelzorgcomplimentFlow.slug:
            page.aanvraag_vanaf = timezone.datetime(jaar, 1, 1).date()
            page.aanvraag_tot = timezone.datetime(jaar, 12, 31).date()
            page.bedrag = Decimal("150.00")
        page.artikelen = [ArtikelVerwijzing(regeling=regeling, nummer=nummer) for nummer in spec["artikelen"]]
        loket.add_child(instance=page)
    ensure_panel(FlowPage.objects.child_of(loket).get(slug="lochem-spreekt"))
    return loket


def ensure_panel(panel_page: FlowPage) -> None:
    """Population shares and one peiling that is open for the coming four weeks."""
    for dimensie, shares in BEVOLKING.items():
        for waarde, aandeel in shares.items():
            Bevolkingsaandeel.objects.get_or_create(
                dimensie=dimensie, waarde=waarde, defaults={"aandeel": aandeel}
            )
    if PeilingPage.objects.child_of(panel_page).exists():
        return
    today = timezone.localdate()
    panel_page.add_child(
        instance=PeilingPage(
            title="De bibliotheek in uw kern",
            slug="bibliotheek",
            intro="<p>De gemeente wil weten hoe inwoners de bibliotheken in de kernen gebruiken.</p>",
            open_vanaf=today,
            open_tot=today + timedelta(days=28),
            vragen=PEILING_VRAGEN,
        )
    )
