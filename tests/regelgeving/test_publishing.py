"""Publishing the next version, as editors and residents expect it.

An imported next version is a draft. Published, it is public at once, with all its pages, shown as
*toekomstig* until its in-werking date; from then on it is the version in force by the validity
rule, with no job to run. An editor who schedules a go-live date sees nothing of it public before
that date: no page, no API item, no search hit. Through Wagtail's moderation workflow the same.
"""

import importlib
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, Workflow, WorkflowPage

from regelgeving.models import ArtikelPage, RegelingVersiePage
from regelgeving.search.service import Zoekvraag, zoek
from tests.paths import REGELING

AMS = ZoneInfo("Europe/Amsterdam")
NIEUWJAAR = datetime(2027, 1, 1, 0, 5, tzinfo=AMS)
NU_7_4 = f"{REGELING}artikel/7.4/"


def html(client, url, status=200):
    response = client.get(url, follow=True)
    assert response.status_code == status, url
    return response.content.decode()


def live_artikelen(versie) -> int:
    return ArtikelPage.objects.filter(versie=versie, live=True).count()


def in_zoeken(versie, q="bijeenkomst", **kwargs) -> bool:
    """Whether a search finds anything of `versie` (article 10.10 is new in 2027)."""
    treffers = zoek(Zoekvraag(q=q, alle_versies=True, **kwargs)).resultaten
    return any(t.scope.versie.pk == versie.pk for t in treffers)


def api_items(client, versie) -> list:
    url = "/api/v2/pages/?type=regelgeving.ArtikelPage&nummer=7.4&fields=tekst&limit=20"
    return [i for i in client.get(url).json()["items"] if "45%" in i["tekst"]]


@pytest.fixture
def v2027(lochem, importeer):
    return importeer("gmb-2026-612345")


def test_a_new_version_is_imported_as_a_draft_without_a_date(client, v2027):
    assert not v2027.live and v2027.go_live_at is None
    assert live_artikelen(v2027) == 0 and ArtikelPage.objects.filter(versie=v2027).count() == 34
    assert client.get(f"{REGELING}2027/").status_code == 404
    assert "alleenstaanden 40% van de geldende" in html(client, NU_7_4)
    assert v2027.import_rapport["status"] == "nieuw (concept)"


