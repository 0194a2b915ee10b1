"""The loket of 't Baken as an inwoner uses it: the loket and flow pages, the flow engine, the melding,
the mantelzorgcompliment, what a submission stores, and protection against abuse and double submission.

The demo site (the Lochem verordening and the loket pages) is the session's; every test runs in a
transaction of its own that is rolled back. Answers and flow steps are in tests/loket/support.py.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.utils import timezone

from loket.crypto import blind_index
from loket.flows import FLOWS
from loket.flows.fields import iban_is_valid
from loket.flows.mantelzorgcompliment import address_key_parts, yearly_keys
from loket.models import Inzending, InzendingSleutel, LoketPage
from tests.loket.support import (
    COMPLIMENT,
    GESCHIKT,
    MELDING,
    MELDING_ANDER,
    MELDING_ZELF,
    MZC,
    complete,
    fill,
    get_ok,
    html,
    lang,
    lochem_versie,
    page,
    post_step,
    resume_url,
    send,
    stap,
    token_of,
)

REGELING = "/regelgeving/verordening-sociaal-domein/"


def artikel_titel(nummer: str) -> str:
    """The article's own number and title, as the version in force has it (the label of its links)."""
    from regelgeving.models import ArtikelPage

    return ArtikelPage.objects.get(versie=lochem_versie(), nummer=nummer).title


# --- 1. the loket section editors manage ----------------------------------------------------------


def test_loket_page_shows_contact_details_and_the_flows_on_offer(client):
    loket = get_ok(client, "/loket/")
    assert "0573 289 222" in loket and 'href="mailto:tbaken@lochem.nl"' in loket
    assert "Hanzeweg 2, Lochem" in loket
    assert f'href="{MELDING}"' in loket and f'href="{MZC}"' in loket

    melding = get_ok(client, MELDING)
    assert "U hebt geen DigiD nodig" in melding  # the editable intro
    assert f'href="{stap(MELDING, "voor-wie")}"' in melding  # Start
    # The articles that govern the flow, each in the version in force, under its own number and title.
    assert f'href="{REGELING}artikel/2.2/">{artikel_titel("2.2")}</a>' in melding
    assert f'href="{REGELING}artikel/10.8/">{artikel_titel("10.8")}</a>' in melding
    assert client.get(f"{REGELING}artikel/2.2/", follow=True).status_code == 200


def test_editors_change_intro_notification_address_and_amount(
    client, admin_client, mailoutbox, django_capture_on_commit_callbacks
):
    flow_page = page("melding")
    edit = get_ok(admin_client, f"/admin/pages/{flow_page.pk}/edit/")
    for field in ("intro", "notificatie_email", "bewaartermijn_dagen", "artikelen-", "grondslag"):
        assert f'name="{field}' in edit
    # An article is chosen by number; its label comes from the version, never typed by hand.
    assert 'name="artikelen-0-omschrijving"' not in edit and 'name="artikelen-0-nummer"' in edit
    assert LoketPage.objects.get().get_children().count() == 3

    flow_page.intro = "<p>Nieuwe uitleg van de redactie.</p>"
    flow_page.notificatie_email = "wmo-team@lochem.nl"
    flow_page.save_revision().publish()
    assert "Nieuwe uitleg van de redactie." in get_ok(client, MELDING)
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, MELDING, MELDING_ZELF)
    notificatie = [m for m in mailoutbox if m.to == ["wmo-team@lochem.nl"]]
    assert len(notificatie) == 1
    assert Inzending.objects.get().referentie in notificatie[0].subject


def test_an_article_number_that_no_version_has_is_refused_in_the_admin():
    verwijzing = page("melding").artikelen.first()
    verwijzing.nummer = "2.22"
    with pytest.raises(ValidationError) as refused:
        verwijzing.full_clean()
    assert refused.value.message_dict["nummer"] == [
        "Artikel 2.22 staat in geen enkele gepubliceerde versie van deze regeling."
    ]
    verwijzing.nummer = " 10.8 "
    verwijzing.full_clean()
    assert verwijzing.nummer == "10.8"


def test_every_flow_page_is_an_editable_page_under_the_loket():
    loket = LoketPage.objects.get()
    assert loket.url == "/loket/"
    assert {p.specific.flow: p.url for p in loket.get_children().live()} == {
        "melding": MELDING,
        "mantelzorgcompliment": MZC,
        "inwonerspanel": "/loket/lochem-spreekt/",
    }
    assert page("melding").notificatie_email == "tbaken@lochem.nl"


