"""Personal data only where it must be: the answers of an unfinished flow are encrypted in the
session and gone after the inactivity timeout; open peiling answers are encrypted; development
mail files are readable by their owner only and go with their submission; a submission whose
flow page was deleted still goes after its flow's retention period."""

from __future__ import annotations

import json
import re
import stat
import time
from datetime import timedelta

from cryptography.fernet import Fernet
from django.conf import settings as django_settings
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.utils import timezone

from loket import retention
from loket.models import FlowPage, Inzending, PeilingPage
from loket.panel import invitations, results
from loket.panel.invitations import Selectie
from loket.tasks import clear_expired_sessions_task
from tests import factories
from tests.loket.support import (
    COMPLIMENT,
    MELDING,
    MELDING_ZELF,
    MZC,
    complete,
    fill,
    get_ok,
    html,
    page,
    stap,
)

VRAAG = MELDING_ZELF["vraag"]["vraag"]
NAAM = MELDING_ZELF["persoon"]["naam"]


def decoded_sessions() -> str:
    """Everything every stored session holds, readable as whoever has the database and SECRET_KEY."""
    sessions = [SessionStore().decode(s.session_data) for s in Session.objects.all()]
    return json.dumps(sessions, ensure_ascii=False)


def test_the_answers_of_an_unfinished_flow_are_not_readable_in_the_session_table(client):
    fill(client, MELDING, MELDING_ZELF, until="vraag")
    stored = decoded_sessions()
    assert Session.objects.count() == 1
    assert VRAAG not in stored and NAAM not in stored and "Molenstraat" not in stored
    # ... while the flow still has them.
    assert NAAM in get_ok(client, stap(MELDING, "persoon"))


def test_an_anonymous_session_with_answers_expires_after_the_timeout_and_clearsessions_deletes_it(client):
    fill(client, MELDING, MELDING_ZELF, until="persoon")
    session = Session.objects.get()
    remaining = session.expire_date - timezone.now()
    assert timedelta(minutes=29) < remaining <= timedelta(minutes=30)

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))  # half an hour later
    clear_expired_sessions_task.enqueue()
    assert Session.objects.count() == 0

    # The inwoner comes back to the step they were at: they start over, and are told why.
    response = client.get(stap(MELDING, "contact"))
    assert response.status_code == 302 and response["Location"] == f"{MELDING}?verlopen=1"
    start = get_ok(client, response["Location"])
    assert "Uw antwoorden zijn gewist, omdat u 30 minuten niets hebt ingevuld." in start
    assert NAAM not in get_ok(client, stap(MELDING, "voor-wie"))


def test_answers_older_than_the_timeout_are_gone_also_in_a_session_that_lives_on(client):
    """A member of staff's session lives longer; the answers in it still time out."""
    fill(client, MELDING, MELDING_ZELF, until="persoon")
    key = f"loket:{page('melding').pk}"
    session = client.session
    old = Fernet(django_settings.LOKET_ENCRYPTION_KEYS[0].encode()).encrypt_at_time(
        json.dumps({"answers": {"persoon": {"naam": [NAAM]}}, "started": 0, "token": "a" * 32}).encode(),
        int(time.time()) - 31 * 60,
    )
    session[key] = old.decode()
    session.save()

    response = client.get(stap(MELDING, "contact"))
    assert response.status_code == 302 and response["Location"] == f"{MELDING}?verlopen=1"
    assert key not in client.session
    assert NAAM not in get_ok(client, stap(MELDING, "voor-wie"))


def test_an_open_peiling_answer_is_not_in_the_database_as_plain_text(client):
    lid = factories.panellid("anna@example.nl")
    peiling = PeilingPage.objects.get(slug="bibliotheek")
    invitations.invite(peiling, Selectie())
    uitnodiging = lid.berichten.get(soort="uitnodiging").inhoud["tekst"]
    link = re.search(r"https?://[^\s]+?(/\S*invullen/[A-Za-z0-9_-]+/)", uitnodiging).group(1)
    geheim = "Mijn buurman Kees Jansen van nummer 14 heeft hulp nodig."
    vragen = {block.block_type: f"v_{block.id}" for block in peiling.vragen}
    response = client.post(
        link, {vragen["enkele_keuze"]: "Elke week", vragen["schaal"]: "4", vragen["lange_tekst"]: geheim}
    )
    assert response.status_code == 302, html(response)[:2000]

    with connection.cursor() as cursor:
        cursor.execute("SELECT antwoorden FROM loket_respons")
        raw = " ".join(str(row[0]) for row in cursor.fetchall())
    assert raw and "Kees Jansen" not in raw and "Elke week" not in raw
    # Staff still read it, and the results still count.
    [(_, given)] = results.open_answers(peiling)
    assert [text for _, text, _ in given] == [geheim]
    uitslag = results.uitslag(peiling)
    assert uitslag.deelnemers == 1
    assert {r.label: r.aantal for r in uitslag.vragen[0].rijen}["Elke week"] == 1


def test_mail_files_are_for_their_owner_only_and_go_with_their_submission(
    client, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "loket.mail_files.EmailBackend"
    settings.EMAIL_FILE_PATH = tmp_path
    with django_capture_on_commit_callbacks(execute=True):  # the mails go once the submission is stored
        complete(client, MZC, COMPLIMENT)
        complete(Client(), MELDING, MELDING_ZELF)
    files = sorted(tmp_path.iterdir())
    assert len(files) == 4  # per submission a confirmation and a notification for 't Baken
    assert {stat.S_IMODE(f.stat().st_mode) for f in files} == {0o600}
    compliment = Inzending.objects.get(flow="mantelzorgcompliment")
    assert any("Anna de Vries" in f.read_text() for f in files)

    Inzending.objects.filter(pk=compliment.pk).update(ingediend_op=timezone.now() - timedelta(days=800))
    assert retention.purge_submissions() == {"melding": 0, "mantelzorgcompliment": 1, "inwonerspanel": 0}
    left = sorted(tmp_path.iterdir())
    assert len(left) == 2 and not any("Anna de Vries" in f.read_text() for f in left)
    assert all(Inzending.objects.get(flow="melding").referentie in f.name for f in left)


def test_a_submission_whose_flow_page_was_deleted_goes_after_the_flows_retention_period(client):
    complete(client, MELDING, MELDING_ZELF)
    complete(Client(), MELDING, MELDING_ZELF | {"persoon": MELDING_ZELF["persoon"] | {"naam": "Jan Jansen"}})
    oud, nieuw = Inzending.objects.order_by("pk")
    Inzending.objects.filter(pk=oud.pk).update(ingediend_op=timezone.now() - timedelta(days=731))
    Inzending.objects.filter(pk=nieuw.pk).update(ingediend_op=timezone.now() - timedelta(days=729))
    FlowPage.objects.get(flow="melding").delete()
    assert Inzending.objects.filter(pagina__isnull=True).count() == 2

    assert retention.purge_submissions()["melding"] == 1
    assert list(Inzending.objects.values_list("pk", flat=True)) == [nieuw.pk]
