"""The site's periodic work, in one table: what the planner (`manage.py planner`) puts in the task
queue, and how often. The task worker (`manage.py db_worker`) runs it like any other task.

Add a line to SCHEMA for new periodic work; the task must exist (any app's, or a small one here
for a housekeeping command of Django or Wagtail itself).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.management import call_command
from django_tasks import task, task_backends
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend

from .tasks import (
    clear_expired_sessions_task,
    purge_submissions_task,
    purge_unconfirmed_members_task,
    send_waiting_messages,
)


@task()
def publish_scheduled_pages() -> None:
    """Wagtail's scheduled publishing: versions go live (and offline) on the date an editor chose."""
    call_command("publish_scheduled", verbosity=0)


@task()
def prune_task_results() -> None:
    """django-tasks-db keeps every finished task's row; those older than two weeks go. (Tasks that
    ran at once, with the immediate backend, left no rows.)"""
    if isinstance(task_backends["default"], DatabaseBackend):
        call_command("prune_db_task_results", queue_name="*", verbosity=0)


@dataclass(frozen=True)
class Periodiek:
    naam: str  # for `planner --taak`
    taak: Task
    elke: timedelta
    wat: str


MINUUT, UUR, DAG = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)

SCHEMA = (
    Periodiek("publiceren", publish_scheduled_pages, MINUUT, "geplande publicaties uitvoeren"),
    # Also retried by their own deferred task; this catches what a stopped worker left behind.
    Periodiek("berichten", send_waiting_messages, 5 * MINUUT, "wachtende e-mails versturen"),
    Periodiek("inzendingen", purge_submissions_task, DAG, "inzendingen na de bewaartermijn verwijderen"),
    Periodiek("panelleden", purge_unconfirmed_members_task, DAG, "onbevestigde aanmeldingen verwijderen"),
    # Flow answers expire after LOKET_FLOW_TIMEOUT_MINUTES; their (encrypted) sessions go within the hour.
    Periodiek("sessies", clear_expired_sessions_task, UUR, "verlopen sessies verwijderen"),
    Periodiek("taakresultaten", prune_task_results, DAG, "oude resultaten van taken verwijderen"),
)


def due(last_enqueued: dict[str, datetime], now: datetime) -> list[Periodiek]:
    """The work whose interval has passed since it was last put in the queue (all of it at first)."""
    return [p for p in SCHEMA if p.naam not in last_enqueued or now - last_enqueued[p.naam] >= p.elke]


def next_due(last_enqueued: dict[str, datetime]) -> datetime:
    return min(last_enqueued[p.naam] + p.elke for p in SCHEMA)
