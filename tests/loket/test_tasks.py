"""The loket's mails through the database task backend and a worker, as production runs them: the
request only queues them, the worker sends them, and one that fails is tried again after a back-off.

The worker runs in a thread of its own (tests/worker.py), so these tests need committed data: they
are transactional and few (pytest-django empties the database after each). The demo data of the
session are there for the first transactional test of a run; a later one builds them again.
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from loket.models import Bericht, Inzending, PeilingPage
from loket.outbox import BACKOFF
from loket.panel import invitations
from loket.panel.invitations import Selectie
from loket.tasks import send_after_commit
from tests import factories
from tests.loket.support import MELDING, MELDING_ANDER, complete
from tests.worker import run_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo_data():
    """The demo site, committed. The serialized rollback put back the rows the migrations made
    (Wagtail's root page, its placeholder page, default site and its unnamed gemeente) over the
    session's demo data or in an emptied database; setup_demo sets the gemeente up again around the
    pages that are there, or builds them."""
    call_command("setup_demo", "--gemeente", "lochem", stdout=io.StringIO())


def queued(task_name: str):
    return DBTaskResult.objects.filter(task_path=f"loket.tasks.{task_name}", status="READY")


def test_submission_and_panel_mails_are_sent_by_the_worker_not_in_the_request(
    demo_data, database_tasks, client, mailoutbox
):
    # A melding: the request stores it and its two mails, and queues them.
    complete(client, MELDING, MELDING_ANDER)
    inzending = Inzending.objects.get()
    assert mailoutbox == []
    assert queued("send_message").count() == 2
    run_worker()
    assert sorted(m.to[0] for m in mailoutbox) == ["grietje@example.nl", "tbaken@lochem.nl"]
    notificatie = next(m for m in mailoutbox if m.to == ["tbaken@lochem.nl"])
    assert inzending.referentie in notificatie.subject
    assert set(inzending.berichten.values_list("status", flat=True)) == {"verzonden"}

    # A panel round: one queued task sends every invitation.
    leden = [factories.panellid(f"lid{i}@example.nl") for i in range(3)]
    run_worker()  # their sign-up mails count as sent already: nothing more goes out
    mailoutbox.clear()
    peiling = PeilingPage.objects.get(slug="bibliotheek")
    ronde = invitations.invite(peiling, Selectie())
    assert ronde.uitgenodigd == len(leden)
    assert mailoutbox == [] and queued("send_waiting_messages").count() == 1
    run_worker()
    assert sorted(m.to[0] for m in mailoutbox) == [f"lid{i}@example.nl" for i in range(3)]
    assert all(m.subject == f"Uitnodiging: {peiling.title}" for m in mailoutbox)


def test_a_failing_mail_is_tried_again_after_a_growing_back_off(database_tasks, flaky_mail, mailoutbox):
    inhoud = {"aan": ["tbaken@lochem.nl"], "onderwerp": "Nieuwe melding", "tekst": "Zie het loket."}
    with transaction.atomic():
        bericht = Bericht.objects.create(soort="notificatie", inhoud=inhoud)
        send_after_commit([bericht.pk])
    flaky_mail.failures = 2

    for poging in (1, 2):
        begin = timezone.now()
        run_worker()
        bericht.refresh_from_db()
        assert (bericht.status, bericht.pogingen, mailoutbox) == ("wachtend", poging, [])
        # The next attempt waits longer after every failure; the worker leaves it until then.
        retry = DBTaskResult.objects.filter(status="READY").get()
        assert begin + BACKOFF * poging <= retry.run_after <= timezone.now() + BACKOFF * poging
        run_worker()
        assert Bericht.objects.get(pk=bericht.pk).pogingen == poging
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # the wait is over

    run_worker()
    bericht.refresh_from_db()
    assert (bericht.status, bericht.pogingen) == ("verzonden", 3)
    assert [m.subject for m in mailoutbox] == ["Nieuwe melding"]
