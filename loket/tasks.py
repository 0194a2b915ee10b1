"""The loket's background tasks: thin django-tasks wrappers around the outbox and retention,
and the helpers services use to enqueue them once their transaction has committed.

The work, and its rules, live in loket/outbox.py and loket/retention.py; a task only runs it.
Task names and paths are what a task backend stores, so they stay put.
"""

from __future__ import annotations

from datetime import datetime

from django.core.management import call_command
from django.db import transaction
from django_tasks import default_task_backend, task

from . import outbox, retention


@task()
def send_message(bericht_id: int) -> str:
    return outbox.send(bericht_id, retry_later=retry_later)


@task()
def send_waiting_messages() -> dict[str, int]:
    """One task for a batch (the invitations of a peiling): every waiting message, once."""
    return outbox.send_pending(retry_later=retry_later)


@task()
def purge_submissions_task() -> dict[str, int]:
    return retention.purge_submissions()


@task()
def purge_unconfirmed_members_task() -> int:
    return retention.purge_unconfirmed_members()


@task()
def clear_expired_sessions_task() -> None:
    """Django's `clearsessions`: an anonymous visitor's session (with the encrypted answers of an
    unfinished flow) expires after LOKET_FLOW_TIMEOUT_MINUTES; this deletes it from the database."""
    call_command("clearsessions")


def retry_later(bericht_id: int, run_after: datetime) -> None:
    """Another attempt at a failed message, when the backend can run tasks later; without that,
    `verstuur_berichten` tries it again."""
    if default_task_backend.supports_defer:
        send_message.using(run_after=run_after).enqueue(bericht_id)


def send_after_commit(bericht_ids: list[int]) -> None:
    """Send these messages once the transaction that stored them has committed."""
    for pk in bericht_ids:
        transaction.on_commit(lambda pk=pk: send_message.enqueue(pk))


def send_waiting_after_commit() -> None:
    """One batch task for every waiting message, once the transaction has committed."""
    transaction.on_commit(send_waiting_messages.enqueue)
