"""A STOP download package: text, identification, metadata and images as one publication. Pure."""

import pytest

from importers.errors import PublicatieFout
from importers.formats import parse_files, parse_publicatie
from importers.tree import Figuur
from tests.importers.support import PNG, stop_package, zip_of
from tests.paths import SAMPLES

TEKST = """<RegelingOpschrift><Al>Toetsregeling</Al></RegelingOpschrift><Lichaam>
<Artikel eId="art_1"><Kop><Label>Artikel</Label><Nummer>1</Nummer><Opschrift>Kaart</Opschrift></Kop>
  <Inhoud><Al>Zie de kaarten.</Al>
    <Figuur><Illustratie naam="kaart.png" alt="Kaart"/><Bijschrift>Gebied</Bijschrift></Figuur>
    <Figuur><Illustratie naam="ontbreekt.png"/></Figuur></Inhoud></Artikel>
</Lichaam>"""


def test_package_metadata_text_and_images_make_one_publication():
    doc = parse_files(stop_package(TEKST, extra={"Regeling/kaart.png": PNG}), "pakket")
    meta = doc.metadata
    assert meta.identifier == "/akn/nl/act/gm0262/2026/toets/nld@2026-01-01;1"
    assert meta.werk_id == "/akn/nl/act/gm0262/2026/toets"
    assert (meta.titel, meta.citeertitel) == ("Toetsregeling Lochem 2026", "Toetsregeling 2026")
    assert (meta.organisatie, meta.gemeente) == ("/tooi/id/gemeente/gm0262", "gm0262")
    kaart, ontbreekt = doc.artikelen()[0].blocks[1:]
    assert kaart == Figuur(bron="kaart.png", bijschrift="Gebied", alt="Kaart", data=PNG)
    assert ontbreekt.data is None
    assert any("zonder beeld: ontbreekt.png" in w for w in doc.warnings)


def test_the_same_package_as_a_zip():
    files = stop_package(TEKST, extra={"Regeling/kaart.png": PNG})
    assert parse_publicatie(zip_of(files), "pakket.zip") == parse_files(files, "pakket.zip")


def test_a_file_that_only_claims_to_be_an_image_is_not_used():
    doc = parse_files(stop_package(TEKST, extra={"Regeling/kaart.png": b"<script>alert(1)</script>"}), "p")
    assert doc.artikelen()[0].blocks[1].data is None
    assert "Regeling/kaart.png in het pakket is geen afbeelding en is niet gebruikt." in doc.warnings


def test_modules_are_found_by_their_root_element_without_a_pakbon():
    files = stop_package(TEKST)
    del files["pakbon.xml"]
    assert parse_files(files, "p").metadata.werk_id == "/akn/nl/act/gm0262/2026/toets"


def test_missing_metadata_is_reported():
    files = stop_package(TEKST)
    del files["Regeling/Metadata.xml"]
    doc = parse_files(files, "p")
    assert doc.metadata.titel == "Toetsregeling"  # from the RegelingOpschrift
    assert any("mist RegelingMetadata.xml" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda f: f.pop("Regeling/Identificatie.xml"), "mist ExpressionIdentificatie.xml"),
        (lambda f: f.pop("Regeling/Tekst.xml"), "geen regelingtekst"),
        (lambda f: f.update({"Andere/Tekst.xml": f["Regeling/Tekst.xml"]}), "2 regelingteksten"),
        (lambda f: f.update({"Regeling/kapot.xml": b"<a><b></a>"}), "Regeling/kapot.xml in het pakket"),
    ],
)
def test_incomplete_or_ambiguous_packages_are_refused(change, message):
    files = stop_package(TEKST)
    del files["pakbon.xml"]  # so that the second text is not hidden by the pakbon's choice
    change(files)
    with pytest.raises(PublicatieFout, match=message) as exc:
        parse_files(files, "p")
    assert "\n" not in str(exc.value)


def test_a_delivery_to_the_lvbb_with_its_image_reads_as_one_publication():
    besluit = (SAMPLES / "stop" / "lvbb-aanlevering" / "Westland_test_besluit.xml").read_bytes()
    files = {"opdracht.xml": b"<opdracht/>", "besluit.xml": besluit, "kaart.png": PNG}
    doc = parse_files(files, "aanlevering")
    assert doc.metadata.identifier == "/akn/nl/act/gm9920/2020/SanityCheckWestland/nld@2020-02-05;8"
    assert doc.counts()["artikelen"] == 6
