"""HTML publication pages. Pure: no database."""

from datetime import date

import pytest

from importers.errors import PublicatieFout
from importers.formats import detect, parse_publicatie
from importers.parsers import html
from importers.tree import Alinea, Divisie, Figuur, Lid, Lijst, Tabel, Tussenkop
from tests.paths import SAMPLES as ALL_SAMPLES

SAMPLES = ALL_SAMPLES / "html"

# A regulation as zoek.officielebekendmakingen.nl would render it: OP element names as
# _p_ classes (UNVERIFIED for regulations; built by analogy with the notices). The page
# chrome carries a stale id, as the real pages do.
ZOEK_REGELING = """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"[]>
<html lang="nl" xmlns="http://www.w3.org/1999/xhtml"><head>
<meta content="text/html; charset=utf-8" http-equiv="Content-Type" />
<meta name="DC.identifier" content="gmb-2025-999999" scheme="OVERHEIDop.GmbID" />
<meta name="DC.creator" content="Lochem" scheme="OVERHEID.Gemeente" />
<meta name="DC.title" content="Verordening Sociaal Domein Voorbeeld 2026" />
<meta name="DC.type" content="officiële publicatie" scheme="OVERHEID.Informatietype" />
<meta name="DC.type" content="algemeen verbindend voorschrift (verordening)"
      scheme="OVERHEIDop.Rubriek" />
<meta name="DCTERMS.available" content="2025-11-20" scheme="DCTERMS.W3CDTF" />
<meta name="OVERHEIDop.publicationName" content="Gemeenteblad" />
<script src="/Static/Scripts/default.js" type="text/javascript" />
<title>Verordening</title></head>
<body><form action="gmb-2015-16426.html"><div id="main-column"><div id="broodtekst">
<div class="officiele-publicatie"><div class="_p_gemeenteblad">
<p class="staatscourant_kop _p_single-kop-titel">Verordening Sociaal Domein Voorbeeld 2026</p>
<div class="_p_regeling">
 <div class="_p_aanhef"><p class="_p_al">De raad van de gemeente Lochem;</p>
 <p class="_p_al">besluit vast te stellen:</p></div>
 <div class="_p_regeling-tekst">
  <div class="_p_hoofdstuk"><h2 class="_p_kop">Hoofdstuk 1 Algemene bepalingen</h2>
   <div class="_p_artikel"><a name="id1"></a>
   <h3 class="_p_kop">Artikel 1.1 Begripsbepalingen [Jeugdwet, Wmo]</h3>
    <p class="_p_al">In deze verordening wordt verstaan onder:</p>
    <ul class="_explicit _p_lijst">
     <li class="_p_li"><span>a.</span><div>
     <p class="_p_al">College: het college van burgemeester en wethouders;</p></div></li>
     <li class="_p_li"><span>b.</span><div>
     <p class="_p_al">Inwoner: een persoon die in de gemeente woont.</p></div></li>
    </ul>
   </div>
   <div class="_p_artikel"><h3 class="_p_kop">
   <span class="_p_label">Artikel</span> <span class="_p_nr">1.2</span>
   <span class="_p_titel">Melding</span>
   </h3>
    <div class="_p_lid"><p class="_p_al">1. Een melding wordt <b>schriftelijk</b> gedaan.</p></div>
    <div class="_p_lid"><span class="_p_lidnr">2.</span><p class="_p_al">De melding bevat:</p>
     <ul class="_p_lijst">
      <li class="_p_li"><span>a.</span><div><p class="_p_al">de naam;</p>
        <ul class="_p_lijst"><li class="_p_li"><span>1°.</span><div>
        <p class="_p_al">voornaam;</p></div></li><li class="_p_li"><span>2°.</span><div>
        <p class="_p_al">achternaam.</p></div></li></ul></div></li>
      <li class="_p_li"><span>b.</span><div><p class="_p_al">het adres.</p></div></li>
     </ul></div>
   </div>
  </div>
  <div class="_p_hoofdstuk"><h2 class="_p_kop">Hoofdstuk 2 Slotbepalingen</h2>
   <div class="_p_artikel"><h3 class="_p_kop">Artikel 2.1 Vervallen</h3>
   <p class="_p_al">[Vervallen]</p></div>
   <div class="_p_artikel"><h3 class="_p_kop">Artikel 2.2 Citeertitel</h3>
   <p class="_p_al">Deze verordening wordt aangehaald als: Verordening Voorbeeld.</p></div>
  </div>
 </div>
 <div class="_p_regeling-sluiting"><p class="_p_al">Aldus vastgesteld op 10 november 2025.</p></div>
 <div class="_p_bijlage"><h2 class="_p_kop">Bijlage 1 Normen</h2><table><thead><tr><th>Norm</th>
 <th>Bedrag</th></tr></thead><tbody><tr><td>A</td><td>€ 10</td></tr></tbody></table></div>
</div></div></div></div></div>
<div id="right-column"><a href="gmb-2015-16426.xml">Xml</a></div></form></body></html>
"""

