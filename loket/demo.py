"""The loket pages of the demo site: /loket/, /loket/melding/, /loket/mantelzorgcompliment/."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .models import ArtikelVerwijzing, FlowPage, LoketPage

LOKET_INTRO = (
    "<p>Bij 't Baken kunt u terecht met vragen over zorg, jeugd, werk en inkomen. "
    "Hieronder regelt u het online; bellen kan ook.</p>"
)
BEREIKBAARHEID = "<p>Telefonisch bereikbaar op werkdagen van 8.30 tot 17.00 uur.</p>"
FLOWS = [
    {
        "slug": "melding",
        "title": "Melding doen: ondersteuning vragen",
        "flow": "melding",
        "search_description": "Vertel ons waar u hulp bij nodig hebt, voor uzelf of voor iemand anders.",
        "intro": (
            "<p>Hebt u hulp nodig bij wonen, vervoer, dagbesteding, opvoeden, werk, inkomen of schulden? "
            "Met een melding laat u 't Baken weten wat uw vraag is. Een consulent neemt daarna contact "
            "met u op. U hebt geen DigiD nodig.</p>"
        ),
        "artikelen": [
            ("2.2", "Het gesprek na uw melding en de aanvraag"),
            ("10.8", "Onafhankelijke cliëntondersteuning"),
        ],
    },
    {
        "slug": "mantelzorgcompliment",
        "title": "Mantelzorgcompliment aanvragen",
        "flow": "mantelzorgcompliment",
        "search_description": (
            "Zorgt u voor iemand in de gemeente Lochem? Vraag eenmaal per jaar het compliment aan."
        ),
        "intro": (
            "<p>De gemeente waardeert de inzet van mantelzorgers. Zorgt u langdurig en onbetaald voor "
            "iemand die in de gemeente Lochem woont? Dan kunt u eenmaal per kalenderjaar het "
            "mantelzorgcompliment aanvragen.</p>"
        ),
        "artikelen": [("5.2.1", "Het mantelzorgcompliment")],
    },
]


@transaction.atomic
def ensure_loket(home, regeling) -> LoketPage:
    loket = LoketPage.objects.first()
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
        )
        if spec["flow"] == "mantelzorgcompliment":
            page.aanvraag_vanaf = timezone.datetime(jaar, 1, 1).date()
            page.aanvraag_tot = timezone.datetime(jaar, 12, 31).date()
            page.bedrag = Decimal("150.00")
        page.artikelen = [
            ArtikelVerwijzing(regeling=regeling, nummer=nummer, omschrijving=omschrijving)
            for nummer, omschrijving in spec["artikelen"]
        ]
        loket.add_child(instance=page)
    return loket