# --- 2. the flow engine ----------------------------------------------------------------------------


def test_steps_show_progress_and_a_back_link(client):
    first = get_ok(client, stap(MELDING, "voor-wie"))
    assert "Stap 1 van 9" in first  # for myself: 7 question steps + controleren + versturen
    assert f'href="{MELDING}">Vorige</a>' in first
    assert '<form method="post"' in first and 'type="submit"' in first  # a plain form: no JavaScript needed

    fill(client, MELDING, MELDING_ANDER, until="voor-wie")
    melder = get_ok(client, stap(MELDING, "melder"))
    assert "Stap 2 van 10" in melder  # for someone else, a step about the melder is added
    assert f'href="{stap(MELDING, "voor-wie")}">Vorige</a>' in melder
    fill(client, MELDING, MELDING_ANDER, start="melder", until="melder")
    persoon = get_ok(client, stap(MELDING, "persoon"))
    assert "Stap 3 van 10" in persoon and f'href="{stap(MELDING, "melder")}">Vorige</a>' in persoon
    # Going back shows what was answered before.
    assert 'value="Grietje Wesselink"' in get_ok(client, stap(MELDING, "melder"))

    fill(client, MELDING, MELDING_ANDER, start="persoon")
    controleren = get_ok(client, f"{MELDING}controleren/")
    assert "Stap 9 van 10" in controleren
    assert f'href="{stap(MELDING, "ondersteuning")}">Vorige</a>' in controleren
    versturen = get_ok(client, f"{MELDING}versturen/")
    assert "Stap 10 van 10" in versturen and f'href="{MELDING}controleren/">Vorige</a>' in versturen

    assert "Stap 1 van 6" in get_ok(client, stap(MZC, "geschiktheid"))


def test_error_summary_links_to_each_field(client):
    response = client.post(stap(MELDING, "voor-wie"), {})
    assert response.status_code == 400
    page_html = html(response)
    assert "<title>Fout:" in page_html
    summary = page_html.split('id="foutsamenvatting"')[1].split("</div>")[0]
    assert '<a class="utrecht-link" href="#id_voor_wie_0">Kies een antwoord bij' in summary
    assert 'id="id_voor_wie_0"' in page_html  # the radio the link leads to

    fill(client, MELDING, MELDING_ZELF, until="voor-wie")
    tomorrow = (timezone.localdate() + timedelta(days=1)).strftime("%d-%m-%Y")
    response = client.post(stap(MELDING, "persoon"), {"geboortedatum": tomorrow, "postcode": "0000 AA"})
    assert response.status_code == 400
    summary = html(response).split('id="foutsamenvatting"')[1].split("</div>")[0]
    for veld, fout in [
        ("naam", "Vul naam in."),
        ("geboortedatum", "De geboortedatum moet in het verleden liggen."),
        ("straat", "Vul straat in."),
        ("postcode", "Vul een postcode in als 1234 AB."),
    ]:
        assert f'href="#id_{veld}">{fout}</a>' in summary
        assert f'id="id_{veld}"' in html(response)
    # Nothing was stored for the step: it is still the step to do.
    assert resume_url(client, MELDING) == stap(MELDING, "persoon")

    post_step(client, MELDING, "persoon", MELDING_ZELF["persoon"])
    response = client.post(stap(MELDING, "contact"), {"voorkeur": "email"})
    assert response.status_code == 400
    assert 'href="#id_telefoon">Vul een telefoonnummer of een e-mailadres in' in html(response)
    assert 'href="#id_email">U kiest voor e-mail: vul dan ook uw e-mailadres in.</a>' in html(response)


