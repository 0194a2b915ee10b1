"""STOP/IMOP parsing on the Geonovum samples. Pure: no database."""

from datetime import date
from pathlib import Path

import pytest

from importers.errors import PublicatieFout
from importers.formats import detect, parse_files, parse_publicatie
from importers.packages import files_from_folder
from importers.parsers import stop
from importers.tree import Alinea, Artikel, Divisie, Figuur, Lid, Lijst, Tabel, Tussenkop, block_text
from tests.paths import SAMPLES as ALL_SAMPLES

SAMPLES = ALL_SAMPLES / "stop"
WESTLAND = SAMPLES / "lvbb-aanlevering" / "Westland_test_besluit.xml"
TESTEILAND = SAMPLES / "lvbb-aanlevering" / "Testeiland_Initieel_besluit.xml"
PACKAGE = SAMPLES / "consolidated-download-package"
REGELING_TEKST = PACKAGE / "Regeling" / "RegelingTekst.xml"


def load(path: Path):
    return parse_publicatie(path.read_bytes(), path.name)


def artikel(doc, nummer: str) -> Artikel:
    return next(a for a in doc.artikelen() if a.nummer == nummer)


# -- Westland: besluit with an initial RegelingCompact in a WijzigBijlage -----------


@pytest.fixture(scope="module")
def westland():
    return load(WESTLAND)


def test_westland_is_detected_as_stop():
    assert detect(WESTLAND.read_bytes()) == "stop"


def test_westland_metadata_comes_from_the_regulation(westland):
    meta = westland.metadata
    assert meta.identifier == "/akn/nl/act/gm9920/2020/SanityCheckWestland/nld@2020-02-05;8"
    assert meta.titel == "LVBB-Sanitycheck Westland"
    assert meta.citeertitel == "LVBB-Sanitycheck Westland"
    assert meta.gemeente == "gm9920"
    assert meta.organisatie == "/tooi/id/gemeente/gm9920"
    assert meta.werk_id == "/akn/nl/act/gm9920/2020/SanityCheckWestland"
    assert meta.bevoegd_orgaan == "gemeenteraad"
    assert meta.publicatiedatum == date(2020, 2, 5)
    assert meta.in_werking_op == date(2020, 4, 1)
    assert meta.vastgesteld_op == date(2020, 2, 5)  # only the ondertekening step is given
    assert meta.formaat == "stop"
    assert meta.bron == "Westland_test_besluit.xml"


def test_westland_counts(westland):
    assert westland.counts() == {
        "hoofdstukken": 3,
        "afdelingen": 0,
        "paragrafen": 0,
        "artikelen": 6,
        "leden": 14,
        "bijlagen": 1,
        "begrippen": 12,
    }
    assert westland.warnings == []


def test_westland_skips_the_besluit_articles(westland):
    # WijzigArtikel I and the besluit's Artikel II are not regulation text.
    numbers = [a.nummer for a in westland.artikelen()]
    assert numbers == ["1.1", "2.1", "3.1", "3.2", "3.3", "3.4"]
    assert [(d.soort, d.nummer, d.opschrift) for d in westland.divisies()] == [
        ("hoofdstuk", "1", "Algemene bepalingen"),
        ("hoofdstuk", "2", "Doelen"),
        ("hoofdstuk", "3", "Regels vellen houtopstanden"),
    ]


def test_westland_begrippenlijst(westland):
    terms = [b.term for b in westland.begrippen]
    assert terms[:3] == ["boom", "houtopstand", "vellen"]
    assert terms[-1] == "iepziekte"
    assert len(terms) == 12
    assert {b.defined_in for b in westland.begrippen} == {"artikel 1.1"}
    boom = westland.begrippen[0]
    assert block_text(boom.definitie).startswith("een houtachtig, opgaand gewas")
    # The GIO overview in Bijlage I is a Begrippenlijst too, but not a definition.
    assert "Testeiland Westland" not in terms


