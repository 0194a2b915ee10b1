"""Protection of the loket against bots, floods, forged and repeated requests: CSRF, the honeypot, the
minimum fill time, the per-address rate limit, length limits, wrong requests, and exactly-once storage.

Every refusal stores nothing and tells the inwoner in Dutch what to do. The demo data come from
the session's `setup_demo` (tests/conftest.py).
"""

from __future__ import annotations

import re
import time
import types

import pytest
from django.test import Client

from loket import abuse, pipeline
from loket.models import Bericht, Inzending
from tests.loket.support import (
    COMPLIMENT,
    MELDING,
    MELDING_ZELF,
    MZC,
    fill,
    flow_session,
    get_ok,
    html,
    page,
    resume_url,
    send,
    set_flow_session,
    stap,
    token_of,
)

VERSTUREN = f"{MELDING}versturen/"


def error_summary(response) -> str:
    page_html = html(response)
    assert "<title>Fout:" in page_html
    return page_html.split('id="foutsamenvatting"')[1].split("</div>")[0]


def nothing_stored():
    return not Inzending.objects.exists() and not Bericht.objects.exists()


def csrf_of(page_html: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_html).group(1)


def final_post(client, base=MELDING, **extra):
    """The consent form as the browser would send it, with the token from the page."""
    token = token_of(get_ok(client, f"{base}versturen/"))
    data = {"toestemming": "on", "token": token, "website": ""} | extra
    return token, data


# --- CSRF ----------------------------------------------------------------------------------------------


def test_a_post_without_csrf_token_is_refused_and_stores_nothing():
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(stap(MELDING, "voor-wie"), {"voor_wie": "zelf"})
    assert response.status_code == 403
    assert "CSRF-verificatie mislukt" in html(response)  # Django's own page, in Dutch
    assert browser.get(MELDING).status_code == 200  # the answer was not kept: still the start page

    # The same browser with the token from its form gets through every step.
    for slug, answers in MELDING_ZELF.items():
        csrf = csrf_of(get_ok(browser, stap(MELDING, slug)))
        response = browser.post(stap(MELDING, slug), answers | {"csrfmiddlewaretoken": csrf})
        assert response.status_code == 302, (slug, html(response)[:2000])

    versturen = get_ok(browser, VERSTUREN)
    data = {"toestemming": "on", "token": token_of(versturen), "website": ""}
    response = browser.post(VERSTUREN, data)
    assert response.status_code == 403
    assert nothing_stored()

    response = browser.post(VERSTUREN, data | {"csrfmiddlewaretoken": csrf_of(versturen)})
    assert response.status_code == 302 and "/bevestiging/" in response["Location"]
    assert Inzending.objects.count() == 1


# --- honeypot ------------------------------------------------------------------------------------------


def test_filled_honeypot_is_refused_calmly_in_dutch_and_stores_nothing(client):
    fill(client, MELDING, MELDING_ZELF)
    versturen = get_ok(client, VERSTUREN)
    assert 'name="website"' in versturen and "Laat dit veld leeg" in versturen  # hidden from people

    response = send(client, MELDING, website="https://goedkope-pillen.example")
    assert response.status_code == 400
    page_html = html(response)
    assert "<title>Formulier niet verstuurd" in page_html
    assert (
        "Het formulier bevat een veld dat leeg hoort te blijven. Uw gegevens zijn niet verstuurd."
        in page_html
    )
    assert 'href="tel:+31573289222"' in page_html  # a way to get help
    assert nothing_stored()

    # A person (who leaves the field empty) can still send the same answers.
    response = send(client, MELDING)
    assert response.status_code == 302 and "/bevestiging/" in response["Location"]
    assert Inzending.objects.count() == 1


# --- minimum fill time ---------------------------------------------------------------------------------