# The text-capture style of the Lochem verordening: bare numbered headings with law tags,
# a tags-only line under a chapter, bold-paragraph articles and a bold annex heading.
CAPTURE = """<html><head><meta name="DC.identifier" content="gmb-2025-538386"/>
<meta name="DC.creator" content="Lochem" scheme="OVERHEID.Gemeente"/></head><body>
<div id="broodtekst"><div class="officiele-publicatie">
<h2>Hoofdstuk 2 De vraag om ondersteuning</h2>
<p>[Jeugdwet, Wmo, PW, IOAW, IOAZ, Wgs, Wvggz, Llv]</p>
<div class="artikel"><h4>2.2 FASE 2: Het gesprek na uw melding/aanvraag [Jeugdwet, Wmo, PW]</h4>
<p>Het doel van het gesprek is een goed beeld te krijgen.</p></div>
<h3>8.3 Persoonsgebonden budget (Pgb) [Jeugdwet, Wmo]</h3>
<p>Dit is geld waarmee u zelf de ondersteuning inkoopt.</p>
<h4>8.3.4 Hoogte en tarief Pgb diensten</h4>
<p>1. De hoogte van het Pgb is voor de Wmo minimaal gelijk aan het minimumloon.</p>
<p>2. Voor begeleiding geldt het loon van salarisschaal FWG30.</p>
<p><b>Artikel 9. Slotbepaling</b></p>
<ol><li>Deze verordening treedt in werking op 1 januari 2026.</li></ol>
<p><strong>Bijlage 1 bij de verordening</strong></p>
<p>Tekst van de bijlage.</p>
</div></div></body></html>
"""


def load(name: str):
    return parse_publicatie((SAMPLES / name).read_bytes(), name)


# -- notices are refused ------------------------------------------------------------


@pytest.mark.parametrize("name", ["gmb-2017-100007.html", "gmb-2024-216934.html"])
def test_notices_are_refused_with_their_own_id(name):
    assert detect((SAMPLES / name).read_bytes()) == "html"
    ident = name.removesuffix(".html")
    with pytest.raises(PublicatieFout) as exc:
        load(name)
    assert str(exc.value) == (
        f"{ident} is een zakelijke mededeling, geen regeling; alleen regelingen worden geïmporteerd."
    )


def test_notice_refusal_does_not_use_stale_chrome_id():
    with pytest.raises(PublicatieFout) as exc:
        html.parse((SAMPLES / "gmb-2024-216934.html").read_bytes(), "x.html")
    assert "gmb-2015-16426" not in str(exc.value)
    assert "gmb-2024-216934" in str(exc.value)


# -- repository html manifestation ----------------------------------------------------


@pytest.fixture(scope="module")
def stb():
    return load("stb-2014-296.repository-manifestation.html")


