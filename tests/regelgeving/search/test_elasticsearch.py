"""The Elasticsearch/OpenSearch wiring, against a real server when SEARCH_URL names one.

Without SEARCH_URL these tests are skipped, and say so: there is no engine to test against,
and a mock of our own would prove nothing.
"""

import os
import uuid

import pytest
from django.core.management import call_command

SEARCH_URL = os.environ.get("SEARCH_URL", "")

pytestmark = pytest.mark.skipif(
    not SEARCH_URL,
    reason="SEARCH_URL is niet gezet: geen Elasticsearch/OpenSearch-server om de koppeling tegen te testen",
)


@pytest.fixture
def es_index(settings, lochem):
    """The Lochem verordening in a fresh index of its own on the configured server."""
    from wagtail.search.backends import get_search_backend

    name = f"regelgeving_test_{uuid.uuid4().hex[:8]}"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {**settings.WAGTAILSEARCH_BACKENDS["default"], "INDEX": name}
    }
    call_command("update_index", stdout=open(os.devnull, "w"))
    backend = get_search_backend()
    backend.refresh_indexes()
    yield backend
    for index in backend.all_indexes():
        index.delete()


def _search(q, **kwargs):
    from regelgeving.search.service import Zoekvraag, zoek

    return zoek(Zoekvraag(q=q, **kwargs))


def test_the_configured_backend_is_elasticsearch_with_dutch_analysis(es_index):
    from regelgeving.search.elasticsearch import DUTCH_ANALYSIS

    assert "elasticsearch" in type(es_index).__module__ or "opensearch" in type(es_index).__module__
    analysis = es_index.settings["settings"]["analysis"]
    assert analysis["analyzer"]["default"] == DUTCH_ANALYSIS["settings"]["analysis"]["analyzer"]["default"]


def test_compounds_stems_and_synonyms_on_the_engine(es_index):
    found = {t.nummer for t in _search("mantelzorg").resultaten if t.soort == "artikel"}
    assert "5.2.1" in found  # mantelzorgcompliment, mantelzorgwoning
    assert any(t.nummer == "8.3" for t in _search("persoonsgebonden budget").resultaten)
    assert _search("bewoner").aantal > 0  # "medebewoners"


def test_a_published_version_is_live_in_the_engine_and_an_edit_replaces_old_words(
    es_index, lochem, django_capture_on_commit_callbacks, importeer
):
    """Publishing a version makes its pages live with one UPDATE; without the re-index task an
    engine that stores `live` would keep hiding them."""
    from regelgeving.models import ArtikelPage, RegelingVersiePage

    with django_capture_on_commit_callbacks(execute=True):  # the import indexes after its commit
        versie = importeer("gmb-2026-612345")
    versie = RegelingVersiePage.objects.get(pk=versie.pk)
    versie.go_live_at = None
    with django_capture_on_commit_callbacks(execute=True):
        versie.save_revision().publish()
    es_index.refresh_indexes()
    found = {t.scope.versie.pk for t in _search("mantelzorgcompliment", alle_versies=True).resultaten}
    assert versie.pk in found and lochem.pk in found

    artikel = ArtikelPage.objects.get(versie=lochem, nummer="10.9")
    artikel.title = "Artikel 10.9 Inwonerspanel Zeppelinweide"
    with django_capture_on_commit_callbacks(execute=True):
        artikel.save_revision().publish()
    es_index.refresh_indexes()
    assert any(t.page.pk == artikel.pk for t in _search("zeppelinweide").resultaten)
