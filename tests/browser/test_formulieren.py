"""The last step of a flow as a person sees it, on a phone (320 and 390 px) and on a desktop (1280 px):
nothing sticks out sideways, the consent label reads beside its checkbox over most of the form,
the honeypot is out of sight and out of the tab order, and after a failed submit the focus is on
the error summary. Screenshots of each state go to var/screenshots/.
"""

import re
from urllib.parse import urlencode

import pytest

from tests.browser.support import (
    focused_element,
    open_page,
    save_screenshot,
    sideways_overflow,
    skip_to_content,
    tab_to,
)

MELDING = "/loket/melding/"
VERSTUREN = MELDING + "versturen/"
WIDTHS = [320, 390, 1280]

# The melding for oneself, as the form posts it (tests/loket/support.py has the same answers).
MELDING_ZELF = {
    "voor-wie": {"voor_wie": "zelf"},
    "persoon": {
        "naam": "Hendrik Wesselink",
        "geboortedatum": "14-03-1941",
        "straat": "Molenstraat",
        "huisnummer": "7a",
        "postcode": "7241 AB",
        "woonplaats": "Lochem",
    },
    "contact": {"telefoon": "0573 123 456", "email": "", "voorkeur": "telefoon"},
    "spoed": {"spoed": "nee"},
    "vraag": {"onderwerpen": ["wonen"], "vraag": "Ik kom de trap niet meer op."},
    "hulp": {"wie_helpt": ""},
    "ondersteuning": {"clientondersteuning": "nee", "persoonlijk_plan": "nee"},
}


def answer_steps_over_http(page):
    """Every question step answered in this browser's session, without typing (the keyboard walk
    through the steps is tests/browser/test_loket.py's)."""
    for slug, answers in MELDING_ZELF.items():
        url = f"{MELDING}stap/{slug}/"
        form = page.request.get(url).text()
        csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        body = urlencode(answers | {"csrfmiddlewaretoken": csrf}, doseq=True)
        response = page.request.post(
            url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded"}, max_redirects=0
        )
        assert response.status == 302, (slug, response.status, response.text()[:2000])


_WIDER_THAN_WINDOW = """() => Array.from(document.querySelectorAll('body *'))
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .slice(0, 12)
    .map(el => el.tagName.toLowerCase() + '.' + String(el.className).replaceAll(' ', '.'))"""


def no_horizontal_overflow(page, what: str):
    overflow = sideways_overflow(page)
    assert overflow <= 0, (
        f"{what}: de pagina is {overflow} px breder dan het venster; "
        f"te breed: {page.evaluate(_WIDER_THAN_WINDOW)}"
    )


def consent_label_beside_its_box(page, what: str):
    box = page.locator("input[name=toestemming]").bounding_box()
    label = page.locator("label[for=id_toestemming]").bounding_box()
    form = page.locator("form.loket-form").bounding_box()
    assert label["x"] >= box["x"] + box["width"], f"{what}: het label staat niet naast het vinkje"
    assert label["y"] < box["y"] + box["height"] and box["y"] < label["y"] + label["height"], (
        f"{what}: het label begint niet op de hoogte van het vinkje"
    )
    assert label["width"] >= 0.6 * form["width"], (
        f"{what}: het label is {label['width']:.0f} px breed, het formulier {form['width']:.0f} px"
    )


def honeypot_out_of_sight(page, what: str):
    honeypot = page.locator("input[name=website]")
    box = honeypot.bounding_box()
    size = page.viewport_size
    hidden = (
        box is None
        or box["width"] * box["height"] <= 1
        or box["x"] + box["width"] <= 0
        or box["x"] >= size["width"]
    )
    assert hidden, f"{what}: de honeypot is zichtbaar op {box}"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_consent_step_is_laid_out_for_a_person_and_the_errors_get_the_focus(page, width):
    page.set_viewport_size({"width": width, "height": 800})
    answer_steps_over_http(page)
    open_page(page, VERSTUREN)
    what = f"toestemming op {width} px"
    no_horizontal_overflow(page, what)
    consent_label_beside_its_box(page, what)
    honeypot_out_of_sight(page, what)
    # By Tab the focus reaches the consent checkbox without ever resting on the honeypot.
    skip_to_content(page)
    passed = tab_to(page, page.locator("input[name=toestemming]"), "Het vinkje voor toestemming")
    assert not any("[name=website]" in p for p in passed), f"{what}: de honeypot krijgt focus: {passed}"
    save_screenshot(page, f"formulieren-toestemming-{width}")

    # Sent without consent: the same step, with the focus on the error summary.
    tab_to(page, page.get_by_role("button", name="Versturen"), "De knop Versturen")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state()
    what = f"toestemming met foutmelding op {width} px"
    assert page.title().startswith("Fout: "), page.title()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'foutsamenvatting'")
    assert focused_element(page).startswith("div#foutsamenvatting"), focused_element(page)
    ring = page.locator("#foutsamenvatting").evaluate("el => getComputedStyle(el).outlineStyle")
    assert ring != "none", f"{what}: de foutsamenvatting heeft focus maar geen zichtbare focusring"
    save_screenshot(page, f"formulieren-foutsamenvatting-{width}")
    no_horizontal_overflow(page, what)
    consent_label_beside_its_box(page, what)
    honeypot_out_of_sight(page, what)
    error = page.locator("#id_toestemming-fout").bounding_box()
    box = page.locator("input[name=toestemming]").bounding_box()
    assert error["y"] + error["height"] <= box["y"], f"{what}: de foutmelding staat niet boven het vinkje"
    # The first Tab from the summary goes to its link, and Enter to the checkbox.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'id_toestemming'")
    save_screenshot(page, f"formulieren-toestemming-fout-{width}")


PAGE_TYPES = ["/", "/loket/", MELDING, MELDING + "stap/voor-wie/", "/regelgeving/", "/zoeken/?q=mantelzorg"]


def test_every_page_type_has_the_same_left_aligned_column(page):
    """The main column starts at the same place and has the same width on every kind of page."""
    page.set_viewport_size({"width": 1280, "height": 800})
    columns = {}
    for url in PAGE_TYPES:
        open_page(page, url)
        box = page.locator("main").bounding_box()
        columns[url] = (round(box["x"]), round(box["width"]))
        no_horizontal_overflow(page, url)
    assert len(set(columns.values())) == 1, f"de hoofdkolom verspringt: {columns}"
    answer_steps_over_http(page)
    for name, url in [
        ("controleren", MELDING + "controleren/"),
        ("stap-contact", MELDING + "stap/contact/"),
        ("stoppen", MELDING + "stoppen/"),
        ("hervatten", MELDING),
    ]:
        open_page(page, url)
        assert round(page.locator("main").bounding_box()["x"]) == columns["/"][0], url
        save_screenshot(page, f"formulieren-{name}-1280")
