"""The site's periodic work, in one table: what the planner (`manage.py planner`) puts in the task
queue, and how often. The task worker (`manage.py db_worker`) runs it like any other task.

Add a line to SCHEMA for new periodic work; the task must exist (any app's, or a small one here
for a housekeeping command of Django or Wagtail itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.management import call_command
from django_tasks import task
from django_tasks.base import Task

from .tasks import purge_submissions_task, purge_unconfirmed_members_task, send_waiting_messages


@task()
def publish_scheduled_pages() -> None:
    """Wagtail's scheduled publishing: versions go live (and offline) on the date an editor chose."""
    call_command("publish_scheduled", verbosity=0)


@task()
def clear_expired_sessions() -> None:
    """Django's `clearsessions`: sessions past their expiry, with what they held, are deleted."""
    call_command("clearsessions", verbosity=0)


@dataclass(frozen=True)
class Periodiek:
    naam: str  # for `planner --taak`
    taak: Task
    elke: timedelta
    wat: str


MINUUT, DAG = timedelta(minutes=1), timedelta(days=1)

SCHEMA = (
    Periodiek("publiceren", publish_scheduled_pages, MINUUT, "geplande publicaties uitvoeren"),
    # Also retried by their own deferred task; this catches what a stopped worker left behind.
    Periodiek("berichten", send_waiting_messages, 5 * MINUUT, "wachtende e-mails versturen"),
    Periodiek("inzendingen", purge_submissions_task, DAG, "inzendingen na de bewaartermijn verwijderen"),
    Periodiek("panelleden", purge_unconfirmed_members_task, DAG, "onbevestigde aanmeldingen verwijderen"),
    Periodiek("sessies", clear_expired_sessions, DAG, "verlopen sessies verwijderen"),
)


def due(last_enqueued: dict[str, datetime], now: datetime) -> list[Periodiek]:
    """The work whose interval has passed since it was last put in the queue (all of it at first)."""
    return [p for p in SCHEMA if p.naam not in last_enqueued or now - last_enqueued[p.naam] >= p.elke]


def next_due(last_enqueued: dict[str, datetime]) -> datetime:
    return min(last_enqueued[p.naam] + p.elke for p in SCHEMA)
