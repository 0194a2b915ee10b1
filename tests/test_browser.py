"""Browser tests: the Lochem verordening in Chromium, driven by Playwright, checked with axe-core.

Without Chromium these tests are skipped ("Chromium niet gevonden: ..."); with REQUIRE_BROWSER=1
they fail instead, so CI that is supposed to have a browser cannot silently skip them.
"""

import os
import re
import sqlite3
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

REGELING = "/regelgeving/verordening-sociaal-domein/"
VERSIE = "/regelgeving/verordening-sociaal-domein/2026/"
ARTIKEL = VERSIE + "hoofdstuk-5/paragraaf-5-2/artikel-5-2-1/"
MANTELZORGER = VERSIE + "begrippen/mantelzorger/"
ARTIKEL_TITEL = "Artikel 5.2.1 Geschikte woning"


# --- Browser -----------------------------------------------------------------------------------


def _browser_unavailable(reason: str):
    message = f"Chromium niet gevonden: {reason}"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (REQUIRE_BROWSER=1, dus dit is een fout)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session; skips (or fails) when there is none."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        _browser_unavailable(f"{CHROMIUM} bestaat niet; installeer het met `make browser`.")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _browser_unavailable(f"Playwright voor Python ontbreekt ({exc}).")

    # Playwright's sync API runs an event loop in this thread; Django would then refuse the
    # database work the fixtures do between page loads (SynchronousOnlyOperation).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as exc:  # noqa: BLE001 - any launch failure means "no usable browser"
        playwright.stop()
        _restore_env("DJANGO_ALLOW_ASYNC_UNSAFE", previous)
        _browser_unavailable(f"{CHROMIUM} start niet: {str(exc).splitlines()[0]}")
    yield chromium
    chromium.close()
    playwright.stop()
    _restore_env("DJANGO_ALLOW_ASYNC_UNSAFE", previous)


def _restore_env(name: str, value: str | None):
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


# --- Demo site on the live server ----------------------------------------------------------------


class _Snapshot:
    """The database right after `setup_demo`, kept once and put back before every browser test.

    pytest-django flushes the database after each test that uses the live server, and importing
    the publication again takes seconds. SQLite (the in-memory test database) is copied with its
    backup API; on PostgreSQL every table is copied into a separate schema and back (Django's
    foreign keys there are deferrable, so the order of the tables does not matter).
    """

    SCHEMA = "browser_snapshot"

    def __init__(self):
        self.sqlite = None
        self.tables = None

    @staticmethod
    def supported() -> bool:
        if connection.vendor == "sqlite":
            return connection.is_in_memory_db()
        return connection.vendor == "postgresql"

    def save(self):
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self.sqlite = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.sqlite)
            return
        qn = connection.ops.quote_name
        self.tables = sorted(
            connection.introspection.django_table_names(only_existing=True, include_views=False)
        )
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {self.SCHEMA}")
            for table in self.tables:
                cursor.execute(f"CREATE TABLE {self.SCHEMA}.{qn(table)} AS TABLE {qn(table)}")

    @property
    def saved(self) -> bool:
        return self.sqlite is not None or self.tables is not None

    def restore(self):
        connection.ensure_connection()
        if self.sqlite is not None:
            self.sqlite.backup(connection.connection)
            return
        qn = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(qn(t) for t in self.tables) + " CASCADE")
            for table in self.tables:
                cursor.execute(f"INSERT INTO {qn(table)} SELECT * FROM {self.SCHEMA}.{qn(table)}")


_SNAPSHOT = _Snapshot()


@pytest.fixture
def demo_site(browser, transactional_db, django_db_serialized_rollback, live_server):
    """The Lochem publication imported by `setup_demo`, served by the live server; returns its URL.

    The live server runs in another thread, so the data has to be committed (transactional_db).
    pytest-django flushes it after every test; the serialized rollback brings back the rows the
    migrations made (Wagtail's root page), which `setup_demo` needs on a database it has not seen.
    """
    if not _Snapshot.supported():
        _load_demo_with_next_version()
    elif _SNAPSHOT.saved:
        _SNAPSHOT.restore()
    else:
        _load_demo_with_next_version()
        _SNAPSHOT.save()
    return live_server.url


def _load_demo_with_next_version():
    """The demo site plus a published (future) 2027 version derived from it, for the version pages."""
    from importers.pipeline import import_bytes
    from regelgeving.models import RegelingVersiePage

    from .versions import derived_version

    call_command("setup_demo", stdout=open(os.devnull, "w"))
    versie = import_bytes(
        derived_version("gmb-2026-612345"), "gmb-2026-612345", regeling_slug="verordening-sociaal-domein"
    ).versie
    versie = RegelingVersiePage.objects.get(pk=versie.pk)
    versie.go_live_at = None
    versie.save_revision().publish()


@pytest.fixture
def page(browser, demo_site):
    context = browser.new_context(base_url=demo_site, locale="nl-NL")
    context.set_default_timeout(10_000)
    result = context.new_page()
    yield result
    context.close()


