import pytest


@pytest.fixture(autouse=True)
def _loket(db, settings):
    # The minimum fill time is tested on its own (tests/loket); here the client may be fast.
    settings.LOKET_MIN_FILL_SECONDS = 0
