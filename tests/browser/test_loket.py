"""Browser tests for the loket: both flows in Chromium by keyboard alone, axe on every page.

The acceptance criterion: "Both flows can be completed in Chromium by keyboard alone with zero axe
violations on every step." The keyboard tests never click, fill or check: they move with Tab (and
the arrow keys inside a radio group), tick with Space, type text and press Enter, and check where
the focus is (document.activeElement) before every key that acts. axe runs on every page the
inwoner sees, including an error state, the summary and the confirmation.

Without Chromium these tests are skipped; with REQUIRE_BROWSER=1 they fail (see tests/browser/conftest.py).
"""

import re
from datetime import date

import pytest

from tests.browser.support import (
    AxeLog,
    answer,
    error_link_leads_to_field,
    focused_element,
    follow,
    h1,
    has_focus,
    next_step,
    open_page,
    skip_to_content,
    tab_to,
    tick,
)

LOKET = "/loket/"
MELDING = LOKET + "melding/"
MANTELZORGCOMPLIMENT = LOKET + "mantelzorgcompliment/"
BEGRIP_MANTELZORGER = re.compile(r"^/regelgeving/verordening-sociaal-domein/\d{4}/begrippen/mantelzorger/$")
REFERENTIE = {
    "melding": re.compile(rf"^MLD-{date.today().year}-[2-9A-HJ-NP-Z]{{6}}$"),
    "mantelzorgcompliment": re.compile(rf"^MZC-{date.today().year}-[2-9A-HJ-NP-Z]{{6}}$"),
}


# --- Keyboard helpers ----------------------------------------------------------------------------


def start_flow(page, axe, link_name: str, flow_url: str):
    """/loket/ → the flow page → "Start": by keyboard, axe on both pages."""
    open_page(page, LOKET)
    axe.check(page, "loket")
    skip_to_content(page)
    follow(page, page.get_by_role("link", name=link_name, exact=True), f"Link {link_name}")
    assert page.url.endswith(flow_url), page.url
    axe.check(page, "formulierpagina")
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Start", exact=True), "De link Start")


def confirm_and_send(page, axe, flow: str) -> str:
    """Summary → consent → confirmation; returns the reference number."""
    follow(page, page.get_by_role("link", name="Verder naar versturen"), "De link Verder naar versturen")
    assert h1(page) == "Toestemming en versturen"
    axe.check(page, "toestemming")
    skip_to_content(page)
    passed = tab_to(page, page.locator("input[name=toestemming]"), "Het vinkje voor toestemming")
    assert not any("[name=website]" in p for p in passed), f"de honeypot krijgt focus: {passed}"
    page.keyboard.press("Space")
    assert page.locator("input[name=toestemming]").is_checked()
    follow(page, page.get_by_role("button", name="Versturen"), "De knop Versturen")
    assert "/bevestiging/" in page.url, page.url
    axe.check(page, "bevestiging")
    referentie = page.locator(".referentie").inner_text().strip()
    assert REFERENTIE[flow].match(referentie), f"referentienummer {referentie!r}"
    assert f"Uw referentienummer is {referentie}." in page.locator(".bevestiging").inner_text()
    return referentie


# --- Melding, for someone else, urgent -----------------------------------------------------------

