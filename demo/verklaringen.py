"""The toegankelijkheidsverklaring and the privacyverklaring of each demo gemeente: what it
publishes about this site, as far as it is known today. Editors keep them up to date in
Wagtail; setup_demo only creates a page that is missing, so it never overwrites their changes."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction

from loket.flows.base import DEFAULT_BEWAARTERMIJN_DAGEN
from loket.models import FlowPage
from regelgeving.models import InformatiePage
from regelgeving.models.informatie import PRIVACYVERKLARING, TOEGANKELIJKHEIDSVERKLARING


def toegankelijkheid_text(gemeente) -> str:
    return f"""
<p>De gemeente {gemeente.naam} wil dat iedereen deze website kan gebruiken, ook met een beperking. Daarom
houden we ons aan de eisen van het Besluit digitale toegankelijkheid overheid: de Europese norm
EN 301 549, waarin de richtlijnen WCAG 2.1 op niveau A en AA staan.</p>
<h2>Status: voldoet gedeeltelijk</h2>
<p>Deze website voldoet gedeeltelijk aan de eisen. Een onafhankelijke audit is nog niet gedaan. Tot
die audit er is, zeggen we niet dat de website volledig voldoet. Na de audit passen we deze
verklaring aan en zetten we haar in het register op toegankelijkheidsverklaring.nl.</p>
<h2>Hoe we de website hebben getest</h2>
<ul>
<li>Automatisch, met axe-core: bij elke wijziging controleren we de belangrijkste pagina's, zoals de
regelgeving, de zoekpagina, de formulieren van het loket en deze pagina.</li>
<li>Met alleen het toetsenbord: u kunt de formulieren invullen en versturen zonder muis.</li>
<li>Op smalle en brede schermen (van 320 tot 1280 pixels breed): de tekst past zonder dat u
opzij hoeft te scrollen.</li>
</ul>
<h2>Wat nog niet (zeker) goed is</h2>
<ul>
<li>De teksten van regelingen komen uit de officiële publicatie. Tabellen en bijlagen daarin zijn
niet allemaal met een schermlezer gecontroleerd.</li>
<li>De PDF's van regelingen en artikelen zijn nog niet op toegankelijkheid getoetst. De tekst
staat altijd ook als gewone webpagina op deze website.</li>
</ul>
<h2>Loopt u ergens tegenaan?</h2>
<p>Kunt u iets op deze website niet lezen of niet gebruiken? Laat het ons weten, dan helpen we u
verder en lossen we het probleem op. Bel {gemeente.loket_naam} op {gemeente.telefoon} en zeg dat het over
de toegankelijkheid van deze website gaat. Gaat het om een formulier van het loket, dan vult een
medewerker het ook samen met u in.</p>
<p>Bent u niet tevreden over hoe we uw melding hebben afgehandeld? Dan kunt u een klacht indienen
bij de gemeente, en daarna bij de Nationale ombudsman.</p>
"""


def _dagen(dagen: int) -> str:
    return f"{dagen} dagen (twee jaar)" if dagen == 730 else f"{dagen} dagen"


def privacy_text(bewaartermijn_dagen: int, gemeente) -> str:
    bewaartermijn = _dagen(bewaartermijn_dagen)
    minuten = settings.LOKET_FLOW_TIMEOUT_MINUTES
    bevestigen = settings.LOKET_PANEL_CONFIRM_DAYS
    return f"""
