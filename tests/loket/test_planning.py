"""The loket's periodic work reaches the planner through the hooks registry: expired sessions (with
the encrypted answers of unfinished flows) go when the planner runs their work."""

from io import StringIO

from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command


def test_once_for_cron_runs_the_loket_work_chosen(db):
    verlopen = SessionStore()
    verlopen.set_expiry(-60)
    verlopen.create()
    geldig = SessionStore()
    geldig.create()
    out = StringIO()
    call_command("planner", "--eenmaal", "--taak", "sessies", stdout=out)
    assert "ingepland: verlopen sessies verwijderen" in out.getvalue()
    assert list(Session.objects.values_list("session_key", flat=True)) == [geldig.session_key]