def test_manifestation_metadata(stb):
    meta = stb.metadata
    assert meta.identifier == "stb-2014-296"
    assert meta.titel.startswith("Besluit van 14 juli 2014, houdende verlenging")
    assert meta.publicatiedatum == date(2014, 7, 29)
    assert meta.vastgesteld_op == date(2014, 7, 14)  # OVERHEIDop.datumOndertekening
    assert meta.gemeente == ""  # DC.creator is a ministry, not a gemeente
    assert meta.soort == "Klein Koninklijk Besluit"
    assert meta.formaat == "html"


def test_manifestation_articles(stb):
    assert stb.counts() == {
        "hoofdstukken": 0,
        "afdelingen": 0,
        "paragrafen": 0,
        "artikelen": 2,
        "leden": 0,
        "bijlagen": 0,
        "begrippen": 0,
    }
    first, second = stb.artikelen()
    # ARTIKEL I is only a heading (wijzig-artikel_kop) followed by <p class="wat">.
    assert first.nummer == "I"
    assert first.blocks[0].text.startswith("De termijn van twee jaar")
    assert second.nummer == "II"
    assert second.blocks == [Alinea("Dit besluit treedt in werking met ingang van 10 oktober 2014.")]


def test_manifestation_aanhef_sluiting_and_toelichting(stb):
    assert stb.aanhef[0].text.startswith("Wij Willem-Alexander")
    assert stb.aanhef[-1] == Alinea("Hebben goedgevonden en verstaan;")
    assert Alinea("Wassenaar, 14 juli 2014") in stb.sluiting
    assert stb.bijlagen == []
    toelichting = stb.toelichting  # the nota van toelichting is the version's toelichting
    assert toelichting.titel == "NOTA VAN TOELICHTING"
    assert toelichting.blocks[0].text.startswith("Vanaf 10 oktober 2010")
    # The signature inside the toelichting stays there, not in the sluiting.
    assert "Plasterk" in toelichting.blocks[-1].text


# -- hand-written regulation page -------------------------------------------------------


@pytest.fixture(scope="module")
def regeling():
    return parse_publicatie(ZOEK_REGELING.encode("utf-8"), "gmb-2025-999999.html")


def test_regeling_metadata_from_head_only(regeling):
    meta = regeling.metadata
    assert meta.identifier == "gmb-2025-999999"
    assert meta.gemeente == "Lochem"
    assert meta.organisatie == "gemeente Lochem"
    assert meta.titel == "Verordening Sociaal Domein Voorbeeld 2026"
    assert meta.soort == "algemeen verbindend voorschrift (verordening)"
    assert meta.publicatiedatum == date(2025, 11, 20)


def test_regeling_tree(regeling):
    assert regeling.counts() == {
        "hoofdstukken": 2,
        "afdelingen": 0,
        "paragrafen": 0,
        "artikelen": 4,
        "leden": 2,
        "bijlagen": 1,
        "begrippen": 2,
    }
    h1, h2 = regeling.body
    assert isinstance(h1, Divisie)
    assert (h1.soort, h1.nummer, h1.opschrift) == ("hoofdstuk", "1", "Algemene bepalingen")
    assert [a.nummer for a in h1.children] == ["1.1", "1.2"]
    assert [a.nummer for a in h2.children] == ["2.1", "2.2"]
    a11 = h1.children[0]
    assert (a11.opschrift, a11.wetten) == ("Begripsbepalingen", ["Jeugdwet", "Wmo"])
    assert h2.children[0].status == "vervallen"
    assert h2.children[0].blocks == []


def test_regeling_leden_and_nested_lists(regeling):
    a12 = regeling.body[0].children[1]
    assert a12.opschrift == "Melding"  # heading split over label/nr/titel spans
    lid1, lid2 = a12.blocks
    assert isinstance(lid1, Lid) and lid1.nr == "1"
    assert lid1.blocks == [Alinea("Een melding wordt schriftelijk gedaan.")]
    assert lid2.nr == "2"
    assert lid2.blocks[0] == Alinea("De melding bevat:")
    lijst = lid2.blocks[1]
    assert [i.nr for i in lijst.items] == ["a.", "b."]
    inner = lijst.items[0].blocks[1]
    assert isinstance(inner, Lijst)
    assert [i.nr for i in inner.items] == ["1°.", "2°."]
    assert inner.items[1].blocks == [Alinea("achternaam.")]


