"""Browser tests: the Lochem verordening in Chromium, driven by Playwright, checked with axe-core.

Without Chromium these tests are skipped ("Chromium niet gevonden: ..."); with REQUIRE_BROWSER=1
they fail instead, so CI that is supposed to have a browser cannot silently skip them. The browser,
the demo site and the helpers live in tests/browser/conftest.py and support.py.
"""

import re

import pytest

from tests.browser.support import assert_css_loaded, axe_violations, format_violations, in_viewport, open_page

REGELING = "/regelgeving/verordening-sociaal-domein/"
VERSIE = "/regelgeving/verordening-sociaal-domein/2026/"
ARTIKEL = VERSIE + "hoofdstuk-5/paragraaf-5-2/artikel-5-2-1/"
MANTELZORGER = VERSIE + "begrippen/mantelzorger/"
ARTIKEL_TITEL = "Artikel 5.2.1 Geschikte woning"


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


# A message that an article does not exist answers 404, like any missing page.
NOT_FOUND = {"melding-artikel-ontbreekt"}


@pytest.mark.parametrize("url, heading", PAGE_TYPES)
def test_page_type_has_no_wcag_violations(page, url, heading, request):
    open_page(page, url, status=404 if request.node.callspec.id in NOT_FOUND else 200)
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
    page.wait_for_url("**/2027/?peildatum=2027-03-01")
    assert "Verordening Sociaal Domein 2027" in page.locator("h1").inner_text()
    assert "Op 1 maart 2027 geldt deze versie" in page.locator(".peildatum-melding").inner_text()


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
