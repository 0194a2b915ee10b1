"""Later versions of the Lochem verordening, written once for the class of tests that reads them."""

import pytest
from django.test import TestCase

VERSIE_2027 = "gmb-2026-612345"  # derived: in force from 1 January 2027
VERSIE_2028 = "gmb-2027-700001"  # derived: in force from 1 July 2028


@pytest.fixture(scope="class")
def _versie_2027_bewaard(bewaard_voor_scope, importeer, publiceer_nu):
    """The 2027 version imported and published (its re-index run on 'commit'), once per class."""
    with bewaard_voor_scope(), TestCase.captureOnCommitCallbacks(execute=True):
        yield publiceer_nu(importeer(VERSIE_2027)).pk


@pytest.fixture(scope="class")
def _versie_2028_bewaard(_versie_2027_bewaard, bewaard_voor_scope, importeer, publiceer_nu):
    with bewaard_voor_scope(), TestCase.captureOnCommitCallbacks(execute=True):
        yield publiceer_nu(importeer(VERSIE_2028)).pk


@pytest.fixture
def v2027(_versie_2027_bewaard, db):
    from regelgeving.models import RegelingVersiePage

    return RegelingVersiePage.objects.get(pk=_versie_2027_bewaard)


@pytest.fixture
def drie_versies(lochem, v2027, _versie_2028_bewaard):
    """2026 (in force), 2027 and 2028 (published, still to come)."""
    from regelgeving.models import RegelingVersiePage

    return lochem, v2027, RegelingVersiePage.objects.get(pk=_versie_2028_bewaard)
