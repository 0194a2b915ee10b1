"""Rotating a key: `sleutels_vernieuwen` encrypts everything anew with the newest encryption key
and computes every recognition key anew with the current index key, so the old keys can go and
one compliment a year still holds."""

from __future__ import annotations

import io

from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.test import Client

from loket.crypto import blind_index
from loket.models import Bericht, Inzending, InzendingSleutel, PanelContact, PeilingPage, Respons
from tests import factories
from tests.loket.support import COMPLIMENT, MZC, complete, fill, html, send

NIEUWE_SLEUTEL = Fernet.generate_key().decode()


def vernieuwen() -> str:
    out = io.StringIO()
    call_command("sleutels_vernieuwen", stdout=out, stderr=out)
    return out.getvalue()


def ruwe_waarden(tabel: str, kolom: str) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {kolom} FROM {tabel}")  # noqa: S608 - fixed names from this test
        return [row[0] for row in cursor.fetchall()]


def test_after_a_new_encryption_key_everything_is_readable_with_only_the_new_key(client, settings):
    oud = settings.LOKET_ENCRYPTION_KEYS[0]
    complete(client, MZC, COMPLIMENT)
    factories.panellid("anna@example.nl")
    peiling = PeilingPage.objects.get(slug="bibliotheek")
    Respons.objects.create(peiling=peiling, antwoorden={"v": "Open antwoord"}, kern="lochem")
    voor = ruwe_waarden("loket_inzending", "gegevens")

    settings.LOKET_ENCRYPTION_KEYS = [NIEUWE_SLEUTEL, oud]
    uitvoer = vernieuwen()
    assert "opnieuw versleuteld" in uitvoer
    assert ruwe_waarden("loket_inzending", "gegevens") != voor

    settings.LOKET_ENCRYPTION_KEYS = [NIEUWE_SLEUTEL]  # the old key dropped
    assert Inzending.objects.get().gegevens["mantelzorger"]["naam"] == "Anna de Vries"
    assert PanelContact.objects.get().email == "anna@example.nl"
    assert Respons.objects.get().antwoorden == {"v": "Open antwoord"}
    assert all(b.inhoud["aan"] for b in Bericht.objects.all())


def test_after_a_new_index_key_the_same_mantelzorger_is_still_recognised(client, settings):
    complete(client, MZC, COMPLIMENT)
    lid = factories.panellid("anna@example.nl")
    voor = set(InzendingSleutel.objects.values_list("sleutel", flat=True))

    settings.LOKET_INDEX_KEY = "een-nieuwe-herkenningssleutel-voor-deze-test-0123456789"
    vernieuwen()
    na = set(InzendingSleutel.objects.values_list("sleutel", flat=True))
    assert len(na) == 2 and not na & voor
    assert PanelContact.objects.get(lid=lid).email_index == blind_index("panel-email", "anna@example.nl")

    again = Client()
    fill(again, MZC, COMPLIMENT)
    response = send(again, MZC)
    assert response.status_code == 409 and "al een mantelzorgcompliment" in html(response)


def test_submissions_that_turn_out_to_be_one_person_are_listed_and_the_earliest_keeps_the_key(client):
    """Stored before names were normalised: "Anna de Vries" and a Cyrillic look-alike, one year."""
    complete(client, MZC, COMPLIMENT)
    elders = {"straat": "Markt", "huisnummer": "3"}
    look_alike = COMPLIMENT["mantelzorger"] | {"naam": "Anna d\u0435 Vries"} | elders
    second = Client()
    fill(second, MZC, COMPLIMENT | {"mantelzorger": look_alike})
    InzendingSleutel.objects.all().delete()  # as if both had been let through with older keys
    send(second, MZC)  # now stored: nothing recognised it
    eerste, tweede = Inzending.objects.order_by("ingediend_op")
    InzendingSleutel.objects.filter(inzending=tweede).delete()
    InzendingSleutel.objects.create(inzending=tweede, flow=tweede.flow, jaar=tweede.jaar, sleutel="oud")

    uitvoer = vernieuwen()
    assert tweede.referentie in uitvoer and eerste.referentie not in uitvoer
    naam_sleutel = blind_index("Anna de Vries", "1968-05-02")
    assert InzendingSleutel.objects.get(sleutel=naam_sleutel).inzending == eerste