def test_westland_definitions_stay_visible_in_the_article(westland):
    a = artikel(westland, "1.1")
    assert a.opschrift == "Begripsbepalingen"
    assert a.blocks[0] == Alinea("In deze regels wordt verstaan onder:")
    lijst = a.blocks[1]
    assert isinstance(lijst, Lijst)
    assert len(lijst.items) == 12
    assert lijst.items[0].blocks[0].text.startswith("boom: een houtachtig")


def test_westland_leden_and_lists(westland):
    a = artikel(westland, "3.1")
    assert [b.nr for b in a.blocks] == ["1", "2", "3", "4", "5", "6", "7"]
    assert all(isinstance(b, Lid) for b in a.blocks)
    lid1 = a.blocks[0]
    lijst = lid1.blocks[0]
    assert isinstance(lijst, Lijst)
    assert lijst.intro.startswith('Het is ter plaatse van "het ambtsgebied"')
    assert [i.nr for i in lijst.items] == ["a.", "b."]
    # Pretty-printed IntRefs do not leave a space before the semicolon.
    lid4_list = a.blocks[3].blocks[1]
    assert lid4_list.items[0].blocks[0].text == "natuurwaarde van de houtopstand;"


def test_westland_lijstaanhef_without_lid(westland):
    a = artikel(westland, "2.1")
    (lijst,) = a.blocks
    assert lijst.intro.startswith("Dit omgevingsplan is, met het oog op de doelen")
    assert [i.nr for i in lijst.items] == ["a.", "b.", "c.", "d."]
    assert lijst.items[3].blocks == [Alinea("de bescherming van het milieu.")]


def test_westland_aanhef_sluiting_and_bijlage(westland):
    assert westland.aanhef[0] == Alinea("De raad van de gemeente Westland")
    assert westland.aanhef[-1] == Alinea("besluit:")
    assert westland.sluiting[0].text.startswith("Aldus vastgesteld")
    assert Alinea("Bouke Arends") in westland.sluiting
    (bijlage,) = westland.bijlagen
    assert (bijlage.nummer, bijlage.opschrift) == ("I", "Overzicht informatieobjecten")


# -- Testeiland: table, Tussenkop, RegelingVersieInformatie -------------------------


@pytest.fixture(scope="module")
def testeiland():
    return load(TESTEILAND)


def test_testeiland_metadata(testeiland):
    meta = testeiland.metadata
    assert meta.identifier == "/akn/nl/act/gm9920/2021/TestReeksNummer1/nld@1"
    assert meta.titel == "Initiële aanlevering Testeiland"
    assert meta.gemeente == "gm9920"
    assert meta.publicatiedatum == date(2021, 9, 1)
    assert meta.in_werking_op == date(2021, 9, 1)
    assert meta.vastgesteld_op == date(2021, 6, 25)


def test_testeiland_table(testeiland):
    assert testeiland.counts()["artikelen"] == 1
    a = artikel(testeiland, "1.1")
    assert [b.nr for b in a.blocks] == ["1", "2", "3"]
    lid3 = a.blocks[2]
    assert lid3.blocks[0] == Tussenkop("Tabel met testresultaat")
    assert lid3.blocks[1] == Tussenkop("Testoverzicht")  # the table's title
    tabel = lid3.blocks[2]
    assert isinstance(tabel, Tabel)
    assert tabel.header_rows == 1
    assert tabel.rows[0] == ["Aanlevering", "Omschrijving", "Status"]
    assert len(tabel.rows) == 6
    assert tabel.rows[-1][2] == "nog niet uitgevoerd"


# -- the consolidated download package (RegelingTekst.xml with its sibling files) ----------


@pytest.fixture(scope="module")
def regeling():
    return parse_files(files_from_folder(PACKAGE), str(PACKAGE))


def test_regelingtekst_alone_is_refused_with_advice_to_import_the_package():
    with pytest.raises(PublicatieFout) as exc:
        load(REGELING_TEKST)
    assert "regelingtekst uit een STOP-downloadpakket" in str(exc.value)
    assert "Importeer het hele pakket: de map of het zip-bestand" in str(exc.value)


