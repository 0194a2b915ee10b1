"""CVDR XML: samples in tests/data/samples/cvdr and small hand-written files.

Pure tests: no database, no Django.
"""

import re
from datetime import date

import pytest

from importers.errors import PublicatieFout
from importers.formats import parse_publicatie
from importers.parsers import cvdr
from importers.tree import Alinea, Figuur, Lid, Lijst, Tabel, Tussenkop, block_text
from tests.paths import SAMPLES as ALL_SAMPLES

SAMPLES = ALL_SAMPLES / "cvdr"
HEEMSTEDE = "derived/CVDR621050_2.namespace-stripped-reindented.xml"


def load(name: str):
    return parse_publicatie((SAMPLES / name).read_bytes(), name)


def artikel(doc, nummer):
    return next(a for a in doc.artikelen() if a.nummer == nummer)


def strip_namespaces(data: bytes) -> bytes:
    text = data.decode()
    text = re.sub(r'\sxmlns(?::\w+)?="[^"]*"', "", text)
    text = re.sub(r'\sxsi:schemaLocation="[^"]*"', "", text)
    return re.sub(r"<(/?)\w+:", r"<\1", text).encode()


CVDR_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" xmlns:dcterms="http://purl.org/dc/terms/"
      xmlns:overheid="http://standaarden.overheid.nl/owms/terms/"
      xmlns:overheidrg="http://standaarden.overheid.nl/cvdr/meta/">
<meta><owmskern><dcterms:identifier>CVDR999_3</dcterms:identifier>
  <dcterms:title>Verordening maatschappelijke ondersteuning Voorbeeld 2024</dcterms:title>
  <dcterms:type scheme="overheid:Informatietype">regeling</dcterms:type>
  <dcterms:creator scheme="overheid:Gemeente">Voorbeeld</dcterms:creator></owmskern>
<owmsmantel><dcterms:isFormatOf resourceIdentifier="">Weekblad, 1-2-2024</dcterms:isFormatOf>
  <overheid:isRatifiedBy scheme="overheid:BestuursorgaanGemeente">gemeenteraad
  </overheid:isRatifiedBy>
  <dcterms:issued>2024-01-25</dcterms:issued></owmsmantel>