def test_published_it_is_public_at_once_as_toekomstig_and_takes_over_on_its_date(
    client, lochem, v2027, monkeypatch, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        RegelingVersiePage.objects.get(pk=v2027.pk).save_revision().publish()
    v2027.refresh_from_db()
    assert v2027.live and live_artikelen(v2027) == 34
    versie_pagina = html(client, f"{REGELING}2027/")
    assert "deze versie geldt nog niet" in versie_pagina and "1 januari 2027" in versie_pagina
    # Today the 2026 text applies; after the date the new one, on every way to ask for it.
    assert "alleenstaanden 40%" in html(client, NU_7_4)
    assert "alleenstaanden 45%" in html(client, f"{NU_7_4}?peildatum=2027-03-01")
    assert "31 december 2026" in html(client, REGELING)  # the end date of the 2026 version
    assert "Er is maar één versie" not in html(client, f"{REGELING}vergelijk/")
    assert in_zoeken(v2027, peildatum=v2027.in_werking_op) and not in_zoeken(v2027, q="xyzzy")
    assert api_items(client, v2027)

    monkeypatch.setattr(timezone, "now", lambda: NIEUWJAAR)  # no job runs on new year's day
    assert "alleenstaanden 45% van de geldende" in html(client, NU_7_4)
    oud = html(client, ArtikelPage.objects.get(versie=lochem, nummer="7.4").url)
    assert "deze versie geldt niet meer" in oud and f'href="{NU_7_4}"' in oud


def test_a_scheduled_publication_shows_nothing_before_its_date(
    client, lochem, v2027, monkeypatch, django_capture_on_commit_callbacks
):
    versie = RegelingVersiePage.objects.get(pk=v2027.pk)
    versie.go_live_at = datetime(2027, 1, 1, tzinfo=AMS)  # the editor sets a schedule
    with django_capture_on_commit_callbacks(execute=True):
        versie.save_revision().publish()
    v2027.refresh_from_db()
    assert not v2027.live and v2027.get_latest_revision().approved_go_live_at is not None
    assert live_artikelen(v2027) == 0
    assert client.get(f"{REGELING}2027/").status_code == 404
    assert client.get(f"{REGELING}2027/hoofdstuk-7/artikel-7-4/").status_code == 404
    assert "alleenstaanden 40%" in html(client, f"{NU_7_4}?peildatum=2027-03-01")
    assert not api_items(client, v2027)
    assert not in_zoeken(v2027, peildatum=v2027.in_werking_op)

    monkeypatch.setattr(timezone, "now", lambda: NIEUWJAAR)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    v2027.refresh_from_db()
    assert v2027.live and live_artikelen(v2027) == 34
    assert "alleenstaanden 45% van de geldende" in html(client, NU_7_4)
    assert in_zoeken(v2027)
    oud = html(client, ArtikelPage.objects.get(versie=lochem, nummer="7.4").url)
    assert "deze versie geldt niet meer" in oud and "31 december 2026" in oud


def test_approved_in_the_moderation_workflow_it_is_public_at_once(client, lochem, v2027, django_user_model):
    workflow = Workflow.objects.get(name="Goedkeuring door redactie")
    WorkflowPage.objects.create(workflow=workflow, page=Page.objects.get(pk=v2027.get_parent().pk))
    redacteur = django_user_model.objects.create_user("redacteur", "r@example.org", "wachtwoord-1")
    moderator = django_user_model.objects.create_superuser("moderator", "m@example.org", "wachtwoord-2")
    moderator.groups.add(Group.objects.get(name="Moderators"))

    versie = RegelingVersiePage.objects.get(pk=v2027.pk)
    versie.save_revision(user=redacteur)
    state = workflow.start(versie, redacteur)
    assert not RegelingVersiePage.objects.get(pk=v2027.pk).live  # waiting for approval
    state.current_task_state.approve(user=moderator)

    v2027.refresh_from_db()
    assert v2027.live and live_artikelen(v2027) == 34
    assert "deze versie geldt nog niet" in html(client, f"{REGELING}2027/")


def test_an_article_published_on_its_own_inside_a_draft_version_stays_offline(client, v2027):
    artikel = ArtikelPage.objects.get(versie=v2027, nummer="7.4")
    artikel.save_revision().publish()  # an editor fixes the article and clicks Publiceren
    assert ArtikelPage.objects.get(pk=artikel.pk).live
    assert client.get(f"{REGELING}2027/hoofdstuk-7/artikel-7-4/").status_code == 404
    assert not api_items(client, v2027)


def test_a_correction_saved_as_draft_goes_live_with_its_version(
    client, v2027, django_capture_on_commit_callbacks
):
    artikel = ArtikelPage.objects.get(versie=v2027, nummer="7.4")
    artikel.body = [{"type": "alinea", "value": "<p>Gecorrigeerd: alleenstaanden 46%.</p>"}]
    artikel.save_revision()  # "Opslaan als concept"
    with django_capture_on_commit_callbacks(execute=True):
        RegelingVersiePage.objects.get(pk=v2027.pk).save_revision().publish()
    artikel = ArtikelPage.objects.get(pk=artikel.pk)
    assert artikel.live and not artikel.has_unpublished_changes
    assert "alleenstaanden 46%" in html(client, artikel.url)


def test_drafts_dated_by_the_old_importer_go_public_at_once_after_the_upgrade(v2027):
    migration = importlib.import_module("regelgeving.migrations.0015_geen_automatische_publicatiedatum")
    RegelingVersiePage.objects.filter(pk=v2027.pk).update(go_live_at=datetime(2027, 1, 1, tzinfo=AMS))
    migration.clear_imported_go_live_dates(django_apps, None)
    assert RegelingVersiePage.objects.get(pk=v2027.pk).go_live_at is None
    # A moment an editor chose is kept.
    RegelingVersiePage.objects.filter(pk=v2027.pk).update(go_live_at=datetime(2027, 1, 1, 9, tzinfo=AMS))
    migration.clear_imported_go_live_dates(django_apps, None)
    assert RegelingVersiePage.objects.get(pk=v2027.pk).go_live_at is not None
