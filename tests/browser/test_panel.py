"""Browser tests for Lochem spreekt, the citizen panel: a member's whole life in Chromium, axe on every page.

The acceptance criterion: "A member can sign up, confirm, receive an invitation, answer, receive
results before the public does, and leave, all in Chromium with zero axe violations." Signing up
and answering are done by keyboard alone (Tab, the arrow keys, Space, Enter; no click, fill or
check), with the keyboard helpers of tests/browser/support.py. The e-mails go through the task backend into
Django's locmem outbox; the test takes the links out of their text and opens their path on the
live server (the links carry SITE_URL, not the live server's address).

Staff work (inviting, closing the peiling, releasing the results) is done in the test process:
the live server runs in this process and shares its database.

Without Chromium these tests are skipped; with REQUIRE_BROWSER=1 they fail (see tests/browser/conftest.py).
"""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest

from tests.browser.support import (
    AxeLog,
    answer,
    choose,
    error_link_leads_to_field,
    follow,
    h1,
    next_step,
    open_page,
    skip_to_content,
    tab_to,
    tick,
    type_text,
)

LOKET = "/loket/"
PANEL = LOKET + "lochem-spreekt/"
PEILING = PANEL + "bibliotheek/"
PANEL_LINK = "Lochem spreekt: meld u aan voor het inwonerspanel"
EMAIL = "anna.panel@example.nl"
REFERENTIE = re.compile(r"^/loket/lochem-spreekt/bevestiging/[A-Z0-9-]+/$")


@pytest.fixture(autouse=True)
def panel_mail(settings):
    """E-mails land in django.core.mail.outbox (the live server runs in this process)."""
    from django.core import mail

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    return mail


# --- Mail and staff helpers -------------------------------------------------------------------------


def mails_to(mail, address: str, subject_start: str) -> list:
    return [m for m in mail.outbox if address in m.to and m.subject.startswith(subject_start)]


def only_mail(mail, address: str, subject_start: str):
    found = mails_to(mail, address, subject_start)
    subjects = [(m.to, m.subject) for m in mail.outbox]
    assert len(found) == 1, f"verwacht één mail '{subject_start}…' aan {address}, outbox: {subjects}"
    return found[0]


def link_path(message, fragment: str) -> str:
    """The path of the one link in the mail text that contains `fragment`."""
    urls = [u for u in re.findall(r"https?://\S+", message.body) if fragment in u]
    assert len(urls) == 1, f"verwacht één link met {fragment!r} in {message.subject!r}: {message.body}"
    parts = urlsplit(urls[0])
    assert not parts.query and not parts.fragment, urls[0]
    return parts.path


def peiling_page():
    from wagtail.models import Site

    from loket.models import PeilingPage

    # The demo site's own tree (a page tree left from the session's first demo has no site).
    home = Site.objects.get(is_default_site=True).root_page
    pages = PeilingPage.objects.live().descendant_of(home)
    return pages.get(url_path__endswith="/lochem-spreekt/bibliotheek/")


def invite_everyone(mail, address: str):
    """Staff invite every confirmed member; returns the mail with the invitation to `address`."""
    from loket.panel.invitations import Selectie, invite

    peiling = peiling_page()
    ronde = invite(peiling, Selectie())
    assert ronde.uitgenodigd == 1, ronde
    return only_mail(mail, address, "Uitnodiging: De bibliotheek in uw kern")


def confirmed_member(email: str):
    """A member who signed up and confirmed earlier (not the subject of the test)."""
    from django.utils import timezone

    from loket.models import Panellid
    from loket.panel.membership import sign_up
    from tests.factories import lochem_gemeente

    referentie = sign_up(
        gemeente=lochem_gemeente(),
        email=email,
        leeftijdsgroep="65-74",
        kern="laren",
        relaties=["woont"],
        token="t" * 40,
    )
    Panellid.objects.filter(referentie=referentie).update(bevestigd_op=timezone.now())
    return Panellid.objects.get(referentie=referentie)


def close_peiling():
    """The peiling ran a week and closed yesterday: staff change the dates and publish."""
    from django.utils import timezone

    peiling = peiling_page()
    today = timezone.localdate()
    peiling.open_vanaf = today - timedelta(days=7)
    peiling.open_tot = today - timedelta(days=1)
    peiling.save_revision().publish()
    return peiling_page()


def press_button(page, name: str, what: str, status: int = 200):
    follow(page, page.get_by_role("button", name=name, exact=True), what, status=status)


# --- Sign-up ----------------------------------------------------------------------------------------


