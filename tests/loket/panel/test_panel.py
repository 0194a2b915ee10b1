"""Lochem spreekt, the citizen panel of article 10.9, as inwoners and staff use it: signing up with
double opt-in, leaving with one click, invitations (at most four a member a calendar year),
answering once with a personal link, results first for participants and public after the embargo,
and the staff overview of the panel against the population.

The demo data (`setup_demo`: /loket/lochem-spreekt/ with the peiling "De bibliotheek in uw kern")
are the session's (tests/conftest.py); every test runs in a transaction of its own, rolled back.
"""

from __future__ import annotations

import io
import re
import types
from datetime import datetime, time, timedelta
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core import signing
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import PageLogEntry

from demo.gemeenten import LOCHEM
from demo.loket import LOKETTEN
from loket import retention
from loket.crypto import blind_index
from loket.models import (
    Bericht,
    Bevolkingsaandeel,
    FlowPage,
    PanelContact,
    Panellid,
    PeilingPage,
    Respons,
    UitgelichtAntwoord,
    Uitnodiging,
    Vrijgave,
)
from loket.outbox import send_pending
from loket.panel import invitations, links, results
from loket.panel.invitations import Selectie
from tests import factories
from tests.loket.support import (
    complete,
    fill,
    get_ok,
    html,
    lang,
    post_step,
    send,
    stap,
)

PEILING_VRAGEN = LOKETTEN[LOCHEM.cbs_code].peiling.vragen
SIGNUP = "/loket/lochem-spreekt/"
BIBLIOTHEEK = "/loket/lochem-spreekt/bibliotheek/"
ARTIKEL_10_9 = "/regelgeving/verordening-sociaal-domein/artikel/10.9/"
PANEL_ADMIN = "/admin/inwonerspanel/"
BASE = django_settings.SITE_URL
DAG = 24 * 60 * 60
MENU_ITEM = f'"url": "{PANEL_ADMIN}"'  # the admin menu is JSON for the sidebar


def aanmelding(email, leeftijdsgroep="45-64", kern="barchem", relaties=("woont", "werkt")) -> dict:
    return {
        "email": {"email": email},
        "over-u": {"leeftijdsgroep": leeftijdsgroep, "kern": kern, "relaties": list(relaties)},
    }


# --- helpers ---------------------------------------------------------------------------------------


def lid_met(email) -> Panellid | None:
    contact = PanelContact.objects.filter(email_index=blind_index("panel-email", email)).first()
    return contact.lid if contact else None


# A member signed up (and confirmed) through the membership functions; their mail counts as sent.
nieuw_lid = factories.panellid


def pad(url: str) -> str:
    """The path of an absolute link from an e-mail, for the test client."""
    assert url.startswith(BASE + "/"), url
    return url[len(BASE) :]


def link_in(tekst: str, soort: str) -> str:
    """The path of the first link of a kind (bevestigen, afmelden, invullen, resultaten) in a mail."""
    match = re.search(rf"{re.escape(BASE)}/\S*{soort}/\S+/", tekst)
    assert match, (soort, tekst)
    return pad(match.group(0))


def mails_aan(mailoutbox, email):
    return [m for m in mailoutbox if m.to == [email]]


def bibliotheek() -> PeilingPage:
    return PeilingPage.objects.get(slug="bibliotheek")


def nieuwe_peiling(slug, vragen=PEILING_VRAGEN, open_vanaf=None, open_tot=None) -> PeilingPage:
    vandaag = timezone.localdate()
    peiling = PeilingPage(
        title=f"Peiling {slug}",
        slug=slug,
        open_vanaf=open_vanaf or vandaag,
        open_tot=open_tot or vandaag + timedelta(days=14),
        vragen=vragen,
    )
    FlowPage.objects.get(flow="inwonerspanel").add_child(instance=peiling)
    return PeilingPage.objects.get(pk=peiling.pk)


def sluiten(peiling) -> PeilingPage:
    vandaag = timezone.localdate()
    PeilingPage.objects.filter(pk=peiling.pk).update(
        open_vanaf=vandaag - timedelta(days=30), open_tot=vandaag - timedelta(days=1)
    )
    return PeilingPage.objects.get(pk=peiling.pk)


def uitnodigingslink(lid, peiling) -> str:
    """The personal link from the member's invitation mail for this peiling."""
    for bericht in Bericht.objects.filter(panellid=lid, soort="uitnodiging"):
        if peiling.url + "invullen/" in bericht.inhoud["tekst"]:
            return link_in(bericht.inhoud["tekst"], "invullen")
    raise AssertionError(f"geen uitnodiging voor {peiling.title}")


def antwoorden(peiling, **per_soort) -> dict:
    """Form data for a peiling, by question type: enkele_keuze="Nooit", meerkeuze=[...], schaal="4"."""
    return {
        f"v_{block.id}": per_soort[block.block_type]
        for block in peiling.vragen
        if block.block_type in per_soort
    }


def vraag_id(peiling, soort) -> str:
    return next(block.id for block in peiling.vragen if block.block_type == soort)


def invullen(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, html(response)[:3000]
    assert response["Location"] == url
    return response


def zonder_tokens(page_html: str) -> str:
    """A page without its CSRF token, to compare what two visitors see."""
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page_html)


def ander_teken(link: str, index: int) -> str:
    """The link with one character of its signature changed."""
    return link[:index] + ("x" if link[index] != "x" else "y") + link[index + 1 :]


def plat(page_html: str) -> str:
    """HTML without the white space between tags, to read table rows."""
    return re.sub(r">\s+<", "><", page_html)


def rij(page_html: str, label: str) -> list[str]:
    """The cells after the row header `label` of the first table row with it."""
    match = re.search(rf'scope="row">{re.escape(label)}</th>(.*?)</tr>', plat(page_html))
    assert match, label
    return re.findall(r"<td[^>]*>(.*?)</td>", match.group(1))


def uitnodigen_url(peiling) -> str:
    return f"{PANEL_ADMIN}peiling/{peiling.pk}/uitnodigen/"


def resultaten_url(peiling) -> str:
    return f"{PANEL_ADMIN}peiling/{peiling.pk}/resultaten/"


def hidden_fields(page_html: str, method: str = "post") -> dict[str, list[str]]:
    """The hidden inputs of the (first) form with `method` on a page: what pressing its button sends."""
    start = page_html.index(f'<form method="{method}"')
    form = page_html[start : page_html.index("</form>", start)]
    data: dict[str, list[str]] = {}
    for name, value in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form):
        data.setdefault(name, []).append(value)
    return data


def bekijk(client, peiling, **selectie) -> str:
    """Tick `selectie` in the staff view and press "Bekijk wie een uitnodiging krijgt" (a GET form)."""
    formulier = get_ok(client, uitnodigen_url(peiling))
    query = urlencode(hidden_fields(formulier, "get") | selectie, doseq=True)
    return get_ok(client, f"{uitnodigen_url(peiling)}?{query}")


def verstuur_uitnodigingen(client, peiling, **selectie):
    """Preview a selection in the staff view, then press the send button; returns the result page."""
    preview = bekijk(client, peiling, **selectie)
    assert "Verstuur" in preview, preview
    return client.post(uitnodigen_url(peiling), hidden_fields(preview), follow=True)


def vrijgeven(client, peiling, datum, tijd="09:00"):
    return client.post(
        f"{PANEL_ADMIN}peiling/{peiling.pk}/vrijgeven/",
        {"embargo_datum": datum.isoformat(), "embargo_tijd": tijd},
        follow=True,
    )


def verschuif_ondertekening(monkeypatch, seconden: int):
    """Let signed links see a clock `seconden` ahead (only django.core.signing, nothing else)."""
    import time as real_time

    monkeypatch.setattr(signing, "time", types.SimpleNamespace(time=lambda: real_time.time() + seconden))


# --- fixtures --------------------------------------------------------------------------------------


@pytest.fixture
def beheerder(django_user_model) -> Client:
    user = django_user_model.objects.create_superuser(
        "bea", "bea@lochem.nl", "geheim-wachtwoord", first_name="Bea", last_name="Beheer"
    )
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def medewerker(django_user_model) -> Client:
    user = django_user_model.objects.create_user(
        "mieke", "mieke@lochem.nl", "geheim-wachtwoord", first_name="Mieke", last_name="Mulder"
    )
    user.groups.add(factories.lochem_gemeente().medewerkers)
    client = Client()
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def redacteur(django_user_model) -> Client:
    """An editor of the site: may use the Wagtail admin, but may not manage the panel."""
    user = django_user_model.objects.create_user("rik", "rik@lochem.nl", "geheim-wachtwoord")
    user.groups.add(Group.objects.get(name="Editors"))
    client = Client()
    client.force_login(user)
    return client


