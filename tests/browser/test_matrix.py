"""Every page a person meets, at 320, 390 and 1280 px: nothing scrolls sideways or is cut off
(WCAG 1.4.10) and axe finds nothing (WCAG 2.x A/AA and best practices), in every state a page can
be in: each step of the three flows as it opens and sent empty, the summary, consent, confirmation,
refusals, stopping and resuming; the panel's member pages; the staff pages this project adds to
Wagtail's admin; the login lockout, the pdf wait page and the 404 (issue 16).

Each test walks its pages once. On every page the window takes each width in turn, and the page is
measured, scanned by axe and photographed (var/screenshots/matrix/<area>/<page>-<width>.png); all
findings are reported together at the end. A resize applies the CSS as a fresh load at that width
would (the public pages have no script that looks at the width); Wagtail's admin, which lays out by
script, is loaded anew at each width. Walking a flow once rather than once per width keeps
`make test` short.

The flows are filled in with Playwright's fill and check: the keyboard walk through them is
tests/browser/test_loket.py's and test_panel.py's work.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

from tests.browser.support import axe_violations, format_violations, save_screenshot, sideways_overflow
from tests.loket.support import COMPLIMENT, MELDING_ANDER

WIDTHS = (320, 390, 1280)
WACHTWOORD = "Lochem-redactie-2026!"

# Visible elements that reach past the window's right edge, outside any box that scrolls sideways:
# with the page not wider than the window, they are cut off (an ancestor hides the overflow).
# Wagtail's own page header (.w-header) is left out: at 320 px it cuts off a long word of its
# title or subtitle, on every admin page, and the project does not restyle Wagtail's chrome.
_CUT_OFF = """() => {
    const edge = document.documentElement.clientWidth + 1;
    const scrolls = el => {
        for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
            const x = getComputedStyle(a).overflowX;
            if ((x === 'auto' || x === 'scroll') && a.scrollWidth > a.clientWidth) return true;
        }
        return false;
    };
    const classes = el => (typeof el.className === 'string' ? el.className.split(' ') : []).filter(Boolean);
    const name = el => [el.tagName.toLowerCase() + (el.id ? '#' + el.id : ''), ...classes(el)].join('.');
    return Array.from(document.querySelectorAll('body *'))
        .filter(el => {
            const box = el.getBoundingClientRect();
            return box.width > 1 && box.height > 1 && box.right > edge && el.checkVisibility()
                && !scrolls(el) && !el.closest('.w-header');
        })
        .slice(0, 8)
        .map(name);
}"""


class Matrix:
    """Checks the page as it is now at every width; keeps every finding for one report at the end."""

    def __init__(self, page, area: str, reload: bool = False):
        self.page = page
        self.area = area
        # Wagtail's admin lays itself out by script when the window changes (the menu folds away on
        # a phone): there each width gets a fresh load of the page.
        self.reload = reload
        self.seen = []
        self.findings = []

    def check(self, name: str):
        self.seen.append(name)
        url = urlsplit(self.page.url).path
        for width in WIDTHS:
            self.page.set_viewport_size({"width": width, "height": 900})
            if self.reload:
                self.page.reload()
            where = f"{name} op {width} px ({url})"
            overflow = sideways_overflow(self.page)
            cut_off = self.page.evaluate(_CUT_OFF)
            if overflow > 0:
                self.findings.append(f"{where}: {overflow} px te breed: {cut_off}")
            elif cut_off:
                self.findings.append(f"{where}: afgesneden aan de rechterkant: {cut_off}")
            violations = axe_violations(self.page)
            if violations:
                self.findings.append(format_violations(where, violations))
            save_screenshot(self.page, f"matrix/{self.area}/{name}-{width}")

    def assert_clean(self):
        assert not self.findings, f"{len(self.findings)} bevinding(en):\n\n" + "\n\n".join(self.findings)


# --- Moving through the site -----------------------------------------------------------------------


def go(page, url: str, status: int = 200):
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: {response and response.status}"
    return response


def press(page, locator, status: int = 200):
    """Click a button or link that loads a page; the page it leads to must have `status`."""
    with page.expect_navigation() as navigation:
        locator.click()
    response = navigation.value
    assert response is not None and response.status == status, (
        f"{page.url}: status {response and response.status}, verwacht {status}"
    )
    page.wait_for_load_state()
    return response


def volgende(page, status: int = 200):
    return press(page, page.get_by_role("button", name="Volgende"), status)


def fill(page, answers: dict):
    """Answers as the form posts them: text typed in, radio buttons and checkboxes chosen."""
    for name, value in answers.items():
        fields = page.locator(f'[name="{name}"]')
        kind = fields.first.get_attribute("type")
        if kind == "checkbox" and fields.count() == 1:
            fields.check()
        elif kind in ("radio", "checkbox"):
            for one in value if isinstance(value, list) else [value]:
                page.locator(f'input[name="{name}"][value="{one}"]').check()
        else:
            fields.fill(value)


def send_empty(page):
    """Press "Volgende" on a step left empty; returns the response (400 with the error summary)."""
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Volgende").click()
    page.wait_for_load_state()
    return navigation.value


def walk_steps(page, matrix: Matrix, flow_url: str, steps: dict):
    """Every question step as it opens, then sent empty (its error state), then answered. A step
    that asks nothing required (hulp) is answered by sending it empty."""
    for slug, answers in steps.items():
        assert urlsplit(page.url).path == f"{flow_url}stap/{slug}/", page.url
        matrix.check(f"stap-{slug}")
        response = send_empty(page)
        if response.status == 400:
            assert page.locator(".foutmelding-samenvatting").is_visible(), slug
            matrix.check(f"stap-{slug}-fout")
            fill(page, answers)
            volgende(page)
        else:
            assert response.status == 200 and urlsplit(page.url).path != f"{flow_url}stap/{slug}/", slug


def consent_and_confirmation(page, matrix: Matrix, flow_url: str, bot: bool = False):
    """The summary, the consent step (also sent without consent), the confirmation; with `bot`, also
    the refusal a bot gets (one template for every flow)."""
    assert urlsplit(page.url).path == f"{flow_url}controleren/", page.url
    matrix.check("controleren")
    press(page, page.get_by_role("link", name="Verder naar versturen"))
    matrix.check("versturen")
    press(page, page.get_by_role("button", name="Versturen"), status=400)
    matrix.check("versturen-fout")
    if bot:
        # A bot fills in the field no person sees: refused, nothing stored.
        page.locator("input[name=toestemming]").check()
        page.locator("input[name=website]").evaluate("el => { el.value = 'https://spam.example' }")
        press(page, page.get_by_role("button", name="Versturen"), status=400)
        assert "Formulier niet verstuurd" in page.locator("h1").inner_text()
        matrix.check("geweigerd")
        go(page, f"{flow_url}versturen/")
    page.locator("input[name=toestemming]").check()
    press(page, page.get_by_role("button", name="Versturen"))
    assert "/bevestiging/" in page.url, page.url
    matrix.check("bevestiging")


def stop_and_resume(page, matrix: Matrix, flow_url: str):
    """Started, then back on the flow's page: carry on or begin again; stop and wipe; wiped."""
    go(page, flow_url)
    assert page.get_by_role("link", name="Verdergaan").is_visible()
    matrix.check("hervatten")
    go(page, f"{flow_url}stoppen/")
    matrix.check("stoppen")
    press(page, page.get_by_role("button", name="Ja, stoppen en gegevens wissen"))
    assert "gewist=1" in page.url, page.url
    matrix.check("gewist")