def test_a_form_filled_faster_than_a_person_can_is_refused(client, settings, monkeypatch):
    settings.LOKET_MIN_FILL_SECONDS = 30
    fill(client, MELDING, MELDING_ZELF)
    response = send(client, MELDING)
    assert response.status_code == 400
    assert "Het formulier is sneller ingevuld dan een mens kan." in html(response)
    assert "Controleer uw antwoorden en verstuur opnieuw." in html(response)
    assert nothing_stored()

    # 29 seconds after the first answer is still too fast ...
    started = flow_session(client, "melding")["started"]
    monkeypatch.setattr(abuse, "time", types.SimpleNamespace(time=lambda: started + 29))
    assert send(client, MELDING).status_code == 400
    assert nothing_stored()
    # ... and 31 seconds is fine: the answers were kept meanwhile.
    monkeypatch.setattr(abuse, "time", types.SimpleNamespace(time=lambda: started + 31))
    response = send(client, MELDING)
    assert response.status_code == 302 and "/bevestiging/" in response["Location"]
    assert Inzending.objects.count() == 1


def test_fill_time_counts_from_the_first_answer_not_from_the_last(client, settings):
    settings.LOKET_MIN_FILL_SECONDS = 30
    fill(client, MELDING, MELDING_ZELF, until="voor-wie")
    set_flow_session(client, "melding", started=time.time() - 31)  # the first answer, half a minute ago
    fill(client, MELDING, MELDING_ZELF, start="persoon")
    assert flow_session(client, "melding")["started"] < time.time() - 30  # later answers do not restart it
    response = send(client, MELDING)
    assert response.status_code == 302 and "/bevestiging/" in response["Location"]


# --- rate limit per address ----------------------------------------------------------------------------


def test_too_many_submissions_from_one_address_get_a_429_in_dutch(settings):
    allowed = int(settings.LOKET_RATE_LIMITS["versturen"].split("/")[0])
    bot = Client(REMOTE_ADDR="198.51.100.7")
    fill(bot, MELDING, MELDING_ZELF)
    token, data = final_post(bot)
    for _ in range(allowed):  # refused for the honeypot, but each one counts
        assert bot.post(VERSTUREN, data | {"website": "spam"}).status_code == 400
    response = bot.post(VERSTUREN, data)  # now even a proper submission waits
    assert response.status_code == 429
    page_html = html(response)
    assert "<title>Te veel pogingen" in page_html
    assert "Vanaf uw internetadres zijn in korte tijd te veel formulieren verstuurd." in page_html
    assert "Probeer het over een uur opnieuw, of bel &#x27;t Baken op 0573 289 222." in page_html
    assert nothing_stored()
    # Claiming another address in a header does not help.
    assert bot.post(VERSTUREN, data, HTTP_X_FORWARDED_FOR="203.0.113.99").status_code == 429

    # Another address is not affected.
    neighbour = Client(REMOTE_ADDR="198.51.100.8")
    fill(neighbour, MELDING, MELDING_ZELF)
    assert send(neighbour, MELDING).status_code == 302
    assert Inzending.objects.count() == 1


def test_too_many_step_posts_from_one_address_get_a_429(settings):
    settings.LOKET_RATE_LIMITS = settings.LOKET_RATE_LIMITS | {"stap": "3/h"}
    bot = Client(REMOTE_ADDR="198.51.100.7")
    for _ in range(3):
        assert bot.post(stap(MELDING, "voor-wie"), {"voor_wie": "zelf"}).status_code == 302
    response = bot.post(stap(MELDING, "voor-wie"), {"voor_wie": "zelf"})
    assert response.status_code == 429 and "Te veel pogingen" in html(response)
    assert bot.get(stap(MELDING, "persoon")).status_code == 200  # reading is not limited

    other = Client(REMOTE_ADDR="2001:db8:1::7")
    assert other.post(stap(MELDING, "voor-wie"), {"voor_wie": "zelf"}).status_code == 302


# --- length limits -------------------------------------------------------------------------------------


