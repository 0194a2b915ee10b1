"""OP XML (officiele-publicatie): samples in tests/data/samples/op-gmb and small hand-written files.

Pure tests: no database, no Django.
"""

from datetime import date

import pytest

from importers.errors import PublicatieFout
from importers.formats import parse_publicatie
from importers.parsers import op
from importers.tree import Alinea, Divisie, Figuur, Lid, Lijst, Tabel, Tussenkop, block_text
from tests.paths import SAMPLES as ALL_SAMPLES

SAMPLES = ALL_SAMPLES / "op-gmb"


def load(name: str):
    return parse_publicatie((SAMPLES / name).read_bytes(), name)


def artikel(doc, nummer):
    return next(a for a in doc.artikelen() if a.nummer == nummer)


def gmb(body: str, regeling_extra: str = "", aanhef: str = "") -> bytes:
    """A minimal gemeenteblad regulation around some regeling-tekst content."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><metadata><meta name="OVERHEIDop.externMetadataRecord"
  content="https://zoek.officielebekendmakingen.nl/gmb-2099-1/metadata.xml" scheme=""/></metadata>
<kop><titel>GEMEENTEBLAD</titel><subtitel>Officiële uitgave van de gemeente Lochem</subtitel></kop>
<gemeenteblad><kop><titel>Verordening Sociaal Domein 2026</titel></kop>
<regeling><aanhef><preambule>{aanhef}</preambule></aanhef>
<regeling-tekst>{body}</regeling-tekst>{regeling_extra}</regeling></gemeenteblad>
</officiele-publicatie>""".encode()


# -- refusals ---------------------------------------------------------------------


@pytest.mark.parametrize("name", ["gmb-2017-100002.xml", "prb-2017-1003.xml"])
def test_notice_is_refused_with_a_dutch_one_liner(name):
    with pytest.raises(PublicatieFout) as exc:
        load(name)
    message = str(exc.value)
    assert message.startswith(name.removesuffix(".xml") + " is een zakelijke mededeling")
    assert "alleen regelingen worden geïmporteerd" in message
    assert "\n" not in message


def test_notice_is_refused_by_the_parser_itself():
    data = (SAMPLES / "gmb-2017-100002.xml").read_bytes()
    with pytest.raises(PublicatieFout, match="zakelijke mededeling"):
        op.parse(data, "gmb-2017-100002.xml")


@pytest.mark.parametrize("path", sorted((SAMPLES / "metadata").glob("*.xml")), ids=lambda p: p.name)
def test_metadata_records_are_refused(path):
    with pytest.raises(PublicatieFout, match="geen publicatie"):
        parse_publicatie(path.read_bytes(), path.name)


def test_regeling_without_any_article_is_refused():
    data = gmb("", aanhef="<al>Alleen wat tekst, geen artikelen.</al>")
    with pytest.raises(PublicatieFout, match="gmb-2099-1 bevat geen artikelen"):
        op.parse(data, "x.xml")


def test_doctype_is_refused():
    data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><officiele-publicatie/>'
    with pytest.raises(PublicatieFout):
        op.parse(data, "evil.xml")


# -- bgr-2024-715: the regulation written in the preamble -------------------------


@pytest.fixture(scope="module")
def bgr():
    return load("bgr-2024-715.xml")


def test_bgr_fallback_counts_and_warning(bgr):
    assert bgr.counts() == {
        "hoofdstukken": 3,
        "afdelingen": 0,
        "paragrafen": 0,
        "artikelen": 8,
        "leden": 11,
        "bijlagen": 1,
        "begrippen": 2,
    }
    assert any("vetgedrukte kopjes" in w for w in bgr.warnings)


def test_bgr_articles_sit_in_the_lettered_divisions(bgr):
    assert [(d.nummer, d.opschrift) for d in bgr.body] == [
        ("A", "Algemeen"),
        ("B", "Mandatering"),
        ("C", "Slotbepalingen"),
    ]
    assert [[a.nummer for a in d.children] for d in bgr.body] == [
        ["1"],
        ["2", "3", "4", "5", "6", "7"],
        ["8"],
    ]
    assert artikel(bgr, "2").opschrift == "Randvoorwaarden mandatering"
    assert artikel(bgr, "8").opschrift == ""