# --- The three flows ---------------------------------------------------------------------------------

# For someone else (so the melder step is there too) and urgent (every later page shows the crisis block).
MELDING_STAPPEN = MELDING_ANDER | {"spoed": {"spoed": "ja"}}
# Not eligible first (8 hours a week is the rule), then the answers that are.
NIET_GESCHIKT = COMPLIMENT["geschiktheid"] | {"acht_uur": "nee"}
PANEL_STAPPEN = {
    "email": {"email": "matrix.panel@example.nl"},
    "over-u": {"leeftijdsgroep": "45-64", "kern": "eefde", "relaties": ["woont", "werkt"]},
}


def test_melding_every_step_at_every_width(page):
    matrix = Matrix(page, "melding")
    flow = "/loket/melding/"
    go(page, "/loket/")
    matrix.check("loket")
    go(page, flow)
    matrix.check("start")
    press(page, page.get_by_role("link", name="Start", exact=True))
    walk_steps(page, matrix, flow, MELDING_STAPPEN)
    consent_and_confirmation(page, matrix, flow, bot=True)
    # Begun anew, for the pages about stopping.
    go(page, f"{flow}stap/voor-wie/")
    fill(page, MELDING_STAPPEN["voor-wie"])
    volgende(page)
    stop_and_resume(page, matrix, flow)
    matrix.assert_clean()


