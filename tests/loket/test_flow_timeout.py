"""The warning before the answers of a flow time out, and "Ik heb meer tijd nodig" (WCAG 2.2.1):
the markup verloop.js works with, and the verlengen/ route that seals the answers again.
The warning itself, in Chromium, is in tests/browser/test_verloop.py."""

from __future__ import annotations

import json
import re
import time

from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.test import Client

from tests.loket.support import MELDING, MELDING_ZELF, fill, flow_session, get_ok, html, page, stap

VERLENGEN = f"{MELDING}verlengen/"
NAAM = MELDING_ZELF["persoon"]["naam"]


def seal_minutes_ago(client, minutes: int) -> None:
    """The answers in the session as if the inwoner's last request was `minutes` ago."""
    key = f"loket:{page('melding').pk}"
    fernet = Fernet(django_settings.LOKET_ENCRYPTION_KEYS[0].encode())
    answers = json.dumps(flow_session(client, "melding")).encode()
    sealed = fernet.encrypt_at_time(answers, int(time.time()) - minutes * 60)
    session = client.session
    session[key] = sealed.decode()
    session.save()


def csrf_token_of(page_html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_html).group(1)


def test_a_page_with_answers_to_lose_carries_the_warning_and_keeps_the_note(client, settings):
    settings.LOKET_FLOW_WARNING_MINUTES = 5
    first = get_ok(client, stap(MELDING, "voor-wie"))
    assert "data-verloop" not in first  # nothing to lose yet

    fill(client, MELDING, MELDING_ZELF, until="persoon")
    for url in (stap(MELDING, "contact"), stap(MELDING, "voor-wie")):
        page_html = get_ok(client, url)
        # Half an hour, counted from this request (to the end of Fernet's whole seconds).
        assert re.search(r'data-seconden="180[01]" data-waarschuwing="300"', page_html), url
        warning = page_html.split("<template data-verloop-waarschuwing>")[1].split("</template>")[0]
        assert (
            "Uw antwoorden worden over 5 minuten gewist omdat u een tijd niets hebt gedaan. Wilt u meer tijd?"
        ) in warning
        assert f'action="{VERLENGEN}"' in warning and "Ik heb meer tijd nodig" in warning
        assert 'name="csrfmiddlewaretoken"' in warning
        gone = page_html.split("<template data-verloop-verlopen>")[1].split("</template>")[0]
        assert "Uw antwoorden zijn gewist" in gone and f'href="{MELDING}">Opnieuw beginnen</a>' in gone
        assert '<div class="loket-verloop__melding" role="alert" data-verloop-melding></div>' in page_html
        assert '<script src="/static/js/verloop.js" defer></script>' in page_html
        # Without JavaScript the note stays.
        assert "Uw antwoorden worden na 30 minuten zonder activiteit gewist." in page_html


def test_more_time_seals_the_answers_again_so_the_timeout_counts_from_now(client, settings):
    fill(client, MELDING, MELDING_ZELF, until="persoon")
    seal_minutes_ago(client, 25)  # five minutes left: the warning is showing

    response = client.post(VERLENGEN)
    assert response.status_code == 200
    assert response.json()["verlengd"] is True and response.json()["seconden"] in (1800, 1801)

    # Twenty-five minutes old answers would be gone with a timeout of ten; these are fresh again.
    settings.LOKET_FLOW_TIMEOUT_MINUTES = 10
    assert f'value="{NAAM}"' in get_ok(client, stap(MELDING, "persoon"))


def test_more_time_after_the_answers_went_says_so(client):
    fill(client, MELDING, MELDING_ZELF, until="persoon")
    seal_minutes_ago(client, 31)
    response = client.post(VERLENGEN)
    assert response.status_code == 410 and response.json() == {"verlengd": False}
    assert f"loket:{page('melding').pk}" not in client.session  # gone, not brought back
    assert NAAM not in get_ok(client, stap(MELDING, "voor-wie"))


def test_more_time_is_a_post_of_this_session_with_its_csrf_token(client):
    fill(client, MELDING, MELDING_ZELF, until="persoon")
    assert client.get(VERLENGEN).status_code == 405
    assert client.put(VERLENGEN).status_code == 405

    # Another browser has no answers here, and cannot reach these.
    other = Client()
    response = other.post(VERLENGEN)
    assert response.status_code == 410 and response.json() == {"verlengd": False}

    # Django's CSRF check refuses a POST without the page's token, with its own page (no 500).
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    refused = strict.post(VERLENGEN)
    assert refused.status_code == 403
    token = csrf_token_of(get_ok(strict, stap(MELDING, "contact")))
    assert strict.post(VERLENGEN, {"csrfmiddlewaretoken": token}).status_code == 200

    assert flow_session(client, "melding")["answers"]["persoon"]["naam"] == [NAAM]
    assert "verlengd" not in html(refused)