def test_bgr_list_after_heading_becomes_leden_with_nested_list(bgr):
    art2 = artikel(bgr, "2")
    assert [b.nr for b in art2.blocks] == ["1", "2"]
    assert all(isinstance(b, Lid) for b in art2.blocks)
    lid2 = art2.blocks[1]
    assert isinstance(lid2.blocks[0], Alinea)
    nested = lid2.blocks[1]
    assert isinstance(nested, Lijst)
    assert [i.nr for i in nested.items] == ["a.", "b.", "c."]
    assert [b.nr for b in artikel(bgr, "8").blocks] == ["1", "2", "3"]


def test_bgr_list_after_text_stays_a_list(bgr):
    art1 = artikel(bgr, "1")
    assert art1.blocks[0] == Alinea("In deze voorschriften wordt verstaan onder:")
    assert [i.nr for i in art1.blocks[1].items] == ["1.", "2.", "3."]
    art7 = artikel(bgr, "7")
    assert isinstance(art7.blocks[0], Alinea) and isinstance(art7.blocks[1], Lijst)


def test_bgr_definitions_with_lower_case_terms(bgr):
    assert [(b.term, b.defined_in) for b in bgr.begrippen] == [
        ("gemandateerde", "artikel 1"),
        ("ondergemandateerde", "artikel 1"),
    ]
    assert bgr.begrippen[0].definitie[0].text.startswith("de functionaris, aan wie")
    # The definitions also stay in the article text.
    assert "gemandateerde: de functionaris" in block_text(artikel(bgr, "1").blocks)


def test_bgr_preamble_closing_and_annex(bgr):
    aanhef = block_text(bgr.aanhef)
    assert aanhef.startswith("Het dagelijks bestuur en de voorzitter van Regio Achterhoek")
    assert "Besluiten:" in aanhef
    assert bgr.sluiting[0].text.startswith("Aldus vastgesteld in de vergadering")
    assert "de voorzitter" in bgr.sluiting[1].text
    bijlage = bgr.bijlagen[0]
    assert bijlage.nummer == "1"
    assert bijlage.opschrift.startswith("bij Regeling mandatering")
    assert isinstance(bijlage.blocks[0], Tussenkop)
    table = next(b for b in bijlage.blocks if isinstance(b, Tabel))
    assert len(table.rows) == 35
    assert {len(row) for row in table.rows} == {5}
    # The namest/nameend span over colB..colC is padded to keep the columns aligned.
    assert table.rows[0] == [
        "Naam regeling/bevoegdheden",
        "Mandaatverlening",
        "",
        "Ondergemandateerde",
        "Kader",
    ]
    assert table.rows[1] == ["", "Door", "Aan", "", ""]


def test_bgr_metadata(bgr):
    meta = bgr.metadata
    assert meta.identifier == "bgr-2024-715"
    assert meta.formaat == "op"
    assert meta.titel.startswith("Regeling mandatering bevoegdheden")
    assert meta.gemeente == "Regio Achterhoek"
    assert meta.organisatie == "gemeenschappelijke regeling Regio Achterhoek"
    assert meta.bevoegd_orgaan == "dagelijks bestuur"
    assert meta.vastgesteld_op == date(2024, 5, 8)
    assert meta.in_werking_op is None  # "op de dag nadat …": no date in the text
    assert meta.citeertitel == (
        "Regeling mandatering bevoegdheden van het dagelijks bestuur en voorzitter van Regio Achterhoek"
    )
    assert meta.bron == "https://zoek.officielebekendmakingen.nl/bgr-2024-715"


# -- stb-2018-84: BOM, CRLF, wet-besluit ------------------------------------------


@pytest.fixture(scope="module")
def stb():
    return load("stb-2018-84.xml")


def test_stb_sample_really_has_bom_and_crlf():
    data = (SAMPLES / "stb-2018-84.xml").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data


