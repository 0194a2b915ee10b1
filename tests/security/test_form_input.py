"""Hostile input to the loket forms: a NUL or another control character in any free-text or
name field is cleaned (or, in an e-mail address, refused with a Dutch form error); never a 500,
the same on SQLite and PostgreSQL."""

import pytest
from django import forms
from django.utils.html import escape

from loket.flows import FLOWS
from tests.loket.support import COMPLIMENT, MELDING, MELDING_ANDER, MZC, fill, get_ok, html, stap, token_of

ANSWERS = {"melding": (MELDING, MELDING_ANDER), "mantelzorgcompliment": (MZC, COMPLIMENT)}
SPREEKT = "/loket/lochem-spreekt/"


def text_fields() -> list:
    """(flow, step, field) for every text field of every flow that stores a submission."""
    return [
        pytest.param(slug, step.slug, name, id=f"{slug}-{step.slug}-{name}")
        for slug, (_, answers) in ANSWERS.items()
        for step in FLOWS[slug].steps
        for name, field in step.form_class.base_fields.items()
        if isinstance(field, forms.CharField) and name in answers.get(step.slug, {})
    ]


def form_class(flow: str, step: str):
    return next(s.form_class for s in FLOWS[flow].steps if s.slug == step)


def post(client, base, slug, data):
    response = client.post(stap(base, slug), data)
    assert response.status_code in (302, 400), (slug, response.status_code)
    return response


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f"], ids=repr)
@pytest.mark.parametrize("flow,step,field", text_fields())
def test_a_control_character_in_a_text_field_is_cleaned_or_a_dutch_form_error(
    client, flow, step, field, character
):
    base, answers = ANSWERS[flow]
    steps = list(answers)
    if step != steps[0]:
        fill(client, base, answers, until=steps[steps.index(step) - 1])
    value = answers[step][field]
    data = answers[step] | {field: value[:2] + character + value[2:]}
    response = post(client, base, step, data)
    if response.status_code == 400:
        # The cleaned value breaks the field's own rule (a postcode), or an e-mail address holds
        # a NUL ("Null-tekens zijn niet toegestaan."): the field's Dutch message on the page.
        errors = form_class(flow, step)(data=data).errors[field]
        assert "<title>Fout:" in html(response)
        assert errors and all(escape(e) in html(response) for e in errors)
        return
    if step != steps[-1]:
        fill(client, base, answers, start=steps[steps.index(step) + 1])
    summary = get_ok(client, f"{base}controleren/")
    assert character not in summary and "&#x0;" not in summary.lower()


@pytest.mark.parametrize("token", ["\x00", "abc\x00def", "'", "9" * 500])
def test_a_hostile_consent_token_gives_no_500(client, token):
    base, answers = ANSWERS["melding"]
    fill(client, base, answers)
    token_of(get_ok(client, f"{base}versturen/"))
    response = client.post(f"{base}versturen/", {"toestemming": "on", "token": token, "website": ""})
    assert response.status_code in (302, 400)


@pytest.mark.parametrize("email", ["anna\x00@example.nl", "anna@exa\x07mple.nl", "\x00"])
def test_a_control_character_in_the_panel_email_is_a_dutch_form_error(client, email):
    response = client.post(stap(SPREEKT, "email"), {"email": email})
    assert response.status_code in (302, 400)
    if response.status_code == 400:
        assert "e-mailadres" in html(response)


@pytest.mark.parametrize("path", ["bevestigen", "afmelden"])
@pytest.mark.parametrize("token", ["%00", "abc%00def", "%07", "9" * 300])
def test_a_hostile_panel_link_gives_no_500(client, path, token):
    response = client.get(f"/inwonerspanel/{path}/{token}/")
    assert response.status_code in (200, 400, 404)
