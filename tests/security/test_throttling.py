"""Throttles hold for the whole site, not per process: the loket's rate limit per address counts in
the shared Redis cache across gunicorn workers, and ten wrong passwords lock a login for a while
(django-axes, counted in the database), whichever worker answered them."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tests.loket.support import MELDING, stap
from tests.security.support import Browser

# The servers' database is copied from the test database (tests/security/conftest.py).
pytestmark = pytest.mark.django_db

STAP = stap(MELDING, "voor-wie")
STAP_LIMIT = 6
WACHTWOORD = "Lochem-redactie-2026!"
LOCKED_TITLE = "<title>Inloggen tijdelijk geblokkeerd"
LOCKED_TEXT = "Er is te vaak een verkeerd wachtwoord ingevuld voor deze gebruikersnaam."


@pytest.fixture(scope="module")
def server(sites, redis_url):
    """Two gunicorn workers sharing Redis, with a low limit on step answers and a known editor."""
    site = sites.start(
        workers=2, redis_url=redis_url, LOKET_RATE_STAP=f"{STAP_LIMIT}/h", LOKET_MIN_FILL_SECONDS="0"
    )
    from tests.stack import manage

    manage(
        site.env | {"DJANGO_SUPERUSER_PASSWORD": WACHTWOORD},
        "createsuperuser", "--no-input", "--username", "redacteur", "--email", "redacteur@example.nl",
    )  # fmt: skip
    return site


def _answer_three_times(base: str) -> list[tuple[int, str]]:
    browser = Browser(base)
    csrf, _ = browser.form(STAP)
    results = []
    for _ in range(3):
        response = browser.post(STAP, {"voor_wie": "zelf"}, csrf)
        results.append((response.status_code, response.text))
    return results


def test_two_workers_together_allow_one_address_one_limit(server):
    with ThreadPoolExecutor(8) as pool:
        results = [r for batch in pool.map(_answer_three_times, [server.base] * 8) for r in batch]

    statuses = sorted(status for status, _ in results)
    assert statuses == [302] * STAP_LIMIT + [429] * (len(results) - STAP_LIMIT)
    assert all("Te veel pogingen" in text for status, text in results if status == 429)
    # Both workers answered: a limit per process would have allowed twice as many.
    assert len(server.workers_that_answered("POST", STAP)) == 2


def _log_in(base: str, password: str):
    browser = Browser(base)
    csrf, _ = browser.form("/admin/login/")
    return browser.post("/admin/login/", {"username": "redacteur", "password": password}, csrf)


def test_ten_wrong_passwords_lock_the_login_on_every_worker(server):
    with ThreadPoolExecutor(5) as pool:
        wrong = list(pool.map(_log_in, [server.base] * 10, [f"fout-{i}" for i in range(10)]))
    assert all(r.status_code in (200, 429) for r in wrong), [r.status_code for r in wrong]
    assert len(server.workers_that_answered("POST", "/admin/login/")) == 2

    # The right password now, on either worker: still locked, told so in Dutch, not logged in.
    for _ in range(2):
        response = _log_in(server.base, WACHTWOORD)
        assert response.status_code == 429
        assert LOCKED_TITLE in response.text and LOCKED_TEXT in response.text
        assert "sessionid" not in response.cookies


# --- in one process, with the test client -----------------------------------------------------------


@pytest.fixture
def redacteur(db):
    return get_user_model().objects.create_superuser("redacteur", "redacteur@example.nl", WACHTWOORD)


def _admin_login(client: Client, password: str) -> int:
    return client.post("/admin/login/", {"username": "redacteur", "password": password}).status_code


def test_after_ten_wrong_passwords_the_right_one_does_not_log_in(redacteur):
    client = Client(REMOTE_ADDR="198.51.100.20")
    for attempt in range(9):
        response = client.post("/admin/login/", {"username": "redacteur", "password": f"fout-{attempt}"})
        assert response.status_code == 200 and "_auth_user_id" not in client.session
    assert client.post("/admin/login/", {"username": "redacteur", "password": "fout-9"}).status_code == 429

    response = client.post("/admin/login/", {"username": "redacteur", "password": WACHTWOORD})
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_TITLE in page and LOCKED_TEXT in page and "15 minuten" in page
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # the dashboard still sends to the login

    # The lock is for this name from this address: the editor elsewhere can log in.
    elsewhere = Client(REMOTE_ADDR="198.51.100.21")
    assert _admin_login(elsewhere, WACHTWOORD) == 302


def test_a_right_password_before_the_limit_logs_in_and_starts_the_count_again(redacteur):
    client = Client(REMOTE_ADDR="198.51.100.22")
    for attempt in range(9):
        assert _admin_login(client, f"fout-{attempt}") == 200
    assert _admin_login(client, WACHTWOORD) == 302
    client.logout()
    for attempt in range(9):
        assert _admin_login(client, f"nog-{attempt}") == 200
    assert _admin_login(client, WACHTWOORD) == 302
