"""The loket's links into the verordening follow the version in force on the day, by regelgeving's
one rule (`RegelingPage.versie_op`): on the flow pages and refusals the version in force today, on a
confirmation the version in force on the day of the submission. Their labels are the article's own
number and title in that version.

The derived 2027 version (tests/data/versies/) is written once for this module; each test moves its
in-werking date relative to today, so the tests hold on any day. In it 11.5 became 11.6, 10.10 is
new and the begrip Mantelzorger reads "minimaal 8 uur per week".
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client, TestCase
from django.utils import timezone

from loket import legislation
from loket.models import ArtikelVerwijzing, Inzending
from regelgeving.models import ArtikelPage, BegripPage, RegelingVersiePage
from tests.loket.support import COMPLIMENT, GESCHIKT, MELDING, MZC, complete, get_ok, html, page, post_step

REGELING = "verordening-sociaal-domein"
STABIEL = f"/regelgeving/{REGELING}/artikel/"
VERSIE_2027 = "gmb-2026-612345"


@pytest.fixture(scope="module")
def _versie_2027_bewaard(bewaard_voor_scope, importeer, publiceer_nu):
    with bewaard_voor_scope():
        with TestCase.captureOnCommitCallbacks(execute=True):
            pk = publiceer_nu(importeer(VERSIE_2027)).pk
        yield pk


@pytest.fixture
def v2027(_versie_2027_bewaard, db):
    return RegelingVersiePage.objects.get(pk=_versie_2027_bewaard)


def in_werking_vanaf(versie, dag):
    RegelingVersiePage.objects.filter(pk=versie.pk).update(in_werking_op=dag)


def artikel(versie, nummer) -> ArtikelPage:
    return ArtikelPage.objects.get(versie=versie, nummer=nummer)


def mantelzorger(versie) -> BegripPage:
    return BegripPage.objects.get(versie=versie, term="Mantelzorger")


def melding_verwijst_ook_naar(*nummers):
    """The editors add articles to the melding page by number."""
    flow_page = page("melding")
    regeling = flow_page.artikelen.first().regeling
    for nummer in nummers:
        ArtikelVerwijzing.objects.create(page=flow_page, regeling=regeling, nummer=nummer)


def begrip_link_op_weigering(client) -> str:
    location = post_step(client, MZC, "geschiktheid", GESCHIKT | {"acht_uur": "nee"})
    refusal = get_ok(client, location)
    return re.search(r'href="([^"]+)">Wat de verordening onder ‘Mantelzorger’ verstaat</a>', refusal).group(1)


def test_a_version_that_starts_tomorrow_is_not_linked_today(client, lochem, v2027):
    vandaag = timezone.localdate()
    in_werking_vanaf(v2027, vandaag + timedelta(days=1))
    melding_verwijst_ook_naar("11.5", "11.6", "10.10")

    flow_page = get_ok(client, MELDING)
    assert f'href="{STABIEL}11.5/">{artikel(lochem, "11.5").title}</a>' in flow_page
    # 11.6 and 10.10 exist only in the version that starts tomorrow: no link to them yet.
    assert f"{STABIEL}11.6/" not in flow_page and f"{STABIEL}10.10/" not in flow_page
    assert legislation.artikel_link(REGELING, "10.10") is None
    assert legislation.artikel_link(REGELING, "10.10", vandaag + timedelta(days=1)) == (
        artikel(v2027, "10.10").title,
        f"{STABIEL}10.10/?peildatum={(vandaag + timedelta(days=1)).isoformat()}",
    )
    # The refusal explains the begrip as today's version defines it.
    assert begrip_link_op_weigering(client) == mantelzorger(lochem).url != mantelzorger(v2027).url
    # A submission today records and links today's version.
    sender = Client()
    bevestiging = get_ok(sender, complete(sender, MZC, COMPLIMENT))
    assert Inzending.objects.get().versie_id == lochem.pk
    assert f'href="{STABIEL}5.2.1/?peildatum={vandaag.isoformat()}">{artikel(lochem, "5.2.1").title}</a>' in (
        bevestiging
    )


def test_a_version_not_yet_published_is_never_linked(client, lochem, v2027):
    in_werking_vanaf(v2027, timezone.localdate() - timedelta(days=1))
    v2027.unpublish()
    melding_verwijst_ook_naar("11.6")
    assert f"{STABIEL}11.6/" not in get_ok(client, MELDING)
    assert begrip_link_op_weigering(client) == mantelzorger(lochem).url


def test_with_two_versions_each_link_follows_the_version_of_its_day(client, lochem, v2027):
    vandaag = timezone.localdate()
    gisteren = vandaag - timedelta(days=1)
    in_werking_vanaf(v2027, vandaag)
    # The 2027 version gives article 5.2.1 a heading of its own.
    nieuw_521 = artikel(v2027, "5.2.1")
    ArtikelPage.objects.filter(pk=nieuw_521.pk).update(title="Artikel 5.2.1 Woning en mantelzorgcompliment")
    oud_titel = artikel(lochem, "5.2.1").title
    melding_verwijst_ook_naar("11.5", "11.6")

    # Today the 2027 version applies: its numbers, its titles and its begrip.
    flow_page = get_ok(client, MELDING)
    assert f'href="{STABIEL}11.6/">{artikel(v2027, "11.6").title}</a>' in flow_page
    assert f"{STABIEL}11.5/" not in flow_page  # renumbered: 11.5 is no article of the 2027 version
    assert f'href="{STABIEL}5.2.1/">Artikel 5.2.1 Woning en mantelzorgcompliment</a>' in get_ok(client, MZC)
    begrip_url = begrip_link_op_weigering(client)
    assert begrip_url == mantelzorger(v2027).url
    assert "minimaal 8 uur per week" in get_ok(client, begrip_url)

    # A confirmation shows the rules of the day of the submission: today the 2027 text ...
    sender = Client()
    bevestiging = complete(sender, MZC, COMPLIMENT)
    inzending = Inzending.objects.get()
    assert inzending.versie_id == v2027.pk
    vandaag_url = f"{STABIEL}5.2.1/?peildatum={vandaag.isoformat()}"
    nieuw_label = "Artikel 5.2.1 Woning en mantelzorgcompliment"
    assert f'href="{vandaag_url}">{nieuw_label}</a>' in get_ok(sender, bevestiging)

    # ... and for a submission of yesterday the 2026 text, which its link still opens.
    Inzending.objects.filter(pk=inzending.pk).update(ingediend_op=timezone.now() - timedelta(days=1))
    gisteren_url = f"{STABIEL}5.2.1/?peildatum={gisteren.isoformat()}"
    assert f'href="{gisteren_url}">{oud_titel}</a>' in get_ok(sender, bevestiging)
    opened = html(client.get(gisteren_url, follow=True))
    kop = re.search(r"<h1[^>]*>(.*?)</h1>", opened, re.S).group(1)
    assert re.sub(r"<[^>]+>", "", kop).strip() == oud_titel