<cvdripm><overheidrg:inwerkingtredingDatum>2024-02-01</overheidrg:inwerkingtredingDatum></cvdripm>
</meta><body><intitule>Verordening Wmo Voorbeeld 2024</intitule>"""


def cvdr_doc(regeling: str) -> bytes:
    return f"{CVDR_HEAD}<regeling>{regeling}</regeling></body></cvdr>".encode()


# -- CVDR100394_2: chapters only, label "1.Parkeren", [Vervallen] -------------------


@pytest.fixture(scope="module")
def kampen():
    return load("CVDR100394_2.xml")


def test_kampen_chapters_from_label_text(kampen):
    assert kampen.counts() == {
        "hoofdstukken": 5,
        "afdelingen": 0,
        "paragrafen": 0,
        "artikelen": 0,
        "leden": 0,
        "bijlagen": 0,
        "begrippen": 0,
    }
    assert [(d.nummer, d.opschrift) for d in kampen.body] == [
        ("1", "Parkeren"),
        ("2", "Hard rijden"),
        ("3", "Bebording"),
        ("4", "Diversen"),
        ("5", "Gehandicaptenparkeerplaatsen"),
    ]
    # "[Vervallen]" as the only text: the chapter keeps number and heading and says so.
    assert [d.status for d in kampen.body] == ["vervallen"] * 4 + [""]
    assert kampen.body[0].blocks == []


def test_kampen_structuurtekst_with_bullet_list(kampen):
    blocks = kampen.body[4].blocks
    assert blocks[0] == Alinea("Verzoek om een gehandicaptenparkeerplaats")
    lijst = blocks[-1]
    assert isinstance(lijst, Lijst)
    assert [i.nr for i in lijst.items] == ["", "", "", ""]  # nr="-" is a bullet
    assert lijst.items[1].blocks == [Alinea("Zelf bestuurder te zijn")]


def test_kampen_metadata(kampen):
    meta = kampen.metadata
    assert (meta.identifier, meta.cvdr_id) == ("CVDR100394_2", "CVDR100394")
    assert meta.formaat == "cvdr"
    assert meta.titel == "Beleidsregels verkeersveiligheid en parkeren"
    assert meta.citeertitel == "Beleidsregels verkeersveiligheid en parkeren"
    assert meta.gemeente == "Kampen"
    assert meta.bevoegd_orgaan == "college van burgemeester en wethouders"
    assert meta.soort == "regeling"
    assert meta.vastgesteld_op == date(2016, 10, 11)
    assert meta.in_werking_op == date(2016, 10, 27)
    assert meta.uitgewerkt_op is None
    assert meta.bron == "https://zoek.officielebekendmakingen.nl/gmb-2016-146361"
    assert meta.werk_id == "CVDR100394"
    assert meta.organisatie == "gemeente Kampen"


def test_namespaced_and_stripped_files_parse_alike():
    data = (SAMPLES / "CVDR100394_2.xml").read_bytes()
    stripped = strip_namespaces(data)
    assert b"xmlns" not in stripped and b"dcterms:" not in stripped
    assert cvdr.parse(stripped, "x") == cvdr.parse(data, "x")


# -- CVDR112779_1: identifier without prefix, one anonymous article with a table ----


@pytest.fixture(scope="module")
def spijkenisse():
    return load("CVDR112779_1.xml")


def test_spijkenisse_identifier_is_normalised(spijkenisse):
    meta = spijkenisse.metadata
    assert (meta.identifier, meta.cvdr_id) == ("CVDR112779_1", "CVDR112779")
    assert meta.gemeente == "Spijkenisse"
    assert meta.bevoegd_orgaan == "gemandateerde functionaris"
    assert meta.vastgesteld_op == date(2011, 9, 6)
    assert meta.in_werking_op == date(2011, 9, 14)
    assert meta.uitgewerkt_op == date(2012, 4, 25)
    assert meta.bron == "CVDR112779_1.xml"  # isFormatOf is no URL here: the caller's name


def test_spijkenisse_anonymous_article_gets_no_invented_number(spijkenisse):
    assert spijkenisse.counts()["artikelen"] == 1
    art = spijkenisse.artikelen()[0]
    assert (art.nummer, art.opschrift) == ("", "")
    assert spijkenisse.warnings == [
        "1 artikel(en) zonder nummer in de bron; ze staan zonder nummer op de site."
    ]


def test_spijkenisse_table(spijkenisse):
    (tabel,) = spijkenisse.artikelen()[0].blocks
    assert isinstance(tabel, Tabel)
    assert len(tabel.rows) == 30
    assert {len(row) for row in tabel.rows} == {4}
    assert tabel.rows[0] == [
        "Dienst / Afdeling",
        "Taak: Wettelijke grondslag",
        "gegevensset gba autorisatiefunctie",
        "gegevensset gba-v autorisatiebesluit",
    ]
    assert tabel.rows[2][0] == (
        "Budgetondersteuning, Inburgering en Sociale Recherche\n(Schuldhulpverlening en Armoederegeling 1)"
    )


def test_spijkenisse_preamble_and_closing(spijkenisse):
    assert len(spijkenisse.aanhef) == 3
    assert [b.text for b in spijkenisse.sluiting] == [
        "Spijkenisse, 06 september 2011",
        "De directeur van de Sector Inwoners,",
        "J.L. Bal",
    ]


# -- CVDR621050_2 (namespace-stripped): definitions as lettered leden ---------------


@pytest.fixture(scope="module")
def heemstede():
    return load(HEEMSTEDE)


def test_heemstede_articles_and_leden(heemstede):
    counts = heemstede.counts()
    assert (counts["artikelen"], counts["leden"]) == (21, 39)
    assert [a.nummer for a in heemstede.artikelen()] == [str(n) for n in range(1, 22)]
    assert artikel(heemstede, "3").opschrift == "Samenstelling van de commissie"
    assert heemstede.warnings == []


def test_heemstede_heading_in_label(heemstede):
    art2 = artikel(heemstede, "2")
    assert art2.opschrift == "Reikwijdte advisering"
    lid2 = art2.blocks[1]
    assert isinstance(lid2, Lid) and lid2.nr == "2"
    assert [i.nr for i in lid2.blocks[1].items] == ["a.", "b.", "c.", "d."]


def test_heemstede_definitions(heemstede):
    assert [b.term for b in heemstede.begrippen] == [
        "college",
        "commissie",
        "verwerend orgaan",
        "wet",
    ]
    assert heemstede.counts()["begrippen"] == 4
    college = heemstede.begrippen[0]
    assert college.defined_in == "artikel 1"
    assert college.definitie == [Alinea("het college van burgemeester en wethouders;")]
    art1 = artikel(heemstede, "1")
    assert art1.blocks[0] == Alinea("In deze verordening wordt verstaan onder:")
    assert [b.nr for b in art1.blocks[1:]] == ["a", "b", "c", "d"]  # still in the text


def test_heemstede_metadata_and_spacers(heemstede):
    meta = heemstede.metadata
    assert (meta.identifier, meta.cvdr_id) == ("CVDR621050_2", "CVDR621050")
    assert meta.gemeente == "Heemstede"
    assert meta.citeertitel == "Verordening commissie bezwaarschriften Heemstede 2022"
    assert meta.vastgesteld_op == date(2022, 5, 10)
    assert meta.in_werking_op == date(2022, 7, 16)
    assert meta.bron == "https://zoek.officielebekendmakingen.nl/gmb-2022-324550"
    # Empty <al/> spacers are dropped.
    assert artikel(heemstede, "4").blocks == [
        Alinea("Het college wijst het secretariaat van de commissie aan.")
    ]
    assert heemstede.sluiting[0].text.startswith("Vastgesteld door het college")


# -- hand-written CVDR -------------------------------------------------------------------

REGELING = """
<aanhef><preambule><al>De raad van de gemeente Voorbeeld;</al></preambule></aanhef>
<regeling-tekst>
  <hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr><titel>Algemeen</titel></kop>
    <afdeling><kop><label>Afdeling</label><nr>1.1</nr><titel>Begrippen</titel></kop>
      <artikel><kop><label>Artikel</label><nr>1.1.1</nr><titel>Definities</titel></kop>
        <lid><lidnr>1.</lidnr><al>In deze verordening wordt verstaan onder:</al>
          <lijst><li nr="a."><al>cliënt: een persoon die ondersteuning vraagt;</al></li>
                 <li nr="b."><al>maatwerkvoorziening: een voorziening, bestaande uit:</al>
                   <lijst><li nr="1°"><al>diensten;</al></li>
                          <li nr="2°"><al>hulpmiddelen.</al></li></lijst>
                 </li></lijst></lid>
        <lid><lidnr>2.</lidnr>
          <al>Begrippen die niet zijn omschreven hebben de betekenis uit de wet.</al></lid>
      </artikel>
    </afdeling>
  </hoofdstuk>
  <hoofdstuk><kop><label>Hoofdstuk</label><nr>2</nr><titel>Slot</titel></kop>
    <artikel><kop><label>Artikel</label><nr>2.1</nr><titel>Tarieven</titel></kop>
      <tussenkop>Bedragen</tussenkop>
      <table><tgroup cols="2"><colspec colname="c1"/><colspec colname="c2"/>
        <thead><row><entry><al>Soort</al></entry><entry><al>Bedrag</al></entry></row></thead>
        <tbody><row><entry><al>Leges</al></entry>
          <entry><al>€ <vet>10</vet></al></entry></row></tbody>
      </tgroup></table></artikel>
    <artikel><kop><label>Artikel</label><nr>2.2</nr><titel>Vervallen</titel></kop>
      <al>[Vervallen]</al></artikel>
  </hoofdstuk>