def test_mantelzorgcompliment_every_step_at_every_width(page):
    matrix = Matrix(page, "mantelzorgcompliment")
    flow = "/loket/mantelzorgcompliment/"
    go(page, flow)
    matrix.check("start")
    press(page, page.get_by_role("link", name="Start", exact=True))
    matrix.check("stap-geschiktheid")
    assert send_empty(page).status == 400
    matrix.check("stap-geschiktheid-fout")
    fill(page, NIET_GESCHIKT)
    volgende(page)
    assert page.url.endswith(f"{flow}niet-mogelijk/"), page.url
    matrix.check("niet-mogelijk")
    press(page, page.get_by_role("link", name="Pas uw antwoorden aan"))
    fill(page, COMPLIMENT["geschiktheid"])
    volgende(page)
    walk_steps(page, matrix, flow, {k: v for k, v in COMPLIMENT.items() if k != "geschiktheid"})
    consent_and_confirmation(page, matrix, flow)
    matrix.assert_clean()


def test_lochem_spreekt_sign_up_every_step_at_every_width(page):
    matrix = Matrix(page, "lochem-spreekt")
    flow = "/loket/lochem-spreekt/"
    go(page, flow)
    matrix.check("start")
    press(page, page.get_by_role("link", name="Start", exact=True))
    walk_steps(page, matrix, flow, PANEL_STAPPEN)
    consent_and_confirmation(page, matrix, flow)
    # Younger than 16: refused, with the panel's own rule.
    go(page, f"{flow}stap/email/")
    fill(page, {"email": "jong@example.nl"})
    volgende(page)
    fill(page, PANEL_STAPPEN["over-u"] | {"leeftijdsgroep": "jonger"})
    volgende(page)
    assert page.url.endswith(f"{flow}niet-mogelijk/"), page.url
    matrix.check("niet-mogelijk")
    matrix.assert_clean()


# --- Lochem spreekt for its members ------------------------------------------------------------------


def test_panel_member_pages_at_every_width(page):
    """Confirming, answering a peiling (and its error state), declining, the results before the
    public sees them, and leaving; with the links from the e-mails made here, not mailed."""
    from django.utils import timezone

    from loket.models import PeilingPage, Uitnodiging
    from loket.panel import answers, links
    from loket.panel.invitations import token_hash
    from loket.panel.results import release
    from tests.factories import panellid

    matrix = Matrix(page, "panel")
    peiling = PeilingPage.objects.live().get(url_path__endswith="/lochem-spreekt/bibliotheek/")

    def invullen(token: str) -> str:
        return peiling.url + peiling.reverse_subpage("invullen", kwargs={"token": token})

    go(page, urlsplit(links.confirm_url(panellid("nieuw@example.nl", bevestigd=False))).path)
    matrix.check("bevestigen")
    press(page, page.get_by_role("button", name="Bevestig mijn aanmelding"))
    matrix.check("bevestigd")
    go(page, "/inwonerspanel/bevestigen/niet-geldig/", status=404)
    matrix.check("bevestigen-ongeldig")

    lid = panellid("lid@example.nl")
    tokens = {"lid": "matrix-lid-0123456789abcdef", "ander": "matrix-ander-0123456789abcdef"}
    for member, token in ((lid, tokens["lid"]), (panellid("ander@example.nl"), tokens["ander"])):
        Uitnodiging.objects.create(
            peiling=peiling,
            lid=member,
            jaar=timezone.localdate().year,
            volgnummer=1,
            token_hash=token_hash(token),
        )
    go(page, invullen(tokens["lid"]))
    matrix.check("invullen")
    press(page, page.get_by_role("button", name="Verstuur mijn antwoorden"), status=400)
    matrix.check("invullen-fout")
    vragen = {block.block_type: answers.field_name(block) for block in peiling.vragen}
    fill(page, {vragen["enkele_keuze"]: "Elke maand", vragen["schaal"]: "4"})
    press(page, page.get_by_role("button", name="Verstuur mijn antwoorden"))
    matrix.check("bedankt")
    go(page, invullen(tokens["ander"]))
    press(page, page.get_by_role("button", name="Ik doe deze keer niet mee"))
    matrix.check("niet-meedoen")
    go(page, invullen("onbekend-0123456789abcdef"), status=404)
    matrix.check("invullen-onbekende-link")

    # Closed and released with an embargo: the participant's own link shows the results first.
    today = timezone.localdate()
    peiling.open_vanaf, peiling.open_tot = today - timedelta(days=7), today - timedelta(days=1)
    peiling.save_revision().publish()
    peiling = PeilingPage.objects.get(pk=peiling.pk)
    assert release(peiling, embargo_tot=timezone.now() + timedelta(days=2)) == 1
    uitnodiging = Uitnodiging.objects.get(token_hash=token_hash(tokens["lid"]))
    go(page, urlsplit(links.results_url(peiling, uitnodiging)).path)
    matrix.check("resultaten-vooraf")
    go(page, peiling.url)
    matrix.check("peiling-onder-embargo")

    go(page, urlsplit(links.leave_url(lid)).path)
    matrix.check("afmelden")
    press(page, page.get_by_role("button", name="Afmelden"))
    matrix.check("afgemeld")
    matrix.assert_clean()


