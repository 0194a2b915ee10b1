"""On PostgreSQL a web request's statement stops after WEB_STATEMENT_TIMEOUT_SECONDS and the resident
reads a calm Dutch "try again" page (503), not a server error; management commands and the task
worker (`manage.py db_worker`) are not limited. Skipped on SQLite, which has no statement timeout."""

import os
import subprocess
import sys

import pytest
from django.db import connection, connections

from config.database import limit_statement_time, limit_web_requests, stop_limiting_web_requests
from tests.security.slow_urls import SLOW
from tests.stack import ROOT

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="alleen PostgreSQL kent een statement_timeout"
    ),
]

SHOW = (
    "from django.db import connection\n"
    "with connection.cursor() as cursor:\n"
    "    cursor.execute('SHOW statement_timeout')\n"
    "    print(cursor.fetchone()[0])\n"
)


def _statement_timeout_in(args: list[str]) -> str:
    environ = os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "WEB_STATEMENT_TIMEOUT_SECONDS": "7",
        "PYTHONPATH": str(ROOT),
    }
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=environ, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_the_web_process_limits_its_statements_and_management_commands_do_not():
    assert _statement_timeout_in(["-c", "import config.wsgi\n" + SHOW]) == "7s"
    assert _statement_timeout_in(["manage.py", "shell", "-c", SHOW]) == "0"


def test_a_new_connection_of_a_web_process_gets_the_timeout(settings):
    settings.WEB_STATEMENT_TIMEOUT_SECONDS = 0.25
    limit_web_requests()
    fresh = connections.create_connection("default")
    try:
        with fresh.cursor() as cursor:
            cursor.execute("SHOW statement_timeout")
            assert cursor.fetchone()[0] == "250ms"
    finally:
        fresh.close()
        stop_limiting_web_requests()


@pytest.mark.urls("tests.security.slow_urls")
def test_a_request_whose_query_takes_too_long_gets_a_dutch_503(client, settings):
    settings.WEB_STATEMENT_TIMEOUT_SECONDS = 0.1
    limit_statement_time(connection)  # this test's connection is already open; undone by its rollback

    response = client.get(SLOW)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "<title>Even te druk" in page
    assert "Probeer het over een halve minuut opnieuw." in page
    assert "Traceback" not in page and "Server Error" not in page
    with connection.cursor() as cursor:
        cursor.execute("RESET statement_timeout")
    assert client.get("/regelgeving/").status_code == 200  # the connection serves the next request
