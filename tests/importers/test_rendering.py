"""Links in imported text as a reader follows them: real publications imported with the command,
their article pages read as a resident gets them."""

import json
import re
from html import unescape
from io import StringIO

import pytest
from django.core.management import call_command

from regelgeving.models import ArtikelPage, BegripPage, BijlagePage, RegelingVersiePage
from tests.paths import SAMPLES

HEEMSTEDE = SAMPLES / "cvdr" / "derived" / "CVDR621050_2.namespace-stripped-reindented.xml"
WESTLAND = SAMPLES / "stop" / "lvbb-aanlevering" / "Westland_test_besluit.xml"
AWB = "https://wetten.overheid.nl/jci1.3:c:BWBR0005537"
_LINK = re.compile(r'<a href="([^"]*)"[^>]*>(.*?)</a>', re.S)
_TEXT = re.compile(r'<div class="artikel-tekst">(.*?)</div>\s*</article>', re.S)


def import_json(path) -> dict:
    out = StringIO()
    call_command("import_publicatie", "--gemeente", "lochem", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def text_links(client, page) -> list[tuple[str, str]]:
    """(href, words) of each link in the article's own text, as the page shows them."""
    response = client.get(page.url)
    assert response.status_code == 200
    (text,) = _TEXT.findall(response.content.decode())
    return [
        (unescape(href), unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", words))))
        for href, words in _LINK.findall(text)
    ]


@pytest.fixture
def heemstede(db):
    report = import_json(HEEMSTEDE)
    return RegelingVersiePage.objects.get(identifier="CVDR621050_2"), report


def artikel(versie, nummer: str) -> ArtikelPage:
    return ArtikelPage.objects.get(versie=versie, nummer=nummer)


def test_heemstede_awb_articles_go_to_the_awb_never_to_its_own_articles(client, heemstede):
    versie, _report = heemstede
    links = text_links(client, artikel(versie, "7"))
    # "artikel 2:1, tweede lid" and the others in the list name articles of "de wet": plain text.
    assert not [words for _href, words in links if re.search(r"\d:\d", words) and "van de wet" not in words]
    assert (f"{AWB}&artikel=7:6&lid=4", "artikel 7:6, vierde lid, van de wet") in links
    own_articles = {artikel(versie, nr).url for nr in ("2", "6", "7")}
    assert not own_articles & {href.split("#")[0] for href, _words in links}
    assert (f"{AWB}&artikel=7:3", "artikel 7:3 van de wet") in text_links(client, artikel(versie, "9"))


def test_no_link_into_another_law_lands_on_a_part_of_this_regulation(client, heemstede):
    versie, _report = heemstede
    own = {page.url for page in ArtikelPage.objects.filter(versie=versie)}
    for page in ArtikelPage.objects.filter(versie=versie):
        for href, words in text_links(client, page):
            if href.split("#")[0] in own:
                assert not re.search(r"\d:\d|\bwet\b|Wet\b", words), (page.nummer, words)


def test_heemstede_leden_link_to_their_place_on_the_page(client, heemstede):
    versie, _report = heemstede
    page = artikel(versie, "9")
    assert (f"{page.url}#lid-2", "het tweede lid") in text_links(client, page)
    assert 'id="lid-2"' in client.get(page.url).content.decode()
    links = text_links(client, artikel(versie, "10"))
    assert (f"{artikel(versie, '10').url}#lid-3", "het derde lid") in links


def test_heemstede_begrippen_not_in_names_nor_their_own_definition(client, heemstede):
    versie, _report = heemstede
    wet = BegripPage.objects.get(versie=versie, slug="wet")
    links = text_links(client, artikel(versie, "2"))
    # "op grond van de Wet waardering onroerende zaken": a law's name, not the begrip "wet".
    assert wet.url not in {href for href, _words in links}
    commissie = BegripPage.objects.get(versie=versie, slug="commissie")
    definitions = text_links(client, artikel(versie, "1"))
    assert commissie.url not in {href for href, _words in definitions}


def test_references_into_other_laws_are_not_reported_as_missing(heemstede):
    _versie, report = heemstede
    assert report["verwijzingen"]["onopgelost"] == []


def test_westland_intrefs_link_where_the_source_points(client, db):
    import_json(WESTLAND)
    versie = RegelingVersiePage.objects.get(identifier__startswith="/akn/nl/act/gm9920")
    page = ArtikelPage.objects.get(versie=versie, nummer="3.1")
    links = text_links(client, page)
    assert (f"{page.url}#lid-1", "artikel 3.1 eerste lid, onder b") in links
    houtopstand = BegripPage.objects.get(versie=versie, term="houtopstand")
    assert sum(href == houtopstand.url for href, _words in links) > 1  # each IntRef, as given


INTREF = """<RegelingCompact xmlns="https://standaarden.overheid.nl/stop/imop/tekst/"
    wordt="/akn/nl/act/gm9999/2024/intref/nld@2024-01-01">
  <RegelingOpschrift><Al>Regeling verwijzingen 2024</Al></RegelingOpschrift>
  <Lichaam><Artikel eId="art_1"><Kop><Label>Artikel</Label><Nummer>1</Nummer></Kop>
    <Inhoud><Al>De tarieven staan in <IntRef ref="cmp_XV">Bijlage 15</IntRef>.</Al></Inhoud></Artikel>
  </Lichaam>
  <Bijlage eId="cmp_XV"><Kop><Label>Bijlage</Label><Nummer>XV</Nummer><Opschrift>Tarieven</Opschrift></Kop>
    <Divisietekst><Inhoud><Al>Tabel.</Al></Inhoud></Divisietekst></Bijlage>
</RegelingCompact>"""


def test_an_intref_finds_the_annex_it_names_whatever_its_words_say(client, db, tmp_path):
    source = tmp_path / "intref.xml"
    source.write_text(INTREF, encoding="utf-8")
    report = import_json(source)
    versie = RegelingVersiePage.objects.get(identifier=report["identifier"])
    bijlage = BijlagePage.objects.get(versie=versie, nummer="XV")
    assert (bijlage.url, "Bijlage 15") in text_links(client, artikel(versie, "1"))
    assert report["verwijzingen"]["onopgelost"] == []


def test_lochem_lid_references_go_to_the_lid(client, lochem):
    page = ArtikelPage.objects.get(versie=lochem, nummer="2.2")
    links = text_links(client, page)
    assert (f"{page.url}#lid-4", "lid 4 van dit artikel") in links
    assert 'id="lid-4"' in client.get(page.url).content.decode()