def test_package_structure(regeling):
    assert regeling.counts() == {
        "hoofdstukken": 6,
        "afdelingen": 9,
        "paragrafen": 0,
        "artikelen": 22,
        "leden": 11,
        "bijlagen": 3,  # the artikelsgewijze toelichting is no annex
        "begrippen": 1,
    }
    hoofdstuk2 = regeling.body[1]
    assert isinstance(hoofdstuk2, Divisie)
    assert (hoofdstuk2.soort, hoofdstuk2.nummer) == ("hoofdstuk", "2")
    afdeling = hoofdstuk2.children[0]
    assert (afdeling.soort, afdeling.nummer, afdeling.opschrift) == (
        "afdeling",
        "2.2",
        "Bedrijf categorie 2",
    )
    assert [a.nummer for a in afdeling.children] == ["2.3", "2.4", "2.5", "2.6", "2.7"]


def test_package_metadata_comes_from_the_sibling_files(regeling):
    meta = regeling.metadata
    assert meta.identifier == "/akn/nl/act/gm0297/2019/reg456RGL-20210604-150105/nld@1"
    assert meta.werk_id == "/akn/nl/act/gm0297/2019/reg456RGL-20210604-150105"
    assert meta.titel == "Omgevingsplan Zaltbommel (met de nadruk op Zuilichem)"
    assert meta.citeertitel == "Gemeentestad (omgevingsplan Zaltbommel)"
    assert meta.organisatie == "/tooi/id/gemeente/gm0297"
    assert meta.gemeente == "gm0297"
    assert meta.bevoegd_orgaan == "gemeenteraad"
    assert meta.formaat == "stop"
    assert regeling.warnings == []


def test_package_gereserveerd_and_unnumbered_leden(regeling):
    assert artikel(regeling, "2.16").status == "gereserveerd"
    assert artikel(regeling, "2.16").opschrift == "Toedeling functie landelijk gebied"
    assert artikel(regeling, "2.16").blocks == []
    assert [b.nr for b in artikel(regeling, "10.2").blocks] == ["1", "2"]  # "1" without dot


def test_package_bijlagen_and_artikelsgewijze_toelichting(regeling):
    assert [(b.nummer, b.opschrift) for b in regeling.bijlagen] == [
        ("I", "Overzicht Informatieobjecten"),
        ("II", "Begrippen"),
        ("III", "Lijst van toegelaten bedrijfstypen"),
    ]
    (begrip,) = regeling.begrippen
    assert (begrip.term, begrip.defined_in) == ("Bouwwerk", "bijlage II")
    # "Toelichting artikel 2.10" explains article 2.10 and is shown with it.
    assert block_text(artikel(regeling, "2.10").toelichting).startswith("Toelichting op Artikel 2.10.")
    assert [a.nummer for a in regeling.artikelen() if a.toelichting] == ["2.10"]
    assert regeling.toelichting is None  # nothing was left over for a general part
    lijst = regeling.bijlagen[2].blocks[2]
    assert isinstance(lijst, Lijst) and len(lijst.items) == 5
    assert lijst.items[0].nr == ""


# -- a hand-written regulation: toelichtingen, figures, reserved and repealed parts ------