def test_overlong_text_gets_a_field_error_and_is_not_kept(client):
    fill(client, MELDING, MELDING_ZELF, until="spoed")
    response = client.post(stap(MELDING, "vraag"), {"onderwerpen": ["wonen"], "vraag": "a" * 2001})
    assert response.status_code == 400
    assert (
        'href="#id_vraag">Uw vraag in eigen woorden mag maximaal 2000 tekens hebben (nu 2001).</a>'
        in error_summary(response)
    )
    assert resume_url(client, MELDING) == stap(MELDING, "vraag")  # the step is still to do
    assert "a" * 2001 not in str(dict(client.session))
    post_ok = client.post(stap(MELDING, "vraag"), {"onderwerpen": ["wonen"], "vraag": "a" * 2000})
    assert post_ok.status_code == 302  # exactly the maximum is fine

    other = Client()
    fill(other, MELDING, MELDING_ZELF, until="voor-wie")
    response = other.post(stap(MELDING, "persoon"), MELDING_ZELF["persoon"] | {"naam": "H" * 101})
    assert response.status_code == 400
    assert 'href="#id_naam">Naam mag maximaal 100 tekens hebben.</a>' in error_summary(response)

    fill(other, MZC, COMPLIMENT, until="mantelzorger")
    response = other.post(stap(MZC, "verzorgde"), COMPLIMENT["verzorgde"] | {"zorg": "z" * 1001})
    assert response.status_code == 400
    assert "Welke zorg geeft u? mag maximaal 1000 tekens hebben (nu 1001)." in error_summary(response)
    assert nothing_stored()


# --- wrong requests ------------------------------------------------------------------------------------


def test_wrong_or_missing_answers_give_a_400_with_the_error_summary(client):
    response = client.post(stap(MELDING, "voor-wie"), {"voor_wie": "iedereen"})
    assert response.status_code == 400
    assert 'href="#id_voor_wie_0">Kies een van de antwoorden.</a>' in error_summary(response)

    fill(client, MELDING, MELDING_ZELF, until="voor-wie")
    response = client.post(
        stap(MELDING, "persoon"), MELDING_ZELF["persoon"] | {"geboortedatum": "31-02-1960"}
    )
    assert response.status_code == 400
    assert "Vul de geboortedatum in als dag-maand-jaar, bijvoorbeeld 31-01-1960." in error_summary(response)

    response = client.post(stap(MELDING, "persoon"), {"naam": "Hendrik Wesselink"})
    assert response.status_code == 400
    summary = error_summary(response)
    assert 'href="#id_straat">Vul straat in.</a>' in summary and 'href="#id_postcode">' in summary
    assert resume_url(client, MELDING) == stap(MELDING, "persoon")

    # Fields the form does not have are ignored, not kept.
    post = MELDING_ZELF["persoon"] | {"is_medewerker": "ja", "status": "afgehandeld"}
    assert client.post(stap(MELDING, "persoon"), post).status_code == 302
    session = str(dict(client.session))
    assert "is_medewerker" not in session and "afgehandeld" not in session


def test_the_consent_step_refuses_a_post_without_consent_or_token(client):
    fill(client, MELDING, MELDING_ZELF)
    token, data = final_post(client)
    response = client.post(VERSTUREN, data | {"toestemming": ""})
    assert response.status_code == 400
    assert "Geef toestemming om uw verzoek te kunnen versturen." in error_summary(response)
    response = client.post(VERSTUREN, {"toestemming": "on", "website": ""})
    assert response.status_code == 400
    assert nothing_stored()


def test_unknown_step_is_a_404(client):
    for url in (stap(MELDING, "bestaat-niet"), stap(MZC, "persoon"), stap(MELDING, "Voor-Wie")):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"voor_wie": "zelf"}).status_code == 404, url


def test_summary_and_sending_without_the_steps_lead_to_the_first_step(client):
    for route in ("controleren/", "versturen/"):
        response = client.get(f"{MELDING}{route}")
        assert response.status_code == 302 and response["Location"] == stap(MELDING, "voor-wie")
    response = client.post(VERSTUREN, {"toestemming": "on", "token": "0" * 32, "website": ""})
    assert response.status_code == 302 and response["Location"] == stap(MELDING, "voor-wie")
    # Half-way, they lead to the first step still to do.
    fill(client, MELDING, MELDING_ZELF, until="contact")
    assert client.get(VERSTUREN)["Location"] == stap(MELDING, "spoed")
    assert nothing_stored()


