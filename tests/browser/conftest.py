"""Shared support for the browser tests: a session Chromium, the demo site on the live server, axe.

The fixtures exist once per session: one Chromium and one database snapshot for every browser
test. Helpers to open pages, run axe and work by keyboard are in tests/browser/support.py.
Without Chromium the tests that use it are skipped ("Chromium niet gevonden: ..."); with
REQUIRE_BROWSER=1 they fail instead, so CI that is supposed to have a browser cannot silently skip them.
"""

import os
import sqlite3
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


# --- Browser -----------------------------------------------------------------------------------


def _browser_unavailable(reason: str):
    message = f"Chromium niet gevonden: {reason}"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"{message} (REQUIRE_BROWSER=1, dus dit is een fout)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole session; skips (or fails) when there is none."""
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        _browser_unavailable(f"{CHROMIUM} bestaat niet; installeer het met `make browser`.")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _browser_unavailable(f"Playwright voor Python ontbreekt ({exc}).")

    # Playwright's sync API runs an event loop in this thread; Django would then refuse the
    # database work the fixtures do between page loads (SynchronousOnlyOperation).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    serialized = _serialized_contents()
    playwright = sync_playwright().start()
    # From here on Django's connections (context-local) are new objects in this thread: give them
    # the migrations' rows that pytest-django serialized, or a later transactional test with
    # serialized rollback finds an empty database (no Wagtail root page) after the flush.
    _keep_serialized_contents(serialized)
    try:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    except Exception as exc:  # noqa: BLE001 - any launch failure means "no usable browser"
        playwright.stop()
        _restore_env("DJANGO_ALLOW_ASYNC_UNSAFE", previous)
        _browser_unavailable(f"{CHROMIUM} start niet: {str(exc).splitlines()[0]}")
    yield chromium
    chromium.close()
    playwright.stop()
    _restore_env("DJANGO_ALLOW_ASYNC_UNSAFE", previous)


def _serialized_contents() -> dict[str, str]:
    from django.db import connections

    kept = "_test_serialized_contents"
    return {c.alias: getattr(c, kept) for c in connections.all() if hasattr(c, kept)}


def _keep_serialized_contents(serialized: dict[str, str]) -> None:
    from django.db import connections

    for alias, contents in serialized.items():
        connections[alias]._test_serialized_contents = contents


def _restore_env(name: str, value: str | None):
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


# --- Demo site on the live server ----------------------------------------------------------------


class _Snapshot:
    """The database right after `setup_demo`, kept once and put back before every browser test.

    pytest-django flushes the database after each test that uses the live server, and importing
    the publication again takes seconds. SQLite (the in-memory test database) is copied with its
    backup API; on PostgreSQL every table is copied into a separate schema and back (Django's
    foreign keys there are deferrable, so the order of the tables does not matter).
    """

    SCHEMA = "browser_snapshot"

    def __init__(self):
        self.sqlite = None
        self.tables = None

    @staticmethod
    def supported() -> bool:
        if connection.vendor == "sqlite":
            return connection.is_in_memory_db()
        return connection.vendor == "postgresql"

    def save(self):
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            self.sqlite = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(self.sqlite)
            return
        qn = connection.ops.quote_name
        tables = sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))
        self.tables = {}  # table -> the columns restore writes
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {self.SCHEMA} CASCADE")
            cursor.execute(f"CREATE SCHEMA {self.SCHEMA}")
            for table in tables:
                cursor.execute(f"CREATE TABLE {self.SCHEMA}.{qn(table)} AS TABLE {qn(table)}")
                # Generated columns (the stored search vector of regelgeving's migration 0007)
                # are computed by PostgreSQL and cannot be written.
                cursor.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                    " AND table_name = %s AND is_generated = 'NEVER' ORDER BY ordinal_position",
                    [table],
                )
                self.tables[table] = ", ".join(qn(row[0]) for row in cursor.fetchall())

    @property
    def saved(self) -> bool:
        return self.sqlite is not None or self.tables is not None

    def restore(self):
        connection.ensure_connection()
        if self.sqlite is not None:
            self.sqlite.backup(connection.connection)
            return
        qn = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("TRUNCATE " + ", ".join(qn(t) for t in self.tables) + " CASCADE")
            for table, columns in self.tables.items():
                cursor.execute(
                    f"INSERT INTO {qn(table)} ({columns}) SELECT {columns} FROM {self.SCHEMA}.{qn(table)}"
                )


@pytest.fixture(scope="session")
def _snapshot():
    return _Snapshot()


@pytest.fixture
def demo_site(
    browser, transactional_db, django_db_serialized_rollback, live_server, _snapshot, importeer, publiceer_nu
):
    """The demo site with a published (future) 2027 version derived from it, served by the live server.

    The live server runs in another thread, so the data has to be committed (transactional_db).
    pytest-django flushes it after every test; the serialized rollback brings back the rows the
    migrations made (Wagtail's root page), which `setup_demo` needs on a database it has not seen.
    """
    if _snapshot.saved:
        _snapshot.restore()
        return live_server.url
    call_command("setup_demo", "--gemeente", "lochem", stdout=open(os.devnull, "w"))
    publiceer_nu(importeer("gmb-2026-612345"))
    if _Snapshot.supported():
        _snapshot.save()
    return live_server.url


@pytest.fixture
def page(browser, demo_site):
    context = browser.new_context(base_url=demo_site, locale="nl-NL")
    context.set_default_timeout(10_000)
    result = context.new_page()
    yield result
    context.close()


@pytest.fixture(autouse=True)
def loket_settings(settings):
    """The live server runs in this process, so these overrides apply to it.

    A person needs more than LOKET_MIN_FILL_SECONDS for a form; a test does not. The rate limits
    count per address in the shared cache, and every test here posts from 127.0.0.1.
    """
    settings.LOKET_MIN_FILL_SECONDS = 0
    settings.LOKET_RATE_LIMITS = {}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