MELDING_STEPS = [
    # (step slug, title, answers); the first step is first submitted empty.
    ("voor-wie", "Voor wie", [("radio", "voor_wie", "ander")]),
    (
        "melder",
        "Over u als melder",
        [
            ("text", "naam_melder", "Anna de Vries"),
            ("radio", "relatie", "kind"),
            ("radio", "gemachtigd", "ja"),
        ],
    ),
    (
        "persoon",
        "Om wie gaat het",
        [
            ("text", "naam", "Gerrit de Vries"),
            ("text", "geboortedatum", "14-03-1941"),
            ("text", "straat", "Markt"),
            ("text", "huisnummer", "3a"),
            ("text", "postcode", "7241 aa"),
            ("text", "woonplaats", "Lochem"),
        ],
    ),
    (
        "contact",
        "Contactgegevens",
        [
            ("text", "telefoon", "0573 289 222"),
            ("text", "email", "anna@example.nl"),
            ("radio", "voorkeur", "telefoon"),
        ],
    ),
    ("spoed", "Is het dringend", [("radio", "spoed", "ja")]),
    (
        "vraag",
        "Uw vraag",
        [
            ("checkbox", "onderwerpen", "wonen"),
            ("checkbox", "onderwerpen", "mantelzorg"),
            ("text", "vraag", "Mijn vader valt steeds vaker en kan de trap niet meer op."),
        ],
    ),
    ("hulp", "Hulp die er nu is", []),
    (
        "ondersteuning",
        "Cliëntondersteuning en persoonlijk plan",
        [("radio", "clientondersteuning", "ja"), ("radio", "persoonlijk_plan", "nee")],
    ),
]


def test_melding_for_someone_else_by_keyboard_with_no_wcag_violations(page):
    axe = AxeLog()
    start_flow(page, axe, "Melding doen: ondersteuning vragen", MELDING)

    for index, (slug, title, answers) in enumerate(MELDING_STEPS):
        assert page.url.endswith(f"{MELDING}stap/{slug}/"), page.url
        assert h1(page) == title
        axe.check(page, f"stap {slug}")
        if index == 0:
            # Submitted empty once: the error summary leads to the field, by keyboard.
            skip_to_content(page)
            next_step(page, status=400)
            assert page.title().startswith("Fout: "), page.title()
            summary = page.locator(".foutmelding-samenvatting")
            assert "Kies een antwoord bij ‘Voor wie doet u de melding?’" in summary.inner_text()
            axe.check(page, f"stap {slug} met foutmelding")
            error_link_leads_to_field(page, "id_voor_wie_0")
        else:
            skip_to_content(page)
        # From the spoed step on, every page shows where to get help now.
        urgent = index > [s for s, _, _ in MELDING_STEPS].index("spoed")
        assert page.locator(".crisis").count() == (1 if urgent else 0), f"crisisblok op {slug}"
        answer(page, answers)
        next_step(page)

    assert page.url.endswith(MELDING + "controleren/"), page.url
    assert h1(page) == "Controleer uw antwoorden"
    assert page.get_by_role("region", name="Hulp die niet kan wachten").is_visible()
    axe.check(page, "controleren")
    wijzig = page.get_by_role("link", name=re.compile(r"^Wijzig "))
    assert wijzig.count() == len(MELDING_STEPS)
    main = page.get_by_role("main")
    assert "Gerrit de Vries" in main.inner_text() and "14 maart 1941" in main.inner_text()
    assert "7241 AA" in main.inner_text()

    # "Wijzig" by keyboard: the step opens with its answers, and "Volgende" returns to the summary.
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Wijzig hulp die er nu is"), "De link Wijzig hulp")
    assert page.url.endswith(MELDING + "stap/hulp/?terug=controleren"), page.url
    assert page.get_by_role("link", name="Vorige").get_attribute("href") == MELDING + "controleren/"
    axe.check(page, "stap hulp via Wijzig")
    skip_to_content(page)
    answer(page, [("text", "wie_helpt", "Mijn broer doet de boodschappen.")])
    next_step(page)
    assert page.url.endswith(MELDING + "controleren/"), page.url
    assert "Mijn broer doet de boodschappen." in page.get_by_role("main").inner_text()
    axe.check(page, "controleren na Wijzig")

    skip_to_content(page)
    confirm_and_send(page, axe, "melding")
    assert page.get_by_role("region", name="Hulp die niet kan wachten").is_visible()
    assert "cliëntondersteuner" in page.locator("ol.vervolg").inner_text()
    axe.assert_clean()


# --- Mantelzorgcompliment --------------------------------------------------------------------------