# --- 1. signing up, double opt-in ------------------------------------------------------------------


def test_sign_up_asks_email_age_kern_and_relation_then_says_to_check_the_mail(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    start = get_ok(client, SIGNUP)
    assert "hoogstens vier keer per jaar" in start
    assert f'href="{BIBLIOTHEEK}"' in start  # the peilingen of the panel
    assert f'href="{ARTIKEL_10_9}"' in start

    email_step = get_ok(client, stap(SIGNUP, "email"))
    assert "E-mailadres" in email_step and 'autocomplete="email"' in email_step
    response = client.post(stap(SIGNUP, "email"), {"email": "geen-adres"})
    assert response.status_code == 400
    assert "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl." in html(response)

    post_step(client, SIGNUP, "email", {"email": "anna@example.nl"})
    over_u = get_ok(client, stap(SIGNUP, "over-u"))
    for tekst in ("Hoe oud bent u?", "Jonger dan 16 jaar", "75 jaar of ouder", "Barchem", "Buitengebied"):
        assert tekst in over_u
    for tekst in ("Ik woon in de gemeente Lochem", "Ik werk in de gemeente Lochem", "Ik heb een bedrijf"):
        assert tekst in over_u
    response = client.post(stap(SIGNUP, "over-u"), {"leeftijdsgroep": "45-64", "kern": "barchem"})
    assert response.status_code == 400
    assert "Kies minstens één band met de gemeente Lochem." in html(response)

    fill(client, SIGNUP, aanmelding("anna@example.nl"), start="over-u")
    controleren = get_ok(client, f"{SIGNUP}controleren/")
    assert "anna@example.nl" in controleren and "Barchem" in controleren
    versturen = get_ok(client, f"{SIGNUP}versturen/")
    assert "Ik wil meedoen aan Lochem spreekt." in versturen
    assert "hoogstens vier peilingen per jaar" in versturen  # the privacy statement
    response = client.post(
        f"{SIGNUP}versturen/", {"token": re.search(r'name="token" value="(\w+)"', versturen)[1]}
    )
    assert response.status_code == 400
    assert "Geef toestemming" in html(response)
    assert Panellid.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, SIGNUP)
    assert response.status_code == 302 and "/bevestiging/" in response["Location"]
    bevestiging = get_ok(client, response["Location"])
    assert "Bijna klaar: bevestig uw aanmelding" in bevestiging
    assert "We hebben u een e-mail gestuurd" in bevestiging
    assert "De link werkt 7 dagen" in bevestiging

    lid = Panellid.objects.get()
    assert (lid.leeftijdsgroep, lid.kern, sorted(lid.relaties)) == ("45-64", "barchem", ["werkt", "woont"])
    assert not lid.bevestigd
    [mail] = mails_aan(mailoutbox, "anna@example.nl")
    assert mail.subject == "Bevestig uw aanmelding voor Lochem spreekt"
    assert "Bevestig uw aanmelding met deze link" in mail.body and "De link werkt 7 dagen" in mail.body


def test_younger_than_16_is_refused_kindly_citing_the_panels_own_terms_and_nothing_is_stored(client):
    post_step(client, SIGNUP, "email", {"email": "kees@example.nl"})
    location = post_step(
        client, SIGNUP, "over-u", {"leeftijdsgroep": "jonger", "kern": "lochem", "relaties": ["woont"]}
    )
    assert location == f"{SIGNUP}niet-mogelijk/"
    page = get_ok(client, location)
    assert "helaas niet mogelijk" in page
    assert "iedereen van 16 jaar en ouder" in page and "Dan kunt u nog geen lid worden." in page
    # Article 10.9 states no minimum age: the refusal cites the basis written on the panel page.
    assert "Waar deze regel staat" in page
    assert "Die leeftijd staat niet in de verordening: het is een voorwaarde van het inwonerspanel zelf." in (
        page
    )
    assert ARTIKEL_10_9 not in page and "Artikel 10.9" not in page
    # The summary and the consent step lead back to the explanation; no member is stored.
    assert client.get(f"{SIGNUP}controleren/")["Location"] == location
    assert client.get(f"{SIGNUP}versturen/")["Location"] == location
    assert Panellid.objects.count() == 0 and PanelContact.objects.count() == 0


def test_the_basis_of_the_minimum_age_is_what_the_editors_wrote_on_the_panel_page(client):
    panel_page = FlowPage.objects.get(flow="inwonerspanel")
    voorwaarden = '<a href="https://example.nl/voorwaarden">deelnamevoorwaarden</a>'
    panel_page.grondslag = f"<p>Zie de {voorwaarden}: meedoen vanaf 16 jaar.</p>"
    panel_page.save_revision().publish()
    jonger = {"leeftijdsgroep": "jonger", "kern": "lochem", "relaties": ["woont"]}
    post_step(client, SIGNUP, "email", {"email": "kees@example.nl"})
    page = get_ok(client, post_step(client, SIGNUP, "over-u", jonger))
    assert f"{voorwaarden}: meedoen vanaf 16 jaar." in page
    assert "voorwaarde van het inwonerspanel zelf" not in page

    # Without a basis the refusal names none, and still does not cite an article for it.
    panel_page.grondslag = ""
    panel_page.save_revision().publish()
    page = get_ok(client, f"{SIGNUP}niet-mogelijk/")
    assert "Dan kunt u nog geen lid worden." in page
    assert "Waar deze regel staat" not in page and ARTIKEL_10_9 not in page


def test_member_is_stored_under_a_pseudonym_with_the_address_encrypted_apart(client):
    complete(client, SIGNUP, aanmelding("Anna.de.Vries@Example.nl"))
    lid = Panellid.objects.get()
    assert not any("mail" in f.name for f in Panellid._meta.concrete_fields)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM loket_panellid")
        assert "example" not in repr(cursor.fetchall()).lower()
        cursor.execute("SELECT email, email_index FROM loket_panelcontact WHERE lid_id = %s", [lid.pk])
        raw_email, raw_index = cursor.fetchone()
        cursor.execute("SELECT inhoud FROM loket_bericht WHERE panellid_id = %s", [lid.pk])
        raw_mail = cursor.fetchone()[0]
    assert "example" not in raw_email.lower() and "vries" not in raw_email.lower()
    assert "example" not in raw_mail.lower()
    # The blind index recognises the address in any case, without storing it readably.
    assert raw_index == blind_index("panel-email", "anna.de.vries@example.nl")
    assert re.fullmatch(r"[0-9a-f]{64}", raw_index)
    assert lid.contact.email == "Anna.de.Vries@Example.nl"  # only the application can read it


def test_the_link_in_the_mail_shows_a_button_and_confirms_on_post(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, SIGNUP, aanmelding("anna@example.nl"))
    link = link_in(mailoutbox[-1].body, "bevestigen")

    # Mail scanners open links: a GET only shows the button.
    vraag = get_ok(client, link)
    assert "Bevestig uw aanmelding voor Lochem spreekt" in vraag and "Bevestig mijn aanmelding" in vraag
    assert f'action="{urlsplit(link).path}"' in vraag
    assert not Panellid.objects.get().bevestigd

    response = client.post(link)
    assert response.status_code == 200
    assert "U bent lid van Lochem spreekt" in html(response)
    assert Panellid.objects.get().bevestigd
    # Pressing again (or opening again) says so, and changes nothing.
    assert "U bent lid van Lochem spreekt" in html(client.post(link))
    assert "U bent lid van Lochem spreekt" in get_ok(client, link)


def test_an_altered_confirmation_link_is_refused_in_dutch(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, SIGNUP, aanmelding("anna@example.nl"))
    link = link_in(mailoutbox[-1].body, "bevestigen")
    veranderd = ander_teken(link, -2)
    for response in (client.get(veranderd), client.post(veranderd)):
        assert response.status_code == 404
        assert "Deze link werkt niet" in html(response) and "Meld u opnieuw aan" in html(response)
    assert not Panellid.objects.get().bevestigd


