"""The full import path: command → parser → writer → pages, and what it refuses."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from wagtail.models import Page

from regelgeving.models import (
    ArtikelPage,
    BegripPage,
    BijlagePage,
    DivisiePage,
    RegelingPage,
    RegelingVersiePage,
    Wet,
)
from tests.factories import lochem_gemeente
from tests.importers.support import PACKAGE, zip_folder, zip_of
from tests.paths import LOCHEM, LOCHEM_IDENTIFIER, SAMPLES


def run_import(*args):
    out = StringIO()
    call_command("import_publicatie", "--gemeente", "lochem", *map(str, args), stdout=out)
    return out.getvalue()


def snapshot():
    """Everything an import could touch, to prove a refused import changed nothing."""
    return (
        list(Page.objects.order_by("path").values_list("path", "title", "live")),
        list(Wet.objects.order_by("pk").values_list("afkorting", "bwb_id")),
    )


def test_lochem_import_creates_the_whole_verordening(lochem):
    assert lochem.url == "/regelgeving/verordening-sociaal-domein/2026/"
    assert lochem.citeertitel == "Verordening Sociaal Domein 2026"
    assert lochem.publicatie_aanduiding == "Gemeenteblad 2025, 538386"
    assert str(lochem.in_werking_op) == "2026-01-01"
    assert DivisiePage.objects.filter(versie=lochem, soort="hoofdstuk").count() == 11
    assert ArtikelPage.objects.filter(versie=lochem).count() == 34
    assert BijlagePage.objects.filter(versie=lochem).count() == 2
    assert BegripPage.objects.filter(versie=lochem).count() == 81
    rapport = lochem.import_rapport
    assert rapport["aantallen"]["begrippen"] == 81
    assert any("Hoofdstuk 6 ontbreekt" in w for w in rapport["waarschuwingen"])


def test_articles_sort_numerically_in_the_tree(lochem):
    hoofdstuk3 = DivisiePage.objects.get(versie=lochem, soort="hoofdstuk", nummer="3")
    paragraaf = DivisiePage.objects.get(versie=lochem, nummer="3.3")
    assert [p.specific.nummer for p in paragraaf.get_children()] == ["3.3.10", "3.3.11", "3.3.12"]
    assert [p.specific.nummer for p in hoofdstuk3.get_children()] == ["3.3", "3.5"]
    ordered = list(
        ArtikelPage.objects.filter(versie=lochem).order_by("sort_key").values_list("nummer", flat=True)
    )
    assert ordered.index("9.2.11") > ordered.index("9.2.8")
    assert ordered.index("10.1") > ordered.index("9.5.2")


def test_law_tags_link_to_managed_wet_snippets(lochem):
    artikel = ArtikelPage.objects.get(versie=lochem, nummer="2.2")
    assert {w.afkorting for w in artikel.wetten.all()} >= {"Jeugdwet", "Wmo", "PW", "Wgs", "Llv"}
    wmo = Wet.objects.get(afkorting="Wmo")
    assert wmo.bwb_id == "BWBR0035362"
    assert wmo.url == "https://wetten.overheid.nl/BWBR0035362"


def test_reimport_updates_in_place_without_duplicates(lochem):
    before = snapshot()
    ids = set(Page.objects.values_list("pk", flat=True))
    output = run_import(LOCHEM, "--regeling", "verordening-sociaal-domein")
    assert "bijgewerkt" in output
    assert snapshot() == before
    assert set(Page.objects.values_list("pk", flat=True)) == ids
    assert RegelingVersiePage.objects.count() == 1


def test_regeling_is_derived_from_the_citeertitel(db):
    run_import(LOCHEM)
    regeling = RegelingPage.objects.get()
    assert regeling.title == "Verordening Sociaal Domein"
    assert regeling.url == "/regelgeving/verordening-sociaal-domein/"


def test_json_report(db):
    report = json.loads(run_import(LOCHEM, "--json"))
    assert report["identifier"] == "gmb-2025-538386"
    assert report["aantallen"]["hoofdstukken"] == 11
    assert report["aantallen"]["artikelen"] == 34
    assert report["url"] == "/regelgeving/verordening-sociaal-domein/2026/"
    unresolved = {r["tekst"] for r in report["verwijzingen"]["onopgelost"]}
    assert "artikel 2.3.2 van deze verordening" in unresolved  # the capture lost that article
    assert report["verwijzingen"]["opgelost"] > 0


def test_dry_run_reports_but_stores_nothing(db):
    before = snapshot()
    output = run_import(LOCHEM, "--dry-run")
    assert "Proefimport" in output and "34 artikelen" in output
    assert snapshot() == before


@pytest.mark.parametrize(
    "content, message",
    [
        (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><x>&b;</x>',
            "DOCTYPE",
        ),
        (b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>', "DOCTYPE"),
        (b"<officiele-publicatie><gemeenteblad><kop>", "geen geldige XML"),
        (b"<onbekend xmlns='urn:x'/>", "Onbekend documenttype"),
        (b"", "leeg"),
    ],
)
def test_bad_and_hostile_input_is_refused_and_changes_nothing(lochem, tmp_path, content, message):
    source = tmp_path / "publicatie.xml"
    source.write_bytes(content)
    before = snapshot()
    with pytest.raises(CommandError, match=message) as exc:
        run_import(source)
    assert "\n" not in str(exc.value)
    assert snapshot() == before


def test_oversized_input_is_refused(db, tmp_path, settings):
    source = tmp_path / "groot.xml"
    source.write_bytes(b"<x>" + b"a" * (21 * 1024 * 1024) + b"</x>")
    with pytest.raises(CommandError, match="te groot"):
        run_import(source)


def test_missing_file_and_unsupported_scheme(db):
    with pytest.raises(CommandError, match="niet gevonden"):
        run_import("/bestaat/niet.xml")
    with pytest.raises(CommandError, match="ftp"):
        run_import("ftp://example.org/x.xml")


def test_a_failure_halfway_rolls_back_everything(lochem, monkeypatch):
    """Imports are atomic: an error while writing texts leaves no half-written version."""
    from importers import page_tree, writer

    written = []
    insert = page_tree._insert_own_rows

    def boom(model, pages):
        if written:  # the first page class has its rows, the next one fails
            raise RuntimeError("schijf vol")
        written.append(model)
        insert(model, pages)

    before = snapshot()
    monkeypatch.setattr(page_tree, "_insert_own_rows", boom)
    data = LOCHEM.read_bytes().replace(b"538386", b"999999")
    with pytest.raises(RuntimeError):
        writer.write_document(
            __import__("importers.formats").formats.parse_publicatie(data, "x"), gemeente=lochem_gemeente()
        )
    assert snapshot() == before


SAMPLE_OUTCOMES = {
    "op-gmb/gmb-2017-100002.xml": "zakelijke mededeling",
    "op-gmb/prb-2017-1003.xml": "zakelijke mededeling",
    "op-gmb/metadata/gmb-2023-174296.sru-record.xml": "SRU",
    "op-gmb/metadata/gmb-2024-216934.metadata_gegevens.xml": "metadatarecord",
    "op-gmb/metadata/gmb-2024-216934.owms-metadata.xml": "metadatarecord",
    "html/gmb-2017-100007.html": "zakelijke mededeling",
    "html/gmb-2024-216934.html": "zakelijke mededeling",
    "stop/consolidated-download-package/pakbon-v.1.xml": "pakbon",
    "stop/consolidated-download-package/Regeling/RegelingMetadata.xml": "regelingmetadata",
    "stop/consolidated-download-package/Regeling/RegelingVersieMetadata.xml": "versiemetadata",
    "stop/consolidated-download-package/Regeling/ExpressionIdentificatie.xml": "identificatie",
    # The bare regulation text of a STOP package carries no identifier of its own.
    "stop/consolidated-download-package/Regeling/RegelingTekst.xml": "Importeer het hele pakket",
}
ALL_SAMPLES = sorted(str(p.relative_to(SAMPLES)) for p in SAMPLES.rglob("*") if p.suffix in (".xml", ".html"))


@pytest.mark.parametrize("sample", ALL_SAMPLES)
def test_every_sample_imports_or_is_refused_with_one_line(rijen_per_tabel, sample):
    path = SAMPLES / sample
    voor = rijen_per_tabel()
    if sample in SAMPLE_OUTCOMES:
        with pytest.raises(CommandError, match=SAMPLE_OUTCOMES[sample]) as exc:
            run_import(path)
        assert "\n" not in str(exc.value)
        assert rijen_per_tabel() == voor
        return
    report = json.loads(run_import(path, "--json"))
    versie = RegelingVersiePage.objects.exclude(identifier=LOCHEM_IDENTIFIER).get()
    assert report["url"] == versie.url
    # Every part of the source has its page: the counts of the report are the pages that exist.
    aantallen = report["aantallen"]
    assert aantallen["artikelen"] == ArtikelPage.objects.filter(versie=versie).count()
    assert aantallen["bijlagen"] == BijlagePage.objects.filter(versie=versie).count()
    divisies = aantallen["hoofdstukken"] + aantallen["afdelingen"] + aantallen["paragrafen"]
    assert divisies == DivisiePage.objects.filter(versie=versie).count()
    # Re-import: same pages, no duplicates.
    count = Page.objects.count()
    run_import(path)
    assert Page.objects.count() == count


@pytest.fixture
def package_zip(tmp_path):
    path = tmp_path / "omgevingsplan.zip"
    path.write_bytes(zip_folder(PACKAGE))
    return path


@pytest.mark.parametrize("as_zip", [False, True], ids=["map", "zip"])
def test_the_stop_download_package_imports_as_one_publication(db, package_zip, as_zip):
    source = package_zip if as_zip else PACKAGE
    report = json.loads(run_import(source, "--json"))
    versie = RegelingVersiePage.objects.get(identifier=report["identifier"])
    assert report["identifier"] == "/akn/nl/act/gm0297/2019/reg456RGL-20210604-150105/nld@1"
    assert versie.officiele_titel == "Omgevingsplan Zaltbommel (met de nadruk op Zuilichem)"
    assert versie.citeertitel == "Gemeentestad (omgevingsplan Zaltbommel)"  # RegelingMetadata.xml
    assert report["aantallen"]["artikelen"] == ArtikelPage.objects.filter(versie=versie).count() == 22
    assert BijlagePage.objects.filter(versie=versie).count() == 3
    # The article-by-article toelichting is on the site, under the article it explains.
    artikel = ArtikelPage.objects.get(versie=versie, nummer="2.10")
    assert "de website van de gemeente Zaltbommel" in Client().get(artikel.url).content.decode()
    count = Page.objects.count()
    run_import(source)  # again: the same pages
    assert Page.objects.count() == count


@pytest.mark.parametrize(
    "files, message",
    [
        ({"../buiten.xml": b"<a/>", "b.xml": b"<b/>"}, "pad buiten het pakket"),
        ({"a/binnen.zip": b"PK\x03\x04", "b.xml": b"<b/>"}, "ander archief"),
        ({"RegelingTekst.xml": b"\x00" * (21 * 1024 * 1024)}, "uitgepakt groter dan 20 MB"),
    ],
)
def test_a_hostile_zip_is_refused_and_changes_nothing(lochem, tmp_path, rijen_per_tabel, files, message):
    source = tmp_path / "pakket.zip"
    source.write_bytes(zip_of(files))
    voor = rijen_per_tabel()
    with pytest.raises(CommandError, match=message) as exc:
        run_import(source)
    assert "\n" not in str(exc.value)
    assert rijen_per_tabel() == voor