# --- Helpers -----------------------------------------------------------------------------------


def open_page(page, url):
    response = page.goto(url)
    assert response is not None and response.status == 200, f"{url}: {response and response.status}"
    return page


def in_viewport(locator) -> bool:
    box = locator.bounding_box()
    size = locator.page.viewport_size
    return bool(
        box
        and box["width"]
        and box["height"]
        and box["y"] >= 0
        and box["x"] >= 0
        and box["y"] + box["height"] <= size["height"]
    )


def assert_css_loaded(page):
    """Every stylesheet arrived (the live server serves static files) and the site CSS applies."""
    sheets = page.evaluate(
        """() => Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(link => ({
            href: link.getAttribute('href'),
            rules: link.sheet ? link.sheet.cssRules.length : 0,
        }))"""
    )
    assert len(sheets) == 3, sheets
    empty = [s["href"] for s in sheets if not s["rules"]]
    assert not empty, f"Stylesheets niet geladen: {empty}"
    header = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header == "rgb(0, 85, 140)", header


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def format_violations(url, violations):
    lines = [f"{len(violations)} WCAG-overtreding(en) op {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:10]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... en nog {len(v['nodes']) - 10}")
    return "\n".join(lines)


# --- Accessibility: one test per page type ------------------------------------------------------

PAGE_TYPES = [
    pytest.param("/", "Gemeente Lochem", id="home"),
    pytest.param("/regelgeving/", "Regelgeving", id="regelgeving-index"),
    pytest.param("/regelgeving/verordening-sociaal-domein/", "Verordening Sociaal Domein", id="regeling"),
    pytest.param(VERSIE, "Verordening Sociaal Domein 2026", id="versie"),
    pytest.param(VERSIE + "hoofdstuk-5/", "Hoofdstuk 5", id="hoofdstuk"),
    pytest.param(ARTIKEL, ARTIKEL_TITEL, id="artikel"),
    pytest.param(VERSIE + "bijlage-1/", "Bijlage 1", id="bijlage"),
    pytest.param(VERSIE + "begrippen/", "Begrippen van A tot Z", id="begrippen"),
    pytest.param(MANTELZORGER, "Mantelzorger", id="begrip"),
    pytest.param(REGELING + "2027/hoofdstuk-7/artikel-7-4/", "Artikel 7.4", id="artikel-toekomstige-versie"),
    pytest.param(REGELING + "artikel/7.4/?peildatum=2027-02-01", "Artikel 7.4", id="artikel-op-peildatum"),
    pytest.param(
        REGELING + "artikel/10.4/?peildatum=2027-02-01", "Artikel 10.4", id="melding-artikel-ontbreekt"
    ),
    pytest.param(REGELING + "vergelijk/?van=2026&naar=2027", "Wat is er veranderd?", id="vergelijking"),
    pytest.param("/zoeken/?q=mantelzorg", "Zoeken in de regelgeving", id="zoekresultaten"),
    pytest.param("/zoeken/?q=wonign", "Zoeken in de regelgeving", id="zoeken-zonder-resultaat"),
]


@pytest.mark.parametrize("url, heading", PAGE_TYPES)
def test_page_type_has_no_wcag_violations(page, url, heading):
    open_page(page, url)
    assert heading in page.locator("h1").inner_text()
    assert_css_loaded(page)
    violations = axe_violations(page)
    assert not violations, format_violations(url, violations)


# --- Behaviour -------------------------------------------------------------------------------


def test_search_by_keyboard_from_any_page(page):
    """Header search box → results with the matched word marked → first result, keyboard only."""
    open_page(page, ARTIKEL)
    page.keyboard.press("Tab")  # skip link
    box = page.get_by_role("searchbox", name="Zoek in de regelgeving")
    for _ in range(10):
        if box.evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("Tab")
    assert box.evaluate("el => el === document.activeElement"), "zoekveld niet met Tab bereikbaar"
    page.keyboard.type("mantelzorg")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=mantelzorg")
    assert "resultaten voor ‘mantelzorg’" in page.locator("h2#resultaten-titel").inner_text()
    assert page.locator(".zoek-treffer mark").first.inner_text().lower().startswith("mantelzorg")
    first = page.locator(".zoek-treffer h3 a").first
    title = first.inner_text()
    first.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert title.split()[-1] in page.locator("h1").inner_text()


def test_invalid_search_shows_an_error_summary_that_leads_to_the_field(page):
    response = page.goto("/zoeken/?q=pgb&peildatum=morgen")
    assert response.status == 400
    summary = page.locator(".foutmelding-samenvatting")
    assert "Peildatum" in summary.inner_text()
    summary.locator("a").first.click()
    assert page.locator("#id_peildatum").evaluate("el => el === document.activeElement")
    violations = axe_violations(page)
    assert not violations, format_violations("/zoeken/?peildatum=morgen", violations)


