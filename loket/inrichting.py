"""The loket of a new gemeente: its loket page with the three flows, and its staff group.

Runs when regelgeving makes a gemeente (signal `gemeente_aangemaakt`, connected in apps.py), so
`gemeente_toevoegen` and `setup_demo` give every gemeente the same working loket. The texts are
plain and name the gemeente; its editors (or the demo, demo/loket.py) write their own. The
flows cite no articles yet: editors add those once the gemeente's regelingen are imported.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from .flows.inwonerspanel import InwonerspanelFlow
from .flows.mantelzorgcompliment import MantelzorgcomplimentFlow
from .flows.melding import MeldingFlow
from .models import FlowPage, LoketPage

# What staff may do: read the admin, handle and export submissions, manage the panel.
MEDEWERKER_PERMISSIONS = (
    ("wagtailadmin", "access_admin"),
    ("loket", "view_inzending"),
    ("loket", "change_inzending"),
    ("loket", "export_inzending"),
    ("loket", "beheer_panel"),
    # The panel's population shares of their own gemeente (panel/bevolking_admin.py).
    ("loket", "view_bevolkingsaandeel"),
    ("loket", "add_bevolkingsaandeel"),
    ("loket", "change_bevolkingsaandeel"),
    ("loket", "delete_bevolkingsaandeel"),
)


@dataclass(frozen=True)
class FlowTekst:
    slug: str
    flow: str
    title: str
    search_description: str
    intro: str


def loket_intro(gemeente) -> str:
    return (
        f"<p>Bij het loket van de gemeente {gemeente.naam} kunt u terecht met vragen "
        f"{gemeente.loket_omschrijving or 'over zorg, jeugd, werk en inkomen'}. "
        "Hieronder regelt u het online; bellen kan ook.</p>"
    )


def flow_teksten(gemeente) -> list[FlowTekst]:
    naam = gemeente.naam
    return [
        FlowTekst(
            slug="melding",
            flow=MeldingFlow.slug,
            title="Melding doen: ondersteuning vragen",
            search_description="Vertel ons waar u hulp bij nodig hebt, voor uzelf of voor iemand anders.",
            intro=(
                "<p>Hebt u hulp nodig bij wonen, vervoer, dagbesteding, opvoeden, werk, inkomen of "
                f"schulden? Met een melding laat u de gemeente {naam} weten wat uw vraag is. Een "
                "consulent neemt daarna contact met u op. U hebt geen DigiD nodig.</p>"
            ),
        ),
        FlowTekst(
            slug="mantelzorgcompliment",
            flow=MantelzorgcomplimentFlow.slug,
            title="Mantelzorgcompliment aanvragen",
            search_description=f"Zorgt u voor iemand in de gemeente {naam}? Vraag het compliment aan.",
            intro=(
                "<p>De gemeente waardeert de inzet van mantelzorgers. Zorgt u langdurig en onbetaald "
                f"voor iemand die in de gemeente {naam} woont? Dan kunt u eenmaal per kalenderjaar het "
                "mantelzorgcompliment aanvragen.</p>"
            ),
        ),
        FlowTekst(
            slug="inwonerspanel",
            flow=InwonerspanelFlow.slug,
            title="Meld u aan voor het inwonerspanel",
            search_description="Praat mee over uw gemeente: hoogstens vier korte peilingen per jaar.",
            intro=(
                f"<p>Het inwonerspanel van de gemeente {naam} praat mee over plannen en voorzieningen. "
                "Als lid krijgt u hoogstens vier keer per jaar een korte vragenlijst. U kiest elke keer "
                "zelf of u meedoet, en u krijgt de resultaten als eerste. Iedereen van 16 jaar en ouder "
                "die in de gemeente woont, werkt of een bedrijf heeft, kan meedoen.</p>"
            ),
        ),
    ]


def bij_nieuwe_gemeente(sender, gemeente, **kwargs) -> None:
    """Receiver of regelgeving's `gemeente_aangemaakt`."""
    ensure_loket(gemeente)


@transaction.atomic
def ensure_loket(gemeente) -> LoketPage:
    """The gemeente's loket page with its three flows and its staff group, made where missing."""
    home = gemeente.site.root_page
    loket = LoketPage.objects.child_of(home).first()
    if loket is None:
        loket = LoketPage(title=gemeente.loket_naam or "Loket", slug="loket", intro=loket_intro(gemeente))
        home.add_child(instance=loket)
    present = set(FlowPage.objects.child_of(loket).values_list("flow", flat=True))
    for tekst in flow_teksten(gemeente):
        if tekst.flow in present:
            continue
        loket.add_child(
            instance=FlowPage(
                title=tekst.title,
                slug=tekst.slug,
                flow=tekst.flow,
                intro=tekst.intro,
                search_description=tekst.search_description,
            )
        )
    if gemeente.medewerkers_id is None:
        gemeente.medewerkers = staff_group(gemeente)
        gemeente.save(update_fields=["medewerkers"])
    return loket


def staff_group(gemeente) -> Group:
    """ "Medewerkers gemeente x": the loket's staff of this gemeente, and only of this one."""
    group, _ = Group.objects.get_or_create(name=f"Medewerkers {gemeente.volledige_naam.lower()}")
    for app_label, codename in MEDEWERKER_PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return group