def test_leaving_and_returning_resumes_where_the_inwoner_left(client):
    assert "Start" in get_ok(client, MELDING)  # nothing answered yet: the start page
    fill(client, MELDING, MELDING_ANDER, until="persoon")  # step 3 of the melding for someone else
    get_ok(client, "/loket/")  # away to another page
    start = get_ok(client, MELDING)  # the start page offers to carry on, or to begin again
    assert "U bent al begonnen" in start and "Opnieuw beginnen" in start
    assert resume_url(client, MELDING) == stap(MELDING, "contact")  # step 4
    assert "Stap 4 van 10" in get_ok(client, resume_url(client, MELDING))
    # The answers live in the session on the server: the cookies hold no answer.
    cookies = " ".join(c.value for c in client.cookies.values())
    assert "Wesselink" not in cookies and "Molenstraat" not in cookies
    # Another browser has its own session and starts at the beginning.
    assert Client().get(MELDING).status_code == 200
    # Skipping ahead is not possible: the first unanswered step is shown.
    assert client.get(stap(MELDING, "hulp"))["Location"] == stap(MELDING, "contact")
    assert client.get(stap(MELDING, "bestaat-niet")).status_code == 404


def test_wijzig_from_the_summary_returns_to_the_summary(client):
    fill(client, MELDING, MELDING_ANDER)
    summary = get_ok(client, f"{MELDING}controleren/")
    wijzig = f"{stap(MELDING, 'contact')}?terug=controleren"
    for slug in MELDING_ANDER:
        assert f'href="{stap(MELDING, slug)}?terug=controleren">Wijzig' in summary
    # Answers read as the inwoner gave them: labels, dates in words.
    assert "Ander familielid" in summary and "14 maart 1941" in summary and "7241 AB" in summary
    assert "Wonen en huishouden, Vervoer" in summary

    contact = get_ok(client, wijzig)
    assert 'value="0573 123 456"' in contact
    assert f'href="{MELDING}controleren/">Vorige</a>' in contact  # back goes to the summary too
    assert f'action="{wijzig}"' in contact
    location = post_step(
        client,
        MELDING,
        "contact",
        {"telefoon": "06 12345678", "email": "", "voorkeur": "telefoon"},
        query="?terug=controleren",
    )
    assert location == f"{MELDING}controleren/"
    summary = get_ok(client, location)
    assert "06 12345678" in summary and "0573 123 456" not in summary and "Telefonisch" in summary

    # Changing "for whom" makes the melder step apply: the engine asks it before the summary.
    client = Client()
    fill(client, MELDING, MELDING_ZELF)
    location = post_step(client, MELDING, "voor-wie", {"voor_wie": "ander"}, query="?terug=controleren")
    assert location == stap(MELDING, "melder")


def test_a_step_after_the_flow_was_sent_starts_afresh(client):
    confirmation = complete(client, MELDING, MELDING_ZELF)
    assert "Start" in get_ok(client, MELDING)  # the answers are forgotten after sending
    session = str(dict(client.session))
    assert "Wesselink" not in session and "Molenstraat" not in session
    assert client.get(f"{MELDING}controleren/")["Location"] == stap(MELDING, "voor-wie")
    get_ok(client, confirmation)  # the confirmation stays available in this browser
    assert Client().get(confirmation).status_code == 404  # and only there


# --- 3. the melding --------------------------------------------------------------------------------


def test_complete_melding_for_someone_else_ends_on_the_confirmation_with_dates_and_articles(client):
    versie = lochem_versie()
    confirmation = complete(client, MELDING, MELDING_ANDER)
    inzending = Inzending.objects.get()
    assert confirmation == f"{MELDING}bevestiging/{inzending.referentie}/"
    assert re.fullmatch(rf"MLD-{timezone.localdate().year}-[2-9A-HJ-NP-Z]{{6}}", inzending.referentie)

    page_html = get_ok(client, confirmation)
    assert "Uw melding is verstuurd" in page_html
    assert f'<strong class="referentie">{inzending.referentie}</strong>' in page_html
    vandaag = timezone.localdate()
    assert f"Ontvangen op {lang(vandaag)}" in page_html
    assert f"Op die dag gold de {versie.title}" in page_html
    vervolg = page_html.split('<ol class="vervolg">')[1].split("</ol>")[0]
    assert "consulent" in vervolg
    assert f"Meestal klaar op: {lang(vandaag + timedelta(weeks=6))}." in vervolg
    assert f"Besluit uiterlijk op: {lang(vandaag + timedelta(weeks=8))}." in vervolg
    # The articles as they read on the day of the melding; cliëntondersteuning was asked for.
    artikel_22 = f"{REGELING}artikel/2.2/?peildatum={vandaag.isoformat()}"
    assert f'href="{artikel_22}">{artikel_titel("2.2")}</a>' in vervolg
    artikel_108 = f"{REGELING}artikel/10.8/?peildatum={vandaag.isoformat()}"
    assert f'href="{artikel_108}">{artikel_titel("10.8")}</a>' in vervolg
    artikel = client.get(artikel_22, follow=True)
    assert artikel.status_code == 200 and "Het gesprek na uw melding" in html(artikel)

    # What was stored: every group of questions, with the relation and authorisation of the melder.
    gegevens = inzending.gegevens
    assert gegevens["voor-wie"] == {"voor_wie": "ander"}
    assert gegevens["melder"] == {
        "naam_melder": "Grietje Wesselink",
        "relatie": "familie",
        "gemachtigd": "ja",
    }
    assert (
        gegevens["persoon"]["geboortedatum"] == "1941-03-14" and gegevens["persoon"]["postcode"] == "7241 AB"
    )
    assert gegevens["ondersteuning"] == {"clientondersteuning": "ja", "persoonlijk_plan": "nee"}
    assert inzending.onderwerpen == ["wonen", "vervoer"]
    assert inzending.status == "ontvangen" and inzending.pagina == page("melding")


