"""What the security tests share: a loket that lets the test client be fast; the demo site in a
SQLite file, served by gunicorn in processes of its own (tests/stack.py), and a Redis to share
rate limits between them.

Throttling across workers and writes by many residents at once only show between processes on a
database file: the test client, the live server thread and the in-memory test database would hide
both. Servers start once per module that asks for them and stop at its end.
"""

import os
import shutil
import sqlite3
import uuid

import pytest

from tests.stack import Gunicorn, manage, site_env

# Redis for the servers' shared cache; each run has keys of its own (CACHE_KEY_PREFIX) and removes them.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture(autouse=True)
def _loket(db, settings):
    # The minimum fill time is tested on its own (tests/loket); here the client may be fast.
    settings.LOKET_MIN_FILL_SECONDS = 0


@pytest.fixture(scope="session")
def site_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """A SQLite file holding the demo site: the test database itself when it is SQLite in memory
    (copied with SQLite's backup API), otherwise migrated and filled by `manage.py` (about 25 s)."""
    from django.db import connection

    path = tmp_path_factory.mktemp("site") / "demo.sqlite3"
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.ensure_connection()
            target = sqlite3.connect(path)
            connection.connection.backup(target)
            target.close()
            return path
    env = site_env(f"sqlite:///{path}")
    manage(env, "migrate", "--no-input")
    manage(env, "setup_demo")
    return path


@pytest.fixture(scope="session")
def redis_url():
    """The Redis the servers share, or a skip when none answers on TEST_REDIS_URL."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis antwoordt niet op {REDIS_URL} ({exc}); zet TEST_REDIS_URL")
    return REDIS_URL


class Sites:
    """Starts gunicorn servers, each on its own copy of the demo database; stops them all at the end."""

    def __init__(self, site_database, directory):
        self.site_database = site_database
        self.directory = directory
        self.servers = []
        self.prefixes = []

    def start(self, workers: int = 2, redis_url: str = "", **env) -> Gunicorn:
        database = self.directory / f"site-{len(self.servers)}.sqlite3"
        shutil.copyfile(self.site_database, database)
        overrides = dict(env)
        if redis_url:
            prefix = f"test-{uuid.uuid4().hex[:12]}"
            self.prefixes.append((redis_url, prefix))
            overrides |= {"REDIS_URL": redis_url, "CACHE_KEY_PREFIX": prefix}
        environ = site_env(f"sqlite:///{database}", **overrides)
        server = Gunicorn(environ, workers, "--timeout", "60")
        self.servers.append(server)
        server.database = database  # what the test reads back
        server.wait_ready("/loket/melding/")
        return server

    def stop(self):
        for server in self.servers:
            server.stop()
            server.cleanup_log()
        for url, prefix in self.prefixes:
            import redis

            client = redis.Redis.from_url(url)
            keys = list(client.scan_iter(f"{prefix}*"))
            if keys:
                client.delete(*keys)


@pytest.fixture(scope="module")
def sites(site_database, tmp_path_factory):
    """Start a server with `sites.start(workers=2, redis_url=..., LOKET_RATE_STAP="5/h", ...)`."""
    started = Sites(site_database, tmp_path_factory.mktemp("sites"))
    yield started
    started.stop()


def pytest_collection_modifyitems(items):
    """Tests that start servers (gunicorn on a SQLite copy of the demo) are marked `server`: they
    do not use the test database, so `make test` runs them once, not again on PostgreSQL."""
    for item in items:
        if "sites" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.server)
