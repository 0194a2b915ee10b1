"""The Content-Security-Policy forbids every inline script; in a real browser no page of the site or of
Wagtail's admin runs into it. Chromium reports each blocked script, style or request as a
`securitypolicyviolation` event and a console message; both are collected on every page type.

The live server speaks plain http on localhost, where Chromium accepts the Secure session and CSRF
cookies the settings give (localhost counts as a secure context), so logging in works as over HTTPS.
"""

from django.contrib.auth import get_user_model

from tests.browser.support import open_page
from tests.paths import LOCHEM_URL, REGELING

WACHTWOORD = "Lochem-redactie-2026!"

# Recorded before any script of the page runs; Playwright adds it outside the page's policy.
COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
        + ` at ${event.sourceFile || "?"}:${event.lineNumber}`);
});
"""


class Violations:
    """Every CSP violation on every page visited, by page, from events and from the console."""

    def __init__(self, page):
        self.page = page
        self.console = []
        self.found = {}
        page.context.add_init_script(COLLECT_VIOLATIONS)
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def visit(self, what: str, url: str):
        open_page(self.page, url)
        self.page.wait_for_load_state("networkidle")
        self.record(what)

    def record(self, what: str):
        events = self.page.evaluate("() => window.__cspViolations || []")
        if events or self.console:
            self.found[f"{what} ({self.page.url})"] = events + self.console
        self.console = []

    def assert_none(self):
        assert not self.found, "CSP-overtredingen:\n" + "\n".join(
            f"- {where}:\n    " + "\n    ".join(lines) for where, lines in self.found.items()
        )


def _public_pages():
    from regelgeving.models import BegripPage

    begrip = BegripPage.objects.live().filter(url_path__contains="/2026/").first()
    return [
        ("home", "/"),
        ("regelgeving", "/regelgeving/"),
        ("regeling", REGELING),
        ("versie", LOCHEM_URL),
        ("hoofdstuk", f"{LOCHEM_URL}hoofdstuk-2/"),
        ("artikel", f"{LOCHEM_URL}hoofdstuk-2/artikel-2-2/"),
        ("begrip", begrip.url),
        ("zoeken", "/zoeken/?q=mantelzorg"),
        ("loket", "/loket/melding/"),
        ("loketstap", "/loket/melding/stap/voor-wie/"),
        ("Lochem spreekt", "/loket/lochem-spreekt/"),
    ]


def test_no_public_page_type_violates_the_content_security_policy(page):
    violations = Violations(page)
    for what, url in _public_pages():
        violations.visit(what, url)
    # A step answered: the next step, with the session and CSRF cookies the answer needed.
    violations.visit("loketstap", "/loket/melding/stap/voor-wie/")
    page.get_by_label("Voor mijzelf").check()
    page.get_by_role("button", name="Volgende").click()
    page.wait_for_url("**/stap/persoon/")
    violations.record("loketstap na een antwoord")
    violations.assert_none()


def test_no_admin_page_violates_the_content_security_policy(page):
    from regelgeving.models import ArtikelPage, RegelingVersiePage

    get_user_model().objects.create_superuser("redacteur", "redacteur@example.nl", WACHTWOORD)
    violations = Violations(page)
    violations.visit("inloggen", "/admin/login/")
    page.locator('input[name="username"]').fill("redacteur")
    page.locator('input[name="password"]').fill(WACHTWOORD)
    page.locator('form button[type="submit"]').click()
    page.wait_for_url("**/admin/")
    violations.record("dashboard na inloggen")

    versie = RegelingVersiePage.objects.get(url_path__endswith="/2026/")
    artikel = ArtikelPage.objects.descendant_of(versie).first()
    for what, url in [
        ("dashboard", "/admin/"),
        ("paginaverkenner", f"/admin/pages/{versie.get_parent().pk}/"),
        ("versie bewerken", f"/admin/pages/{versie.pk}/edit/"),
        ("artikel bewerken", f"/admin/pages/{artikel.pk}/edit/"),
        ("publicatie importeren", "/admin/publicatie-importeren/"),
    ]:
        violations.visit(what, url)
    violations.assert_none()
