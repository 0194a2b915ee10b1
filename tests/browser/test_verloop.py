"""The warning before the answers of a flow time out (WCAG 2.2.1 Timing Adjustable), in Chromium:
it appears in a live region before the answers go, "Ik heb meer tijd nodig" keeps them, and
without it the page says they are gone and leads back to the start. The timeout here is seconds,
not half an hour: the live server runs in this process, so the settings below apply to it.
"""

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from tests.browser.support import axe_violations, format_violations, open_page, save_screenshot

MELDING = "/loket/melding/"
VOOR_WIE = MELDING + "stap/voor-wie/"
PERSOON = MELDING + "stap/persoon/"
WARNING = "Wilt u meer tijd?"
# Longer than any wait below, shorter than a test that hangs.
WAIT_MS = 15_000


@pytest.fixture
def short_timeout(settings):
    """Answers go after 6 seconds without a request; the warning comes 3 seconds before."""
    settings.LOKET_FLOW_TIMEOUT_MINUTES = 0.1
    settings.LOKET_FLOW_WARNING_MINUTES = 0.05


def assert_no_axe_violations(page, what: str):
    violations = axe_violations(page)
    assert not violations, format_violations(f"{PERSOON} ({what})", violations)


def answer_the_first_step(page):
    """"Voor wie" answered in this browser's session, so the next step has answers to lose."""
    form = page.request.get(VOOR_WIE).text()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = page.request.post(
        VOOR_WIE,
        data=urlencode({"voor_wie": "zelf", "csrfmiddlewaretoken": csrf}),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
        max_redirects=0,
    )
    assert response.status == 302, response.text()[:2000]


def test_the_warning_appears_and_more_time_keeps_the_answers(page, short_timeout):
    answer_the_first_step(page)
    open_page(page, PERSOON)
    alert = page.get_by_role("alert")
    expect(alert).to_be_empty()  # the live region is there, silent, until it is time

    expect(alert).to_contain_text(
        "Uw antwoorden worden over 0,05 minuten gewist omdat u een tijd niets hebt gedaan. " + WARNING,
        timeout=WAIT_MS,
    )
    alert.get_by_role("button", name="Ik heb meer tijd nodig").click()
    expect(alert).to_contain_text("Uw antwoorden zijn bewaard.")
    expect(alert.locator("[data-verloop-focus]")).to_be_focused()  # the focus is not lost with the button

    # The countdown starts again: the next warning comes after the answers would have gone.
    expect(alert).to_contain_text(WARNING, timeout=WAIT_MS)
    expect(alert).not_to_contain_text("gewist, omdat")

    # The server kept them: the step before still has the answer, no "start again".
    open_page(page, VOOR_WIE)
    assert page.url.endswith(VOOR_WIE), page.url
    expect(page.locator("input[name=voor_wie][value=zelf]")).to_be_checked()


def test_without_more_time_the_page_says_the_answers_are_gone_and_leads_back(page, short_timeout):
    answer_the_first_step(page)
    open_page(page, PERSOON)
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text(WARNING, timeout=WAIT_MS)
    assert_no_axe_violations(page, "de waarschuwing")
    save_screenshot(page, "verloop-waarschuwing")

    expect(alert).to_contain_text(
        "Uw antwoorden zijn gewist, omdat u 0,1 minuten niets hebt gedaan.", timeout=WAIT_MS
    )
    expect(alert.get_by_role("button")).to_have_count(0)
    assert_no_axe_violations(page, "de melding dat de antwoorden gewist zijn")

    alert.get_by_role("link", name="Opnieuw beginnen").click()
    page.wait_for_load_state()
    assert page.url.endswith(MELDING), page.url
    expect(page.get_by_role("link", name="Start", exact=True)).to_be_visible()
    expect(page.get_by_text("U bent al begonnen")).to_have_count(0)


def test_without_javascript_the_note_stays_and_no_warning_is_shown(browser, demo_site, short_timeout):
    context = browser.new_context(base_url=demo_site, locale="nl-NL", java_script_enabled=False)
    try:
        page = context.new_page()
        answer_the_first_step(page)
        open_page(page, PERSOON)
        note = page.get_by_text("Uw antwoorden worden na 0,1 minuten zonder activiteit gewist.")
        expect(note).to_be_visible()
        expect(page.get_by_text(WARNING)).to_have_count(0)
        expect(page.get_by_role("button", name="Ik heb meer tijd nodig")).to_have_count(0)
    finally:
        context.close()
