"""Browser tests for the pages a municipal site must have (toegankelijkheidsverklaring,
privacyverklaring, the Dutch 404) and the ways in on the home page: readable at 320 and 1280
pixels wide, without horizontal scrolling and without WCAG violations (axe-core).

Screenshots go to var/screenshots/paginas/ (ignored by git) for a person to look at.
"""


import pytest

from tests.browser.support import (
    assert_css_loaded,
    axe_violations,
    format_violations,
    open_page,
    save_screenshot,
    sideways_overflow,
)

PAGINAS = [
    pytest.param("/toegankelijkheid/", 200, "Toegankelijkheidsverklaring", id="toegankelijkheidsverklaring"),
    pytest.param("/privacy/", 200, "Privacyverklaring", id="privacyverklaring"),
    pytest.param("/regelgeving/bestaat-niet/", 404, "Deze pagina bestaat niet", id="404"),
    pytest.param("/", 200, "Gemeente Lochem", id="home"),
]


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("url, status, heading", PAGINAS)
def test_page_fits_and_has_no_wcag_violations(page, url, status, heading, width, request):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, url, status=status)
    assert heading in page.locator("h1").inner_text()
    assert_css_loaded(page)
    # Every page leads to both statements from its footer.
    footer = page.locator("footer")
    assert footer.get_by_role("link", name="Toegankelijkheidsverklaring").is_visible()
    assert footer.get_by_role("link", name="Privacyverklaring").is_visible()
    assert sideways_overflow(page) == 0
    violations = axe_violations(page)
    assert not violations, format_violations(url, violations)
    save_screenshot(page, f"paginas/{request.node.callspec.id}")


def test_home_leads_to_a_flow_by_keyboard_and_the_404_search_works(page):
    open_page(page, "/")
    page.get_by_role("link", name="Mantelzorgcompliment aanvragen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/loket/mantelzorgcompliment/")
    assert page.get_by_role("heading", name="Wat u nodig hebt").is_visible()
    save_screenshot(page, "paginas/start-mantelzorgcompliment")

    open_page(page, "/bestaat-niet/", status=404)
    page.get_by_label("Zoek een regel, artikel of begrip").fill("mantelzorger")
    page.get_by_label("Zoek een regel, artikel of begrip").press("Enter")
    page.wait_for_url("**/zoeken/?q=mantelzorger")
    assert "Mantelzorger" in page.locator("main").inner_text()
