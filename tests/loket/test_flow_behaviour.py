"""What a person notices around the questions of a flow: no dead ends (the bot checks after their own
mistakes, a second chance when they were "too fast"), stopping and wiping the answers, coming back
to a started flow, how long answers are kept, and the markup of the last step (honeypot, consent,
error summary) that the browser tests lay out in tests/browser/test_formulieren.py.
"""

from __future__ import annotations

import re
import time

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
    send,
    set_flow_session,
    stap,
    token_of,
)

VERSTUREN = f"{MELDING}versturen/"
STOPPEN = f"{MELDING}stoppen/"


def nothing_stored() -> bool:
    return not Inzending.objects.exists() and not Bericht.objects.exists()


def main_of(page_html: str) -> str:
    return page_html.split('<main id="inhoud"')[1].split("</main>")[0]


def session_key(flow: str) -> str:
    return f"loket:{page(flow).pk}"


# --- the bot checks come after the person's own mistakes, and are no dead end -----------------------


def test_a_missing_consent_is_shown_before_the_fill_time_check(client, settings):
    settings.LOKET_MIN_FILL_SECONDS = 30
    fill(client, MELDING, MELDING_ZELF)
    token = token_of(get_ok(client, VERSTUREN))
    response = client.post(VERSTUREN, {"toestemming": "", "token": token, "website": ""})
    assert response.status_code == 400
    page_html = html(response)
    assert "Geef toestemming om uw verzoek te kunnen versturen." in page_html
    assert "sneller ingevuld" not in page_html
    assert nothing_stored()


def test_a_flow_sent_too_fast_comes_back_on_the_same_step_with_its_answers(client, settings):
    settings.LOKET_MIN_FILL_SECONDS = 30
    fill(client, MELDING, MELDING_ZELF)
    response = send(client, MELDING)
    assert response.status_code == 400
    page_html = html(response)
    # The consent step itself, with the reason in the error summary: not a page without a way back.
    assert "<title>Fout: Versturen" in page_html and "Toestemming en versturen" in page_html
    summary = page_html.split('id="foutsamenvatting"')[1].split("</div>")[0]
    assert "Het formulier is sneller ingevuld dan een mens kan." in summary
    assert "Controleer uw antwoorden en verstuur opnieuw." in summary
    assert re.search(r'<input type="checkbox" name="toestemming"[^>]* checked', page_html)  # still ticked
    assert f'href="{MELDING}controleren/">Vorige</a>' in page_html
    assert flow_session(client, "melding")["answers"]["persoon"]["naam"] == ["Hendrik Wesselink"]
    assert nothing_stored()

    # Half a minute later the same answers go.
    set_flow_session(client, "melding", started=time.time() - 31)
    response = send(client, MELDING)
    assert response.status_code == 302 and "/bevestiging/" in response["Location"]
    assert Inzending.objects.get().gegevens["persoon"]["naam"] == "Hendrik Wesselink"


def test_a_filled_honeypot_page_leads_back_to_the_answers(client):
    fill(client, MELDING, MELDING_ZELF)
    response = send(client, MELDING, website="https://spam.example")
    assert response.status_code == 400
    assert f'href="{MELDING}controleren/">Terug naar uw antwoorden</a>' in html(response)
    assert nothing_stored()


# --- stop and wipe -------------------------------------------------------------------------------------


def test_every_page_of_a_flow_offers_to_stop_and_says_how_long_answers_are_kept(client, settings):
    settings.LOKET_FLOW_TIMEOUT_MINUTES = 45
    fill(client, MELDING, MELDING_ZELF, until="spoed")
    pages = [stap(MELDING, "voor-wie"), stap(MELDING, "vraag")]
    fill(client, MELDING, MELDING_ZELF, start="vraag")
    pages += [f"{MELDING}controleren/", VERSTUREN]
    for url in pages:
        page_html = get_ok(client, url)
        assert f'href="{STOPPEN}">Stoppen en gegevens wissen</a>' in page_html, url
        assert "Uw antwoorden worden na 45 minuten zonder activiteit gewist." in page_html, url


def test_stopping_asks_first_then_wipes_the_answers_and_says_so_on_the_start_page(client):
    fill(client, MELDING, MELDING_ZELF, until="contact")
    confirm = get_ok(client, STOPPEN)
    assert "Wilt u stoppen en uw gegevens wissen?" in confirm
    assert '<form method="post"' in confirm and "Ja, stoppen en gegevens wissen" in confirm
    assert f'href="{stap(MELDING, "spoed")}">Nee, verder met invullen</a>' in confirm
    assert session_key("melding") in client.session  # asking wipes nothing yet

    response = client.post(STOPPEN)
    assert response.status_code == 302 and response["Location"] == f"{MELDING}?gewist=1"
    assert session_key("melding") not in client.session
    start = get_ok(client, response["Location"])
    assert "U bent gestopt. Uw antwoorden zijn gewist." in start
    assert ">Start</a>" in start and "Verdergaan" not in start
    # The steps start afresh; nothing was sent.
    assert client.get(stap(MELDING, "persoon"))["Location"] == stap(MELDING, "voor-wie")
    assert nothing_stored()