def test_stb_articles_leden_and_list(stb):
    assert stb.counts()["artikelen"] == 3
    assert stb.counts()["leden"] == 3
    assert [a.nummer for a in stb.artikelen()] == ["1", "2", "3"]
    art1 = artikel(stb, "1")
    assert [lid.nr for lid in art1.blocks] == ["1", "2", "3"]
    lijst = art1.blocks[0].blocks[1]
    assert [i.nr for i in lijst.items] == ["a.", "b."]
    assert "Fryslân" in block_text(art1.blocks)
    assert artikel(stb, "2").blocks[0].text.startswith("De Staat der Nederlanden")


def test_stb_images_are_figures_in_their_list_item(stb):
    voorzijde, keerzijde = artikel(stb, "1").blocks[0].blocks[1].items
    assert Figuur(bron="stb-2018-84-001.png") in voorzijde.blocks
    assert Figuur(bron="stb-2018-84-002.png") in keerzijde.blocks
    # The image files are not in the XML: the editor is told which ones to look up.
    assert any("stb-2018-84-001.png, stb-2018-84-002.png" in w for w in stb.warnings)


def test_stb_metadata_and_closing(stb):
    meta = stb.metadata
    assert meta.identifier == "stb-2018-84"
    assert meta.soort == "wet-besluit"
    assert meta.titel.startswith("Besluit van 9 maart 2018, houdende vaststelling")
    assert meta.gemeente == ""
    assert meta.vastgesteld_op == date(2018, 3, 9)
    assert meta.publicatiedatum == date(2018, 3, 27)
    assert meta.in_werking_op == date(2018, 3, 29)
    lines = [b.text for b in stb.sluiting]
    assert "Wassenaar, 9 maart 2018" in lines
    assert "M. Snel" in lines
    assert stb.aanhef[0].text.startswith("Wij Willem-Alexander")


# -- hand-written regulations -------------------------------------------------------

LOCHEM_LIKE = """
<hoofdstuk><kop><label>Hoofdstuk</label><nr>1</nr><titel>Algemene bepalingen</titel></kop>
  <artikel><kop><label>Artikel</label><nr>1.1</nr><titel>Begripsbepalingen [Wmo, PW]</titel></kop>
    <al>In deze verordening wordt verstaan onder:</al>
    <lijst>
      <li><li.nr>a.</li.nr><al>aanvraag: een verzoek om een voorziening;</al></li>
      <li><li.nr>b.</li.nr><al>Mantelzorger(s): degene die mantelzorg verleent;</al></li>
      <li><li.nr>c.</li.nr><al>voorziening: een van de volgende:</al>
        <lijst><li><li.nr>1°</li.nr><al>een maatwerkvoorziening;</al></li>
               <li><li.nr>2°</li.nr><al>een algemene voorziening.</al></li></lijst></li>
    </lijst>
  </artikel>
</hoofdstuk>
<hoofdstuk><kop><label>Hoofdstuk</label><nr>2</nr><titel>De vraag om ondersteuning</titel></kop>
  <al>[Jeugdwet, Wmo, PW, IOAW]</al>
  <paragraaf><kop><label>Paragraaf</label><nr>2.1</nr><titel>Melding</titel></kop>
    <artikel><kop><label>Artikel</label><nr>2.1.</nr>
      <titel>FASE 2: Het gesprek [Wmo, PW]</titel></kop>
      <lid><lidnr>1.</lidnr><al>Het gesprek vindt zo snel mogelijk plaats.</al><al/><al> </al></lid>
      <lid><lidnr>2</lidnr><al>De gemeente&#160;kan het gesprek <nadruk type="cur">ook</nadruk>
        <extref doc="https://example.org/">telefonisch</extref> voeren.</al>
        <lijst><li><li.nr>a.</li.nr><al>eerste;</al></li></lijst>
        <lijst><li><li.nr>b.</li.nr><al>tweede.</al></li></lijst>
      </lid>
    </artikel>
    <artikel><kop><label/><nr/><titel/></kop><al>Een artikel zonder kop.</al></artikel>
  </paragraaf>
</hoofdstuk>
<artikel><kop><label>Artikel</label><nr>3</nr><titel>Inwerkingtreding</titel></kop>
  <al>Deze verordening treedt in werking op 1 januari 2026.</al></artikel>
<artikel><kop><label>Artikel</label><nr>4</nr><titel>Citeertitel</titel></kop>
  <al>Deze verordening wordt aangehaald als: Verordening Sociaal Domein 2026</al></artikel>
<artikel><kop><label>Artikel 5 [Vervallen]</label></kop></artikel>
"""

