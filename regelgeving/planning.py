"""The installation's periodic work: what the planner (`manage.py planner`) puts in the task queue,
and how often. The task worker (`manage.py db_worker`) runs it like any other task.

Every app adds its own work through Wagtail's hooks registry, so that the planner knows the work of
apps that regelgeving may not import (the loket, the importers):

    # loket/wagtail_hooks.py
    @hooks.register(planning.PERIODIEK_WERK)
    def periodiek_werk():
        return [planning.Periodiek("berichten", send_waiting_messages, 5 * planning.MINUUT, "...")]

Each function returns a list of `Periodiek` (an empty one when its work is switched off); the
schema is asked for anew each time, so a setting a function reads counts from the next call on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ImproperlyConfigured
from django_tasks.base import Task
from wagtail import hooks

# fn() -> list[Periodiek]: the work an app wants done on a schedule.
PERIODIEK_WERK = "periodiek_werk"

MINUUT, UUR, DAG = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


@dataclass(frozen=True)
class Periodiek:
    naam: str  # for `planner --taak`
    taak: Task  # enqueued without arguments
    elke: timedelta
    wat: str  # what the planner prints (Dutch)


def schema() -> tuple[Periodiek, ...]:
    """All registered periodic work, in the order of the apps' hooks."""
    werk = tuple(periodiek for opgave in hooks.get_hooks(PERIODIEK_WERK) for periodiek in opgave())
    namen = [p.naam for p in werk]
    dubbel = sorted({naam for naam in namen if namen.count(naam) > 1})
    if dubbel:
        # `planner --taak` and the planner's bookkeeping go by name: two with one name would be one.
        raise ImproperlyConfigured(f"Periodiek werk met dezelfde naam: {', '.join(dubbel)}.")
    return werk


def due(werk: tuple[Periodiek, ...], last_enqueued: dict[str, datetime], now: datetime) -> list[Periodiek]:
    """The work whose interval has passed since it was last put in the queue (all of it at first)."""
    return [p for p in werk if p.naam not in last_enqueued or now - last_enqueued[p.naam] >= p.elke]


def next_due(werk: tuple[Periodiek, ...], last_enqueued: dict[str, datetime]) -> datetime:
    return min(last_enqueued[p.naam] + p.elke for p in werk)
