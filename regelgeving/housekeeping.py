"""Wagtail's and django-tasks' own housekeeping commands as tasks, so that the planner can put them
in the queue (regelgeving/wagtail_hooks.py registers them as periodic work)."""

from __future__ import annotations

from django.core.management import call_command
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend


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
