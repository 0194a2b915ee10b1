"""A source that lost headings (the Lochem text capture): text whose place is a guess is flagged for
the editor, every page says where the official text is, and a re-import keeps an editor's
correction instead of overwriting it."""

from django.test import TestCase

from importers.pipeline import import_source
from regelgeving.models import ArtikelPage
from tests import factories
from tests.factories import lochem_gemeente
from tests.paths import LOCHEM, LOCHEM_URL, REGELING

OFFICIEEL = "https://zoek.officielebekendmakingen.nl/gmb-2025-538386.html"


def test_text_that_may_belong_elsewhere_is_flagged_in_the_report_and_for_the_editor(lochem, admin_client):
    rapport = lochem.import_rapport
    twijfel = {t["artikel"]: t["reden"] for t in rapport["twijfel"]}
    assert "5.2.1" in twijfel and "7.4" in twijfel and "2.2" in twijfel  # 2.3.x lost its headings
    assert "3.3.11" not in twijfel
    artikel = ArtikelPage.objects.get(versie=lochem, nummer="5.2.1")
    assert "Na het laatste lid" in artikel.importopmerking
    edit = admin_client.get(f"/admin/pages/{artikel.pk}/edit/").content.decode()
    assert "Na het laatste lid" in edit and "let op (importeur)" in edit.lower()


def test_every_page_of_a_capture_links_to_the_official_text(client, lochem):
    artikel_5_5 = ArtikelPage.objects.get(versie=lochem, nummer="5.5").url
    for url in (LOCHEM_URL, artikel_5_5, f"{LOCHEM_URL}begrippen/"):
        page = client.get(url).content.decode()
        assert f'href="{OFFICIEEL}">Lees de officiële tekst op officielebekendmakingen.nl</a>' in page, url
    artikel = client.get(ArtikelPage.objects.get(versie=lochem, nummer="5.2.1").url).content.decode()
    assert "Na het laatste lid" not in artikel  # the editor's note is not for the public


def test_a_complete_source_has_no_such_notice(client, db):
    versie = factories.versie()
    assert "Lees de officiële tekst" not in client.get(versie.url).content.decode()


def test_a_reimport_keeps_an_editors_correction_and_says_so(client, lochem):
    artikel = ArtikelPage.objects.get(versie=lochem, nummer="5.5")
    artikel.body = [{"type": "alinea", "value": "<p>Gecorrigeerd door de redactie.</p>"}]
    artikel.importopmerking = ""
    artikel.save_revision().publish()

    with TestCase.captureOnCommitCallbacks(execute=True):
        rapport = import_source(
            str(LOCHEM), regeling_slug="verordening-sociaal-domein", gemeente=lochem_gemeente()
        ).report
    artikel = ArtikelPage.objects.get(pk=artikel.pk)
    assert "Gecorrigeerd door de redactie." in client.get(artikel.url).content.decode()
    assert artikel.importopmerking == ""
    assert any("Artikel 5.5" in w and "door een redacteur aangepast" in w for w in rapport["waarschuwingen"])
    # Articles nobody touched are brought in line with the source as before.
    assert ArtikelPage.objects.get(versie=lochem, nummer="5.2.1").importopmerking
    assert client.get(f"{REGELING}artikel/5.5/").status_code == 200


def test_the_report_lists_what_to_check(lochem):
    from importers.pipeline import format_report

    regels = format_report(lochem.import_rapport).splitlines()
    assert any(r.startswith("Nakijken: artikel 5.2.1: ") for r in regels)
