"""The ways into the loket: the home page leads to the flows, an article to the flow that applies
it, and a start page says beforehand what you get, what you need and when you hear back. The
consent step links the privacyverklaring."""

from decimal import Decimal

from regelgeving.models import ArtikelPage, InformatiePage
from regelgeving.models.informatie import PRIVACYVERKLARING
from tests.loket.support import MELDING, MELDING_ZELF, MZC, fill, get_ok, page

LOCHEM_SPREEKT = "/loket/lochem-spreekt/"


def artikel_html(client, versie, nummer: str) -> str:
    return get_ok(client, ArtikelPage.objects.live().get(versie=versie, nummer=nummer).url)


def test_home_leads_to_the_three_flows_and_the_regelgeving(client):
    html = get_ok(client, "/")
    for flow in ("melding", "mantelzorgcompliment", "inwonerspanel"):
        flow_page = page(flow)
        assert f'href="{flow_page.url}">{flow_page.title}</a>' in html
    assert html.index("Direct regelen") < html.index("Regels en begrippen")
    assert 'href="/regelgeving/"' in html


def test_home_follows_the_loket_when_a_flow_goes_offline(client):
    page("mantelzorgcompliment").unpublish()
    html = get_ok(client, "/")
    assert MZC not in html and f'href="{MELDING}"' in html


def test_an_article_a_flow_cites_leads_to_that_flow(client, lochem):
    html = artikel_html(client, lochem, "5.2.1")
    link = f'<a class="utrecht-link" href="{MZC}">Mantelzorgcompliment aanvragen</a>'
    assert f"Dit regelt u in het loket: {link}" in html

    html = artikel_html(client, lochem, "2.2")
    assert f'href="{MELDING}">{page("melding").title}</a>' in html
    assert MZC not in html


def test_an_article_no_flow_cites_names_no_flow(client, lochem):
    assert "Dit regelt u in het loket" not in artikel_html(client, lochem, "6.4")


def test_an_article_stops_naming_an_unpublished_flow(client, lochem):
    page("mantelzorgcompliment").unpublish()
    assert "Dit regelt u in het loket" not in artikel_html(client, lochem, "5.2.1")


def test_mantelzorgcompliment_start_page_says_the_amount_and_what_to_have_ready(client):
    html = get_ok(client, MZC)
    assert "Voordat u begint" in html
    assert "Een mantelzorgcompliment van € 150,00" in html
    assert "IBAN" in html
    assert "het adres (straat, huisnummer, postcode, woonplaats) van de persoon voor wie u zorgt" in html
    assert "binnen acht weken" in html
    # Before the start button: no one has to stop halfway to look something up.
    assert html.index("Wat u nodig hebt") < html.index(">Start</a>")


def test_the_amount_follows_the_flow_page(client):
    flow_page = page("mantelzorgcompliment")
    flow_page.bedrag = Decimal("175.50")
    flow_page.save_revision().publish()
    assert "€ 175,50" in get_ok(client, MZC)


def test_every_start_page_says_what_is_needed(client):
    assert "Een telefoonnummer of e-mailadres" in get_ok(client, MELDING)
    assert "Een e-mailadres waarop u de uitnodigingen wilt krijgen" in get_ok(client, LOCHEM_SPREEKT)


def test_consent_step_links_the_privacyverklaring(client):
    privacy = InformatiePage.objects.get(soort=PRIVACYVERKLARING).url
    fill(client, MELDING, MELDING_ZELF)
    html = get_ok(client, f"{MELDING}versturen/")
    assert f'<a class="utrecht-link" href="{privacy}">privacyverklaring</a>' in html
    assert html.index("privacyverklaring") < html.index('name="toestemming"')


def test_lochem_spreekt_consent_step_links_the_privacyverklaring(client):
    privacy = InformatiePage.objects.get(soort=PRIVACYVERKLARING).url
    fill(
        client,
        LOCHEM_SPREEKT,
        {
            "email": {"email": "lid@example.nl"},
            "over-u": {"leeftijdsgroep": "25-44", "kern": "lochem", "relaties": ["woont"]},
        },
    )
    assert f'href="{privacy}">privacyverklaring</a>' in get_ok(client, f"{LOCHEM_SPREEKT}versturen/")
