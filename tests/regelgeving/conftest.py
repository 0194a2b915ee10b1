"""Later versions of the Lochem verordening, written once for the class of tests that reads them."""

import pytest
from django.test import TestCase

VERSIE_2027 = "gmb-2026-612345"  # derived: in force from 1 January 2027
VERSIE_2028 = "gmb-2027-700001"  # derived: in force from 1 July 2028


@pytest.fixture(scope="class")
def _versie_2027_bewaard(bewaard_voor_scope, importeer, publiceer_nu):
    """The 2027 version imported and published, once per class; its indexing runs as on commit."""
    with bewaard_voor_scope():
        with TestCase.captureOnCommitCallbacks(execute=True):
            pk = publiceer_nu(importeer(VERSIE_2027)).pk
        yield pk


@pytest.fixture(scope="class")
def _versie_2028_bewaard(_versie_2027_bewaard, bewaard_voor_scope, importeer, publiceer_nu):
    with bewaard_voor_scope():
        with TestCase.captureOnCommitCallbacks(execute=True):
            pk = publiceer_nu(importeer(VERSIE_2028)).pk
        yield pk


@pytest.fixture
def v2027(_versie_2027_bewaard, db):
    from regelgeving.models import RegelingVersiePage

    return RegelingVersiePage.objects.get(pk=_versie_2027_bewaard)


@pytest.fixture
def drie_versies(lochem, v2027, _versie_2028_bewaard):
    """2026 (in force), 2027 and 2028 (published, still to come)."""
    from regelgeving.models import RegelingVersiePage

    return lochem, v2027, RegelingVersiePage.objects.get(pk=_versie_2028_bewaard)
