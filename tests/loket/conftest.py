import pytest

from tests.loket.support import FlakyBackend


@pytest.fixture(autouse=True)
def _loket(db, settings):
    # The minimum fill time is tested on its own; elsewhere the test client is faster than a human.
    settings.LOKET_MIN_FILL_SECONDS = 0


@pytest.fixture
def flaky_mail(settings):
    settings.EMAIL_BACKEND = "tests.loket.support.FlakyBackend"
    FlakyBackend.failures = 0
    yield FlakyBackend
    FlakyBackend.failures = 0