def test_an_expired_confirmation_link_says_it_expired(
    client, mailoutbox, django_capture_on_commit_callbacks, monkeypatch
):
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, SIGNUP, aanmelding("anna@example.nl"))
    link = link_in(mailoutbox[-1].body, "bevestigen")
    verschuif_ondertekening(monkeypatch, 8 * DAG)  # the link works 7 days

    # Opening it says so at once, without a button to press in vain.
    response = client.get(link)
    assert response.status_code == 410
    assert "Deze link is verlopen" in html(response) and "Bevestig mijn aanmelding" not in html(response)
    response = client.post(link)
    assert response.status_code == 410
    assert "Deze link is verlopen" in html(response) and f'href="{SIGNUP}">Meld u opnieuw aan' in html(
        response
    )
    assert not Panellid.objects.get().bevestigd


def test_the_confirmation_period_is_a_setting(
    client, mailoutbox, django_capture_on_commit_callbacks, settings, monkeypatch
):
    settings.LOKET_PANEL_CONFIRM_DAYS = 2
    with django_capture_on_commit_callbacks(execute=True):
        bevestiging = get_ok(client, complete(client, SIGNUP, aanmelding("anna@example.nl")))
    assert "De link werkt 2 dagen" in bevestiging and "De link werkt 2 dagen" in mailoutbox[-1].body
    link = link_in(mailoutbox[-1].body, "bevestigen")
    verschuif_ondertekening(monkeypatch, 3 * DAG)
    assert client.post(link).status_code == 410


def test_signing_up_again_with_a_known_address_makes_no_second_member_and_looks_the_same(
    mailoutbox, django_capture_on_commit_callbacks
):
    eerste, tweede, derde = Client(), Client(), Client()
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = get_ok(eerste, complete(eerste, SIGNUP, aanmelding("anna@example.nl")))
    # Still unconfirmed: a new confirmation mail.
    with django_capture_on_commit_callbacks(execute=True):
        opnieuw = get_ok(tweede, complete(tweede, SIGNUP, aanmelding("ANNA@example.nl ", kern="lochem")))
    assert Panellid.objects.count() == 1 and PanelContact.objects.count() == 1
    assert Panellid.objects.get().kern == "lochem"  # the newest answers, until confirmed
    assert zonder_tokens(opnieuw) == zonder_tokens(nieuw)
    assert [m.subject for m in mails_aan(mailoutbox, "anna@example.nl")] == [
        "Bevestig uw aanmelding voor Lochem spreekt"
    ]
    [tweede_mail] = mails_aan(mailoutbox, "ANNA@example.nl")
    assert tweede_mail.subject == "Bevestig uw aanmelding voor Lochem spreekt"
    assert tweede.post(link_in(tweede_mail.body, "bevestigen")).status_code == 200
    assert Panellid.objects.get().bevestigd

    # A member: the mail says they are a member already; the page is the same again.
    with django_capture_on_commit_callbacks(execute=True):
        als_lid = get_ok(derde, complete(derde, SIGNUP, aanmelding("anna@example.nl")))
    assert zonder_tokens(als_lid) == zonder_tokens(nieuw)
    assert Panellid.objects.count() == 1
    assert Panellid.objects.get().kern == "lochem"  # nobody changes a member's data by signing up
    al_lid = mails_aan(mailoutbox, "anna@example.nl")[-1]
    assert al_lid.subject == "U bent al lid van Lochem spreekt"
    assert "U bent al lid; er verandert\nniets." in al_lid.body
    assert "/bevestigen/" not in al_lid.body


def test_purge_command_deletes_unconfirmed_sign_ups_after_the_period_only():
    oud = nieuw_lid("oud@example.nl", bevestigd=False)
    recent = nieuw_lid("recent@example.nl", bevestigd=False)
    lid = nieuw_lid("lid@example.nl")
    Panellid.objects.filter(pk__in=[oud.pk, lid.pk]).update(aangemeld_op=timezone.now() - timedelta(days=8))
    Panellid.objects.filter(pk=recent.pk).update(aangemeld_op=timezone.now() - timedelta(days=6))

    out = io.StringIO()
    call_command("purge_unconfirmed_members", stdout=out)

    assert "1 onbevestigde aanmelding(en) verwijderd." in out.getvalue()
    assert set(Panellid.objects.values_list("pk", flat=True)) == {recent.pk, lid.pk}
    assert lid_met("oud@example.nl") is None and not Bericht.objects.filter(panellid_id=oud.pk).exists()
    assert lid_met("recent@example.nl") == recent


def test_a_new_confirmation_link_from_a_second_sign_up_works_its_full_period(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    nieuw_lid("anna@example.nl", bevestigd=False)
    Panellid.objects.update(aangemeld_op=timezone.now() - timedelta(days=6))
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, SIGNUP, aanmelding("anna@example.nl"))
    link = link_in(mails_aan(mailoutbox, "anna@example.nl")[-1].body, "bevestigen")
    # Two days later: the new link (7 days) is still valid, the first sign-up is 8 days old.
    retention.purge_unconfirmed_members(now=timezone.now() + timedelta(days=2))
    response = client.post(link)
    assert "U bent lid van Lochem spreekt" in html(response)


# --- 2. leaving ------------------------------------------------------------------------------------