def test_melding_asks_about_subjects_support_and_personal_plan(client):
    fill(client, MELDING, MELDING_ZELF, until="spoed")
    vraag = get_ok(client, stap(MELDING, "vraag"))
    assert len(re.findall(r'type="checkbox" name="onderwerpen"', vraag)) == 8
    assert "Schulden" in vraag and "Opgroeien en opvoeden" in vraag
    fill(client, MELDING, MELDING_ZELF, start="vraag", until="hulp")
    ondersteuning = get_ok(client, stap(MELDING, "ondersteuning"))
    assert (
        "onafhankelijke cliëntondersteuner" in ondersteuning
        and "werkt niet voor de gemeente" in ondersteuning
    )
    assert "persoonlijk plan" in ondersteuning


def test_crisis_numbers_appear_right_after_answering_urgent(client):
    fill(client, MELDING, MELDING_ZELF, until="contact")
    spoed = get_ok(client, stap(MELDING, "spoed"))
    assert 'class="crisis"' not in spoed
    location = post_step(client, MELDING, "spoed", {"spoed": "ja"})
    next_page = get_ok(client, location)
    crisis = next_page.split('class="crisis"')[1].split("</div>")[0]
    assert 'href="tel:112"' in crisis and "088 200 50 00" in crisis and "0800 2000" in crisis
    assert next_page.index('class="crisis"') < next_page.index('class="loket-form"')  # before the questions

    answers = MELDING_ZELF | {"spoed": {"spoed": "ja"}}
    fill(client, MELDING, answers, start="vraag")
    assert 'class="crisis"' in get_ok(client, f"{MELDING}controleren/")
    response = send(client, MELDING)
    confirmation = get_ok(client, response["Location"])
    assert 'class="crisis"' in confirmation and "088 200 50 00" in confirmation

    other = Client()
    fill(other, MELDING, MELDING_ZELF, until="spoed")  # spoed: nee
    assert 'class="crisis"' not in get_ok(other, stap(MELDING, "vraag"))


def test_no_field_anywhere_asks_for_a_bsn(client):
    for flow in FLOWS.values():
        for step in flow.steps:
            for name, field in step.form_class.base_fields.items():
                text = f"{name} {field.label} {field.help_text}".lower()
                assert "bsn" not in text and "burgerservicenummer" not in text, (flow.slug, name)
    pages = []
    for base, answers in ((MELDING, MELDING_ANDER), (MZC, COMPLIMENT)):
        c = Client()
        for slug in answers:
            pages.append(get_ok(c, stap(base, slug)))
            post_step(c, base, slug, answers[slug])
        pages += [get_ok(c, f"{base}controleren/"), get_ok(c, f"{base}versturen/")]
    for page_html in pages:
        # The random CSRF token can hold the letters "bsn"; what a person reads cannot.
        text = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", page_html).lower()
        assert "bsn" not in text and "burgerservicenummer" not in text


# --- 4. the mantelzorgcompliment -------------------------------------------------------------------