TEKST = 'xmlns="https://standaarden.overheid.nl/stop/imop/tekst/"'
REGELING = f"""<RegelingCompact {TEKST} wordt="/akn/nl/act/gm0262/2026/toets/nld@1">
<RegelingOpschrift><Al>Toetsregeling</Al></RegelingOpschrift>
<Lichaam>
  <Hoofdstuk eId="chp_1"><Kop><Label>Hoofdstuk</Label><Nummer>1</Nummer><Opschrift>Algemeen</Opschrift></Kop>
    <Artikel eId="chp_1__art_1.1" wId="gm0262_1__chp_1__art_1.1">
      <Kop><Label>Artikel</Label><Nummer>1.1</Nummer><Opschrift>Kaart</Opschrift></Kop>
      <Inhoud><Al>Het gebied staat op de kaart.</Al>
        <Figuur eId="chp_1__art_1.1__img_1"><Titel>Kaart 1</Titel>
          <Illustratie naam="kaart.png" breedte="400" hoogte="300" dpi="150" alt="Kaart van het gebied"/>
          <Bijschrift locatie="onder">Het werkingsgebied</Bijschrift><Bron>Kadaster</Bron></Figuur>
        <table><tgroup cols="1"><tbody><row><entry><Al>Logo</Al>
          <Figuur><Illustratie naam="logo.png"/></Figuur></entry></row></tbody></tgroup></table>
      </Inhoud></Artikel>
    <Artikel eId="chp_1__art_1.2" wId="gm0262_1__chp_1__art_1.2">
      <Kop><Label>Artikel</Label><Nummer>1.2</Nummer><Opschrift>Aanvraag</Opschrift></Kop>
      <Inhoud><Al>Een aanvraag is schriftelijk.</Al></Inhoud></Artikel>
    <Artikel eId="chp_1__art_o_1"><Kop><Opschrift>Slotbepaling</Opschrift></Kop>
      <Inhoud><Al>Zonder nummer.</Al></Inhoud></Artikel>
  </Hoofdstuk>
  <Hoofdstuk eId="chp_2"><Kop><Label>Hoofdstuk</Label><Nummer>2</Nummer><Opschrift>Later</Opschrift></Kop>
    <Gereserveerd/></Hoofdstuk>
</Lichaam>
<Bijlage eId="cmp_A"><Kop><Label>Bijlage</Label><Nummer>A</Nummer><Opschrift>Oud formulier</Opschrift></Kop>
  <Vervallen/></Bijlage>
<Toelichting eId="recital"><Kop><Opschrift>Toelichting</Opschrift></Kop>
  <AlgemeneToelichting eId="genrecital"><Kop><Opschrift>Algemeen</Opschrift></Kop>
    <Divisietekst eId="genrecital__content_1"><Kop><Opschrift>Aanleiding</Opschrift></Kop>
      <Inhoud><Al>De regeling vervangt de oude.</Al></Inhoud></Divisietekst>
  </AlgemeneToelichting>
  <ArtikelgewijzeToelichting eId="artrecital">
    <Divisie eId="artrecital__div_1"><Kop><Opschrift>Hoofdstuk 1</Opschrift></Kop>
      <Divisietekst eId="artrecital__div_1__content_1"><Kop><Opschrift>Artikel 1.1</Opschrift></Kop>
        <Inhoud><Al>De kaart is bindend.</Al></Inhoud></Divisietekst>
      <Divisietekst eId="artrecital__div_1__content_2">
        <Inhoud><Al>Toelichting op <IntRef ref="gm0262_1__chp_1__art_1.2">artikel 1.2</IntRef>.</Al>
          <Al>Schriftelijk is ook digitaal.</Al></Inhoud></Divisietekst>
      <Divisietekst eId="artrecital__div_1__content_3"><Kop><Opschrift>Artikel 9.9</Opschrift></Kop>
        <Inhoud><Al>Over een artikel dat er niet is.</Al></Inhoud></Divisietekst>
    </Divisie>
  </ArtikelgewijzeToelichting>
</Toelichting>
</RegelingCompact>"""


@pytest.fixture(scope="module")
def toets():
    return parse_publicatie(REGELING.encode(), "toets.xml")


def test_general_toelichting_keeps_its_headings(toets):
    assert toets.toelichting.titel == "Toelichting"
    blocks = toets.toelichting.blocks
    assert blocks[:3] == [
        Tussenkop("Algemeen"),
        Tussenkop("Aanleiding"),
        Alinea("De regeling vervangt de oude."),
    ]


def test_article_toelichting_by_heading_and_by_intref(toets):
    assert artikel(toets, "1.1").toelichting == [Alinea("De kaart is bindend.")]
    assert block_text(artikel(toets, "1.2").toelichting) == (
        "Toelichting op artikel 1.2. Schriftelijk is ook digitaal."
    )


