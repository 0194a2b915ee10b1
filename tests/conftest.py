from pathlib import Path

import pytest
from django.core.management import call_command

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "samples"
LOCHEM = DATA / "002_d06f3620ec058673.txt"
LOCHEM_URL = "/regelgeving/verordening-sociaal-domein/2026/"


@pytest.fixture
def lochem(db):
    """The Lochem Verordening Sociaal Domein 2026 imported by `setup_demo`, as `make run` does."""
    call_command("setup_demo", stdout=open("/dev/null", "w"))
    from regelgeving.models import RegelingVersiePage

    return RegelingVersiePage.objects.get(identifier="gmb-2025-538386")


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache: rate limit counters and Wagtail's site root paths live there."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
