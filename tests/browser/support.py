"""What the browser tests share: opening pages, axe, and walking a page by keyboard alone."""

from pathlib import Path

import pytest

# Where the browser tests leave what a person would see; `make test` prints this folder.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

# WCAG 2.x A/AA and axe's best practices (landmarks, heading order, one h1): zero findings.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def open_page(page, url, status=200):
    response = page.goto(url)
    assert response is not None and response.status == status, f"{url}: {response and response.status}"
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


def save_screenshot(page, name: str) -> None:
    """A full-page screenshot as var/screenshots/<name>.png (a name may hold a subfolder)."""
    path = SCREENSHOTS / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)


def sideways_overflow(page) -> int:
    """How many pixels the page is wider than the window's content area (0: nothing scrolls sideways)."""
    return page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")


def assert_css_loaded(page):
    """Every stylesheet arrived (the live server serves static files) and the site CSS applies."""
    sheets = page.evaluate(
        """() => Array.from(document.querySelectorAll('link[rel=stylesheet]')).map(link => ({
            href: link.getAttribute('href'),
            rules: link.sheet ? link.sheet.cssRules.length : 0,
        }))"""
    )
    assert len(sheets) >= 3, sheets  # tokens, components, site.css and the per-area files
    empty = [s["href"] for s in sheets if not s["rules"]]
    assert not empty, f"Stylesheets niet geladen: {empty}"
    header = page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor")
    assert header == "rgb(0, 85, 140)", header


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    # axe stays in the page once injected: a page scanned at several widths gets it once.
    if not page.evaluate("() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"):
        page.evaluate(Axe().axe_script)
    return page.evaluate("options => axe.run(document, options)", options)["violations"]


def format_violations(url, violations):
    lines = [f"{len(violations)} WCAG-overtreding(en) op {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']} <{v['helpUrl']}>")
        for node in v["nodes"][:10]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
        if len(v["nodes"]) > 10:
            lines.append(f"    ... en nog {len(v['nodes']) - 10}")
    return "\n".join(lines)


# --- Keyboard ----------------------------------------------------------------------------------

_ACTIVE = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    let text = el.tagName.toLowerCase();
    if (el.id) text += "#" + el.id;
    if (el.name) text += `[name=${el.name}]`;
    if (el.type === "radio" || el.type === "checkbox") text += `[value=${el.value}]`;
    const label = (el.innerText || "").trim().replace(/\\s+/g, " ").slice(0, 40);
    return label ? `${text} "${label}"` : text;
}"""


def focused_element(page) -> str:
    """The focused element, readable: tag#id[name=..] "text"."""
    return page.evaluate(_ACTIVE)


def has_focus(locator) -> bool:
    """Whether the focus is on (one of) the element(s) of `locator`."""
    return locator.evaluate_all("els => els.includes(document.activeElement)")


def tab_to(page, locator, what: str, key: str = "Tab", limit: int = 40) -> list[str]:
    """Press Tab (or `key`) until `locator` has the focus; returns what the focus passed on the way."""
    passed = []
    for _ in range(limit):
        if has_focus(locator):
            return passed
        page.keyboard.press(key)
        passed.append(focused_element(page))
    if has_focus(locator):
        return passed
    pytest.fail(f"{what} is niet met {key} te bereiken op {page.url}; de focus ging langs: {passed}")


def skip_to_content(page):
    """The first Tab on a page reaches the skip link; Enter puts the focus on <main>."""
    page.keyboard.press("Tab")
    assert focused_element(page).endswith('"Naar de inhoud"'), f"{page.url}: {focused_element(page)}"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'inhoud'")


def follow(page, locator, what: str, status: int = 200):
    """Tab to a link or button and press Enter; waits for the page it leads to."""
    tab_to(page, locator, what)
    with page.expect_navigation() as navigation:
        page.keyboard.press("Enter")
    response = navigation.value
    assert response is not None and response.status == status, (
        f"{what} op {page.url}: status {response and response.status}, verwacht {status}"
    )
    page.wait_for_load_state()


def type_text(page, name: str, text: str):
    field = page.locator(f'[name="{name}"]')
    tab_to(page, field, f"Veld {name}")
    page.keyboard.press("ControlOrMeta+a")  # replace what was there (a "Wijzig" keeps the answer)
    page.keyboard.type(text)
    assert field.input_value() == text, f"{name}: {field.input_value()!r}"


def choose(page, name: str, value: str):
    """A radio group is one Tab stop; the arrow keys move through it and check, Space checks."""
    group = page.locator(f'input[type=radio][name="{name}"]')
    option = group.and_(page.locator(f'[value="{value}"]'))
    tab_to(page, group, f"Keuzerondjes {name}")
    for _ in range(group.count()):
        if has_focus(option):
            break
        page.keyboard.press("ArrowDown")
    assert has_focus(option), f"{name}={value} niet bereikt met de pijltjestoetsen: {focused_element(page)}"
    page.keyboard.press("Space")
    assert option.is_checked(), f"{name}={value} is niet gekozen"


def tick(page, name: str, value: str | None = None):
    """Tab to a checkbox (every checkbox is its own Tab stop) and tick it with Space."""
    box = page.locator(f'input[type=checkbox][name="{name}"]')
    if value is not None:
        box = box.and_(page.locator(f'[value="{value}"]'))
    tab_to(page, box, f"Vinkje {name}={value}")
    assert not box.is_checked()
    page.keyboard.press("Space")
    assert box.is_checked(), f"{name}={value} is niet aangevinkt"


def answer(page, answers):
    """Answer the questions of a step in the order of the form, from where the focus is now."""
    for kind, name, value in answers:
        if kind == "text":
            type_text(page, name, value)
        elif kind == "radio":
            choose(page, name, value)
        elif kind == "checkbox":
            tick(page, name, value)
        else:  # pragma: no cover - a mistake in the test data
            raise ValueError(kind)


def next_step(page, status: int = 200):
    """Tab to "Volgende" and press Enter."""
    follow(page, page.get_by_role("button", name="Volgende"), "De knop Volgende", status=status)


class AxeLog:
    """axe on every page of a flow; all violations are reported together at the end, per page."""

    def __init__(self):
        self.pages = []
        self.failures = []

    def check(self, page, what: str):
        assert_css_loaded(page)
        violations = axe_violations(page)
        self.pages.append(what)
        if violations:
            self.failures.append(format_violations(f"{what} ({page.url})", violations))

    def assert_clean(self):
        assert not self.failures, "\n\n".join(self.failures)


def h1(page) -> str:
    return page.locator("h1").inner_text().strip()


def error_link_leads_to_field(page, field_id: str):
    """From the top of the page: Tab to the first link in the error summary, Enter, the field has focus."""
    summary = page.locator(".foutmelding-samenvatting")
    first_link = summary.get_by_role("link").first
    assert first_link.get_attribute("href") == f"#{field_id}"
    tab_to(page, first_link, "De eerste link in de foutsamenvatting")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => document.activeElement && document.activeElement.id === '{field_id}'")
