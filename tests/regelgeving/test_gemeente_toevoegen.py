"""`manage.py gemeente_toevoegen`: a gemeente with its site, pages, groups and loket in one
command; again changes nothing; a bad code, a taken host or a taken code is refused in Dutch
with nothing stored."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Site

from loket.models import FlowPage, LoketPage
from regelgeving.models import Gemeente


def toevoegen(*args: str) -> str:
    out = io.StringIO()
    call_command("gemeente_toevoegen", *args, stdout=out)
    return out.getvalue()


PROEF = ("--naam", "Proefdorp", "--code", "gm9998", "--host", "regels.proefdorp.example")


def test_a_new_gemeente_gets_its_site_pages_groups_and_loket(db):
    uitvoer = toevoegen(*PROEF)
    gemeente = Gemeente.objects.select_related("site").get(cbs_code="gm9998")
    assert "Gemeente Proefdorp toegevoegd: https://regels.proefdorp.example/" in uitvoer
    assert (gemeente.site.hostname, gemeente.site.port) == ("regels.proefdorp.example", 443)
    loket = LoketPage.objects.child_of(gemeente.site.root_page).get()
    flows = set(FlowPage.objects.child_of(loket).live().values_list("flow", flat=True))
    assert flows == {"melding", "mantelzorgcompliment", "inwonerspanel"}
    assert "gemeente Proefdorp" in FlowPage.objects.child_of(loket).get(flow="melding").intro
    assert gemeente.redacteuren.name == "Redacteuren gemeente proefdorp"
    assert gemeente.medewerkers.name == "Medewerkers gemeente proefdorp"
    rechten = set(gemeente.medewerkers.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "view_inzending",
        "change_inzending",
        "export_inzending",
        "beheer_panel",
    } <= rechten


def test_a_new_gemeentes_flow_works_without_cited_articles(db, client, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "regels.proefdorp.example"]
    toevoegen(*PROEF)
    gemeente = Gemeente.objects.get(cbs_code="gm9998")
    page = FlowPage.objects.descendant_of(gemeente.site.root_page).get(flow="melding")
    assert page.regeling() is None and page.artikel_links() == []
    response = client.get(page.relative_url(gemeente.site), HTTP_HOST="regels.proefdorp.example")
    assert response.status_code == 200


def test_running_it_again_changes_nothing(db):
    toevoegen(*PROEF)
    pages, sites = FlowPage.objects.count(), Site.objects.count()
    assert "bestond al" in toevoegen(*PROEF)
    assert (FlowPage.objects.count(), Site.objects.count()) == (pages, sites)


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (("--naam", "Proefdorp", "--code", "9998", "--host", "proef.example"), "geen CBS-code"),
        (("--naam", "Proefdorp", "--code", "gm9998", "--host", "https://proef.example/"), "geen hostnaam"),
        (
            ("--naam", "Proefdorp", "--code", "gm1859", "--host", "proef.example"),
            "hoort al bij Gemeente Lochem",
        ),
        (
            ("--naam", "Proefdorp", "--code", "gm9998", "--host", "127.0.0.1", "--poort", "8000"),
            "hoort al bij Gemeente Lochem",
        ),
    ],
)
def test_bad_input_is_refused_in_dutch_and_nothing_is_stored(db, rijen_per_tabel, args, melding):
    voor = rijen_per_tabel()
    with pytest.raises(CommandError, match=melding):
        toevoegen(*args)
    assert rijen_per_tabel() == voor
