"""Versions in time: peildatum, banners, history and comparison (publishing: test_publishing.py)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from regelgeving.models import ArtikelPage, RegelingPage
from tests.paths import REGELING

AMS = ZoneInfo("Europe/Amsterdam")


def html(client, url, status=200):
    response = client.get(url, follow=True)
    assert response.status_code == status, url
    return response.content.decode()


def test_every_article_shows_its_citation_and_permanent_link(client, lochem):
    artikel = ArtikelPage.objects.get(nummer="5.2.1")
    page = html(client, artikel.url)
    assert "Artikel 5.2.1 Verordening Sociaal Domein 2026, Gemeenteblad 2025, 538386" in page
    assert f'href="{artikel.full_url}"' in page
    assert "Kopieer verwijzing" in page  # shown by JavaScript only (progressive enhancement)


def test_editor_sees_the_comparison_before_publishing(client, lochem, django_user_model, importeer):
    v2027 = importeer("gmb-2026-612345")
    client.force_login(
        django_user_model.objects.create_superuser("redacteur", "r@example.org", "wachtwoord-1")
    )
    edit = client.get(f"/admin/pages/{v2027.pk}/edit/").content.decode()
    assert "Gewijzigd: 1, toegevoegd: 1, vervallen: 1, verplaatst: 1" in edit
    assert "1 januari 2027" in edit
    page = client.get(f"/admin/regelgeving/vergelijk/{v2027.pk}/").content.decode()
    assert '<ins><span class="visually-hidden">toegevoegd: </span>45%</ins>' in page
    # The first version has nothing to be compared with, and says so instead of an empty list.
    eerste = client.get(f"/admin/regelgeving/vergelijk/{lochem.pk}/").content.decode()
    assert "Dit is de eerste versie van deze regeling; er is niets om mee te vergelijken." in eerste
    assert "Geen artikelen gewijzigd" not in eerste


class TestDrieVersies:
    """2026 in force, 2027 and 2028 published: written once for this class."""

    @pytest.mark.parametrize(
        "peildatum, verwacht",
        [
            ("2025-12-31", None),
            ("2026-01-01", "2026"),
            ("2026-12-31", "2026"),
            ("2027-01-01", "2027"),
            ("2028-06-30", "2027"),
            ("2028-07-01", "2028"),
            ("2035-01-01", "2028"),
        ],
    )
    def test_every_date_resolves_to_the_right_version(self, client, drie_versies, peildatum, verwacht):
        response = client.get(f"{REGELING}?peildatum={peildatum}")
        if verwacht is None:
            assert response.status_code == 200
            assert "Geen versie op deze datum" in response.content.decode()
        else:
            assert response.status_code == 302
            assert response["Location"] == f"{REGELING}{verwacht}/?peildatum={peildatum}"
        regeling = RegelingPage.objects.get(slug="verordening-sociaal-domein")
        gevonden = regeling.versie_op(date.fromisoformat(peildatum))
        assert (gevonden.slug if gevonden else None) == verwacht

    def test_article_on_a_peildatum_and_clear_messages(self, client, drie_versies):
        assert "alleenstaanden 40%" in html(client, f"{REGELING}artikel/7.4/?peildatum=2026-05-01")
        assert "alleenstaanden 45%" in html(client, f"{REGELING}artikel/7.4/?peildatum=2027-05-01")
        # Removed in 2027: a message that points to the version that has it.
        weg = html(client, f"{REGELING}artikel/10.4/?peildatum=2027-05-01", status=404)
        assert "bestaat niet in Verordening Sociaal Domein 2027" in weg
        assert ArtikelPage.objects.get(nummer="10.4").url in weg
        te_vroeg = html(client, f"{REGELING}artikel/7.4/?peildatum=2020-01-01")
        assert "geldt geen versie" in te_vroeg
        fout = client.get(f"{REGELING}artikel/7.4/?peildatum=1-1-2027")
        assert fout.status_code == 400 and "geen geldige peildatum" in fout.content.decode()

    def test_validity_and_status_of_each_version(self, client, drie_versies):
        v2026, v2027, v2028 = drie_versies
        assert v2026.versie_info["tot"] == date(2026, 12, 31)
        assert v2027.versie_info["tot"] == date(2028, 6, 30)
        assert v2028.versie_info["tot"] is None
        assert [v2026.versie_info["status"], v2027.versie_info["status"]] == ["geldend", "toekomstig"]
        toekomst = html(client, ArtikelPage.objects.get(versie=v2027, nummer="7.4").url)
        assert "deze versie geldt nog niet" in toekomst and "1 januari 2027" in toekomst
        nu = html(client, ArtikelPage.objects.get(versie=v2026, nummer="7.4").url)
        assert "versie-banner" not in nu

    def test_comparison_shows_the_recorded_edits(self, client, drie_versies):
        page = html(client, f"{REGELING}vergelijk/?van=2026&naar=2027")
        from regelgeving.views import vergelijk_versies

        v2026, v2027, _ = drie_versies
        result = vergelijk_versies(v2026, v2027)
        per_status = {}
        for rij in result["artikelen"]:
            c = rij["change"]
            per_status.setdefault(c.status, []).append(
                (c.oud.nummer if c.oud else None, c.nieuw.nummer if c.nieuw else None)
            )
        assert per_status["gewijzigd"] == [("7.4", "7.4")]
        assert per_status["verwijderd"] == [("10.4", None)]
        assert per_status["toegevoegd"] == [(None, "10.10")]
        assert per_status["verplaatst"] == [("11.5", "11.6")]
        assert result["samenvatting"]["ongewijzigd"] == 31
        assert [r["change"].nieuw.nummer for r in result["begrippen"]] == ["Mantelzorger"]
        # Word-level diff marked up for everyone, screen readers included.
        assert '<del><span class="visually-hidden">verwijderd: </span>40%</del>' in page
        assert '<ins><span class="visually-hidden">toegevoegd: </span>45%</ins>' in page
        assert 'id="artikel-7.4"' in page

    def test_comparison_lists_the_edits_first_and_the_unchanged_articles_folded_away(
        self, client, drie_versies, django_user_model
    ):
        _, v2027, _ = drie_versies
        editor = django_user_model.objects.create_superuser("redacteur", "r@example.org", "wachtwoord-1")
        admin = type(client)()
        admin.force_login(editor)
        for page in (
            html(client, f"{REGELING}vergelijk/?van=2026&naar=2027"),
            html(admin, f"/admin/regelgeving/vergelijk/{v2027.pk}/"),
        ):
            edits, folded = page.split("<summary>Toon ongewijzigde artikelen (31)</summary>")
            assert edits.count('<details class="wijzigingen-ongewijzigd">') == 1
            # Changed, removed, added and renumbered: before the fold, in reading order.
            order = [edits.index(f'id="artikel-{nummer}"') for nummer in ("7.4", "10.4", "10.10", "11.6")]
            assert order == sorted(order)
            assert "wijziging--ongewijzigd" not in edits
            folded = folded.split("</details>")[0]
            assert folded.count("wijziging--ongewijzigd") == 31 and 'id="artikel-2.2"' in folded

    def test_history_follows_a_renumbered_article(self, client, drie_versies):
        v2026, v2027, _ = drie_versies
        oud, nieuw = (
            ArtikelPage.objects.get(versie=v2026, nummer="11.5"),
            ArtikelPage.objects.get(versie=v2027, nummer="11.6"),
        )
        assert oud.werk_id == nieuw.werk_id
        page = html(client, nieuw.url)
        geschiedenis = page.split('id="geschiedenis"')[1]
        assert oud.url in geschiedenis
        assert "vergelijk/?van=2026&amp;naar=2027#artikel-11.6" in geschiedenis

    def test_the_current_url_without_peildatum_follows_today(self, client, drie_versies, monkeypatch):
        assert "alleenstaanden 40%" in html(client, f"{REGELING}artikel/7.4/")
        monkeypatch.setattr(timezone, "now", lambda: datetime(2027, 2, 1, tzinfo=AMS) + timedelta(hours=1))
        assert "alleenstaanden 45%" in html(client, f"{REGELING}artikel/7.4/")

    def test_json_api_with_peildatum(self, client, drie_versies):
        url = "/api/v2/pages/?type=regelgeving.ArtikelPage&nummer=7.4&fields=tekst,citeertitel,werk_id"
        nu = client.get(url).json()["items"]
        assert len(nu) == 3  # every published version has an article 7.4
        op_datum = client.get(url + "&peildatum=2027-05-01").json()["items"]
        assert len(op_datum) == 1
        assert "45%" in op_datum[0]["tekst"]
        assert op_datum[0]["citeertitel"].startswith("Artikel 7.4 Verordening Sociaal Domein 2027")
        versies = client.get(
            "/api/v2/pages/?type=regelgeving.RegelingVersiePage&fields=identifier,in_werking_op,geldig_tot,geldigheidsstatus"
        ).json()["items"]
        by_id = {v["identifier"]: v for v in versies}
        assert by_id["gmb-2025-538386"]["geldig_tot"] == "2026-12-31"
        assert by_id["gmb-2025-538386"]["geldigheidsstatus"] == "geldend"
        assert by_id["gmb-2027-700001"]["in_werking_op"] == "2028-07-01"
        fout = client.get(url + "&peildatum=morgen")
        assert fout.status_code == 400 and "peildatum" in fout.json()["message"]

    def test_links_of_each_version_stay_inside_that_version(self, client, drie_versies):
        _, v2027, _ = drie_versies
        artikel = ArtikelPage.objects.get(versie=v2027, nummer="5.2.1")
        page = html(client, artikel.url)
        assert f'href="{REGELING}2027/begrippen/mantelzorger/"' in page
        assert f'href="{REGELING}2026/begrippen/mantelzorger/"' not in page
        begrip = html(client, f"{REGELING}2027/begrippen/mantelzorger/")
        assert "langdurig (minimaal 8 uur per week)" in begrip
        assert "langdurig (minimaal 8 uur per week)" not in html(
            client, f"{REGELING}2026/begrippen/mantelzorger/"
        )

    def test_a_renumbered_article_says_where_it_went(self, client, drie_versies):
        # 11.5 became 11.6 in the 2027 version.
        response = client.get(f"{REGELING}artikel/11.5/?peildatum=2027-05-01")
        assert response.status_code == 404
        page = response.content.decode()
        assert "Artikel 11.5 heet sinds 1 januari 2027 artikel 11.6" in page
        nieuw = ArtikelPage.objects.get(versie=drie_versies[1], nummer="11.6")
        assert f'href="{nieuw.url}"' in page
        # Today 11.5 still is 11.5.
        assert client.get(f"{REGELING}artikel/11.5/").status_code == 200

    def test_an_article_no_version_has_answers_404_with_the_message(self, client, drie_versies):
        response = client.get(f"{REGELING}artikel/99.9/")
        assert response.status_code == 404
        assert "Artikel 99.9 bestaat niet in Verordening Sociaal Domein 2026" in response.content.decode()

    def test_a_number_an_article_gets_later_is_no_renumbering_today(self, client, drie_versies):
        # 11.6 is the 2027 number of today's 11.5: today it does not exist, and says nothing backwards.
        response = client.get(f"{REGELING}artikel/11.6/")
        assert response.status_code == 404
        page = response.content.decode()
        assert "bestaat niet in Verordening Sociaal Domein 2026" in page and " heet " not in page
