"""One compliment a year cannot be had twice by typing the name with characters that look the same:
a decomposed é, a zero-width space, fullwidth letters or a Cyrillic е. A real difference (Renée
is not Renee) stays a difference."""

from __future__ import annotations

import pytest
from django.test import Client

from loket.models import Inzending
from loket.panel.membership import email_index
from tests.loket.support import COMPLIMENT, MZC, complete, fill, html, send

ELSEWHERE = {"straat": "Markt", "huisnummer": "3", "postcode": "7241AA"}  # so only the name counts


def compliment(naam: str, **adres) -> dict:
    return COMPLIMENT | {"mantelzorger": COMPLIMENT["mantelzorger"] | {"naam": naam} | adres}


@pytest.mark.parametrize(
    "eerste, tweede",
    [
        ("Renée de Vries", "Rene\u0301e de Vries"),  # é as e + combining accent
        ("Anna de Vries", "An\u200bna de Vries"),  # a zero-width space
        ("Anna de Vries", "Anna\u00ad de\u2060 Vries"),  # a soft hyphen and a word joiner
        ("Anna de Vries", "Ａｎｎａ ｄｅ Ｖｒｉｅｓ"),  # fullwidth letters
        ("Anna de Vries", "Anna d\u0435 Vri\u0435s"),  # Cyrillic е
        ("Anna de Vries", "\u0410nna de Vries"),  # Cyrillic А
        ("Anna de Vries", "ANNA  DE\tVRIES"),  # capitals and other white space
    ],
)
def test_a_look_alike_name_is_the_same_mantelzorger(client, eerste, tweede):
    complete(client, MZC, compliment(eerste))
    again = Client()
    fill(again, MZC, compliment(tweede, **ELSEWHERE))
    response = send(again, MZC)
    assert response.status_code == 409
    assert "U hebt dit jaar al een mantelzorgcompliment aangevraagd." in html(response)
    assert Inzending.objects.filter(flow="mantelzorgcompliment").count() == 1


def test_an_accent_is_a_real_difference(client):
    complete(client, MZC, compliment("Renée de Vries"))
    complete(Client(), MZC, compliment("Renee de Vries", **ELSEWHERE))
    assert Inzending.objects.filter(flow="mantelzorgcompliment").count() == 2


@pytest.mark.parametrize(
    "email", ["ANNA@example.nl", "anna@ex\u0430mple.nl", "ａｎｎａ@example.nl", "an\u200bna@example.nl"]
)
def test_a_look_alike_e_mail_address_is_the_same_panel_member(email):
    assert email_index(email) == email_index("anna@example.nl")