def test_toelichting_on_a_missing_article_stays_in_the_general_part(toets):
    blocks = toets.toelichting.blocks
    assert blocks[-3:] == [
        Tussenkop("Artikelsgewijze toelichting"),
        Tussenkop("Artikel 9.9"),
        Alinea("Over een artikel dat er niet is."),
    ]
    assert any("'Artikel 9.9'" in w for w in toets.warnings)


def test_figures_where_they_stand_with_caption_and_alt(toets):
    figuur = artikel(toets, "1.1").blocks[1]
    assert figuur == Figuur(
        bron="kaart.png",
        bijschrift="Kaart 1. Het werkingsgebied (bron: Kadaster)",
        alt="Kaart van het gebied",
    )
    assert figuur.data is None  # a single file holds no image


def test_images_without_a_place_are_named(toets):
    assert any("'logo.png' in een tabel is niet overgenomen" in w for w in toets.warnings)
    assert any("zonder beeld: kaart.png" in w for w in toets.warnings)


def test_reserved_and_repealed_parts_keep_number_and_heading(toets):
    hoofdstuk2 = toets.body[1]
    assert (hoofdstuk2.nummer, hoofdstuk2.opschrift, hoofdstuk2.status) == ("2", "Later", "gereserveerd")
    (bijlage,) = toets.bijlagen
    assert (bijlage.nummer, bijlage.opschrift, bijlage.status) == ("A", "Oud formulier", "vervallen")


def test_an_article_without_number_gets_none(toets):
    assert [(a.nummer, a.opschrift) for a in toets.artikelen()] == [
        ("1.1", "Kaart"),
        ("1.2", "Aanvraag"),
        ("", "Slotbepaling"),
    ]
    assert toets.metadata.werk_id == "/akn/nl/act/gm0262/2026/toets"


# -- refusals --------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, fragment",
    [
        (PACKAGE / "pakbon-v.1.xml", "pakbon"),
        (PACKAGE / "Regeling" / "RegelingMetadata.xml", "regelingmetadata"),
        (PACKAGE / "Regeling" / "RegelingVersieMetadata.xml", "versiemetadata"),
        (PACKAGE / "Regeling" / "ExpressionIdentificatie.xml", "identificatie"),
    ],
)
def test_package_side_files_are_refused(path, fragment):
    with pytest.raises(PublicatieFout, match=fragment):
        load(path)


NS = 'xmlns="https://standaarden.overheid.nl/stop/imop/tekst/"'


def test_regeling_mutatie_is_refused():
    data = f"""<AanleveringBesluit xmlns="https://standaarden.overheid.nl/lvbb/stop/aanlevering/">
      <BesluitVersie><BesluitCompact {NS}><Lichaam>
        <WijzigArtikel eId="art_I"><Kop><Nummer>I</Nummer></Kop><Wat>Wijzig A</Wat></WijzigArtikel>
      </Lichaam><WijzigBijlage><RegelingMutatie><Vervang/></RegelingMutatie></WijzigBijlage>
      </BesluitCompact></BesluitVersie></AanleveringBesluit>""".encode()
    with pytest.raises(PublicatieFout) as exc:
        parse_publicatie(data, "mutatie.xml")
    assert str(exc.value) == (
        "Dit is een wijzigingsbesluit (RegelingMutatie); importeer de geconsolideerde regeling."
    )


def test_besluit_without_regeling_imports_its_own_articles():
    data = f"""<BesluitCompact {NS}><RegelingOpschrift><Al>Besluit x</Al></RegelingOpschrift>
      <Lichaam><Artikel><Kop><Label>Artikel</Label><Nummer>1.</Nummer>
        <Opschrift>Beoordelen aanvraag [Jeugdwet, Wmo, Awb]</Opschrift></Kop>
        <Inhoud><Al>Tekst.</Al><Lijst><Li><LiNummer>a.</LiNummer><Al>een;</Al>
          <Lijst><Li><LiNummer>1°</LiNummer><Al>diep.</Al></Li></Lijst></Li></Lijst></Inhoud>
      </Artikel><Artikel><Kop><Nummer>2</Nummer></Kop><Vervallen/></Artikel></Lichaam>
    </BesluitCompact>""".encode()
    doc = stop.parse(data, "besluit.xml")
    assert doc.metadata.titel == "Besluit x"
    first, second = doc.artikelen()
    assert (first.nummer, first.opschrift, first.wetten) == (
        "1",
        "Beoordelen aanvraag",
        ["Jeugdwet", "Wmo", "Awb"],
    )
    nested = first.blocks[1].items[0].blocks[1]
    assert isinstance(nested, Lijst)
    assert nested.items[0].nr == "1°"
    assert nested.items[0].blocks == [Alinea("diep.")]
    assert second.status == "vervallen"