def test_stopping_one_flow_leaves_the_other_and_earlier_confirmations_alone(client):
    confirmation = send_melding(client)
    fill(client, MELDING, MELDING_ZELF, until="persoon")
    fill(client, MZC, COMPLIMENT, until="mantelzorger")
    client.post(STOPPEN)
    assert session_key("melding") not in client.session
    assert flow_session(client, "mantelzorgcompliment")["answers"]["mantelzorger"]
    get_ok(client, confirmation)  # what was sent before can still be looked at


def send_melding(client) -> str:
    fill(client, MELDING, MELDING_ZELF)
    return send(client, MELDING)["Location"]


def test_stop_without_answers_goes_to_the_start_page(client):
    response = client.get(STOPPEN)
    assert response.status_code == 302 and response["Location"] == MELDING


# --- coming back to a started flow ----------------------------------------------------------------------


def test_the_start_page_of_a_started_flow_offers_to_carry_on_or_begin_again(client):
    fill(client, MELDING, MELDING_ZELF, until="persoon")
    start = get_ok(client, MELDING)
    assert "U bent al begonnen" in start
    assert f'href="{stap(MELDING, "contact")}">Verdergaan</a>' in start
    opnieuw = start.split(f'action="{STOPPEN}"')[1].split("</form>")[0]
    assert 'name="opnieuw"' in opnieuw and "Opnieuw beginnen" in opnieuw

    response = client.post(STOPPEN, {"opnieuw": "1"})
    assert response.status_code == 302 and response["Location"] == stap(MELDING, "voor-wie")
    assert session_key("melding") not in client.session
    assert 'value="Hendrik Wesselink"' not in get_ok(client, stap(MELDING, "voor-wie"))
    assert ">Start</a>" in get_ok(client, MELDING)


def test_vorige_on_the_first_step_goes_to_the_start_page(client):
    fill(client, MELDING, MELDING_ZELF, until="persoon")
    first = get_ok(client, stap(MELDING, "voor-wie"))
    assert f'href="{MELDING}">Vorige</a>' in main_of(first)  # inside <main>: a landmark
    response = client.get(MELDING)
    assert response.status_code == 200  # the start page itself, no jump forward
    assert f'href="{stap(MELDING, "contact")}">Verdergaan</a>' in html(response)


# --- markup of the last step ---------------------------------------------------------------------------


def test_the_honeypot_is_out_of_sight_out_of_the_tab_order_and_out_of_the_accessibility_tree(client):
    fill(client, MELDING, MELDING_ZELF)
    versturen = get_ok(client, VERSTUREN)
    wrapper = re.search(r'<div class="loket-honingpot" aria-hidden="true">(.*?)</div>', versturen, re.S)
    assert wrapper, "de honeypot staat niet in een verborgen omhulsel"
    field = re.search(r'<input[^>]*name="website"[^>]*>', wrapper.group(1)).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field


def test_the_consent_checkbox_has_its_label_beside_it_and_its_error_above_it(client):
    fill(client, MELDING, MELDING_ZELF)
    token = token_of(get_ok(client, VERSTUREN))
    response = client.post(VERSTUREN, {"toestemming": "", "token": token, "website": ""})
    page_html = html(response)
    veld = page_html.split('class="loket-veld loket-vinkje loket-veld--fout"')[1].split("</form>")[0]
    fout = veld.index('id="id_toestemming-fout"')
    assert fout < veld.index('name="toestemming"')  # the error is read before the box
    keuze = veld.split('class="loket-keuze"')[1]
    beside = r'>\s*<input type="checkbox" name="toestemming"[^>]*>\s*<label for="id_toestemming">'
    assert re.match(beside, keuze)
    box = re.search(r'<input type="checkbox" name="toestemming"[^>]*>', veld).group(0)
    assert 'aria-invalid="true"' in box and 'aria-describedby=" id_toestemming-fout"' in box
    # The error summary takes the focus when the page opens, also without JavaScript.
    summary = re.search(r'<div class="foutmelding-samenvatting"[^>]*>', page_html).group(0)
    assert 'tabindex="-1"' in summary and "autofocus" in summary


def test_the_declaration_of_the_compliment_says_what_it_refers_to_above_it(client):
    fill(client, MZC, COMPLIMENT, until="verzorgde")
    verklaring = get_ok(client, stap(MZC, "verklaring"))
    intro = verklaring.index("U bent mantelzorger als u zonder betaling en niet als beroep zorgt")
    assert intro < verklaring.index("Ik verklaar dat ik mantelzorger ben zoals hierboven beschreven")
    assert "minstens 8 uur per week" in verklaring


def test_crisis_numbers_are_a_warning_block(client):
    fill(client, MELDING, MELDING_ZELF | {"spoed": {"spoed": "ja"}}, until="spoed")
    vraag = get_ok(client, stap(MELDING, "vraag"))
    warning = vraag.split('<section class="loket-waarschuwing" aria-labelledby="crisis-titel">')[1]
    assert 'href="tel:112"' in warning.split("</section>")[0]
