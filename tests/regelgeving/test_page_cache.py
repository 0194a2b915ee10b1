"""Published pages come from the page cache (regelgeving/page_cache.py), and never stale: a change
that is published, unpublished, deleted or scheduled shows at the next request, and a version
becomes the one in force at midnight."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction

from regelgeving.models import ArtikelPage, RegelingVersiePage
from tests import factories

AMS = ZoneInfo("Europe/Amsterdam")
STABIEL = "/regelgeving/proefregeling/artikel/1/"


def html(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def publiceer_tekst(artikel: ArtikelPage, tekst: str) -> None:
    """An editor changes the article's text and publishes it."""
    artikel = ArtikelPage.objects.get(pk=artikel.pk)
    artikel.body = [{"type": "alinea", "value": f"<p>{tekst}</p>"}]
    artikel.save_revision().publish()


def test_a_page_asked_again_is_answered_from_the_cache(client, db):
    versie = factories.versie()
    url = ArtikelPage.objects.get(versie=versie, nummer="1").url
    eerste = queries_of(client, url)
    assert eerste > 10  # routed and rendered
    assert queries_of(client, url) == 1  # only the key of what is published is read
    assert "voorziening aanvragen" in html(client, url)


def test_a_published_change_shows_at_the_next_request(client, db):
    versie = factories.versie()
    artikel = ArtikelPage.objects.get(versie=versie, nummer="1")
    assert "voorziening aanvragen" in html(client, artikel.url)
    assert "voorziening aanvragen" in html(client, STABIEL)

    publiceer_tekst(artikel, "De inwoner kan een maatwerkvoorziening krijgen.")
    for url in (artikel.url, STABIEL):
        page = html(client, url)
        assert "maatwerkvoorziening" in page and "voorziening aanvragen" not in page


def test_an_unpublished_or_deleted_page_is_gone_at_the_next_request(client, db):
    versie = factories.versie()
    een, twee = ArtikelPage.objects.filter(versie=versie).order_by("path")
    html(client, een.url)
    html(client, twee.url)
    een.unpublish()
    assert client.get(een.url).status_code == 404
    ArtikelPage.objects.get(pk=twee.pk).delete()
    assert client.get(twee.url).status_code == 404


def test_a_later_version_takes_over_at_midnight(client, db, publiceer_nu, monkeypatch):
    factories.versie()
    volgende = factories.versie(
        identifier="gmb-2026-2", in_werking_op=date(2027, 1, 1), tekst_1="Een inwoner krijgt hulp op maat."
    )
    publiceer_nu(volgende)
    monkeypatch.setattr(timezone, "now", lambda: datetime(2026, 12, 31, 23, 55, tzinfo=AMS))
    assert "voorziening aanvragen" in html(client, STABIEL)
    assert "hulp op maat" not in html(client, STABIEL)
    monkeypatch.setattr(timezone, "now", lambda: datetime(2027, 1, 1, 0, 5, tzinfo=AMS))
    assert "hulp op maat" in html(client, STABIEL)


def test_a_scheduled_publication_shows_once_publish_scheduled_ran(client, db, monkeypatch):
    factories.versie()
    volgende = factories.versie(
        identifier="gmb-2026-2", in_werking_op=date(2027, 1, 1), tekst_1="Een inwoner krijgt hulp op maat."
    )
    gepland = RegelingVersiePage.objects.get(pk=volgende.pk)
    gepland.go_live_at = datetime(2027, 1, 1, tzinfo=AMS)  # the editor schedules it
    gepland.save_revision().publish()
    regeling = volgende.get_parent().url
    assert "Proefverordening 2027" not in html(client, regeling)

    monkeypatch.setattr(timezone, "now", lambda: datetime(2027, 1, 1, 0, 5, tzinfo=AMS))
    call_command("publish_scheduled")
    assert "Proefverordening 2027" in html(client, regeling)
    assert "hulp op maat" in html(client, STABIEL)


def test_editors_are_not_served_what_the_public_was(client, admin_user, db):
    versie = factories.versie()
    url = ArtikelPage.objects.get(versie=versie, nummer="1").url
    html(client, url)
    client.force_login(admin_user)
    assert queries_of(client, url) > 10  # rendered for the editor, not taken from the cache


def test_a_stale_day_is_never_served(client, db, monkeypatch):
    versie = factories.versie()
    url = ArtikelPage.objects.get(versie=versie, nummer="1").url
    html(client, url)
    morgen = timezone.now() + timedelta(days=1)
    monkeypatch.setattr(timezone, "now", lambda: morgen)
    assert queries_of(client, url) > 10  # a new day: rendered again (status and banners may change)


def test_a_page_behind_a_password_is_never_kept_for_the_next_visitor(client, db):
    versie = factories.versie()
    url = ArtikelPage.objects.get(versie=versie, nummer="1").url
    html(client, url)  # public and kept
    PageViewRestriction.objects.create(page=versie, restriction_type="password", password="geheim")
    assert "voorziening aanvragen" not in html(client, url)  # the password form, not the kept text

    binnen = Client()
    form = binnen.get(url).content.decode()
    action = re.search(r'action="([^"]+)"', form).group(1)
    binnen.post(action, {"password": "geheim", "return_url": url})
    assert "voorziening aanvragen" in html(binnen, url)
    assert "voorziening aanvragen" not in html(Client(), url)  # a new visitor: still the form


def test_a_moved_page_is_found_at_its_new_address_at_once(client, db):
    versie = factories.versie()
    een, twee = ArtikelPage.objects.filter(versie=versie).order_by("path")
    oud = een.url
    html(client, oud)
    een.move(twee, pos="right")
    ArtikelPage.objects.filter(pk=een.pk).update(slug="artikel-1-verplaatst")
    Page.objects.get(pk=een.pk).specific.save_revision().publish()
    assert client.get(oud).status_code == 404


def test_a_head_request_fills_the_cache_for_get_and_other_parameters_pass_it_by(client, db):
    versie = factories.versie()
    url = ArtikelPage.objects.get(versie=versie, nummer="1").url
    assert client.head(url).status_code == 200
    assert queries_of(client, url) == 1
    assert "voorziening aanvragen" in html(client, url)
    assert queries_of(client, f"{url}?utm_source=nieuwsbrief") > 10  # unknown parameter: not cached
    assert queries_of(client, f"{STABIEL}?peildatum=morgen") > 1  # malformed: answered afresh