def start_signup(page, axe):
    """/loket/ → Lochem spreekt → Start, by keyboard; axe on both pages."""
    open_page(page, LOKET)
    axe.check(page, "loket")
    skip_to_content(page)
    follow(page, page.get_by_role("link", name=PANEL_LINK, exact=True), "De link naar Lochem spreekt")
    assert page.url.endswith(PANEL), page.url
    assert page.get_by_role("link", name="De bibliotheek in uw kern").is_visible()
    axe.check(page, "Lochem spreekt")
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Start", exact=True), "De link Start")
    assert page.url.endswith(PANEL + "stap/email/"), page.url
    assert h1(page) == "Uw e-mailadres"
    axe.check(page, "stap e-mailadres")


def sign_up_by_keyboard(page, axe, email: str):
    """The whole sign-up by keyboard, with the empty e-mail address as error state first."""
    start_signup(page, axe)
    skip_to_content(page)
    next_step(page, status=400)
    assert page.title().startswith("Fout: "), page.title()
    summary = page.locator(".foutmelding-samenvatting")
    assert "Vul uw e-mailadres in." in summary.inner_text()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    axe.check(page, "stap e-mailadres met foutmelding")
    error_link_leads_to_field(page, "id_email")
    page.keyboard.type(email)
    next_step(page)

    assert page.url.endswith(PANEL + "stap/over-u/"), page.url
    assert h1(page) == "Over u"
    axe.check(page, "stap over u")
    skip_to_content(page)
    answer(
        page,
        [
            ("radio", "leeftijdsgroep", "45-64"),
            ("radio", "kern", "eefde"),
            ("checkbox", "relaties", "woont"),
            ("checkbox", "relaties", "werkt"),
        ],
    )
    next_step(page)

    assert page.url.endswith(PANEL + "controleren/"), page.url
    assert h1(page) == "Controleer uw antwoorden"
    main = page.get_by_role("main").inner_text()
    for text in (email, "45 tot en met 64 jaar", "Eefde", "Ik woon in de gemeente Lochem"):
        assert text in main, f"{text!r} ontbreekt in de samenvatting: {main}"
    assert "Ik werk in de gemeente Lochem" in main
    axe.check(page, "controleren")

    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Verder naar versturen"), "De link Verder naar versturen")
    assert h1(page) == "Toestemming en versturen"
    assert "hoogstens vier peilingen per jaar" in page.get_by_role("main").inner_text()
    axe.check(page, "toestemming")
    skip_to_content(page)
    passed = tab_to(page, page.locator("input[name=toestemming]"), "Het vinkje voor toestemming")
    assert not any("[name=website]" in p for p in passed), f"de honeypot krijgt focus: {passed}"
    page.keyboard.press("Space")
    assert page.locator("input[name=toestemming]").is_checked()
    press_button(page, "Versturen", "De knop Versturen")
    assert REFERENTIE.match(urlsplit(page.url).path), page.url
    assert h1(page) == "Bijna klaar: bevestig uw aanmelding"
    assert "De link werkt 7 dagen." in page.get_by_role("main").inner_text()
    axe.check(page, "bijna klaar")


# --- The acceptance criterion -------------------------------------------------------------------------