<p>Deze verklaring gaat over de gegevens die u invult in het loket van deze website: een melding,
een aanvraag voor het mantelzorgcompliment en de aanmelding voor het inwonerspanel {gemeente.panel_naam}.
De gemeente {gemeente.naam} is verantwoordelijk voor deze gegevens.</p>
<h2>Welke gegevens we bewaren, en waarom</h2>
<ul>
<li><b>Melding</b>: naam, adres en geboortedatum van de persoon om wie het gaat, uw contactgegevens,
uw vraag en wie er nu helpt. We gebruiken ze om uw vraag te onderzoeken en u ondersteuning te
bieden. Grondslag: een wettelijke taak van de gemeente (artikel 6, lid 1, onder e van de AVG), op
grond van de Wet maatschappelijke ondersteuning 2015, de Jeugdwet, de Participatiewet en de
Verordening Sociaal Domein. Gaat uw vraag over uw gezondheid, dan mag de gemeente die gegevens
gebruiken omdat deze wetten dat nodig maken.</li>
<li><b>Mantelzorgcompliment</b>: uw naam, geboortedatum, adres, e-mailadres en bankrekening, en
naam en adres van de persoon voor wie u zorgt. We gebruiken ze om te beoordelen of u het compliment
krijgt en om het bedrag over te maken. Grondslag: een taak van algemeen belang (artikel 6, lid 1,
onder e van de AVG), op grond van de Wet maatschappelijke ondersteuning 2015 en hoofdstuk 5 van de
Verordening Sociaal Domein.</li>
<li><b>{gemeente.panel_naam}</b>: uw e-mailadres, leeftijdsgroep, kern en band met de gemeente, en uw
antwoorden op peilingen. Grondslag: uw toestemming (artikel 6, lid 1, onder a van de AVG). U kunt
die altijd intrekken door u af te melden.</li>
</ul>
<h2>Hoe lang we uw gegevens bewaren</h2>
<ul>
<li>Antwoorden van een formulier dat u nog niet hebt verstuurd: {minuten} minuten nadat u voor het
laatst iets hebt ingevuld. Daarna zijn ze weg.</li>
<li>Een melding of aanvraag, met de e-mails erover: {bewaartermijn} na ontvangst. Daarna
verwijderen we alles automatisch.</li>
<li>Uw e-mailadres voor {gemeente.panel_naam}: tot u zich afmeldt. Bevestigt u uw aanmelding niet binnen
{bevestigen} dagen, dan verwijderen we het.</li>
<li>Antwoorden op een peiling: zolang de peiling bestaat. Ze zijn niet aan uw e-mailadres
gekoppeld: niemand kan zien wat u hebt geantwoord.</li>
</ul>
<h2>Hoe we uw gegevens beschermen</h2>
<p>Alles wat u invult, bewaren we versleuteld, ook tijdens het invullen. Alleen medewerkers van
{gemeente.loket_naam} die uw verzoek behandelen, kunnen het lezen. Om te zien of u dit jaar al een
mantelzorgcompliment hebt aangevraagd, of al lid bent van {gemeente.panel_naam}, bewaren we een
herkenningssleutel waaruit uw naam of adres niet terug te halen is. De website gebruikt alleen
cookies die nodig zijn om een formulier in te vullen; geen cookies om u te volgen.</p>
<h2>Uw rechten</h2>
<p>U mag uw gegevens inzien, laten verbeteren of laten verwijderen. U kunt ook vragen om het gebruik
ervan te beperken, of bezwaar maken tegen het gebruik. Neem daarvoor contact op met de gemeente.
We reageren binnen een maand, zoals de AVG voorschrijft.</p>
<h2>Vragen of een klacht</h2>
<p>Hebt u een vraag over uw privacy? Dan kunt u terecht bij de functionaris gegevensbescherming van
de gemeente: bel {gemeente.telefoon} en zeg dat uw vraag over privacy gaat. Bent u het
niet eens met hoe we met uw gegevens omgaan, dan kunt u ook een klacht indienen bij de Autoriteit
Persoonsgegevens (autoriteitpersoonsgegevens.nl).</p>
"""


@transaction.atomic
def ensure_verklaringen(home, gemeente) -> list[InformatiePage]:
    """Both statements below the home page; one an editor already has is left as it is."""
    bewaartermijnen = set(FlowPage.objects.descendant_of(home).values_list("bewaartermijn_dagen", flat=True))
    bewaartermijn = max(bewaartermijnen, default=DEFAULT_BEWAARTERMIJN_DAGEN)
    specs = [
        (
            TOEGANKELIJKHEIDSVERKLARING,
            "Toegankelijkheidsverklaring",
            "toegankelijkheid",
            toegankelijkheid_text(gemeente),
        ),
        (PRIVACYVERKLARING, "Privacyverklaring", "privacy", privacy_text(bewaartermijn, gemeente)),
    ]
    pages = []
    for soort, title, slug, body in specs:
        page = InformatiePage.objects.child_of(home).filter(soort=soort).first()
        if page is None:
            page = InformatiePage(title=title, slug=slug, soort=soort, body=body.strip())
            home.add_child(instance=page)
            # Published as an editor would: a first revision, and the date the page shows.
            page.save_revision().publish()
        pages.append(page)
    return pages