def test_table_of_contents_leads_to_article(page):
    open_page(page, VERSIE)
    toc = page.get_by_role("navigation", name="Inhoudsopgave")
    toc.get_by_role("link", name=re.compile(r"^Artikel 5\.2\.1 ")).click()
    page.wait_for_url("**" + ARTIKEL)
    assert page.locator("h1").inner_text().startswith(ARTIKEL_TITEL)


def test_term_link_leads_to_begrip_that_lists_the_article(page):
    open_page(page, ARTIKEL)
    page.get_by_role("main").get_by_role("link", name="mantelzorgers", exact=True).click()
    page.wait_for_url("**" + MANTELZORGER)
    assert page.locator("h1").inner_text() == "Mantelzorger"
    gebruikt_in = page.get_by_role("region", name="Gebruikt in")
    terug = gebruikt_in.get_by_role("link", name=re.compile(r"^Artikel 5\.2\.1 "))
    assert terug.get_attribute("href") == ARTIKEL
    terug.click()
    page.wait_for_url("**" + ARTIKEL)


def test_keyboard_skip_link_moves_focus_to_main(page):
    open_page(page, ARTIKEL)
    skip_link = page.get_by_role("link", name="Naar de inhoud")
    assert not in_viewport(skip_link), "de skiplink hoort pas te verschijnen als hij focus krijgt"
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Naar de inhoud"
    assert in_viewport(skip_link), "de skiplink is niet zichtbaar als hij focus heeft"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'inhoud'")
    assert page.evaluate("() => document.activeElement.tagName") == "MAIN"
    # The next Tab continues inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('inhoud').contains(document.activeElement)")


def test_breadcrumb_on_article_leads_back_to_version(page):
    open_page(page, ARTIKEL)
    crumbs = page.get_by_role("navigation", name="Kruimelpad")
    current = crumbs.locator("[aria-current=page]")
    assert current.inner_text().startswith(ARTIKEL_TITEL)
    crumbs.get_by_role("link", name="Verordening Sociaal Domein 2026", exact=True).click()
    page.wait_for_url("**" + VERSIE)
    assert page.locator("h1").inner_text() == "Verordening Sociaal Domein 2026"


def test_article_has_previous_and_next_links(page):
    open_page(page, ARTIKEL)
    nav = page.get_by_role("navigation", name="Vorig en volgend artikel")
    vorige = nav.locator("a[rel=prev]")
    volgende = nav.locator("a[rel=next]")
    assert vorige.inner_text().startswith("Vorig artikel: Artikel ")
    assert volgende.inner_text().startswith("Volgend artikel: Artikel ")
    volgende_href = volgende.get_attribute("href")
    volgende.click()
    page.wait_for_url("**" + volgende_href)
    # From the next article, "previous" leads back here.
    page.get_by_role("navigation", name="Vorig en volgend artikel").locator("a[rel=prev]").click()
    page.wait_for_url("**" + ARTIKEL)


def test_article_works_without_javascript(browser, demo_site):
    context = browser.new_context(base_url=demo_site, java_script_enabled=False)
    try:
        page = context.new_page()
        open_page(page, ARTIKEL)
        assert page.evaluate("1 + 1") == 2  # Playwright's own scripts still run; the page's not.
        main = page.get_by_role("main")
        assert main.get_by_text("De gemeente waardeert de inzet van").is_visible()
        assert main.get_by_role("link", name="mantelzorgers", exact=True).is_visible()
        page.get_by_role("navigation", name="Kruimelpad").get_by_role(
            "link", name="Verordening Sociaal Domein 2026", exact=True
        ).click()
        page.wait_for_url("**" + VERSIE)
        assert page.get_by_role("navigation", name="Inhoudsopgave").is_visible()
    finally:
        context.close()


def test_version_banner_leads_to_the_current_article(page):
    open_page(page, REGELING + "2027/hoofdstuk-7/artikel-7-4/")
    banner = page.locator(".versie-banner")
    assert "geldt nog niet" in banner.inner_text()
    banner.get_by_role("link", name="Bekijk dit artikel in de versie die nu geldt").click()
    page.wait_for_url("**/artikel/7.4/")
    assert "alleenstaanden 40%" in page.locator("main").inner_text()


def test_peildatum_form_on_the_regeling_page(page):
    open_page(page, REGELING)
    page.get_by_label("Welke versie gold op datum").fill("2027-03-01")
    page.get_by_role("button", name="Toon versie").click()
    page.wait_for_url("**/2027/")
    assert "Verordening Sociaal Domein 2027" in page.locator("h1").inner_text()


def test_copy_button_copies_the_citation(browser, demo_site):
    context = browser.new_context(base_url=demo_site, locale="nl-NL")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_site)
    tab = context.new_page()
    open_page(tab, ARTIKEL)
    tab.get_by_role("button", name="Kopieer verwijzing").click()
    # The clipboard write is asynchronous: wait for the status message instead of reading it at once.
    from playwright.sync_api import expect

    expect(tab.locator(".kopieer-status")).to_have_text("Verwijzing gekopieerd.")
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("Artikel 5.2.1 Verordening Sociaal Domein 2026, Gemeenteblad 2025, 538386")
    context.close()
