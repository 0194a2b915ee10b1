"""What the security tests share: a resident or an editor talking HTTP to a server in another process."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import requests

from tests.loket.support import MELDING, MELDING_ZELF, stap

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken"\s+value="([^"]+)"')
TOKEN_RE = re.compile(r'<input[^>]*name="token"[^>]*value="([0-9a-f]+)"')
BEVESTIGING_RE = re.compile(r"/bevestiging/([A-Z0-9-]+)/$")
TIMEOUT = 60
VERSTUREN = f"{MELDING}versturen/"


class Browser:
    """One person's cookie session against `base`; every form is posted with its CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()

    def get(self, path: str) -> requests.Response:
        return self.session.get(self.base + path, allow_redirects=False, timeout=TIMEOUT)

    def form(self, path: str) -> tuple[str, str]:
        """GET a form page: (its CSRF token, its HTML)."""
        response = self.get(path)
        assert response.status_code == 200, (path, response.status_code)
        return CSRF_RE.search(response.text).group(1), response.text

    def post(self, path: str, data: dict, csrf: str) -> requests.Response:
        return self.session.post(
            self.base + path,
            data={**data, "csrfmiddlewaretoken": csrf},
            headers={"Referer": self.base + path},
            allow_redirects=False,
            timeout=TIMEOUT,
        )


class Resident(Browser):
    """An inwoner with the melding of tests/loket/support.py (for themselves), under a name of their own."""

    def __init__(self, base: str, naam: str):
        super().__init__(base)
        self.answers = MELDING_ZELF | {"persoon": MELDING_ZELF["persoon"] | {"naam": naam}}

    def answer_every_step(self) -> None:
        for slug, answer in self.answers.items():
            csrf, _ = self.form(stap(MELDING, slug))
            response = self.post(stap(MELDING, slug), answer, csrf)
            assert response.status_code == 302, (slug, response.status_code, response.text[:500])

    def ready_to_send(self) -> tuple[dict, str]:
        """The summary and the consent page read: (the final POST's form data, its CSRF token)."""
        assert self.get(f"{MELDING}controleren/").status_code == 200
        csrf, page = self.form(VERSTUREN)
        return {"token": TOKEN_RE.search(page).group(1), "toestemming": "on", "website": ""}, csrf

    def send(self, data: dict, csrf: str) -> requests.Response:
        return self.post(VERSTUREN, data, csrf)


def reference_of(response: requests.Response) -> str | None:
    """The reference a confirmation redirect leads to, or None when it leads elsewhere."""
    match = BEVESTIGING_RE.search(response.headers.get("Location", ""))
    return match.group(1) if match else None


def stored_references(database: Path) -> list[str]:
    """Every submission's reference in a site's SQLite database, as often as it is stored."""
    with sqlite3.connect(database) as connection:
        return [row[0] for row in connection.execute("SELECT referentie FROM loket_inzending")]