</regeling-tekst>
<regeling-sluiting><slotformulering>
  <al>Aldus vastgesteld op 25 januari 2024.</al></slotformulering></regeling-sluiting>
<bijlage><kop><label>Bijlage</label><nr>A</nr><titel>Formulier</titel></kop>
  <artikel><kop><label>Artikel</label><nr>1</nr></kop><al>Model.</al></artikel></bijlage>
<nota-toelichting><kop><titel>Artikelsgewijze toelichting</titel></kop>
  <al>Uitleg.</al></nota-toelichting>
"""


@pytest.fixture(scope="module")
def voorbeeld():
    return cvdr.parse(cvdr_doc(REGELING), "CVDR999_3.xml")


def test_handwritten_cvdr_structure(voorbeeld):
    assert voorbeeld.counts() == {
        "hoofdstukken": 2,
        "afdelingen": 1,
        "paragrafen": 0,
        "artikelen": 3,
        "leden": 2,
        "bijlagen": 1,
        "begrippen": 2,
    }
    afdeling = voorbeeld.body[0].children[0]
    assert (afdeling.soort, afdeling.nummer, afdeling.opschrift) == ("afdeling", "1.1", "Begrippen")
    assert [a.nummer for a in voorbeeld.artikelen()] == ["1.1.1", "2.1", "2.2"]


def test_handwritten_cvdr_lists_use_nr_attribute(voorbeeld):
    lijst = artikel(voorbeeld, "1.1.1").blocks[0].blocks[1]
    assert [i.nr for i in lijst.items] == ["a.", "b."]
    assert [i.nr for i in lijst.items[1].blocks[1].items] == ["1°", "2°"]


def test_handwritten_cvdr_definitions_in_a_lid(voorbeeld):
    assert [(b.term, b.defined_in) for b in voorbeeld.begrippen] == [
        ("cliënt", "artikel 1.1.1"),
        ("maatwerkvoorziening", "artikel 1.1.1"),
    ]
    assert isinstance(voorbeeld.begrippen[1].definitie[1], Lijst)


def test_handwritten_cvdr_table_tussenkop_and_status(voorbeeld):
    tussenkop, tabel = artikel(voorbeeld, "2.1").blocks
    assert tussenkop == Tussenkop("Bedragen")
    assert tabel.header_rows == 1
    assert tabel.rows == [["Soort", "Bedrag"], ["Leges", "€ 10"]]
    art = artikel(voorbeeld, "2.2")
    assert (art.status, art.opschrift, art.blocks) == ("vervallen", "", [])


def test_handwritten_cvdr_annexes(voorbeeld):
    (bijlage,) = voorbeeld.bijlagen
    assert (bijlage.nummer, bijlage.opschrift) == ("A", "Formulier")
    # An article inside an annex is kept as heading + text, not as a regulation article.
    assert bijlage.blocks == [Tussenkop("Artikel 1"), Alinea("Model.")]
    # The nota-toelichting is the version's toelichting, not an annex.
    assert voorbeeld.toelichting.titel == "Artikelsgewijze toelichting"
    assert voorbeeld.toelichting.blocks == [Alinea("Uitleg.")]


def test_handwritten_cvdr_metadata(voorbeeld):
    meta = voorbeeld.metadata
    assert (meta.identifier, meta.cvdr_id) == ("CVDR999_3", "CVDR999")
    assert meta.titel == "Verordening maatschappelijke ondersteuning Voorbeeld 2024"
    assert meta.bevoegd_orgaan == "gemeenteraad"
    assert meta.vastgesteld_op == date(2024, 1, 25)
    assert meta.in_werking_op == date(2024, 2, 1)
    assert meta.bron == ""  # isFormatOf without a URL
    assert meta.citeertitel == ""  # neither metadata nor text names one


def test_cvdr_fallback_on_bold_articles_in_the_preamble():
    regeling = """<aanhef><preambule>
      <al>Het college van burgemeester en wethouders;</al>
      <al><vet>Artikel 1. Toepassing</vet></al>
      <lijst><li nr="1."><al>Eerste lid.</al></li><li nr="2."><al>Tweede lid.</al></li></lijst>
      <al><vet>Artikel 2</vet></al><al>Enige tekst.</al>
      <al>Aldus vastgesteld op 3 maart 2024.</al>
    </preambule></aanhef><regeling-tekst/>"""
    doc = cvdr.parse(cvdr_doc(regeling), "x")
    assert [a.nummer for a in doc.artikelen()] == ["1", "2"]
    assert [lid.nr for lid in doc.artikelen()[0].blocks] == ["1", "2"]
    assert doc.artikelen()[1].blocks == [Alinea("Enige tekst.")]
    assert doc.sluiting == [Alinea("Aldus vastgesteld op 3 maart 2024.")]
    assert block_text(doc.aanhef) == "Het college van burgemeester en wethouders;"
    assert any("vetgedrukte kopjes" in w for w in doc.warnings)


def test_cvdr_without_articles_is_refused():
    regeling = "<aanhef><preambule><al>Tekst.</al></preambule></aanhef><regeling-tekst/>"
    with pytest.raises(PublicatieFout, match="CVDR999_3 bevat geen artikelen"):
        cvdr.parse(cvdr_doc(regeling), "x")


def test_cvdr_without_regeling_is_refused():
    with pytest.raises(PublicatieFout, match="CVDR999_3 bevat geen regelingtekst"):
        cvdr.parse(f"{CVDR_HEAD}</body></cvdr>".encode(), "x")


# -- toelichting, figures and unnumbered parts, as in real CVDR files ----------------------

BELEIDSREGEL = """
<regeling-tekst>
  <hoofdstuk><kop><label/><nr>1.</nr><titel>Inleiding</titel></kop>
    <artikel><kop><label/><nr/><titel/></kop><al>De gemeente krijgt te maken met Bibob.</al></artikel>
    <artikel><kop><label/><nr/><titel/></kop><al>Een tweede tekst zonder nummer.</al>
      <al><plaatje><illustratie naam="CVDR999-1.png" breedte="50mm"/></plaatje></al></artikel>
  </hoofdstuk>
  <hoofdstuk><kop><label/><nr>2.</nr><titel>Toetsing</titel></kop>
    <paragraaf><kop><label/><nr/><titel>A. Bibob-toets bij een aanvraag</titel></kop>
      <structuurtekst><al>Tekst van A.</al></structuurtekst></paragraaf>
    <paragraaf><kop><label/><nr/><titel>B. Bibob-toets bij een subsidie</titel></kop>
      <structuurtekst><al>Tekst van B.</al></structuurtekst></paragraaf>
    <paragraaf><kop><label/><nr/><titel>Slot</titel></kop>
      <structuurtekst><al>Tekst zonder nummer.</al></structuurtekst></paragraaf>
    <artikel status="vervallen"><kop><label>Artikel</label><nr>2.1</nr><titel>Oud</titel></kop></artikel>
    <artikel><kop><label>Artikel</label><nr>2.2</nr><titel>Leges</titel></kop>
      <table><tgroup cols="1"><tbody><row><entry><al><plaatje><illustratie naam="tabel.png"/></plaatje></al>
      </entry></row></tbody></tgroup></table></artikel>
  </hoofdstuk>