LOCHEM_EXTRA = """
<regeling-sluiting><slotformulering>
  <al>Aldus vastgesteld in de openbare raadsvergadering van 10 november 2025</al>
</slotformulering></regeling-sluiting>
<bijlage><kop><label>Bijlage</label><nr>1</nr><titel>Tarieven</titel></kop>
  <al>Tarief A.</al></bijlage>
<nota-toelichting><al>Algemene toelichting.</al></nota-toelichting>
"""

LOCHEM_AANHEF = """
<al>De gemeenteraad van de gemeente Lochem,</al>
<al>gelet op het voorstel van burgemeester en wethouders van 30 september 2025;</al>
"""


@pytest.fixture(scope="module")
def lochem():
    return op.parse(gmb(LOCHEM_LIKE, LOCHEM_EXTRA, LOCHEM_AANHEF), "upload.xml")


def test_handwritten_structure(lochem):
    assert lochem.counts() == {
        "hoofdstukken": 2,
        "afdelingen": 0,
        "paragrafen": 1,
        "artikelen": 6,
        "leden": 2,
        "bijlagen": 1,
        "begrippen": 3,
    }
    h1, h2, art3, art4, art5 = lochem.body
    assert (h1.soort, h1.nummer, h1.opschrift) == ("hoofdstuk", "1", "Algemene bepalingen")
    par = h2.children[0]
    assert isinstance(par, Divisie) and (par.soort, par.nummer) == ("paragraaf", "2.1")
    assert [a.nummer for a in par.children] == ["2.1", ""]
    assert [a.nummer for a in (art3, art4, art5)] == ["3", "4", "5"]


def test_handwritten_law_tags(lochem):
    art = artikel(lochem, "1.1")
    assert (art.opschrift, art.wetten) == ("Begripsbepalingen", ["Wmo", "PW"])
    fase = artikel(lochem, "2.1")
    assert (fase.opschrift, fase.wetten) == ("FASE 2: Het gesprek", ["Wmo", "PW"])
    # A line holding only tags under a chapter heading belongs to that heading.
    h2 = lochem.body[1]
    assert h2.wetten == ["Jeugdwet", "Wmo", "PW", "IOAW"]
    assert h2.blocks == []


def test_handwritten_leden_text_and_lists(lochem):
    lid1, lid2 = artikel(lochem, "2.1").blocks
    assert (lid1.nr, lid2.nr) == ("1", "2")
    assert lid1.blocks == [Alinea("Het gesprek vindt zo snel mogelijk plaats.")]  # spacers dropped
    assert lid2.blocks[0].text == "De gemeente kan het gesprek ook telefonisch voeren."
    # A list split over two <lijst> elements with continuing numbering is one list.
    assert len(lid2.blocks) == 2
    assert [i.nr for i in lid2.blocks[1].items] == ["a.", "b."]


def test_handwritten_nested_list_and_definitions(lochem):
    lijst = artikel(lochem, "1.1").blocks[1]
    nested = lijst.items[2].blocks[1]
    assert [i.nr for i in nested.items] == ["1°", "2°"]
    assert [b.term for b in lochem.begrippen] == ["aanvraag", "Mantelzorger(s)", "voorziening"]
    assert {b.defined_in for b in lochem.begrippen} == {"artikel 1.1"}
    voorziening = lochem.begrippen[2]
    assert voorziening.definitie[0] == Alinea("een van de volgende:")
    assert isinstance(voorziening.definitie[1], Lijst)


