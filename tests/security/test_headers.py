"""With debug off every response carries the security headers, cookies stay on this site over HTTPS,
and plain http is sent to HTTPS; the server does not say which software it runs.

The test client runs with config/settings/test.py: the production settings, except that it does not
redirect http (so the other tests can speak http); the redirect is tested here with it switched on.
"""

import pytest
from django.test import Client, override_settings

from tests.loket.support import MELDING, stap

PAGES = ["/", "/regelgeving/", MELDING, "/zoeken/?q=mantelzorg", "/admin/login/"]


def _directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_every_page_type_sends_the_security_headers(client, url):
    response = client.get(url, secure=True)
    assert response.status_code == 200, url
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"

    csp = _directives(response["Content-Security-Policy"])
    assert csp["script-src"] == ["'self'"]  # no inline script, no other site's script
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'self'"] and csp["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"].split("style-src")[0]


@pytest.mark.django_db
def test_no_hsts_over_plain_http(client):
    # A browser ignores HSTS over http; Django sends it only on secure requests.
    assert "Strict-Transport-Security" not in client.get("/", secure=False)


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https(client):
    response = client.get("/regelgeving/?pagina=2", secure=False)
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/regelgeving/?pagina=2"
    assert client.get("/regelgeving/", secure=True).status_code == 200


def _assert_stays_on_this_site(cookie):
    assert cookie["secure"] is True, f"{cookie.key} zonder Secure"
    assert cookie["httponly"] is True, f"{cookie.key} zonder HttpOnly"
    assert cookie["samesite"] == "Lax", f"{cookie.key}: SameSite={cookie['samesite']!r}"


@pytest.mark.django_db
def test_the_csrf_cookie_of_a_form_page_is_secure_httponly_and_samesite():
    client = Client(enforce_csrf_checks=True)
    response = client.get(stap(MELDING, "voor-wie"), secure=True)
    assert response.status_code == 200
    _assert_stays_on_this_site(response.cookies["csrftoken"])


@pytest.mark.django_db
def test_the_session_cookie_of_a_loket_step_is_secure_httponly_and_samesite(client):
    response = client.post(stap(MELDING, "voor-wie"), {"voor_wie": "zelf"}, secure=True)
    assert response.status_code == 302
    _assert_stays_on_this_site(response.cookies["sessionid"])


@pytest.fixture(scope="module")
def server(sites):
    return sites.start(workers=1)


@pytest.mark.django_db  # the server's database is copied from the test database
def test_gunicorn_does_not_name_itself(server):
    import requests

    response = requests.get(server.base + MELDING, timeout=30)
    assert response.status_code == 200
    assert response.headers["Server"] == "webserver"
    assert "gunicorn" not in str(response.headers).lower()
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "Content-Security-Policy" in response.headers
