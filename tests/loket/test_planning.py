"""The planner puts the site's periodic work in the task queue on time."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.utils import timezone

from loket.planning import SCHEMA, due, next_due


def test_everything_is_due_at_first_and_then_after_its_interval():
    now = timezone.now()
    assert due({}, now) == list(SCHEMA)
    last = {p.naam: now for p in SCHEMA}
    assert due(last, now + timedelta(minutes=1)) == [p for p in SCHEMA if p.elke <= timedelta(minutes=1)]
    assert next_due(last) == now + min(p.elke for p in SCHEMA)
    assert {p.naam for p in due(last, now + timedelta(days=1))} == {p.naam for p in SCHEMA}


def test_once_for_cron_runs_the_chosen_work(db):
    verlopen = SessionStore()
    verlopen.set_expiry(-60)
    verlopen.create()
    geldig = SessionStore()
    geldig.create()
    out = StringIO()
    call_command("planner", "--eenmaal", "--taak", "sessies", stdout=out)
    assert "ingepland: verlopen sessies verwijderen" in out.getvalue()
    assert list(Session.objects.values_list("session_key", flat=True)) == [geldig.session_key]


def test_choosing_work_without_once_is_refused(db):
    with pytest.raises(CommandError, match="--eenmaal"):
        call_command("planner", "--taak", "sessies")