def test_complete_compliment_ends_on_the_confirmation_with_decision_date_amount_and_article(client):
    confirmation = complete(client, MZC, COMPLIMENT)
    inzending = Inzending.objects.get()
    assert confirmation == f"{MZC}bevestiging/{inzending.referentie}/"
    assert inzending.referentie.startswith(f"MZC-{timezone.localdate().year}-")
    page_html = get_ok(client, confirmation)
    assert "Uw aanvraag voor het mantelzorgcompliment is verstuurd" in page_html
    assert f'<strong class="referentie">{inzending.referentie}</strong>' in page_html
    vandaag = timezone.localdate()
    assert f"Uiterlijk op: {lang(vandaag + timedelta(weeks=8))}." in page_html
    assert "€ 150,00" in page_html and "eindigt op 4300" in page_html
    artikel_521 = f"{REGELING}artikel/5.2.1/?peildatum={vandaag.isoformat()}"
    assert f'href="{artikel_521}">{artikel_titel("5.2.1")}</a>' in page_html
    assert "mantelzorgcompliment" in html(client.get(f"{REGELING}artikel/5.2.1/", follow=True))
    assert inzending.gegevens["mantelzorger"]["iban"] == "NL91 ABNA 0417 1643 00"
    assert inzending.gegevens["verzorgde"]["relatie"] == "ouder"
    assert inzending.gegevens["verklaring"] == {"verklaring": True}


def test_compliment_asks_the_eligibility_of_the_verordening_first(client):
    first = get_ok(client, stap(MZC, "geschiktheid"))
    for vraag in ("betaald", "als beroep", "8 uur per week", "3 maanden", "gemeente Lochem"):
        assert vraag in first
    # The details cannot be reached before the eligibility questions are answered.
    assert client.get(stap(MZC, "mantelzorger"))["Location"] == stap(MZC, "geschiktheid")


@pytest.mark.parametrize(
    "antwoord, uitleg",
    [
        ({"acht_uur": "nee"}, "U zorgt minstens 8 uur per week."),
        ({"beroepsmatig": "ja"}, "U geeft de zorg niet als beroep"),
        ({"woont_in_gemeente": "nee", "drie_maanden": "nee"}, "langer dan 3 maanden"),
    ],
)
def test_ineligible_answer_gets_a_friendly_explanation_with_the_begrip_and_stores_nothing(
    client, antwoord, uitleg
):
    from regelgeving.models import BegripPage

    begrip = BegripPage.objects.get(slug="mantelzorger")
    location = post_step(client, MZC, "geschiktheid", GESCHIKT | antwoord)
    assert location == f"{MZC}niet-mogelijk/"
    page_html = get_ok(client, location)
    assert "helaas niet mogelijk" in page_html and uitleg in page_html
    assert (
        f'<a class="utrecht-link" href="{begrip.url}">Wat de verordening onder ‘Mantelzorger’ verstaat</a>'
        in (page_html)
    )
    assert f'href="{stap(MZC, "geschiktheid")}">Pas uw antwoorden aan</a>' in page_html
    assert "0573 289 222" in page_html
    assert "8 uur per week" in get_ok(client, begrip.url)

    # Going on by hand leads back to the explanation; nothing is stored.
    assert post_step(client, MZC, "mantelzorger", COMPLIMENT["mantelzorger"]) == f"{MZC}niet-mogelijk/"
    for route in ("controleren/", "versturen/"):
        assert client.get(f"{MZC}{route}")["Location"] == f"{MZC}niet-mogelijk/"
    assert not Inzending.objects.exists()
    # A corrected answer opens the way again, and what was typed meanwhile is kept.
    assert post_step(client, MZC, "geschiktheid", GESCHIKT) == stap(MZC, "verzorgde")


def test_iban_is_checked_with_mod_97(client):
    assert iban_is_valid("NL91ABNA0417164300") and iban_is_valid("nl91 abna 0417 1643 00")
    assert iban_is_valid("DE89370400440532013000")
    assert not iban_is_valid("NL91ABNA0417164301")  # one digit changed
    assert not iban_is_valid("NL91ABNA041716430")  # one digit short

    fill(client, MZC, COMPLIMENT, until="geschiktheid")
    details = COMPLIMENT["mantelzorger"]
    response = client.post(stap(MZC, "mantelzorger"), details | {"iban": "NL91 ABNA 0417 1643 01"})
    assert response.status_code == 400
    assert 'href="#id_iban">Dit IBAN klopt niet. Controleer de letters en cijfers.</a>' in html(response)
    assert post_step(client, MZC, "mantelzorger", details) == stap(MZC, "verzorgde")