def test_hostile_xml_is_refused():
    data = b'<!DOCTYPE x [<!ENTITY e "boom">]><RegelingCompact xmlns="https://standaarden.overheid.nl/stop/imop/tekst/"/>'
    with pytest.raises(PublicatieFout):
        stop.parse(data, "x.xml")


def test_reserved_as_text_placeholders_and_headings_that_name_their_article():
    data = f"""<RegelingCompact {TEKST} wordt="/akn/nl/act/pv26/2022/omg/nld@1"><Lichaam>
      <Artikel eId="art_1.1" wId="pv26_1__art_1.1"><Kop><Label>Artikel</Label><Nummer>1.1</Nummer>
        <Opschrift>Begrippen</Opschrift></Kop><Inhoud><Al>Zie bijlage 1.</Al></Inhoud></Artikel>
      <Artikel eId="art_1.2"><Kop><Label>Artikel</Label><Nummer>1.2</Nummer>
        <Opschrift>Meet- en rekenbepalingen</Opschrift></Kop>
        <Inhoud><Al>[Gereserveerd]</Al></Inhoud></Artikel>
    </Lichaam><Toelichting><ArtikelgewijzeToelichting>
      <Divisietekst><Kop><Opschrift>Afdeling 1.1 Inleidende bepalingen</Opschrift></Kop>
        <Inhoud><Al>-</Al></Inhoud></Divisietekst>
      <Divisietekst><Kop><Opschrift>Artikel 1.2 Meet- en rekenbepalingen</Opschrift></Kop>
        <Inhoud><Al>Artikel <IntRef ref="pv26_1__art_1.1">1.1</IntRef> geeft de begrippen.</Al></Inhoud>
      </Divisietekst></ArtikelgewijzeToelichting></Toelichting></RegelingCompact>"""
    doc = parse_publicatie(data.encode(), "omgevingsverordening.xml")
    een, twee = doc.artikelen()
    assert (twee.status, twee.opschrift, twee.blocks) == ("gereserveerd", "Meet- en rekenbepalingen", [])
    # The heading names 1.2; the IntRef to 1.1 in its text does not move it there.
    assert een.toelichting == []
    assert [b.text for b in twee.toelichting] == ["Artikel 1.1 geeft de begrippen."]
    assert [r.target for r in twee.toelichting[0].refs] == ["pv26_1__art_1.1"]  # its IntRef is kept
    assert doc.toelichting is None  # "Afdeling 1.1" with only "-" under it says nothing


def test_a_toelichting_on_an_article_inside_an_annex_stays_readable():
    data = f"""<RegelingCompact {TEKST} wordt="/akn/nl/act/gm9999/2024/x/nld@1"><Lichaam>
      <Artikel eId="art_1"><Kop><Label>Artikel</Label><Nummer>1</Nummer></Kop>
        <Inhoud><Al>Zie bijlage A.</Al></Inhoud></Artikel></Lichaam>
      <Bijlage eId="cmp_A"><Kop><Label>Bijlage</Label><Nummer>A</Nummer></Kop>
        <Artikel eId="cmp_A__art_1"><Kop><Label>Artikel</Label><Nummer>A1</Nummer></Kop>
          <Inhoud><Al>Een model.</Al></Inhoud></Artikel></Bijlage>
      <Toelichting><ArtikelgewijzeToelichting>
        <Divisietekst><Kop>
          <Opschrift>Bij <IntRef ref="cmp_A__art_1">het modelartikel</IntRef></Opschrift></Kop>
          <Inhoud><Al>Waarom dit model.</Al></Inhoud></Divisietekst>
      </ArtikelgewijzeToelichting></Toelichting></RegelingCompact>"""
    doc = parse_publicatie(data.encode(), "bijlage-artikel.xml")
    # The annex's article has no page of its own: its toelichting is in the general part.
    assert doc.artikelen()[0].toelichting == []
    assert "Waarom dit model." in block_text(doc.toelichting.blocks)