# --- exactly once --------------------------------------------------------------------------------------


def test_double_click_stores_one_submission_and_shows_one_confirmation(client):
    fill(client, MELDING, MELDING_ZELF)
    token, data = final_post(client)
    first = client.post(VERSTUREN, data)
    second = client.post(VERSTUREN, data)
    assert first.status_code == second.status_code == 302
    inzending = Inzending.objects.get()
    assert first["Location"] == second["Location"] == f"{MELDING}bevestiging/{inzending.referentie}/"
    assert inzending.berichten.count() == 2  # one notification, one confirmation: not four


def test_refresh_after_the_confirmation_stores_nothing_new(client):
    fill(client, MELDING, MELDING_ZELF)
    token, data = final_post(client)
    response = client.post(VERSTUREN, data, follow=True)
    assert response.status_code == 200 and "Uw melding is verstuurd" in html(response)
    confirmation = response.redirect_chain[-1][0]
    again = client.post(VERSTUREN, data, follow=True)  # the browser repeats the POST
    assert again.redirect_chain[-1][0] == confirmation
    assert "Uw melding is verstuurd" in html(again)
    assert Inzending.objects.count() == 1


def test_a_replayed_post_from_another_session_stores_nothing_new(client):
    fill(client, MELDING, MELDING_ZELF)
    token, data = final_post(client)
    confirmation = client.post(VERSTUREN, data)["Location"]

    replay = Client()
    response = replay.post(VERSTUREN, data)
    assert response.status_code == 302 and response["Location"] == confirmation
    assert Inzending.objects.count() == 1 and Bericht.objects.count() == 2

    # Also with answers of its own in that other session, the old token stores nothing.
    fill(replay, MELDING, MELDING_ZELF)
    assert replay.post(VERSTUREN, data)["Location"] == confirmation
    assert Inzending.objects.count() == 1


def test_a_tampered_or_unknown_token_stores_nothing(client):
    fill(client, MELDING, MELDING_ZELF)
    token, data = final_post(client)
    tampered = ("1" if token[0] != "1" else "2") + token[1:]
    response = client.post(VERSTUREN, data | {"token": tampered})
    assert response.status_code == 302 and response["Location"] == f"{MELDING}controleren/"
    assert nothing_stored()

    stranger = Client()
    response = stranger.post(VERSTUREN, data | {"token": "f" * 32})
    assert response.status_code == 302 and response["Location"] == stap(MELDING, "voor-wie")
    assert nothing_stored()

    # The real token still works once.
    assert "/bevestiging/" in client.post(VERSTUREN, data)["Location"]
    assert Inzending.objects.count() == 1


def _cleaned(flow, answers) -> dict:
    cleaned = {}
    for step in flow.steps:
        if step.slug in answers:
            form = step.form_class(data=answers[step.slug])
            assert form.is_valid(), form.errors
            cleaned[step.slug] = form.cleaned_data
    return cleaned


@pytest.mark.parametrize(
    "flow_slug, answers",
    [
        ("melding", MELDING_ZELF),
        ("mantelzorgcompliment", COMPLIMENT),
    ],
)
def test_two_racing_requests_with_the_same_token_store_one_submission(flow_slug, answers):
    """A double click whose second request passed the engine's token check before the first was stored:
    the pipeline itself must return the first submission."""
    flow_page = page(flow_slug)
    flow = flow_page.get_flow()
    cleaned = _cleaned(flow, answers)
    token = "a" * 32
    first = pipeline.submit(flow_page, flow, cleaned, token=token)
    second = pipeline.submit(flow_page, flow, cleaned, token=token)
    assert second.pk == first.pk
    assert Inzending.objects.count() == 1