GESCHIKT = [
    ("radio", "onbetaald", "ja"),
    ("radio", "beroepsmatig", "nee"),
    ("radio", "acht_uur", "ja"),
    ("radio", "drie_maanden", "ja"),
    ("radio", "woont_in_gemeente", "ja"),
]
MANTELZORGER = [
    # The first field, naam, is typed after following the error summary's link to it.
    ("text", "geboortedatum", "02-05-1968"),
    ("text", "straat", "Walstraat"),
    ("text", "huisnummer", "12"),
    ("text", "postcode", "7241BJ"),
    ("text", "woonplaats", "Lochem"),
    ("text", "email", "jan@example.nl"),
    ("text", "iban", "NL91 ABNA 0417 1643 00"),
    ("text", "tenaamstelling", "J. Jansen"),
]
VERZORGDE = [
    ("text", "naam", "Mina Jansen"),
    ("text", "straat", "Walstraat"),
    ("text", "huisnummer", "14"),
    ("text", "postcode", "7241 BJ"),
    ("text", "woonplaats", "Barchem"),
    ("radio", "relatie", "ouder"),
    ("text", "zorg", "Boodschappen, medicijnen klaarzetten en mee naar de huisarts."),
]


def test_mantelzorgcompliment_by_keyboard_with_no_wcag_violations(page):
    axe = AxeLog()
    start_flow(page, axe, "Mantelzorgcompliment aanvragen", MANTELZORGCOMPLIMENT)

    assert page.url.endswith(MANTELZORGCOMPLIMENT + "stap/geschiktheid/"), page.url
    axe.check(page, "stap geschiktheid")
    skip_to_content(page)
    answer(page, GESCHIKT)
    next_step(page)

    assert page.url.endswith(MANTELZORGCOMPLIMENT + "stap/mantelzorger/"), page.url
    assert h1(page) == "Uw gegevens"
    axe.check(page, "stap mantelzorger")
    skip_to_content(page)
    next_step(page, status=400)
    assert page.title().startswith("Fout: "), page.title()
    assert page.locator(".foutmelding-samenvatting li").count() == 9
    naam = page.locator("#id_naam")
    assert naam.get_attribute("aria-invalid") == "true"
    assert "id_naam-fout" in naam.get_attribute("aria-describedby")
    axe.check(page, "stap mantelzorger met foutmeldingen")
    error_link_leads_to_field(page, "id_naam")
    page.keyboard.type("Jan Jansen")
    answer(page, MANTELZORGER)
    next_step(page)

    assert page.url.endswith(MANTELZORGCOMPLIMENT + "stap/verzorgde/"), page.url
    axe.check(page, "stap verzorgde")
    skip_to_content(page)
    answer(page, VERZORGDE)
    next_step(page)

    assert page.url.endswith(MANTELZORGCOMPLIMENT + "stap/verklaring/"), page.url
    axe.check(page, "stap verklaring")
    skip_to_content(page)
    tick(page, "verklaring")
    next_step(page)

    assert page.url.endswith(MANTELZORGCOMPLIMENT + "controleren/"), page.url
    axe.check(page, "controleren")
    wijzig = page.get_by_role("link", name=re.compile(r"^Wijzig "))
    assert wijzig.count() == 4
    main = page.get_by_role("main").inner_text()
    assert "Jan Jansen" in main and "2 mei 1968" in main and "NL91 ABNA 0417 1643 00" in main
    # Shift+Tab works too: from "Verder naar versturen" back to the last "Wijzig" link.
    skip_to_content(page)
    tab_to(page, page.get_by_role("link", name="Verder naar versturen"), "De link Verder naar versturen")
    page.keyboard.press("Shift+Tab")
    assert has_focus(page.get_by_role("link", name="Wijzig verklaring")), focused_element(page)

    confirm_and_send(page, axe, "mantelzorgcompliment")
    vervolg = page.locator("ol.vervolg").inner_text()
    assert "€ 150,00" in vervolg and "eindigt op 4300" in vervolg
    axe.assert_clean()