def test_second_compliment_for_the_same_mantelzorger_in_a_year_is_refused(client):
    complete(client, MZC, COMPLIMENT)
    # Another browser, the same mantelzorger (spelled a little differently), another person cared for.
    other = Client()
    again = COMPLIMENT | {
        "mantelzorger": COMPLIMENT["mantelzorger"] | {"naam": "anna  de vries", "email": "a@example.nl"},
        "verzorgde": COMPLIMENT["verzorgde"] | {"naam": "Marie Jansen"},
    }
    fill(other, MZC, again)
    response = send(other, MZC)
    assert response.status_code == 409
    assert "U hebt dit jaar al een mantelzorgcompliment aangevraagd" in html(response)
    assert "één keer per kalenderjaar" in html(response)
    assert Inzending.objects.count() == 1

    # Someone else may apply: another name and another birth date.
    third = Client()
    kees = {"naam": "Kees Bakker", "geboortedatum": "11-09-1970", "postcode": "7242 CD"}
    complete(third, MZC, COMPLIMENT | {"mantelzorger": COMPLIMENT["mantelzorger"] | kees})
    assert Inzending.objects.count() == 2


# Piet Mantel cares for his mother; Truus, his wife, for her father. They share an address and a bank account.
PIET = {
    "naam": "Piet Mantel",
    "geboortedatum": "17-08-1955",
    "straat": "Molenstraat",
    "huisnummer": "12a",
    "postcode": "7241 AB",
    "woonplaats": "Lochem",
    "email": "piet@example.nl",
    "iban": "NL91 ABNA 0417 1643 00",
    "tenaamstelling": "P. en G. Mantel",
}


def compliment_van(mantelzorger: dict) -> dict:
    return COMPLIMENT | {"mantelzorger": PIET | mantelzorger}


def test_the_same_mantelzorger_under_another_spelling_of_his_name_is_refused_kindly(client):
    complete(client, MZC, compliment_van({}))
    # The same birth date at the same address, typed another way: the same person.
    other = Client()
    fill(other, MZC, compliment_van({"naam": "P. Mantel", "huisnummer": " 12-A", "postcode": "7241ab"}))
    response = send(other, MZC)
    assert response.status_code == 409
    refusal = html(response)
    assert "U hebt dit jaar al een mantelzorgcompliment aangevraagd" in refusal
    assert (
        "of aan dezelfde geboortedatum op hetzelfde adres (postcode en huisnummer), ook als de naam anders "
        "geschreven is" in refusal
    )
    assert "Baken op 0573 289 222, dan zoeken we het samen uit." in refusal
    assert Inzending.objects.count() == 1

    # Having moved house does not make another person either: the name and birth date still match.
    moved = Client()
    fill(moved, MZC, compliment_van({"straat": "Markt", "huisnummer": "3", "postcode": "7241 AA"}))
    assert send(moved, MZC).status_code == 409
    assert Inzending.objects.count() == 1


def test_carers_who_share_an_address_and_a_bank_account_are_each_recognised_on_their_own(client):
    complete(client, MZC, compliment_van({}))
    # His wife: the same address and bank account, another birth date.
    complete(Client(), MZC, compliment_van({"naam": "Truus Mantel", "geboortedatum": "03-02-1958"}))
    # The neighbour at number 12, not 12a, born on the same day as Piet.
    complete(Client(), MZC, compliment_van({"naam": "Gerrit Buur", "huisnummer": "12"}))
    assert Inzending.objects.count() == 3


def test_one_compliment_a_calendar_year_so_last_years_does_not_count(client):
    complete(client, MZC, compliment_van({}))
    vorig_jaar = timezone.localdate().year - 1
    Inzending.objects.update(jaar=vorig_jaar)
    InzendingSleutel.objects.update(jaar=vorig_jaar)
    complete(Client(), MZC, compliment_van({"naam": "P. Mantel"}))
    assert sorted(Inzending.objects.values_list("jaar", flat=True)) == [vorig_jaar, vorig_jaar + 1]


def test_the_database_refuses_a_second_submission_with_a_key_of_this_year():
    """Two requests that both passed the check before either was stored: the unique key decides."""
    complete(Client(), MZC, compliment_van({}))
    sleutel = InzendingSleutel.objects.first()
    with pytest.raises(IntegrityError), transaction.atomic():
        InzendingSleutel.objects.create(
            inzending=sleutel.inzending, flow=sleutel.flow, jaar=sleutel.jaar, sleutel=sleutel.sleutel
        )