def test_regeling_definitions(regeling):
    assert [(b.term, b.defined_in) for b in regeling.begrippen] == [
        ("College", "artikel 1.1"),
        ("Inwoner", "artikel 1.1"),
    ]
    assert regeling.begrippen[0].definitie == [Alinea("het college van burgemeester en wethouders;")]


def test_regeling_aanhef_sluiting_bijlage(regeling):
    assert regeling.aanhef == [
        Alinea("De raad van de gemeente Lochem;"),
        Alinea("besluit vast te stellen:"),
    ]
    assert regeling.sluiting == [Alinea("Aldus vastgesteld op 10 november 2025.")]
    (bijlage,) = regeling.bijlagen
    assert (bijlage.nummer, bijlage.opschrift) == ("1", "Normen")
    tabel = bijlage.blocks[0]
    assert isinstance(tabel, Tabel)
    assert tabel.header_rows == 1
    assert tabel.rows == [["Norm", "Bedrag"], ["A", "€ 10"]]


def test_regeling_chrome_and_title_are_not_content(regeling):
    texts = [b.text for b in regeling.aanhef + regeling.sluiting]
    assert not any("Xml" in t or "Verordening Sociaal Domein" in t for t in texts)


# -- text-capture style headings ---------------------------------------------------------


@pytest.fixture(scope="module")
def capture():
    return html.parse(CAPTURE.encode("utf-8"), "capture.html")


def test_capture_headings_with_law_tags(capture):
    (h2,) = capture.body
    assert (h2.nummer, h2.opschrift) == ("2", "De vraag om ondersteuning")
    assert h2.wetten == ["Jeugdwet", "Wmo", "PW", "IOAW", "IOAZ", "Wgs", "Wvggz", "Llv"]
    fase = h2.children[0]
    assert (fase.nummer, fase.opschrift) == ("2.2", "FASE 2: Het gesprek na uw melding/aanvraag")
    assert fase.wetten == ["Jeugdwet", "Wmo", "PW"]


def test_capture_numbered_heading_with_sub_articles_is_a_paragraaf(capture):
    par = capture.body[0].children[1]
    assert isinstance(par, Divisie)
    assert (par.soort, par.nummer, par.opschrift) == (
        "paragraaf",
        "8.3",
        "Persoonsgebonden budget (Pgb)",
    )
    assert par.wetten == ["Jeugdwet", "Wmo"]
    (sub,) = par.children
    assert sub.nummer == "8.3.4"
    assert [(b.nr, b.blocks[0].text[:14]) for b in sub.blocks] == [
        ("1", "De hoogte van "),
        ("2", "Voor begeleidi"),
    ]


def test_capture_bold_paragraph_article_and_annex(capture):
    art9 = capture.artikelen()[-1]
    assert (art9.nummer, art9.opschrift) == ("9", "Slotbepaling")
    assert [b.nr for b in art9.blocks] == ["1"]  # <ol> items became leden
    (bijlage,) = capture.bijlagen
    assert (bijlage.nummer, bijlage.opschrift) == ("1", "bij de verordening")
    assert bijlage.blocks == [Alinea("Tekst van de bijlage.")]


# -- figures, status and a toelichting after the text --------------------------------------