def test_member_signs_up_confirms_answers_gets_results_first_and_leaves(page, panel_mail):
    from django.utils import timezone

    from loket.models import Bericht, PanelContact, Panellid, Respons, Uitnodiging
    from loket.panel import answers as panel_answers
    from loket.panel.results import release

    axe = AxeLog()

    # 1. Sign up, by keyboard.
    sign_up_by_keyboard(page, axe, EMAIL)
    lid = Panellid.objects.get()
    assert not lid.bevestigd
    assert (lid.leeftijdsgroep, lid.kern, sorted(lid.relaties)) == ("45-64", "eefde", ["werkt", "woont"])

    # 2. Confirm through the link in the mail: a page with a button (mail scanners open links).
    bevestig = only_mail(panel_mail, EMAIL, "Bevestig uw aanmelding")
    open_page(page, link_path(bevestig, "/inwonerspanel/bevestigen/"))
    assert h1(page) == "Bevestig uw aanmelding voor Lochem spreekt"
    assert not Panellid.objects.get().bevestigd, "alleen het openen van de link bevestigt al"
    axe.check(page, "bevestigen")
    skip_to_content(page)
    press_button(page, "Bevestig mijn aanmelding", "De knop Bevestig mijn aanmelding")
    assert h1(page) == "U bent lid van Lochem spreekt"
    assert Panellid.objects.get().bevestigd
    axe.check(page, "u bent lid")

    # 3. Staff invite the panel; the member answers by keyboard.
    uitnodiging_mail = invite_everyone(panel_mail, EMAIL)
    invullen = link_path(uitnodiging_mail, "/invullen/")
    assert invullen.startswith(PEILING + "invullen/"), invullen
    open_page(page, invullen)
    assert h1(page) == "De bibliotheek in uw kern"
    axe.check(page, "peiling invullen")

    peiling = peiling_page()
    vragen = {block.block_type: panel_answers.field_name(block) for block in peiling.vragen}
    assert set(vragen) == {"enkele_keuze", "meerkeuze", "schaal", "lange_tekst"}

    # Sent without the required answers: the error summary, and its link moves the focus.
    skip_to_content(page)
    press_button(page, "Verstuur mijn antwoorden", "De knop Verstuur mijn antwoorden", status=400)
    assert page.title().startswith("Fout: "), page.title()
    summary = page.locator(".foutmelding-samenvatting").inner_text()
    assert "Kies een antwoord bij: Hoe vaak gaat u naar de bibliotheek in uw kern?" in summary
    assert "Kies een punt op de schaal bij: De bibliotheek is belangrijk voor mijn kern." in summary
    assert page.locator(".foutmelding-samenvatting li").count() == 2
    axe.check(page, "peiling invullen met foutmeldingen")
    error_link_leads_to_field(page, f"id_{vragen['enkele_keuze']}_0")

    # From the first option (which has the focus now) through the questions.
    choose(page, vragen["enkele_keuze"], "Elke maand")
    tick(page, vragen["meerkeuze"], "Boeken lenen")
    tick(page, vragen["meerkeuze"], "Activiteiten")
    choose(page, vragen["schaal"], "4")
    type_text(page, vragen["lange_tekst"], "Langer open op zaterdag, graag.")
    press_button(page, "Verstuur mijn antwoorden", "De knop Verstuur mijn antwoorden")
    assert urlsplit(page.url).path == invullen, page.url
    assert h1(page) == "Dank u wel voor uw antwoorden"
    axe.check(page, "bedankt")

    respons = Respons.objects.get()
    assert respons.antwoorden == {
        next(b.id for b in peiling.vragen if b.block_type == kind): value
        for kind, value in [
            ("enkele_keuze", "Elke maand"),
            ("meerkeuze", ["Boeken lenen", "Activiteiten"]),
            ("schaal", "4"),
            ("lange_tekst", "Langer open op zaterdag, graag."),
        ]
    }
    assert (respons.leeftijdsgroep, respons.kern) == ("45-64", "eefde")
    assert Uitnodiging.objects.get().status == Uitnodiging.BEANTWOORD

    # The link again: it cannot be answered twice.
    open_page(page, invullen)
    assert h1(page) == "Dank u wel voor uw antwoorden"
    assert "U kunt deze peiling maar één keer invullen." in page.get_by_role("main").inner_text()
    assert page.get_by_role("button", name="Verstuur mijn antwoorden").count() == 0
    axe.check(page, "link opnieuw geopend")
    assert Respons.objects.count() == 1

    # 4. The peiling closes; staff release the results with an embargo of two days.
    peiling = close_peiling()
    now = timezone.now()
    assert release(peiling, embargo_tot=now + timedelta(days=2), now=now) == 1
    resultaten_mail = only_mail(panel_mail, EMAIL, "De resultaten van De bibliotheek in uw kern")
    assert "Elke maand: 1 (100%)" in resultaten_mail.body
    resultaten = link_path(resultaten_mail, "/resultaten/")
    assert resultaten.startswith(PEILING + "resultaten/"), resultaten

    open_page(page, resultaten)
    main = page.get_by_role("main")
    assert main.get_by_role("heading", name="Resultaten", exact=True).is_visible()
    assert "U ziet de resultaten als deelnemer eerder dan anderen." in main.inner_text()
    assert "1 van de 1 uitgenodigde leden deden mee (100 procent)." in main.inner_text()
    tables = main.get_by_role("table")
    # One respondent: only totals, no breakdown by kern or age group that could point at a person.
    assert tables.count() == 3, "drie gesloten vragen, geen vergelijkingen onder 10 deelnemers"
    eerste = tables.first
    assert eerste.get_by_role("row", name=re.compile(r"^Elke maand 1 100%$")).count() == 1
    axe.check(page, "resultaten vooraf")

    open_page(page, PEILING)
    public = page.get_by_role("main")
    assert "De resultaten verschijnen hier op" in public.inner_text()
    assert public.get_by_role("table").count() == 0
    assert public.get_by_role("heading", name="Resultaten").count() == 0
    axe.check(page, "openbare peilingpagina tijdens embargo")

    # 5. Leave through the link under the results mail, by keyboard.
    open_page(page, link_path(resultaten_mail, "/inwonerspanel/afmelden/"))
    assert h1(page) == "Afmelden voor Lochem spreekt"
    axe.check(page, "afmelden")
    skip_to_content(page)
    press_button(page, "Afmelden", "De knop Afmelden")
    assert h1(page) == "U bent afgemeld"
    axe.check(page, "u bent afgemeld")

    assert not Panellid.objects.exists()
    assert not PanelContact.objects.exists()
    assert not Bericht.objects.filter(panellid__isnull=False).exists()
    assert Uitnodiging.objects.get().lid is None, "de uitnodiging blijft, zonder lid"
    assert Respons.objects.count() == 1, "de antwoorden blijven meetellen"
    assert len(axe.pages) == 18, axe.pages
    axe.assert_clean()