# --- Pages outside the flows ----------------------------------------------------------------------------


def test_other_public_pages_at_every_width(page, settings, database_tasks):
    from regelgeving.models import ArtikelPage, RegelingVersiePage

    matrix = Matrix(page, "overig")
    go(page, "/bestaat-niet/", status=404)
    matrix.check("404")

    # With a task worker, the first request for a PDF queues its rendering and asks to wait.
    versie = RegelingVersiePage.objects.get(url_path__endswith="/verordening-sociaal-domein/2026/")
    artikel = ArtikelPage.objects.live().descendant_of(versie).first()
    go(page, artikel.url + "pdf/", status=503)
    matrix.check("pdf-wordt-gemaakt")

    # Too many wrong passwords (ten in production, one here) lock the login for a while (django-axes).
    settings.AXES_FAILURE_LIMIT = 1
    get_user_model().objects.create_user("geblokkeerd", "geblokkeerd@example.nl", WACHTWOORD)
    go(page, "/admin/login/")
    page.locator('input[name="username"]').fill("geblokkeerd")
    page.locator('input[name="password"]').fill("verkeerd")
    press(page, page.locator('form button[type="submit"]'), status=429)
    assert "geblokkeerd" in page.title(), page.title()
    matrix.check("inloggen-geblokkeerd")
    matrix.assert_clean()


def test_staff_pages_at_every_width(page):
    from importers.models import Importopdracht
    from loket.models import PeilingPage
    from tests.factories import inzending, panellid

    staff = get_user_model().objects.create_superuser("medewerker", "medewerker@example.nl", WACHTWOORD)
    melding = inzending()
    panellid()
    peiling = PeilingPage.objects.live().get(url_path__endswith="/lochem-spreekt/bibliotheek/")
    wachtend = Importopdracht.objects.create(
        bestand=b"<xml/>", bestandsnaam="gmb-2026-1.xml", regeling="verordening-sociaal-domein", door=staff
    )

    go(page, "/admin/login/")
    page.locator('input[name="username"]').fill("medewerker")
    page.locator('input[name="password"]').fill(WACHTWOORD)
    press(page, page.locator('form button[type="submit"]'))

    # The whole admin page is scanned: Wagtail's own menu and header have no findings either.
    matrix = Matrix(page, "beheer", reload=True)
    go(page, "/admin/inzendingen/")
    matrix.check("inzendingen")
    go(page, f"/admin/inzendingen/{melding.pk}/")
    matrix.check("inzending")
    go(page, "/admin/inwonerspanel/")
    matrix.check("panel")
    go(page, f"/admin/inwonerspanel/peiling/{peiling.pk}/uitnodigen/")
    matrix.check("uitnodigen")
    press(page, page.get_by_role("button", name="Bekijk wie een uitnodiging krijgt"))
    matrix.check("uitnodigen-voorbeeld")
    go(page, f"/admin/inwonerspanel/peiling/{peiling.pk}/resultaten/")
    matrix.check("resultaten")
    go(page, f"/admin/publicatie-importeren/{wachtend.pk}/")
    matrix.check("import-wachtend")
    # The worker takes it: the status on the page follows by itself, without a reload.
    stap = "Publicatie lezen (stap 1 van 2)"
    Importopdracht.objects.filter(pk=wachtend.pk).update(status="bezig", stap=stap)
    page.evaluate("() => { window.nietHerladen = true }")
    status = page.locator("#vanzelf-verversen")
    status.get_by_text(f"Bezig: {stap}").wait_for()
    assert page.evaluate("() => window.nietHerladen === true"), "de pagina is herladen"
    matrix.check("import-bezig")
    # It failed: the page opens anew once, with the error and the form for another upload.
    Importopdracht.objects.filter(pk=wachtend.pk).update(status="mislukt", fout="Dit is geen publicatie.")
    page.get_by_role("heading", name="Nog een publicatie importeren").wait_for()
    assert page.get_by_role("alert").inner_text().strip() == "Dit is geen publicatie."
    matrix.check("import-mislukt")
    matrix.assert_clean()
