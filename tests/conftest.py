"""What every test shares: one test database per run, built once, and every test rolled back.

pytest-django creates the test database and migrates it once per session; the override of
`django_db_setup` below then runs `setup_demo` once (the Lochem verordening with the real importer,
the home page and the loket), so every test that asks for `db` starts from the demo site inside a
transaction that is rolled back afterwards. Later versions of the verordening are derived from
the capture by recorded edits (`tests/data/versies/`); `importeer` writes one where a test, or a
module through `bewaard_voor_scope`, needs it.
"""

import io
import json
from contextlib import contextmanager

import pytest
from django.core.management import call_command
from django.db import transaction

from demo import LOCHEM_REGELING
from tests.factories import lochem_gemeente
from tests.paths import LOCHEM, LOCHEM_IDENTIFIER, VERSIES

# The shared helpers assert too; rewrite their asserts as pytest does for test modules.
pytest.register_assert_rewrite("tests.browser.support", "tests.loket.support")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The migrated test database, then the demo site once for the whole run."""
    with django_db_blocker.unblock():
        # Lochem only: most tests read one site; tests of several gemeenten add Heemstede
        # for their module (the `heemstede` fixture).
        call_command("setup_demo", "--gemeente", "lochem", stdout=io.StringIO())


@pytest.fixture
def lochem(db):
    """The Lochem Verordening Sociaal Domein 2026, as `make run` imports it."""
    from regelgeving.models import RegelingVersiePage

    return RegelingVersiePage.objects.get(identifier=LOCHEM_IDENTIFIER)


@pytest.fixture
def rijen_per_tabel(db):
    """Count the rows of every table; equal counts before and after show that nothing was stored."""
    from django.apps import apps

    def tel() -> dict[str, int]:
        return {model._meta.label: model._base_manager.count() for model in apps.get_models()}

    return tel


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with empty caches: rate limit counters, Wagtail's site root paths and the
    rendered pages (a page cached under a key that a rolled-back test renewed would stay) live there."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


# -- data kept for a module or class -------------------------------------------------------------


@pytest.fixture(scope="session")
def bewaard_voor_scope(django_db_blocker):
    """A context manager: what is written inside it stays for the module or class that uses it.

    It opens a transaction that is rolled back when that scope ends; every test inside runs in a
    savepoint of its own within it (the `db` fixture).
    """

    @contextmanager
    def bewaard():
        with django_db_blocker.unblock():
            atomic = transaction.atomic()
            atomic.__enter__()
        try:
            with django_db_blocker.unblock():
                yield
        finally:
            with django_db_blocker.unblock():
                transaction.set_rollback(True)
                atomic.__exit__(None, None, None)

    return bewaard


@pytest.fixture(scope="module")
def heemstede(bewaard_voor_scope):
    """The demo's second gemeente on heemstede.localhost, with its site, regeling and statements,
    for the tests of one module (made once for the module, gone after it)."""
    from wagtail.models import Page

    from regelgeving.models import Gemeente
    from regelgeving.search.tasks import reindex_pages

    with bewaard_voor_scope():
        call_command("setup_demo", "--gemeente", "heemstede", stdout=io.StringIO())
        gemeente = Gemeente.objects.select_related("site__root_page").get(cbs_code="gm0397")
        # The import indexes its pages once committed, which this transaction never is: index now.
        pages = Page.objects.descendant_of(gemeente.site.root_page).values_list("pk", flat=True)
        reindex_pages.call(list(pages))
        yield gemeente


# -- derived later versions ------------------------------------------------------------------------


def _derived_text(name: str) -> bytes:
    recipe = json.loads((VERSIES / f"{name}.json").read_text(encoding="utf-8"))
    base = recipe["base"]
    if base.endswith(".json"):
        text = _derived_text(base.removesuffix(".json")).decode("utf-8")
    else:
        assert base == LOCHEM.name, f"{name}: onbekende basis {base}"
        text = LOCHEM.read_text(encoding="utf-8")
    for edit in recipe["edits"]:
        found = text.count(edit["old"])
        expected = edit.get("count", found)
        if found == 0 or found != expected:
            raise AssertionError(f"{name}: edit '{edit['what']}' found {found}x, expected {expected}x")
        text = text.replace(edit["old"], edit["new"])
    return text.encode("utf-8")


@pytest.fixture(scope="session")
def derived_version():
    """The text of a derived later version, e.g. derived_version("gmb-2026-612345")."""
    return _derived_text


@pytest.fixture(scope="session")
def importeer(derived_version):
    """Import a derived version as an editor would: it arrives as a draft of the Lochem regeling."""
    from importers.pipeline import import_bytes

    def importeer(naam: str):
        return import_bytes(
            derived_version(naam), naam, regeling_slug=LOCHEM_REGELING, gemeente=lochem_gemeente()
        ).versie

    return importeer


@pytest.fixture(scope="session")
def publiceer_nu():
    """Publish a draft version straight away, as an editor does after clearing the go-live date."""
    from regelgeving.models import RegelingVersiePage

    def publiceer_nu(versie):
        versie = RegelingVersiePage.objects.get(pk=versie.pk)
        versie.go_live_at = None
        versie.save_revision().publish()
        return RegelingVersiePage.objects.get(pk=versie.pk)

    return publiceer_nu


# -- tasks ---------------------------------------------------------------------------------------


@pytest.fixture
def database_tasks(settings):
    """Tasks are queued in the database for a worker (tests/worker.py), as with TASK_BACKEND=database
    in production. django_tasks resets its backends when the setting changes, and back afterwards."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