# --- Declining an invitation --------------------------------------------------------------------------


def test_member_declines_an_invitation_by_keyboard_with_no_wcag_violations(page, panel_mail):
    from loket.models import Respons, Uitnodiging

    lid = confirmed_member("bert.panel@example.nl")
    axe = AxeLog()
    invullen = link_path(invite_everyone(panel_mail, "bert.panel@example.nl"), "/invullen/")
    open_page(page, invullen)
    axe.check(page, "peiling invullen")
    skip_to_content(page)
    niet_meedoen = page.get_by_role("button", name="Ik doe deze keer niet mee")
    passed = tab_to(page, niet_meedoen, "De knop Ik doe deze keer niet mee")
    assert any("Verstuur mijn antwoorden" in p for p in passed), passed
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    assert navigation.value is not None and navigation.value.status == 200
    page.wait_for_load_state()
    assert urlsplit(page.url).path == invullen, page.url
    assert h1(page) == "U doet deze keer niet mee"
    assert "U blijft lid van Lochem spreekt" in page.get_by_role("main").inner_text()
    axe.check(page, "niet meedoen")

    uitnodiging = Uitnodiging.objects.get()
    assert (uitnodiging.lid_id, uitnodiging.status) == (lid.pk, Uitnodiging.AFGESLAGEN)
    assert not Respons.objects.exists()

    # The link again: the choice stands, the form does not come back.
    open_page(page, invullen)
    assert h1(page) == "U doet deze keer niet mee"
    assert page.get_by_role("button", name="Verstuur mijn antwoorden").count() == 0
    axe.check(page, "link opnieuw geopend")
    assert len(axe.pages) == 3, axe.pages
    axe.assert_clean()


# --- Younger than 16 ------------------------------------------------------------------------------------


def test_younger_than_16_is_refused_with_no_wcag_violations(page, panel_mail):
    from loket.models import PanelContact, Panellid

    axe = AxeLog()
    open_page(page, PANEL)
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Start", exact=True), "De link Start")
    skip_to_content(page)
    type_text(page, "email", "jesse@example.nl")
    next_step(page)
    skip_to_content(page)
    answer(
        page,
        [
            ("radio", "leeftijdsgroep", "jonger"),
            ("radio", "kern", "gorssel"),
            ("checkbox", "relaties", "woont"),
        ],
    )
    next_step(page)

    assert page.url.endswith(PANEL + "niet-mogelijk/"), page.url
    assert h1(page).endswith(": helaas niet mogelijk"), h1(page)
    main = page.get_by_role("main").inner_text()
    assert "Lochem spreekt is er voor iedereen van 16 jaar en ouder" in main
    axe.check(page, "jonger dan 16")
    aanpassen = page.get_by_role("link", name="Pas uw antwoorden aan")
    assert aanpassen.get_attribute("href") == PANEL + "stap/email/"
    # Article 10.9 states no minimum age: the refusal cites the panel's own terms, not the article.
    assert "het is een voorwaarde van het inwonerspanel zelf" in main
    assert page.get_by_role("heading", name="Waar deze regel staat").count() == 1
    assert page.get_by_role("link", name=re.compile(r"10\.9")).count() == 0

    # Nothing was stored and nothing was mailed; the summary is not reachable either.
    assert not Panellid.objects.exists() and not PanelContact.objects.exists()
    assert panel_mail.outbox == []
    open_page(page, PANEL + "controleren/")
    assert page.url.endswith(PANEL + "niet-mogelijk/"), page.url
    assert len(axe.pages) == 1, axe.pages
    axe.assert_clean()
