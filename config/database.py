"""Limits for database work done on behalf of a web request, and what a resident sees when one is hit.

A web process (config/wsgi.py, config/asgi.py) gives each new PostgreSQL connection a
statement_timeout, so that no request can hold a connection for minutes on an expensive query;
the task worker, imports and management commands connect without it. A request whose statement
is stopped that way, or that waited in vain for SQLite's write lock, gets a calm Dutch "try again"
page (503) instead of a server error.
"""

import logging

from django.conf import settings
from django.db import OperationalError
from django.db.backends.signals import connection_created
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)

# PostgreSQL's SQLSTATE for a statement stopped by statement_timeout (or cancelled).
QUERY_CANCELED = "57014"
RETRY_AFTER_SECONDS = 30


def limit_statement_time(connection) -> None:
    """Give this PostgreSQL connection the web statement timeout (WEB_STATEMENT_TIMEOUT_SECONDS)."""
    if connection.vendor == "postgresql" and settings.WEB_STATEMENT_TIMEOUT_SECONDS > 0:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [f"{settings.WEB_STATEMENT_TIMEOUT_SECONDS}s"])


def _limit_new_connection(sender, connection, **kwargs):
    limit_statement_time(connection)


def limit_web_requests() -> None:
    connection_created.connect(_limit_new_connection, dispatch_uid="web-statement-timeout")


def stop_limiting_web_requests() -> None:
    connection_created.disconnect(dispatch_uid="web-statement-timeout")


def database_too_busy(exception: BaseException) -> bool:
    """Whether a database error means "too busy now" (try again) rather than a fault."""
    if not isinstance(exception, OperationalError):
        return False
    if getattr(exception.__cause__, "sqlstate", None) == QUERY_CANCELED:
        return True
    return "database is locked" in str(exception)


class DatabaseTooBusyMiddleware:
    """Answers a request stopped by the statement timeout or a database lock with a Dutch 503."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_too_busy(exception):
            return None
        logger.warning("Database te druk voor %s %s: %s", request.method, request.path, exception)
        response = TemplateResponse(request, "database_te_druk.html", status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