# -- references the source marks (IntRef) ----------------------------------------------------


def refs_in(doc):
    """(words, kind, nummer, lid) of every IntRef kept in an Alinea of the articles."""

    def walk(blocks):
        for b in blocks:
            if isinstance(b, Alinea):
                yield from ((b.text[r.start : r.end], r.kind, r.nummer, r.lid) for r in b.refs)
            for inner in getattr(b, "blocks", []) or []:
                yield from walk([inner])
            for item in getattr(b, "items", []) or []:
                yield from walk(item.blocks)

    return [ref for a in doc.artikelen() for ref in walk(a.blocks)]


def test_westland_intrefs_keep_their_words_and_the_part_they_name(westland):
    found = refs_in(westland)
    assert ("artikel 3.1 eerste lid, onder b", "artikel", "3.1", "1") in found
    assert ("houtopstand", "begrip", "houtopstand", "") in found
    assert ("vellen", "begrip", "vellen", "") in found
    assert artikel(westland, "3.1").bron_id == "chp_3__art_3.1"
    # The words stay as published: an IntRef adds no spaces and loses none.
    tekst = block_text(artikel(westland, "3.1").blocks)
    assert "als bedoeld in artikel 3.1 eerste lid, onder b, worden geweigerd" in tekst


def test_an_intref_goes_where_it_points_whatever_its_words_say():
    data = f"""<RegelingCompact {NS} wordt="/akn/nl/act/gm9999/2024/x/nld@1"><Lichaam>
      <Hoofdstuk eId="chp_1"><Kop><Label>Hoofdstuk</Label><Nummer>1</Nummer></Kop>
        <Artikel eId="chp_1__art_1"><Kop><Nummer>1</Nummer></Kop>
          <Lid eId="chp_1__art_1__para_1"><LidNummer>1.</LidNummer><Inhoud><Al>Eerste.</Al></Inhoud></Lid>
          <Lid eId="chp_1__art_1__para_2"><LidNummer>2.</LidNummer><Inhoud>
            <Al>Zie <IntRef ref="cmp_XV">Bijlage 15</IntRef>, <IntRef ref="chp_1__art_1__para_1">het
              vorige lid</IntRef> en <IntRef ref="chp_1">dit hoofdstuk</IntRef>; niet
              <IntRef ref="bestaat_niet">iets anders</IntRef>.</Al></Inhoud></Lid>
        </Artikel></Hoofdstuk></Lichaam>
      <Bijlage eId="cmp_XV"><Kop><Label>Bijlage</Label><Nummer>XV</Nummer></Kop>
        <Divisietekst><Inhoud><Al>Tabel.</Al></Inhoud></Divisietekst></Bijlage>
    </RegelingCompact>""".encode()
    doc = stop.parse(data, "intref.xml")
    (alinea,) = doc.artikelen()[0].blocks[1].blocks
    assert alinea.text == "Zie Bijlage 15, het vorige lid en dit hoofdstuk; niet iets anders."
    assert [(alinea.text[r.start : r.end], r.kind, r.nummer, r.lid) for r in alinea.refs] == [
        ("Bijlage 15", "bijlage", "XV", ""),
        ("het vorige lid", "artikel", "1", "1"),
        ("dit hoofdstuk", "hoofdstuk", "1", ""),
        ("iets anders", "", "", ""),
    ]
    assert doc.bijlagen[0].bron_id == "cmp_XV"