def test_mantelzorgcompliment_refusal_has_no_wcag_violations_and_links_to_the_begrip(page):
    axe = AxeLog()
    open_page(page, MANTELZORGCOMPLIMENT)
    skip_to_content(page)
    follow(page, page.get_by_role("link", name="Start", exact=True), "De link Start")
    skip_to_content(page)
    answer(page, [(kind, name, "nee" if name == "acht_uur" else value) for kind, name, value in GESCHIKT])
    next_step(page)

    assert page.url.endswith(MANTELZORGCOMPLIMENT + "niet-mogelijk/"), page.url
    assert h1(page) == "Mantelzorgcompliment aanvragen: helaas niet mogelijk"
    assert "U zorgt minstens 8 uur per week." in page.get_by_role("main").inner_text()
    axe.check(page, "niet mogelijk")
    aanpassen = page.get_by_role("link", name="Pas uw antwoorden aan")
    assert aanpassen.get_attribute("href") == MANTELZORGCOMPLIMENT + "stap/geschiktheid/"
    begrip = page.get_by_role("link", name="Wat de verordening onder ‘Mantelzorger’ verstaat")
    assert BEGRIP_MANTELZORGER.match(begrip.get_attribute("href")), begrip.get_attribute("href")
    skip_to_content(page)
    follow(page, begrip, "De link naar het begrip mantelzorger")
    assert h1(page) == "Mantelzorger"
    axe.assert_clean()


# --- Without JavaScript ----------------------------------------------------------------------------


def _fill(page, answers):
    for kind, name, value in answers:
        if kind == "text":
            page.locator(f'[name="{name}"]').fill(value)
        else:
            selector = f'input[name="{name}"]' + (f'[value="{value}"]' if value is not None else "")
            page.locator(selector).check()
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_load_state()


NO_JS_FLOWS = [
    pytest.param(
        MELDING,
        "melding",
        [
            [("radio", "voor_wie", "zelf")],
            MELDING_STEPS[2][2],
            [("text", "email", "gerrit@example.nl"), ("radio", "voorkeur", "email")],
            [("radio", "spoed", "nee")],
            MELDING_STEPS[5][2],
            [],
            MELDING_STEPS[7][2],
        ],
        id="melding",
    ),
    pytest.param(
        MANTELZORGCOMPLIMENT,
        "mantelzorgcompliment",
        [
            GESCHIKT,
            [("text", "naam", "Jan Jansen"), *MANTELZORGER],
            VERZORGDE,
            [("checkbox", "verklaring", None)],
        ],
        id="mantelzorgcompliment",
    ),
]


@pytest.mark.parametrize("flow_url, flow, steps", NO_JS_FLOWS)
def test_flow_works_without_javascript(browser, demo_site, flow_url, flow, steps):
    context = browser.new_context(base_url=demo_site, locale="nl-NL", java_script_enabled=False)
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        open_page(page, flow_url)
        assert page.evaluate("typeof document") == "object"  # Playwright's own scripts still run
        page.get_by_role("link", name="Start", exact=True).click()
        page.wait_for_load_state()
        # An empty step comes back with the error summary, also without JavaScript.
        page.get_by_role("button", name="Volgende").click()
        page.wait_for_load_state()
        assert page.locator(".foutmelding-samenvatting").is_visible()
        for answers in steps:
            assert "/stap/" in page.url, page.url
            _fill(page, answers)
            assert not page.locator(".foutmelding-samenvatting").count(), page.locator("main").inner_text()
        assert page.url.endswith(flow_url + "controleren/"), page.url
        page.get_by_role("link", name="Verder naar versturen").click()
        page.wait_for_load_state()
        page.locator("input[name=toestemming]").check()
        page.get_by_role("button", name="Versturen").click()
        page.wait_for_load_state()
        assert "/bevestiging/" in page.url, page.url
        referentie = page.locator(".referentie").inner_text().strip()
        assert REFERENTIE[flow].match(referentie), referentie
    finally:
        context.close()
