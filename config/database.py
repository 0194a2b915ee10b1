"""Limits for database work done on behalf of a web request.

A web process (config/wsgi.py, config/asgi.py) gives each new PostgreSQL connection a
statement_timeout, so that no request can hold a connection for minutes on an expensive query;
the task worker, imports and management commands connect without it.
"""

from django.conf import settings
from django.db.backends.signals import connection_created


def _limit_statement_time(sender, connection, **kwargs):
    if connection.vendor == "postgresql" and settings.WEB_STATEMENT_TIMEOUT_SECONDS > 0:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [f"{settings.WEB_STATEMENT_TIMEOUT_SECONDS}s"])


def limit_web_requests() -> None:
    connection_created.connect(_limit_statement_time, dispatch_uid="web-statement-timeout")