def test_a_compliment_stored_under_the_earlier_key_still_blocks_a_second_one(client):
    """Before the address counted, a submission was stored under one key: name and birth date.
    Migration 0005 keeps that key as it was, and the flow still gives it, so it still blocks."""
    anna = COMPLIMENT["mantelzorger"]
    earlier_key = blind_index("Anna de Vries", "1968-05-02")  # as submissions were keyed until now
    assert yearly_keys({**anna, "geboortedatum": date(1968, 5, 2)})[0] == earlier_key

    complete(client, MZC, COMPLIMENT)
    InzendingSleutel.objects.exclude(sleutel=earlier_key).delete()  # as the column held it
    elsewhere = COMPLIMENT | {"mantelzorger": anna | {"straat": "Markt", "huisnummer": "3"}}
    again = Client()
    fill(again, MZC, elsewhere)
    assert send(again, MZC).status_code == 409


@pytest.mark.parametrize(
    "een, ander, zelfde",
    [
        (("7241 ab", "12"), ("7241AB", " 12 "), True),
        (("7241AB", "12"), ("7241AB", "012"), True),
        (("7241AB", "12a"), ("7241AB", "12-A"), True),
        (("7241AB", "12a"), ("7241AB", "12 A"), True),
        (("7241AB", "12 bis"), ("7241AB", "12-BIS"), True),
        (("7241AB", "12a"), ("7241AB", "12"), False),
        (("7241AB", "12-1"), ("7241AB", "121"), False),
        (("7241AB", "12"), ("7241AC", "12"), False),
    ],
)
def test_an_address_is_recognised_however_it_is_typed_but_not_beyond_that(een, ander, zelfde):
    assert (address_key_parts(*een) == address_key_parts(*ander)) is zelfde


def test_outside_the_application_period_the_page_says_so_and_steps_redirect(client):
    vorig_jaar = timezone.localdate().year - 1
    flow_page = page("mantelzorgcompliment")
    flow_page.aanvraag_vanaf = date(vorig_jaar, 1, 1)
    flow_page.aanvraag_tot = date(vorig_jaar, 12, 31)
    flow_page.save_revision().publish()

    page_html = get_ok(client, MZC)
    assert (
        f"U kunt het mantelzorgcompliment aanvragen van 1 januari {vorig_jaar} tot en met 31 december "
        f"{vorig_jaar}." in page_html
    )
    assert f'href="{stap(MZC, "geschiktheid")}"' not in page_html  # no Start button
    response = client.get(stap(MZC, "geschiktheid"))
    assert response.status_code == 302 and response["Location"] == MZC
    response = client.post(stap(MZC, "geschiktheid"), GESCHIKT)
    assert response.status_code == 302 and response["Location"] == MZC
    assert client.get(MZC).status_code == 200  # nothing was stored: still the page, no resume

    flow_page.aanvraag_vanaf, flow_page.aanvraag_tot = timezone.localdate() + timedelta(days=1), None
    flow_page.save_revision().publish()
    assert "kan op dit moment niet worden aangevraagd" in get_ok(client, MZC)


def test_application_filled_before_the_period_closed_is_not_stored_after_it(client):
    fill(client, MZC, COMPLIMENT)
    token = token_of(get_ok(client, f"{MZC}versturen/"))
    flow_page = page("mantelzorgcompliment")
    flow_page.aanvraag_tot = timezone.localdate() - timedelta(days=1)
    flow_page.save_revision().publish()
    response = client.post(f"{MZC}versturen/", {"toestemming": "on", "token": token, "website": ""})
    assert not Inzending.objects.exists()
    assert response.status_code == 302 and response["Location"] == MZC


def test_editors_set_the_amount(client):
    flow_page = page("mantelzorgcompliment")
    flow_page.bedrag = Decimal("175.50")
    flow_page.save_revision().publish()
    assert "€ 175,50" in get_ok(client, complete(client, MZC, COMPLIMENT))


# --- 5. what a submission stores and what happens next ---------------------------------------------


