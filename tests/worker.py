"""A task worker for tests: django_tasks_db's own worker loop, in a thread with its own database
connection, as `manage.py db_worker` runs it in production. Tests that use it need committed data
(`django_db(transaction=True)`) and the database backend (the `database_tasks` fixture)."""

from __future__ import annotations

import threading

from django.db import connections
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_worker() -> None:
    """Run every task that is ready now, then stop (tasks deferred to later stay queued)."""
    errors = []

    def work():
        try:
            Worker(
                queue_names=["*"],
                interval=0,
                batch=True,
                backend_name="default",
                startup_delay=False,
                max_tasks=None,
                worker_id="testwerker",
            ).run()
        except BaseException as exc:  # noqa: BLE001 - reported in the test's own thread
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    failed = DBTaskResult.objects.failed()
    assert not failed.exists(), [(r.task_path, r.exception_class_path, r.traceback) for r in failed]