PAGE = """<html><head><meta name="DC.identifier" content="gmb-2026-1"/>
<meta name="DC.creator" content="Utrecht" scheme="OVERHEID.Provincie"/></head><body>
<h2>Hoofdstuk 1 Kaarten</h2>
<h3>Artikel 1 Kaart</h3>
<p>Zie de kaart: <a href="kaart.png"><img src="kaart.png" alt="De kaart"/></a> hierboven.</p>
<figure><img src="figuren/plan.jpg"/><figcaption>Het plan</figcaption></figure>
<table><tr><td><img src="cel.gif"/></td></tr></table>
<h3>Artikel 2 Aanvraag</h3>
<p>Een aanvraag is schriftelijk.</p>
<h2>Hoofdstuk 2 [Vervallen]</h2>
<h2>Artikelsgewijze toelichting</h2>
<p><b>Artikel 2</b></p>
<p>Schriftelijk is ook per e-mail.</p>
<h3>Artikel 3</h3>
<p>Dit artikel is er niet.</p>
</body></html>"""


@pytest.fixture(scope="module")
def page():
    return html.parse(PAGE.encode(), "gmb-2026-1.html")


def test_a_toelichting_sub_heading_inside_an_article_stays_there():
    doc = html.parse(
        b"<html><body><h3>Artikel 1 Aanvraag</h3><p>Tekst.</p><h4>Toelichting</h4><p>Uitleg.</p>"
        b"<h3>Artikel 2 Besluit</h3><p>Meer.</p></body></html>",
        "x.html",
    )
    assert [a.nummer for a in doc.artikelen()] == ["1", "2"]
    assert doc.toelichting is None


def test_paragraphs_without_number_keep_the_letter_their_title_carries():
    doc = html.parse(
        b'<html><body><div class="_p_paragraaf"><h3>A. Aanvraag</h3><p>Tekst A.</p></div>'
        b'<div class="_p_paragraaf"><h3>B. Subsidie</h3><p>Tekst B.</p></div>'
        b'<div class="_p_paragraaf"><h3>Slot</h3><p>Tekst C.</p></div></body></html>',
        "x.html",
    )
    assert [(d.nummer, d.opschrift, d.blocks) for d in doc.body] == [
        ("A", "Aanvraag", [Alinea("Tekst A.")]),
        ("B", "Subsidie", [Alinea("Tekst B.")]),
        ("", "Slot", [Alinea("Tekst C.")]),
    ]


def test_images_become_figures_where_they_stand(page):
    art1 = page.artikelen()[0]
    assert art1.blocks == [
        Alinea("Zie de kaart: hierboven."),
        Figuur(bron="kaart.png", alt="De kaart"),
        Figuur(bron="figuren/plan.jpg", bijschrift="Het plan"),
        Tabel(rows=[[""]]),
    ]
    assert any("'cel.gif' is niet overgenomen" in w for w in page.warnings)


def test_a_repealed_chapter_keeps_its_number(page):
    hoofdstuk2 = page.body[1]
    assert (hoofdstuk2.nummer, hoofdstuk2.opschrift, hoofdstuk2.status) == ("2", "", "vervallen")


def test_toelichting_heading_opens_the_explanation_not_new_articles(page):
    assert [a.nummer for a in page.artikelen()] == ["1", "2"]
    assert page.artikelen()[1].toelichting == [Alinea("Schriftelijk is ook per e-mail.")]
    assert page.toelichting.titel == "Artikelsgewijze toelichting"
    assert page.toelichting.blocks == [
        Tussenkop("Artikel 3"),
        Alinea("Dit artikel is er niet."),
    ]
    assert page.metadata.organisatie == "provincie Utrecht"


# -- safety ----------------------------------------------------------------------------


def test_oversized_html_is_refused(monkeypatch):
    monkeypatch.setattr("importers.xmlsafe.MAX_BYTES", 100)
    with pytest.raises(PublicatieFout, match="te groot"):
        html.parse(b"<html>" + b"x" * 200 + b"</html>", "groot.html")


def test_scripts_are_not_content():
    page = (
        b"<html><body><script>alert('Artikel 1 Hallo')</script>"
        b"<h3>Artikel 1 Echt</h3><p>Tekst.</p></body></html>"
    )
    doc = html.parse(page, "s.html")
    assert [(a.nummer, a.opschrift) for a in doc.artikelen()] == [("1", "Echt")]
    assert doc.artikelen()[0].blocks == [Alinea("Tekst.")]