def test_submission_stores_the_date_and_the_version_in_force_that_day(client):
    versie = lochem_versie()
    # A newer version that is not yet in force must not be the one recorded.
    nieuw = versie.copy(
        recursive=False,
        update_attrs={
            "slug": "toekomst",
            "title": "Verordening Sociaal Domein Lochem (toekomstige versie)",
            "in_werking_op": timezone.localdate() + timedelta(days=40),
            "identifier": "gmb-2099-1",
        },
    )
    assert nieuw.live
    voor = timezone.now()
    get_ok(client, complete(client, MELDING, MELDING_ZELF))
    inzending = Inzending.objects.get()
    assert voor <= inzending.ingediend_op <= timezone.now()
    assert inzending.versie_id == versie.pk and inzending.versie_titel == versie.title
    assert inzending.jaar == timezone.localdate().year


def test_confirmation_email_is_sent_after_commit_and_contains_the_reference(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        complete(client, MELDING, MELDING_ANDER)
        assert mailoutbox == []  # nothing is sent before the transaction commits
        assert Inzending.objects.get().berichten.filter(status="wachtend").count() == 2
    assert len(callbacks) == 2
    inzending = Inzending.objects.get()
    bevestiging = next(m for m in mailoutbox if m.to == ["grietje@example.nl"])
    assert inzending.referentie in bevestiging.subject and inzending.referentie in bevestiging.body
    vandaag = timezone.localdate()
    assert "Beste Grietje Wesselink" in bevestiging.body
    assert f"Meestal klaar op: {lang(vandaag + timedelta(weeks=6))}." in bevestiging.body
    assert f"Besluit uiterlijk op: {lang(vandaag + timedelta(weeks=8))}." in bevestiging.body
    assert f"http://127.0.0.1:8000{REGELING}artikel/2.2/?peildatum={vandaag.isoformat()}" in bevestiging.body
    # 't Baken hears of it, without personal data in the mail.
    notificatie = next(m for m in mailoutbox if m.to == ["tbaken@lochem.nl"])
    assert (
        inzending.referentie in notificatie.body and f"/admin/inzendingen/{inzending.pk}/" in notificatie.body
    )
    for persoonlijk in ("Wesselink", "Molenstraat", "grietje@example.nl", "valt vaak"):
        assert persoonlijk not in notificatie.body + notificatie.subject
    assert set(inzending.berichten.values_list("status", "pogingen")) == {("verzonden", 1)}


def test_without_an_email_address_only_the_baken_is_notified(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    answers = MELDING_ZELF | {"contact": {"telefoon": "0573 123 456", "email": "", "voorkeur": "telefoon"}}
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, MELDING, answers)
    assert [m.to for m in mailoutbox] == [["tbaken@lochem.nl"]]


def test_personal_data_are_encrypted_in_the_database(client):
    complete(client, MZC, COMPLIMENT)
    with connection.cursor() as cursor:
        cursor.execute("SELECT gegevens FROM loket_inzending")
        [(gegevens,)] = cursor.fetchall()
        cursor.execute("SELECT sleutel FROM loket_inzendingsleutel")
        uniek = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("SELECT inhoud FROM loket_bericht")
        berichten = " ".join(row[0] for row in cursor.fetchall())
    for persoonlijk in ("Anna", "Vries", "Nieuweweg", "ABNA", "0417", "anna@example.nl", "Barchem", "1968"):
        assert persoonlijk not in gegevens and persoonlijk not in berichten and persoonlijk not in uniek
    assert (
        Inzending.objects.get().gegevens["mantelzorger"]["naam"] == "Anna de Vries"
    )  # readable through Django


def test_nothing_personal_goes_into_the_logs(client, caplog, mailoutbox, django_capture_on_commit_callbacks):
    caplog.set_level("DEBUG")
    with django_capture_on_commit_callbacks(execute=True):
        fill(client, MZC, COMPLIMENT, until="geschiktheid")
        client.post(
            stap(MZC, "mantelzorger"), COMPLIMENT["mantelzorger"] | {"iban": "NL91 ABNA 0417 1643 01"}
        )
        complete(client, MZC, COMPLIMENT | {"geschiktheid": GESCHIKT})
    assert mailoutbox
    logged = caplog.text + " ".join(str(r.args) + str(getattr(r, "request", "")) for r in caplog.records)
    for persoonlijk in ("Anna", "Vries", "Nieuweweg", "ABNA", "anna@example.nl", "Barchem", "medicijnen"):
        assert persoonlijk not in logged
