"""Twenty residents send their melding at the same moment to a site on SQLite (the embedded default):
nobody gets an error page, and every melding is stored exactly once.

Between processes on a database file, as a deployment without PostgreSQL runs: gunicorn with
several workers (tests/security/conftest.py). Before SQLite waited for its write lock
(config/settings/base.py) about one in four of these posts failed with "database is locked".
"""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.security.support import Resident, reference_of, stored_references

# The servers' database is copied from the test database (tests/security/conftest.py).
pytestmark = pytest.mark.django_db

RESIDENTS = 20
UNLIMITED = "1000000/h"  # every simulated resident posts from 127.0.0.1


@pytest.fixture(scope="module")
def server(sites):
    return sites.start(
        workers=4, LOKET_RATE_STAP=UNLIMITED, LOKET_RATE_VERSTUREN=UNLIMITED, LOKET_MIN_FILL_SECONDS="0"
    )


def test_twenty_residents_sending_at_once_on_sqlite_all_get_their_confirmation(server):
    start_together = threading.Barrier(RESIDENTS)

    def melding(nummer: int):
        resident = Resident(server.base, naam=f"Inwoner {nummer:02d}")
        resident.answer_every_step()
        data, csrf = resident.ready_to_send()
        start_together.wait(timeout=120)
        sent = resident.send(data, csrf)
        confirmation = resident.get(sent.headers.get("Location", "")) if sent.status_code == 302 else None
        return sent, confirmation

    with ThreadPoolExecutor(RESIDENTS) as pool:
        results = list(pool.map(melding, range(RESIDENTS)))

    failures = [(sent.status_code, sent.text[:200]) for sent, _ in results if sent.status_code != 302]
    assert not failures, failures
    references = [reference_of(sent) for sent, _ in results]
    assert None not in references
    assert all(confirmation.status_code == 200 for _, confirmation in results)
    assert all(ref in confirmation.text for ref, (_, confirmation) in zip(references, results, strict=True))

    stored = stored_references(server.database)
    assert sorted(stored) == sorted(references) and len(set(stored)) == RESIDENTS
    assert not server.errors_in_log(), server.log_tail()