</regeling-tekst>
<nota-toelichting><kop><titel>Toelichting</titel></kop>
  <al><vet>Algemeen</vet></al>
  <al>Deze beleidsregel beschrijft de Bibob-toets.</al>
  <al><vet>Artikelsgewijze toelichting</vet></al>
  <al><cursief>Artikel 2.2 Leges</cursief></al>
  <al>De leges volgen de tabel.</al>
  <al>Zie ook de legesverordening.</al>
  <al><vet>Artikelen 2.1 en 2.2</vet></al>
  <al>Beide gaan over geld.</al>
  <al>Artikel 7</al>
  <al>Dit artikel bestaat niet.</al>
</nota-toelichting>
<nota-toelichting/>
"""


@pytest.fixture(scope="module")
def beleidsregel():
    return cvdr.parse(cvdr_doc(BELEIDSREGEL), "CVDR999_3.xml")


def test_unnumbered_articles_keep_no_number_and_their_own_text(beleidsregel):
    first, second, *_ = beleidsregel.artikelen()
    assert (first.nummer, second.nummer) == ("", "")
    assert first.blocks == [Alinea("De gemeente krijgt te maken met Bibob.")]
    assert second.blocks[0] == Alinea("Een tweede tekst zonder nummer.")


def test_paragraphs_titled_with_a_letter_keep_that_letter_as_number(beleidsregel):
    paragrafen = beleidsregel.body[1].children[:3]
    assert [(p.nummer, p.opschrift) for p in paragrafen] == [
        ("A", "Bibob-toets bij een aanvraag"),
        ("B", "Bibob-toets bij een subsidie"),
        ("", "Slot"),
    ]
    texts = [block_text(p.blocks) for p in paragrafen]
    assert texts == ["Tekst van A.", "Tekst van B.", "Tekst zonder nummer."]


def test_status_attribute_marks_a_repealed_article(beleidsregel):
    oud = artikel(beleidsregel, "2.1")
    assert (oud.status, oud.opschrift) == ("vervallen", "Oud")


def test_plaatje_becomes_a_figure_where_it_stands(beleidsregel):
    second = beleidsregel.artikelen()[1]
    assert second.blocks[1] == Figuur(bron="CVDR999-1.png")
    assert any("'tabel.png' in een tabel is niet overgenomen" in w for w in beleidsregel.warnings)


def test_nota_toelichting_goes_to_the_articles_it_explains(beleidsregel):
    assert artikel(beleidsregel, "2.2").toelichting == [
        Alinea("De leges volgen de tabel."),
        Alinea("Zie ook de legesverordening."),
        Tussenkop("Artikelen 2.1 en 2.2"),
        Alinea("Beide gaan over geld."),
    ]
    assert artikel(beleidsregel, "2.1").toelichting == [
        Tussenkop("Artikelen 2.1 en 2.2"),
        Alinea("Beide gaan over geld."),
    ]
    toelichting = beleidsregel.toelichting
    assert toelichting.titel == "Toelichting"
    assert toelichting.blocks == [
        Alinea("Algemeen"),
        Alinea("Deze beleidsregel beschrijft de Bibob-toets."),
        Tussenkop("Artikelsgewijze toelichting"),
        Tussenkop("Artikel 7"),
        Alinea("Dit artikel bestaat niet."),
    ]
    assert any("'Artikel 7'" in w for w in beleidsregel.warnings)