def test_every_panel_mail_has_an_unsubscribe_link_and_one_click_headers(
    client, beheerder, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, SIGNUP, aanmelding("anna@example.nl"))
    client.post(link_in(mailoutbox[-1].body, "bevestigen"))
    peiling = bibliotheek()
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite(peiling, Selectie())
    invullen(
        client,
        link_in(mailoutbox[-1].body, "invullen"),
        antwoorden(peiling, enkele_keuze="Nooit", schaal="2"),
    )
    peiling = sluiten(peiling)
    with django_capture_on_commit_callbacks(execute=True):
        vrijgeven(beheerder, peiling, timezone.localdate() + timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        complete(Client(), SIGNUP, aanmelding("anna@example.nl"))  # the "al lid" mail

    mails = mails_aan(mailoutbox, "anna@example.nl")
    assert [m.subject for m in mails] == [
        "Bevestig uw aanmelding voor Lochem spreekt",
        "Uitnodiging: De bibliotheek in uw kern",
        "De resultaten van De bibliotheek in uw kern",
        "U bent al lid van Lochem spreekt",
    ]
    pseudoniem = str(lid_met("anna@example.nl").pseudoniem)
    for mail in mails:
        link = link_in(mail.body, "afmelden")
        assert re.search(r"\nAfmelden( voor Lochem spreekt)?: http", mail.body)
        assert mail.extra_headers["List-Unsubscribe"] == f"<{BASE}{link}>"
        assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert links.read(link.split("/")[-2], links.LEAVE) == pseudoniem  # leaves this member
        vraag = get_ok(client, link)
        assert "Afmelden voor Lochem spreekt" in vraag and ">Afmelden</button>" in vraag


def test_leaving_deletes_the_member_and_their_mail_but_keeps_their_anonymous_answers(
    mailoutbox, django_capture_on_commit_callbacks
):
    anna = nieuw_lid("anna@example.nl", "25-44", "eefde")
    nieuw_lid("bram@example.nl")
    peiling, volgende = bibliotheek(), nieuwe_peiling("volgende")
    invitations.invite(peiling, Selectie())
    invitations.invite(volgende, Selectie())  # waiting mails, not sent yet
    invullen(
        Client(), uitnodigingslink(anna, peiling), antwoorden(peiling, enkele_keuze="Elke week", schaal="5")
    )
    open_link = uitnodigingslink(anna, volgende)
    link = link_in(Bericht.objects.filter(panellid=anna).first().inhoud["tekst"], "afmelden")
    assert Bericht.objects.filter(panellid=anna, status=Bericht.WACHTEND).exists()
    responsen = Respons.objects.count()

    # A mail program's one-click POST carries no CSRF token.
    mail_programma = Client(enforce_csrf_checks=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = mail_programma.post(link, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert "U bent afgemeld" in html(response) and "We hebben uw gegevens verwijderd." in html(response)

    assert not Panellid.objects.filter(pk=anna.pk).exists()
    assert lid_met("anna@example.nl") is None and PanelContact.objects.count() == 1
    assert not Bericht.objects.filter(panellid_id=anna.pk).exists()
    send_pending()  # the waiting invitations go out: not to Anna any more
    assert mails_aan(mailoutbox, "anna@example.nl") == []
    assert [m.subject for m in mails_aan(mailoutbox, "bram@example.nl")] == [
        "Uitnodiging: De bibliotheek in uw kern",
        "Uitnodiging: Peiling volgende",
    ]
    assert Respons.objects.count() == responsen
    assert Respons.objects.get(peiling=peiling).kern == "eefde"
    # The counts of the peiling stay: the invitations are kept without a member.
    assert results.uitslag(peiling).uitgenodigd == 2 and results.uitslag(peiling).deelnemers == 1

    # The open invitation can no longer be used.
    niet = get_ok(Client(), open_link)
    assert "Deze uitnodiging geldt niet meer" in niet and "U hebt zich afgemeld" in niet
    response = Client().post(open_link, antwoorden(volgende, enkele_keuze="Nooit", schaal="1"))
    assert response.status_code == 409
    assert not Respons.objects.filter(peiling=volgende).exists()

    # A second press says the member is unsubscribed already.
    for response in (mail_programma.post(link), mail_programma.get(link)):
        assert response.status_code == 200
        assert "U bent afgemeld" in html(response) and "Meld u opnieuw aan" in html(response)


def test_an_altered_unsubscribe_link_deletes_nobody(client):
    anna = nieuw_lid("anna@example.nl")
    veranderd = ander_teken(urlsplit(links.leave_url(anna)).path, -3)
    for response in (client.get(veranderd), client.post(veranderd)):
        assert response.status_code == 404
        assert "Deze link werkt niet" in html(response)
    assert Panellid.objects.filter(pk=anna.pk).exists()


# --- 3. invitations --------------------------------------------------------------------------------


def test_invite_everyone_or_by_kern_or_age_group(mailoutbox, django_capture_on_commit_callbacks):
    nieuw_lid("anna@example.nl", "16-24", "lochem")
    nieuw_lid("bram@example.nl", "45-64", "lochem")
    nieuw_lid("cor@example.nl", "45-64", "gorssel")
    nieuw_lid("onbevestigd@example.nl", "45-64", "gorssel", bevestigd=False)

    selectie = Selectie(kernen=["lochem"], leeftijdsgroepen=["45-64"])
    assert invitations.preview(bibliotheek(), selectie).uitgenodigd == 1
    assert Uitnodiging.objects.count() == 0  # a preview invites nobody
    with django_capture_on_commit_callbacks(execute=True):
        ronde = invitations.invite(nieuwe_peiling("een"), selectie)
    assert (ronde.geselecteerd, ronde.uitgenodigd) == (1, 1)
    assert [m.to for m in mailoutbox] == [["bram@example.nl"]]

    with django_capture_on_commit_callbacks(execute=True):
        ronde = invitations.invite(nieuwe_peiling("twee"), Selectie(kernen=["lochem"]))
    assert ronde.uitgenodigd == 2
    with django_capture_on_commit_callbacks(execute=True):
        ronde = invitations.invite(nieuwe_peiling("drie"), Selectie(leeftijdsgroepen=["45-64"]))
    assert ronde.uitgenodigd == 2
    with django_capture_on_commit_callbacks(execute=True):
        ronde = invitations.invite(bibliotheek(), Selectie())
    assert ronde.uitgenodigd == 3  # every confirmed member, never an unconfirmed sign-up
    uitnodigingen = [m for m in mailoutbox if m.subject == "Uitnodiging: De bibliotheek in uw kern"]
    assert sorted(m.to[0] for m in uitnodigingen) == ["anna@example.nl", "bram@example.nl", "cor@example.nl"]
    mail = uitnodigingen[0]
    assert 'nodigen we u uit voor de peiling "De bibliotheek in uw kern"' in mail.body
    assert f"Invullen kan tot en met {lang(bibliotheek().open_tot)}" in mail.body
    assert "De link werkt één keer en alleen voor u." in mail.body
    # Bram: four invitations this year (een, twee, drie, bibliotheek), numbered.
    bram = lid_met("bram@example.nl")
    assert sorted(bram.uitnodigingen.values_list("volgnummer", flat=True)) == [1, 2, 3, 4]


def test_the_same_peiling_twice_invites_nobody_twice(mailoutbox, django_capture_on_commit_callbacks):
    nieuw_lid("anna@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite(bibliotheek(), Selectie())
    nieuw_lid("bram@example.nl")
    with django_capture_on_commit_callbacks(execute=True):
        ronde = invitations.invite(bibliotheek(), Selectie())
    assert (ronde.uitgenodigd, ronde.al_uitgenodigd) == (1, 1)
    assert [m.to[0] for m in mailoutbox] == ["anna@example.nl", "bram@example.nl"]
    assert Uitnodiging.objects.filter(peiling=bibliotheek()).count() == 2


def test_four_invitations_a_year_at_most_and_last_years_do_not_count(
    beheerder, mailoutbox, django_capture_on_commit_callbacks
):
    vol = nieuw_lid("vol@example.nl", "45-64")
    vorig_jaar = nieuw_lid("vorigjaar@example.nl", "65-74")
    nieuw_lid("nieuw@example.nl", "25-44")
    verleden = timezone.now() - timedelta(days=366)
    for i in range(4):
        peiling = nieuwe_peiling(f"eerder-{i}")
        invitations.invite(peiling, Selectie(leeftijdsgroepen=["65-74"]), now=verleden)
        invitations.invite(peiling, Selectie(leeftijdsgroepen=["45-64"]))
    assert vol.uitnodigingen.filter(jaar=timezone.localdate().year).count() == 4
    assert vorig_jaar.uitnodigingen.filter(jaar=verleden.year).count() == 4
    Bericht.objects.update(status=Bericht.VERZONDEN)

    peiling = bibliotheek()
    preview = bekijk(beheerder, peiling, kernen=["lochem"])
    assert (
        "2 leden krijgen een uitnodiging. 1 leden worden overgeslagen: zij kregen dit jaar al vier" in preview
    )
    assert invitations.preview(peiling, Selectie()).maximum_bereikt == 1

    with django_capture_on_commit_callbacks(execute=True):
        page = verstuur_uitnodigingen(beheerder, peiling, kernen=["lochem"])
    melding = "2 leden kregen een uitnodiging. 1 leden zijn overgeslagen: zij kregen dit jaar al vier "
    assert melding + "uitnodigingen." in html(page)
    assert sorted(m.to[0] for m in mailoutbox) == ["nieuw@example.nl", "vorigjaar@example.nl"]
    assert not Uitnodiging.objects.filter(peiling=peiling, lid=vol).exists()
    assert Uitnodiging.objects.get(peiling=peiling, lid=vorig_jaar).volgnummer == 1

    entry = PageLogEntry.objects.get(page=peiling, action="loket.uitgenodigd")
    assert entry.user == beheerder.user
    assert entry.data == {"uitgenodigd": 2, "maximum_bereikt": 1}


def test_the_database_refuses_a_fifth_invitation_or_a_number_twice():
    lid = nieuw_lid("anna@example.nl")
    peilingen = [nieuwe_peiling(f"p-{i}") for i in range(6)]
    jaar = timezone.localdate().year
    for nummer, peiling in enumerate(peilingen[:4], start=1):
        Uitnodiging.objects.create(
            peiling=peiling, lid=lid, jaar=jaar, volgnummer=nummer, token_hash=f"t{nummer}"
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Uitnodiging.objects.create(peiling=peilingen[4], lid=lid, jaar=jaar, volgnummer=5, token_hash="t5")
    with pytest.raises(IntegrityError), transaction.atomic():
        Uitnodiging.objects.create(peiling=peilingen[4], lid=lid, jaar=jaar, volgnummer=2, token_hash="t6")
    with pytest.raises(IntegrityError), transaction.atomic():
        # Nor twice for one peiling, even in another year.
        Uitnodiging.objects.create(
            peiling=peilingen[0], lid=lid, jaar=jaar + 1, volgnummer=1, token_hash="t7"
        )
    # Next year numbering starts again.
    Uitnodiging.objects.create(peiling=peilingen[5], lid=lid, jaar=jaar + 1, volgnummer=1, token_hash="t8")
    assert lid.uitnodigingen.count() == 5


def test_staff_preview_and_send_invitations_by_kern_and_age_group(
    beheerder, mailoutbox, django_capture_on_commit_callbacks
):
    nieuw_lid("anna@example.nl", "16-24", "laren")
    nieuw_lid("bram@example.nl", "65-74", "laren")
    nieuw_lid("cor@example.nl", "65-74", "almen")
    peiling = bibliotheek()
    formulier = get_ok(beheerder, uitnodigen_url(peiling))
    assert "Elk lid krijgt hoogstens vier uitnodigingen per kalenderjaar." in formulier
    assert "Bekijk wie een uitnodiging krijgt" in formulier

    preview = bekijk(beheerder, peiling, kernen=["laren"], leeftijdsgroepen=["65-74"])
    assert "1 leden krijgen een uitnodiging." in preview and "Verstuur 1 uitnodigingen" in preview
    assert Uitnodiging.objects.count() == 0 and mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        page = verstuur_uitnodigingen(beheerder, peiling, kernen=["laren"], leeftijdsgroepen=["65-74"])
    assert "1 leden kregen een uitnodiging." in html(page)
    assert [m.to for m in mailoutbox] == [["bram@example.nl"]]
    with django_capture_on_commit_callbacks(execute=True):
        page = verstuur_uitnodigingen(beheerder, peiling, kernen=["laren", "almen"])
    assert "2 leden kregen een uitnodiging. 1 leden waren al uitgenodigd voor deze peiling." in html(page)
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.nl", "bram@example.nl", "cor@example.nl"]


def test_staff_who_tick_nothing_invite_the_whole_panel(
    beheerder, mailoutbox, django_capture_on_commit_callbacks
):
    nieuw_lid("anna@example.nl", "16-24", "laren")
    nieuw_lid("bram@example.nl", "65-74", "almen")
    peiling = bibliotheek()
    assert "Niets aangevinkt: alle kernen." in get_ok(beheerder, uitnodigen_url(peiling))
    preview = bekijk(beheerder, peiling)  # nothing ticked
    assert "2 leden krijgen een uitnodiging." in preview and "Verstuur 2 uitnodigingen" in preview
    assert Uitnodiging.objects.count() == 0
    with django_capture_on_commit_callbacks(execute=True):
        page = verstuur_uitnodigingen(beheerder, peiling)
    assert "2 leden kregen een uitnodiging." in html(page)
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.nl", "bram@example.nl"]


def test_only_panel_managers_may_invite(
    redacteur, medewerker, mailoutbox, django_capture_on_commit_callbacks
):
    nieuw_lid("anna@example.nl")
    peiling = bibliotheek()
    for url in (uitnodigen_url(peiling), PANEL_ADMIN, resultaten_url(peiling)):
        response = redacteur.get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
        assert "Sorry, je hebt geen toegang tot dit gedeelte." in html(redacteur.get("/admin/"))
    response = redacteur.post(uitnodigen_url(peiling), {"kernen": ["lochem"]})
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert Uitnodiging.objects.count() == 0
    assert MENU_ITEM not in get_ok(redacteur, "/admin/")

    # A medewerker of 't Baken manages the panel.
    assert "1 leden krijgen een uitnodiging." in bekijk(medewerker, peiling, kernen=["lochem"])
    with django_capture_on_commit_callbacks(execute=True):
        verstuur_uitnodigingen(medewerker, peiling, kernen=["lochem"])
    assert [m.to for m in mailoutbox] == [["anna@example.nl"]]
    assert PageLogEntry.objects.get(page=peiling, action="loket.uitgenodigd").user == medewerker.user
    assert MENU_ITEM in get_ok(medewerker, "/admin/")


def test_a_closed_peiling_gets_no_invitations(beheerder):
    nieuw_lid("anna@example.nl")
    peiling = sluiten(bibliotheek())
    page = get_ok(beheerder, uitnodigen_url(peiling) + "?bekijk=1&kernen=lochem")
    assert "Deze peiling is gesloten of niet gepubliceerd; uitnodigen kan niet meer." in page
    assert "Verstuur" not in page
    beheerder.post(uitnodigen_url(peiling), {"bekijk": "1", "kernen": ["lochem"]})
    assert Uitnodiging.objects.count() == 0


# --- 4. answering ----------------------------------------------------------------------------------

ALLE_SOORTEN = PEILING_VRAGEN + [
    {
        "type": "korte_tekst",
        "value": {
            "vraag": "Welke bibliotheek bezoekt u het meest?",
            "toelichting": "Eén naam.",
            "verplicht": True,
        },
    }
]


def test_the_personal_link_shows_every_question_type(client):
    anna = nieuw_lid("anna@example.nl")
    peiling = nieuwe_peiling("alle-soorten", vragen=ALLE_SOORTEN)
    invitations.invite(peiling, Selectie())
    page = get_ok(client, uitnodigingslink(anna, peiling))
    assert "U kunt deze peiling één keer invullen" in page
    assert "Uw antwoorden worden zonder uw e-mailadres bewaard." in page
    ids = {block.block_type: f"v_{block.id}" for block in peiling.vragen}
    assert re.search(rf'type="radio" name="{ids["enkele_keuze"]}" value="Elke week"', page)
    assert re.search(
        rf'type="checkbox" name="{ids["meerkeuze"]}" value="Hulp met de computer of DigiD"', page
    )
    assert page.count(f'type="radio" name="{ids["schaal"]}"') == 5
    assert "1 (Helemaal mee oneens)" in page and "5 (Helemaal mee eens)" in page
    assert f'<textarea name="{ids["lange_tekst"]}"' in page and 'maxlength="2000"' in page
    assert f'<input type="text" name="{ids["korte_tekst"]}"' in page and 'maxlength="200"' in page
    for block in peiling.vragen:
        assert block.value["vraag"] in page
    assert "Wat wilt u de gemeente nog meegeven? (niet verplicht)" in page
    assert "Verstuur mijn antwoorden" in page and "Ik doe deze keer niet mee" in page


def test_invalid_answers_get_an_error_summary_and_store_nothing(client):
    anna = nieuw_lid("anna@example.nl")
    peiling = nieuwe_peiling("alle-soorten", vragen=ALLE_SOORTEN)
    invitations.invite(peiling, Selectie())
    link = uitnodigingslink(anna, peiling)
    response = client.post(link, antwoorden(peiling, meerkeuze=["Zwemmen"], korte_tekst="x" * 201))
    assert response.status_code == 400
    page = html(response)
    assert "<title>Fout:" in page and "Er is een probleem" in page
    assert "Kies een antwoord bij: Hoe vaak gaat u naar de bibliotheek in uw kern?" in page
    assert "Kies een punt op de schaal bij: De bibliotheek is belangrijk voor mijn kern." in page
    assert "Gebruik hoogstens 200 tekens bij: Welke bibliotheek bezoekt u het meest?" in page
    assert f'href="#id_v_{vraag_id(peiling, "enkele_keuze")}_0"' in page
    response = client.post(
        link, antwoorden(peiling, enkele_keuze="Dagelijks", schaal="6", korte_tekst="Gorssel")
    )
    assert response.status_code == 400
    assert Respons.objects.count() == 0
    assert Uitnodiging.objects.get().status == Uitnodiging.UITGENODIGD


def test_a_member_answers_once_and_the_answer_is_anonymous(client):
    anna = nieuw_lid("anna@example.nl", "65-74", "harfsen")
    peiling = nieuwe_peiling("alle-soorten", vragen=ALLE_SOORTEN)
    invitations.invite(peiling, Selectie())
    link = uitnodigingslink(anna, peiling)
    data = antwoorden(
        peiling,
        enkele_keuze="Elke maand",
        meerkeuze=["Boeken lenen", "Activiteiten"],
        schaal="4",
        korte_tekst="Harfsen",
        lange_tekst="Langer open op zaterdag.",
    )
    invullen(client, link, data)
    dank = get_ok(client, link)
    assert "Dank u wel voor uw antwoorden" in dank and "maar één keer invullen" in dank
    assert "Verstuur mijn antwoorden" not in dank

    respons = Respons.objects.get()
    assert respons.antwoorden == {
        vraag_id(peiling, "enkele_keuze"): "Elke maand",
        vraag_id(peiling, "meerkeuze"): ["Boeken lenen", "Activiteiten"],
        vraag_id(peiling, "schaal"): "4",
        vraag_id(peiling, "korte_tekst"): "Harfsen",
        vraag_id(peiling, "lange_tekst"): "Langer open op zaterdag.",
    }
    assert (respons.leeftijdsgroep, respons.kern) == ("65-74", "harfsen")
    assert respons.ingevuld_op == timezone.localdate()  # a date, no time to match with an invitation
    # No way back from an answer to the member: no relation and no column for it.
    relaties = {f.name for f in Respons._meta.get_fields() if f.is_relation}
    assert relaties == {"peiling", "uitgelicht"}
    with connection.cursor() as cursor:
        kolommen = {c.name for c in connection.introspection.get_table_description(cursor, "loket_respons")}
    assert kolommen == {"id", "peiling_id", "antwoorden", "leeftijdsgroep", "kern", "ingevuld_op"}
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.status == Uitnodiging.BEANTWOORD and uitnodiging.beantwoord_op == timezone.localdate()

    # A second POST (another tab, the back button) stores nothing.
    tweede = client.post(link, antwoorden(peiling, enkele_keuze="Nooit", schaal="1", korte_tekst="Almen"))
    assert tweede.status_code == 409
    assert "Dank u wel voor uw antwoorden" in html(tweede)
    assert Respons.objects.count() == 1
    assert client.post(link, {"niet_meedoen": "1"}).status_code == 409
    assert Uitnodiging.objects.get().status == Uitnodiging.BEANTWOORD


def test_declining_is_possible_and_blocks_answering(client):
    anna = nieuw_lid("anna@example.nl")
    peiling = bibliotheek()
    invitations.invite(peiling, Selectie())
    link = uitnodigingslink(anna, peiling)
    invullen(client, link, {"niet_meedoen": "1"})
    page = get_ok(client, link)
    assert "U doet deze keer niet mee" in page and "U blijft lid van Lochem spreekt" in page
    response = client.post(link, antwoorden(peiling, enkele_keuze="Nooit", schaal="3"))
    assert response.status_code == 409
    assert Respons.objects.count() == 0
    assert Uitnodiging.objects.get().status == Uitnodiging.AFGESLAGEN
    assert results.uitslag(peiling).afgeslagen == 1


def test_stopping_asks_first_sends_nothing_and_leaves_the_invitation_open(client):
    anna = nieuw_lid("anna@example.nl")
    peiling = bibliotheek()
    invitations.invite(peiling, Selectie())
    link = uitnodigingslink(anna, peiling)
    stoppen = link + "stoppen/"
    vragen = get_ok(client, link)
    onder = vragen.split('<div class="loket-stoppen">')[1].split("</div>")[0]
    assert "Uw antwoorden worden pas bewaard als u ze verstuurt." in onder
    assert f'href="{stoppen}">Stoppen en gegevens wissen</a>' in onder

    # As in the flows: a question first, which changes nothing.
    vraag = get_ok(client, stoppen)
    assert "Wilt u stoppen en uw gegevens wissen?" in vraag
    assert "Er wordt niets verstuurd." in vraag and "met de link in uw uitnodiging" in vraag
    assert '<form method="post"' in vraag and "Ja, stoppen en gegevens wissen" in vraag
    assert f'href="{link}">Nee, verder met invullen</a>' in vraag
    assert f'href="{link}">Vorige</a>' in vraag

    response = client.post(stoppen)
    assert response.status_code == 302 and response["Location"] == f"{BIBLIOTHEEK}?gestopt=1"
    overzicht = get_ok(client, response["Location"])
    assert "U bent gestopt. Er is niets verstuurd en uw antwoorden zijn gewist." in overzicht
    assert f"tot en met {lang(peiling.open_tot)}" in overzicht
    assert Respons.objects.count() == 0
    # Unlike "Ik doe deze keer niet mee" the invitation can still be used.
    assert Uitnodiging.objects.get().status == Uitnodiging.UITGENODIGD
    assert "Verstuur mijn antwoorden" in get_ok(client, link)
    invullen(client, link, antwoorden(peiling, enkele_keuze="Nooit", schaal="3"))
    assert Respons.objects.count() == 1


def test_stopping_needs_a_valid_open_invitation_and_the_csrf_token(client):
    anna = nieuw_lid("anna@example.nl")
    peiling = bibliotheek()
    invitations.invite(peiling, Selectie())
    link = uitnodigingslink(anna, peiling)
    onbekend = f"{BIBLIOTHEEK}invullen/{'A1b2C3d4E5' * 3}/stoppen/"
    for response in (client.get(onbekend), client.post(onbekend)):
        assert response.status_code == 404 and "Deze link werkt niet" in html(response)
    assert client.put(link + "stoppen/").status_code == 405

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(link + "stoppen/").status_code == 403

    # Once answered there is nothing to stop: back to the page that says so.
    invullen(client, link, antwoorden(peiling, enkele_keuze="Nooit", schaal="3"))
    for response in (client.get(link + "stoppen/"), client.post(link + "stoppen/")):
        assert response.status_code == 302 and response["Location"] == link
    assert Uitnodiging.objects.get().status == Uitnodiging.BEANTWOORD


def test_without_a_personal_invitation_nobody_can_answer(client):
    anna = nieuw_lid("anna@example.nl")
    peiling, andere = bibliotheek(), nieuwe_peiling("andere")
    invitations.invite(andere, Selectie())
    onbekend = f"{BIBLIOTHEEK}invullen/{'A1b2C3d4E5' * 3}/"
    # Also a real link of another peiling does not open this one.
    van_andere = BIBLIOTHEEK + uitnodigingslink(anna, andere).split("/invullen/")[1].join(["invullen/", ""])
    for url in (onbekend, van_andere):
        for response in (
            client.get(url),
            client.post(url, antwoorden(peiling, enkele_keuze="Nooit", schaal="1")),
        ):
            assert response.status_code == 404
            page = html(response)
            assert "Deze link werkt niet" in page
            assert "Alleen leden van Lochem spreekt met een persoonlijke uitnodiging" in page
            assert f'href="{SIGNUP}">meld u aan voor het panel' in page
    assert Respons.objects.count() == 0


def test_the_link_works_only_while_the_peiling_is_open(client):
    anna = nieuw_lid("anna@example.nl")
    vandaag = timezone.localdate()
    peiling = nieuwe_peiling(
        "later", open_vanaf=vandaag + timedelta(days=3), open_tot=vandaag + timedelta(days=10)
    )
    invitations.invite(peiling, Selectie())
    link = uitnodigingslink(anna, peiling)
    data = antwoorden(peiling, enkele_keuze="Nooit", schaal="3")

    response = client.get(link)
    assert response.status_code == 403
    assert "Deze peiling is nog niet open" in html(response)
    assert f"U kunt de peiling invullen vanaf {lang(vandaag + timedelta(days=3))}" in html(response)
    assert client.post(link, data).status_code == 403

    PeilingPage.objects.filter(pk=peiling.pk).update(open_vanaf=vandaag - timedelta(days=5))
    assert "Verstuur mijn antwoorden" in get_ok(client, link)  # open today

    peiling = sluiten(peiling)
    for response in (client.get(link), client.post(link, data), client.post(link, {"niet_meedoen": "1"})):
        assert response.status_code == 403
        assert "Deze peiling is gesloten" in html(response)
        assert f"Invullen kon tot en met {lang(vandaag - timedelta(days=1))}" in html(response)
    assert Respons.objects.count() == 0
    assert Uitnodiging.objects.get().status == Uitnodiging.UITGENODIGD


# --- 5. results and the embargo --------------------------------------------------------------------


@pytest.fixture
def gesloten_peiling():
    """The bibliotheek peiling, closed, with four invited members: three answered, one declined."""
    peiling = bibliotheek()
    anna = nieuw_lid("anna@example.nl", "16-24", "lochem")
    bram = nieuw_lid("bram@example.nl", "45-64", "lochem")
    cor = nieuw_lid("cor@example.nl", "45-64", "barchem")
    dirk = nieuw_lid("dirk@example.nl", "75+", "gorssel")
    invitations.invite(peiling, Selectie())
    Bericht.objects.update(status=Bericht.VERZONDEN)
    invullen(
        Client(),
        uitnodigingslink(anna, peiling),
        antwoorden(
            peiling,
            enkele_keuze="Elke week",
            meerkeuze=["Boeken lenen", "Activiteiten"],
            schaal="5",
            lange_tekst="Graag meer studieplekken voor scholieren.",
        ),
    )
    invullen(
        Client(),
        uitnodigingslink(bram, peiling),
        antwoorden(
            peiling,
            enkele_keuze="Elke week",
            meerkeuze=["Boeken lenen"],
            schaal="4",
            lange_tekst="Mijn buurman Jan is lastig.",
        ),
    )
    invullen(Client(), uitnodigingslink(cor, peiling), antwoorden(peiling, enkele_keuze="Nooit", schaal="2"))
    invullen(Client(), uitnodigingslink(dirk, peiling), {"niet_meedoen": "1"})
    return sluiten(peiling)


def test_results_are_not_released_while_open_or_with_an_embargo_in_the_past(
    beheerder, mailoutbox, django_capture_on_commit_callbacks
):
    anna = nieuw_lid("anna@example.nl")
    peiling = bibliotheek()
    invitations.invite(peiling, Selectie())
    invullen(Client(), uitnodigingslink(anna, peiling), antwoorden(peiling, enkele_keuze="Nooit", schaal="2"))
    Bericht.objects.update(status=Bericht.VERZONDEN)

    admin_page = get_ok(beheerder, resultaten_url(peiling))
    assert (
        "De peiling loopt nog tot en met" in admin_page
        and "Geef vrij en mail de deelnemers" not in admin_page
    )
    with django_capture_on_commit_callbacks(execute=True):
        page = vrijgeven(beheerder, peiling, timezone.localdate() + timedelta(days=2))
    assert "De peiling is nog niet gesloten." in html(page)
    with pytest.raises(results.KanNietVrijgeven):
        results.release(peiling, timezone.now() + timedelta(days=2))

    peiling = sluiten(peiling)
    with django_capture_on_commit_callbacks(execute=True):
        page = vrijgeven(beheerder, peiling, timezone.localdate() - timedelta(days=1))
    assert "Kies een moment in de toekomst: deelnemers krijgen de resultaten eerst." in html(page)
    page = vrijgeven(beheerder, peiling, timezone.localdate(), tijd="nu")
    assert "Vul een geldige datum en tijd in voor de openbare publicatie." in html(page)
    assert not Vrijgave.objects.exists() and mailoutbox == []
    assert not PageLogEntry.objects.filter(action="loket.vrijgegeven").exists()


def test_release_mails_participants_first_and_the_public_page_waits_for_the_embargo(
    gesloten_peiling, beheerder, client, mailoutbox, django_capture_on_commit_callbacks
):
    peiling = gesloten_peiling
    embargo_datum = timezone.localdate() + timedelta(days=3)
    embargo = f"{lang(embargo_datum)} om 09:00"

    voor = get_ok(client, BIBLIOTHEEK)
    assert "De peiling is gesloten. De resultaten verschijnen hier later" in voor

    # Bram answered and then left: he gets nothing.
    client.post(urlsplit(links.leave_url(lid_met("bram@example.nl"))).path)

    with django_capture_on_commit_callbacks(execute=True):
        page = vrijgeven(beheerder, peiling, embargo_datum)
    melding = "Resultaten vrijgegeven: 2 deelnemers krijgen ze per e-mail. De openbare pagina volgt op "
    assert f"{melding}{embargo_datum:%d-%m-%Y} 09:00." in html(page)
    vrijgave = Vrijgave.objects.get(peiling=peiling)
    assert timezone.localtime(vrijgave.embargo_tot) == datetime.combine(
        embargo_datum, time(9), timezone.get_current_timezone()
    )
    entry = PageLogEntry.objects.get(page=peiling, action="loket.vrijgegeven")
    assert entry.user == beheerder.user and entry.data["deelnemers_gemaild"] == 2

    # Only those who answered (and are still members) get the results.
    assert sorted(m.to[0] for m in mailoutbox) == ["anna@example.nl", "cor@example.nl"]
    mail = mails_aan(mailoutbox, "anna@example.nl")[0]
    assert mail.subject == "De resultaten van De bibliotheek in uw kern"
    assert f"openbaar op {embargo}" in mail.body
    assert "3 van de 4 uitgenodigde leden deden mee (75 procent)." in mail.body
    assert "- Elke week: 2 (67%)" in mail.body and "- Nooit: 1 (33%)" in mail.body
    assert "Gemiddeld: 3,7" in mail.body
    assert "scholieren" not in mail.body  # open answers only when staff chose them

    # The public page: not yet.
    publiek = get_ok(client, BIBLIOTHEEK)
    assert (
        f"De resultaten verschijnen hier op {embargo}. Deelnemers hebben ze al per e-mail gekregen."
        in publiek
    )
    assert "deden mee" not in publiek and "Elke week" not in publiek

    # The participant's own link: already.
    eigen = link_in(mail.body, "resultaten")
    vooraf = get_ok(Client(), eigen)
    assert (
        f"U ziet de resultaten als deelnemer eerder dan anderen. Ze worden openbaar op {embargo}." in vooraf
    )
    assert rij(vooraf, "Elke week") == ["2", "67%"]
    # An altered key, or the key of another peiling, shows nothing.
    andere = urlsplit(links.results_url(nieuwe_peiling("andere"), Uitnodiging.objects.first())).path
    for url in (ander_teken(eigen, -4), BIBLIOTHEEK + "resultaten/" + andere.split("/resultaten/")[1]):
        response = Client().get(url)
        assert response.status_code == 404 and "Deze link werkt niet" in html(response)

    # After the embargo, everyone sees them.
    Vrijgave.objects.filter(pk=vrijgave.pk).update(
        vrijgegeven_op=timezone.now() - timedelta(days=4), embargo_tot=timezone.now() - timedelta(minutes=1)
    )
    na = get_ok(client, BIBLIOTHEEK)
    assert "3 van de 4 uitgenodigde leden deden mee (75 procent)." in na
    assert "verschijnen hier op" not in na
    assert "eerder dan anderen" not in get_ok(Client(), eigen)


def test_results_of_few_respondents_show_the_right_percentages_in_an_accessible_table_and_only_totals(
    gesloten_peiling, client
):
    peiling = gesloten_peiling
    results.release(peiling, timezone.now() + timedelta(hours=1))
    Vrijgave.objects.update(
        vrijgegeven_op=timezone.now() - timedelta(days=2), embargo_tot=timezone.now() - timedelta(days=1)
    )
    page = get_ok(client, BIBLIOTHEEK)

    assert page.count('<table class="utrecht-table">') == 3  # three closed questions, no comparisons
    assert page.count('class="staafdiagram" aria-hidden="true"') == 3  # the chart beside each table
    assert "<caption" in page and 'scope="col">Procent</th>' in page
    assert "Hoe vaak gaat u naar de bibliotheek in uw kern? (3 antwoorden)" in page
    assert rij(page, "Elke week") == ["2", "67%"]
    assert rij(page, "Elke maand") == ["0", "0%"]
    assert rij(page, "Nooit") == ["1", "33%"]
    # Several answers per participant: percent of those who answered this question (2).
    assert "(2 antwoorden; meer antwoorden per deelnemer mogelijk)" in page
    assert rij(page, "Boeken lenen") == ["2", "100%"]
    assert rij(page, "Activiteiten") == ["1", "50%"]
    assert rij(page, "Een rustige werkplek") == ["0", "0%"]
    assert rij(page, "5 (Helemaal mee eens)") == ["1", "33%"]
    assert rij(page, "2") == ["1", "33%"]
    assert "Gemiddeld: 3,7." in page

    # Three respondents: only the totals, no breakdown by age group or kern that could point to one.
    assert "Er deden minder dan 10 leden mee." in page
    assert "geen verdeling naar kern of leeftijdsgroep" in page
    assert "Deelnemers en panel naar" not in page


def test_groups_under_ten_respondents_show_as_minder_dan_10_to_the_public_and_staff(
    gesloten_peiling, client, beheerder
):
    peiling = gesloten_peiling
    # Nine more respondents from Lochem aged 45-64: 12 in all, of whom 11 from Lochem and one from
    # Barchem; 11 aged 45-64, one aged 16-24.
    Respons.objects.bulk_create(
        Respons(peiling=peiling, antwoorden={}, leeftijdsgroep="45-64", kern="lochem") for _ in range(9)
    )
    results.release(peiling, timezone.now() + timedelta(hours=1))
    Vrijgave.objects.update(
        vrijgegeven_op=timezone.now() - timedelta(days=2), embargo_tot=timezone.now() - timedelta(days=1)
    )
    for page in (get_ok(client, BIBLIOTHEEK), get_ok(beheerder, resultaten_url(peiling))):
        assert "Deelnemers en panel naar leeftijdsgroep (procent)" in page
        assert "Deelnemers en panel naar kern (procent)" in page
        assert rij(page, "45 tot en met 64 jaar") == ["92%", "50%", "32%"]
        assert rij(page, "Lochem") == ["92%", "50%", "37%"]
        # The one from Barchem and the one aged 16-24 are not to be picked out.
        assert rij(page, "Barchem")[0].endswith("minder dan 10</span>")
        assert rij(page, "16 tot en met 24 jaar")[0].endswith("minder dan 10</span>")
        assert rij(page, "Gorssel")[0].endswith("minder dan 10</span>")
        assert "8%" not in rij(page, "Barchem")[0]
    Bevolkingsaandeel.objects.filter(dimensie="kern", waarde="almen").delete()
    assert rij(get_ok(client, BIBLIOTHEEK), "Almen")[1:] == ["0%", "onbekend"]


def test_embargo_date_field_shows_its_value_in_the_iso_form_a_browser_reads(gesloten_peiling, beheerder):
    page = get_ok(beheerder, resultaten_url(gesloten_peiling))
    over_twee_dagen = timezone.localdate() + timedelta(days=2)
    assert f'name="embargo_datum" value="{over_twee_dagen.isoformat()}"' in page
    assert 'name="embargo_tijd" value="09:00"' in page


def test_open_answers_appear_only_when_staff_select_them(gesloten_peiling, beheerder, client):
    peiling = gesloten_peiling
    lange = vraag_id(peiling, "lange_tekst")
    admin_page = get_ok(beheerder, resultaten_url(peiling))
    assert "Alleen de antwoorden die u aanvinkt, verschijnen bij de resultaten." in admin_page
    assert "Graag meer studieplekken voor scholieren." in admin_page and "Mijn buurman Jan" in admin_page
    goed = next(r for r in Respons.objects.all() if "scholieren" in r.antwoorden.get(lange, ""))
    assert f'value="{goed.pk}:{lange}"' in admin_page

    results.release(peiling, timezone.now() + timedelta(hours=1))
    Vrijgave.objects.update(
        vrijgegeven_op=timezone.now() - timedelta(days=2), embargo_tot=timezone.now() - timedelta(days=1)
    )
    page = get_ok(client, BIBLIOTHEEK)
    assert "2 deelnemers gaven een antwoord in eigen woorden." in page
    assert "scholieren" not in page and "buurman" not in page

    response = beheerder.post(
        f"{PANEL_ADMIN}peiling/{peiling.pk}/open-antwoorden/",
        {"uitgelicht": [f"{goed.pk}:{lange}", f"{goed.pk}:bestaat-niet", "rommel"]},
        follow=True,
    )
    assert "De keuze van open antwoorden is opgeslagen." in html(response)
    assert list(UitgelichtAntwoord.objects.values_list("respons_id", "vraag")) == [(goed.pk, lange)]
    assert f'value="{goed.pk}:{lange}" checked' in html(response)
    page = get_ok(client, BIBLIOTHEEK)
    assert "Een keuze daaruit:" in page and "<q>Graag meer studieplekken voor scholieren.</q>" in page
    assert "buurman" not in page
    assert PageLogEntry.objects.get(page=peiling, action="loket.antwoorden_gekozen").user == beheerder.user

    # Unticking everything takes it away again.
    beheerder.post(f"{PANEL_ADMIN}peiling/{peiling.pk}/open-antwoorden/", {})
    assert "scholieren" not in get_ok(client, BIBLIOTHEEK)


def test_a_second_release_is_refused_and_mails_nobody_again(
    gesloten_peiling, beheerder, mailoutbox, django_capture_on_commit_callbacks
):
    peiling = gesloten_peiling
    with django_capture_on_commit_callbacks(execute=True):
        vrijgeven(beheerder, peiling, timezone.localdate() + timedelta(days=2))
    assert len(mailoutbox) == 3
    admin_page = get_ok(beheerder, resultaten_url(peiling))
    assert "Vrijgegeven op" in admin_page and "Geef vrij en mail de deelnemers" not in admin_page
    with django_capture_on_commit_callbacks(execute=True):
        page = vrijgeven(beheerder, peiling, timezone.localdate() + timedelta(days=5))
    assert "De resultaten zijn al vrijgegeven." in html(page)
    assert len(mailoutbox) == 3
    assert Vrijgave.objects.get().embargo_tot.date() == timezone.localdate() + timedelta(days=2)
    assert PageLogEntry.objects.filter(page=peiling, action="loket.vrijgegeven").count() == 1


# --- 6. the staff overview -------------------------------------------------------------------------


def test_panel_overview_compares_the_panel_with_the_population_and_counts_invitations(beheerder, client):
    for i in range(3):
        nieuw_lid(f"lochem{i}@example.nl", "75+", "lochem")
    nieuw_lid("barchem@example.nl", "45-64", "barchem")
    nieuw_lid("nog-niet@example.nl", "16-24", "almen", bevestigd=False)
    for i in range(2):
        invitations.invite(nieuwe_peiling(f"p{i}"), Selectie(kernen=["lochem"]))
    invitations.invite(bibliotheek(), Selectie())

    page = get_ok(beheerder, PANEL_ADMIN)
    assert "Lochem spreekt" in page and "Gemeente Lochem" in page
    assert "4 bevestigde leden; 1 aanmelding(en) nog niet bevestigd" in page
    # Age group: 75+ is 75% of the panel against 20% of the inwoners; 16-24 has nobody confirmed.
    assert rij(page, "75 jaar of ouder") == ["3", "75%", "20,0%", "Voldoende"]
    assert rij(page, "16 tot en met 24 jaar") == [
        "0",
        "0%",
        "11,0%",
        "<strong>Ondervertegenwoordigd</strong>",
    ]
    assert rij(page, "Lochem") == ["3", "75%", "37,0%", "Voldoende"]
    assert rij(page, "Barchem") == ["1", "25%", "5,0%", "Voldoende"]
    assert rij(page, "Almen") == ["0", "0%", "4,0%", "<strong>Ondervertegenwoordigd</strong>"]
    # Invitations per member this year: three with 3, one with 1.
    tabel = plat(page).split("Uitnodigingen per lid in")[1]
    assert "<td>3</td><td>3</td>" in tabel and "<td>1</td><td>1</td>" in tabel
    assert "<td>4 (maximum bereikt)</td><td>0</td>" in tabel
    assert (
        f'href="{uitnodigen_url(bibliotheek())}"' in page
        and f'href="{resultaten_url(bibliotheek())}"' in page
    )

    # Editors keep the population shares (a snippet) up to date; the overview follows.
    aandeel = Bevolkingsaandeel.objects.get(dimensie="kern", waarde="barchem")
    snippet = f"/admin/snippets/loket/bevolkingsaandeel/edit/{aandeel.pk}/"
    assert "Aandeel van de bevolking (%)" in get_ok(beheerder, snippet)
    lochem = factories.lochem_gemeente().pk
    response = beheerder.post(
        snippet, {"gemeente": lochem, "dimensie": "kern", "waarde": "barchem", "aandeel": "40"}
    )
    assert response.status_code == 302, html(response)[:2000]
    assert rij(get_ok(beheerder, PANEL_ADMIN), "Barchem") == [
        "1",
        "25%",
        "40,0%",
        "<strong>Ondervertegenwoordigd</strong>",
    ]
    response = beheerder.post(
        snippet, {"gemeente": lochem, "dimensie": "kern", "waarde": "zutphen", "aandeel": "40"}
    )
    assert response.status_code == 200 and "Kies een van:" in html(response)


def test_the_audit_log_names_who_invited_and_who_released(
    gesloten_peiling, beheerder, medewerker, django_capture_on_commit_callbacks
):
    peiling = nieuwe_peiling("nog-een")
    nieuw_lid("erik@example.nl", "25-44", "epse")
    with django_capture_on_commit_callbacks(execute=True):
        verstuur_uitnodigingen(medewerker, peiling, kernen=["epse"])
    with django_capture_on_commit_callbacks(execute=True):
        vrijgeven(beheerder, gesloten_peiling, timezone.localdate() + timedelta(days=2))

    uitgenodigd = PageLogEntry.objects.get(page=peiling, action="loket.uitgenodigd")
    vrijgegeven = PageLogEntry.objects.get(page=gesloten_peiling, action="loket.vrijgegeven")
    assert uitgenodigd.user == medewerker.user and uitgenodigd.data["uitgenodigd"] == 1
    assert vrijgegeven.user == beheerder.user and vrijgegeven.data["deelnemers_gemaild"] == 3
    geschiedenis = get_ok(beheerder, f"/admin/pages/{peiling.pk}/history/")
    assert "Panelleden uitgenodigd voor de peiling" in geschiedenis and "Mieke Mulder" in geschiedenis
    geschiedenis = get_ok(beheerder, f"/admin/pages/{gesloten_peiling.pk}/history/")
    assert "Resultaten vrijgegeven" in geschiedenis and "Bea Beheer" in geschiedenis