def test_handwritten_anonymous_article_and_status(lochem):
    anonymous = artikel(lochem, "")  # no number is invented for it
    assert anonymous.blocks == [Alinea("Een artikel zonder kop.")]
    assert "1 artikel(en) zonder nummer in de bron; ze staan zonder nummer op de site." in lochem.warnings
    art5 = artikel(lochem, "5")
    assert (art5.status, art5.opschrift, art5.blocks) == ("vervallen", "", [])


def test_handwritten_metadata_from_prose(lochem):
    meta = lochem.metadata
    assert meta.identifier == "gmb-2099-1"
    assert meta.gemeente == "Lochem"
    assert meta.organisatie == "gemeente Lochem"
    assert meta.werk_id == ""  # a Gemeenteblad publication names no work
    assert meta.titel == "Verordening Sociaal Domein 2026"
    assert meta.bevoegd_orgaan == "gemeenteraad"
    assert meta.in_werking_op == date(2026, 1, 1)
    assert meta.vastgesteld_op == date(2025, 11, 10)
    assert meta.citeertitel == "Verordening Sociaal Domein 2026"


def test_handwritten_annexes_and_toelichting(lochem):
    assert [(b.nummer, b.opschrift) for b in lochem.bijlagen] == [("1", "Tarieven")]
    assert (lochem.toelichting.titel, lochem.toelichting.blocks) == (
        "Toelichting",
        [Alinea("Algemene toelichting.")],
    )


def test_definitions_as_lettered_leden():
    body = """<artikel><kop><label>Artikel 1 Begrippen</label></kop>
      <lid><lidnr>a.</lidnr><al>college: het college van burgemeester en wethouders;</al></lid>
      <lid><lidnr>b.</lidnr><al>Awb: Algemene wet bestuursrecht. Wmo: Wet maatschappelijke
        ondersteuning 2015;</al></lid>
    </artikel>"""
    doc = op.parse(gmb(body), "x.xml")
    assert [b.term for b in doc.begrippen] == ["college", "Awb", "Wmo"]
    assert [lid.nr for lid in doc.artikelen()[0].blocks] == ["a", "b"]


def test_cals_table_with_header_spans_and_row_spans():
    table = """<artikel><kop><label>Artikel</label><nr>1</nr></kop><al>Tarieven:</al>
    <table><tgroup cols="3"><colspec colname="c1"/><colspec colname="c2"/><colspec colname="c3"/>
      <thead><row><entry><al>Soort</al></entry>
        <entry namest="c2" nameend="c3"><al>Bedrag</al></entry></row></thead>
      <tbody>
        <row><entry morerows="1"><al>Leges</al></entry><entry><al>€ 10</al></entry>
          <entry>per stuk</entry></row>
        <row><entry colname="c2"><al>€ 20</al><al>(spoed)</al></entry>
          <entry><al>per <nadruk type="vet">uur</nadruk></al></entry></row>
        <row><entry><al>Rente</al></entry>
          <entry><lijst><li><li.nr>a.</li.nr><al>laag</al></li></lijst></entry></row>
      </tbody></tgroup></table></artikel>"""
    doc = op.parse(gmb(table), "x.xml")
    tabel = doc.artikelen()[0].blocks[1]
    assert isinstance(tabel, Tabel)
    assert tabel.header_rows == 1
    assert tabel.rows == [
        ["Soort", "Bedrag", ""],
        ["Leges", "€ 10", "per stuk"],
        ["", "€ 20\n(spoed)", "per uur"],
        ["Rente", "a. laag", ""],
    ]


def test_whole_heading_in_label_and_division_label():
    body = """<hoofdstuk><kop><label>2.Parkeren [Wegenverkeerswet]</label></kop>
      <artikel><kop><label>Artikel 2.1 - Reikwijdte</label></kop><al>Tekst.</al></artikel>
    </hoofdstuk>"""
    doc = op.parse(gmb(body), "x.xml")
    hoofdstuk = doc.body[0]
    assert (hoofdstuk.nummer, hoofdstuk.opschrift) == ("2", "Parkeren")
    assert hoofdstuk.wetten == ["Wegenverkeerswet"]
    art = doc.artikelen()[0]
    assert (art.nummer, art.opschrift) == ("2.1", "Reikwijdte")
    assert doc.warnings == []
