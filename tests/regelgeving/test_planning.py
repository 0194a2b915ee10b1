"""The planner puts the periodic work of every app in the task queue on time; each app adds its
own work through the hooks registry (regelgeving/planning.py)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail import hooks

from regelgeving.housekeeping import publish_scheduled_pages
from regelgeving.planning import MINUUT, PERIODIEK_WERK, Periodiek, due, next_due, schema


def test_the_schema_holds_the_work_of_every_app():
    assert {p.naam for p in schema()} == {
        "publiceren",
        "taakresultaten",  # regelgeving's
        "berichten",
        "inzendingen",
        "panelleden",
        "sessies",  # the loket's
    }  # the importers' CVDR update only when a setting asks for it (tests/importers/)


def test_everything_is_due_at_first_and_then_after_its_interval():
    werk = schema()
    now = timezone.now()
    assert due(werk, {}, now) == list(werk)
    last = {p.naam: now for p in werk}
    assert due(werk, last, now + timedelta(minutes=1)) == [p for p in werk if p.elke <= timedelta(minutes=1)]
    assert next_due(werk, last) == now + min(p.elke for p in werk)
    assert {p.naam for p in due(werk, last, now + timedelta(days=1))} == {p.naam for p in werk}


def test_two_kinds_of_work_with_one_name_are_refused():
    dubbel = [Periodiek("publiceren", publish_scheduled_pages, MINUUT, "nog eens publiceren")]
    with hooks.register_temporarily(PERIODIEK_WERK, lambda: dubbel):
        with pytest.raises(ImproperlyConfigured, match="Periodiek werk met dezelfde naam: publiceren."):
            schema()


def test_once_for_cron_runs_the_chosen_work(db):
    out = StringIO()
    call_command("planner", "--eenmaal", "--taak", "publiceren", stdout=out)
    assert out.getvalue().endswith("ingepland: geplande publicaties uitvoeren\n")
    assert "e-mails" not in out.getvalue()


def test_choosing_work_without_once_is_refused(db):
    with pytest.raises(CommandError, match="--eenmaal"):
        call_command("planner", "--taak", "sessies")
