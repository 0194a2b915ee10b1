import pytest


@pytest.fixture(autouse=True)
def _loket(db, settings):
    # The minimum fill time is tested on its own; elsewhere the test client is faster than a human.
    settings.LOKET_MIN_FILL_SECONDS = 0
