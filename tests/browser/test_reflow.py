"""Reflow (WCAG 1.4.10): every regelgeving page type reads at 320, 390 and 1280 px wide without
scrolling sideways, and on a phone the breadcrumb is one line back to the parent (issue 16).

Screenshots of each page at each width are kept in var/screenshots/ to look at.
"""


import pytest

from tests.browser.support import open_page, save_screenshot, sideways_overflow

VERSIE = "/regelgeving/verordening-sociaal-domein/2026/"
PAGES = {
    "home": "/",
    "regelgeving": "/regelgeving/",
    "regeling": "/regelgeving/verordening-sociaal-domein/",
    "versie": VERSIE,
    "hoofdstuk": VERSIE + "hoofdstuk-2/",
    "artikel": VERSIE + "hoofdstuk-2/artikel-2-2/",
    "begrip": VERSIE + "begrippen/mantelzorger/",
    "begrippen": VERSIE + "begrippen/",
    "zoeken": "/zoeken/?q=mantelzorg",
    "zoeken-wet": "/zoeken/?wet=Wmo",
}
# The breadcrumb's visible crumbs, the arrow before the first, and on how many lines its text lies.
BREADCRUMB = """() => {
    const nav = document.querySelector('.site-breadcrumb');
    if (!nav) return null;
    const shown = Array.from(nav.querySelectorAll('li')).filter(li => li.offsetParent !== null);
    const link = shown.length ? shown[0].querySelector('a') : null;
    const text = document.createRange();
    if (link) text.selectNodeContents(link);
    return {
        shown: shown.map(li => li.innerText.trim()),
        arrow: link ? getComputedStyle(link, '::before').content : '',
        lines: link ? new Set(Array.from(text.getClientRects()).map(r => Math.round(r.top))).size : 0,
        height: Math.round(nav.getBoundingClientRect().height),
    };
}"""
# The colour of a link the site draws itself (class utrecht-link) in the same place.
SITE_LINK_COLOUR = """() => {
    const a = document.createElement('a');
    a.className = 'utrecht-link';
    a.href = '#';
    document.querySelector('main').append(a);
    const colour = getComputedStyle(a).color;
    a.remove();
    return colour;
}"""


@pytest.mark.parametrize("width", [320, 390, 1280])
def test_every_page_type_reflows_without_sideways_scrolling(page, width):
    page.set_viewport_size({"width": width, "height": 900})
    too_wide = {}
    for name, url in PAGES.items():
        open_page(page, url)
        overflow = sideways_overflow(page)
        if overflow > 0:
            too_wide[name] = f"{overflow} px te breed"
        save_screenshot(page, f"reflow-{name}-{width}")
        if width == 320:
            breadcrumb = page.evaluate(BREADCRUMB)
            if breadcrumb is not None:
                assert len(breadcrumb["shown"]) == 1 and "←" in breadcrumb["arrow"], (name, breadcrumb)
                assert breadcrumb["lines"] == 1, (name, breadcrumb)
    assert not too_wide, f"Breder dan {width}px: {too_wide}"


def test_the_search_filters_are_folded_on_a_phone_and_open_on_a_wide_screen(page):
    page.set_viewport_size({"width": 390, "height": 900})
    open_page(page, "/zoeken/?q=mantelzorg")
    filters = page.locator("#zoek-filters")
    assert not filters.evaluate("el => el.open")
    assert not page.locator("#id_wet").is_visible()
    page.locator("#zoek-filters > summary").click()
    assert page.locator("#id_wet").is_visible()
    page.set_viewport_size({"width": 1280, "height": 900})
    open_page(page, "/zoeken/?q=mantelzorg")
    assert page.locator("#id_wet").is_visible()


def test_links_in_the_text_have_the_site_link_colour_and_a_focus_ring(page):
    open_page(page, PAGES["artikel"])
    begrip = page.locator(".artikel-tekst a[href*='/begrippen/']").first
    colour = begrip.evaluate("el => getComputedStyle(el).color")
    assert colour == page.evaluate(SITE_LINK_COLOUR)
    assert colour != "rgb(0, 0, 238)"  # not the browser's own blue
    begrip.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = begrip.evaluate("el => [getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth]")
    assert outline[0] != "none" and outline[1] != "0px", outline
