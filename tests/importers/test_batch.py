"""A whole body of regulations at once: `import_publicatie` on a folder or zip of publications
imports each on its own, in a transaction of its own, with a line per publication and a summary;
unchanged sources are skipped, a bad one is refused without stopping the others, and a hostile
zip is refused as a whole."""

import io
import shutil
import stat
import threading
import time
import zipfile
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from importers.bundles import BUNDLE
from importers.models import Importopdracht
from regelgeving.models import RegelingPage, RegelingVersiePage
from regelgeving.search import statistics
from tests.importers.support import PACKAGE, zip_folder, zip_of
from tests.paths import SAMPLES
from tests.worker import run_worker

GOED = {
    "CVDR100394_2.xml": SAMPLES / "cvdr" / "CVDR100394_2.xml",
    "bgr-2024-715.xml": SAMPLES / "op-gmb" / "bgr-2024-715.xml",
}
IDENTIFIERS = ["CVDR100394_2", "bgr-2024-715", "/akn/nl/act/gm0297/2019/reg456RGL-20210604-150105/nld@1"]
KAPOT = b"<officiele-publicatie><gemeenteblad><kop>"


def run_import(*args) -> str:
    out = StringIO()
    call_command("import_publicatie", "--gemeente", "lochem", *map(str, args), stdout=out)
    return out.getvalue()


@pytest.fixture
def bundel(tmp_path):
    """A folder of publications: two single files and a STOP download package in a folder."""
    folder = tmp_path / "regelgeving"
    folder.mkdir()
    for name, path in GOED.items():
        shutil.copy(path, folder / name)
    shutil.copytree(PACKAGE, folder / "omgevingsplan")
    return folder


@pytest.fixture
def site_gebouwd():
    """The site's pages, committed before the worker backend is switched on (in a database that a
    transactional test emptied, building them replaces Wagtail's placeholder page, whose search
    update would otherwise be queued for a page that is gone)."""
    from regelgeving.site_setup import ensure_gemeente, site_address

    ensure_gemeente("Lochem", "gm1859", *site_address())


def imported() -> list[str]:
    versies = RegelingVersiePage.objects.filter(identifier__in=IDENTIFIERS)
    return sorted(versies.values_list("identifier", flat=True))


def test_a_folder_of_publications_imports_each_with_one_summary(db, bundel):
    out = run_import(bundel)
    assert imported() == sorted(IDENTIFIERS)
    assert "[1/3] CVDR100394_2.xml: geïmporteerd – Beleidsregels verkeersveiligheid en parkeren" in out
    assert "[3/3] omgevingsplan: geïmporteerd – Gemeentestad (omgevingsplan Zaltbommel)" in out
    assert out.count("Samenvatting") == 1
    assert "Samenvatting: 3 publicaties: 3 geïmporteerd, 0 bijgewerkt, 0 ongewijzigd, 0 geweigerd" in out


def test_running_again_reports_all_unchanged_and_writes_nothing(db, bundel, rijen_per_tabel):
    run_import(bundel)
    voor = rijen_per_tabel()
    out = run_import(bundel)
    assert "3 publicaties: 0 geïmporteerd, 0 bijgewerkt, 3 ongewijzigd, 0 geweigerd" in out
    assert rijen_per_tabel() == voor
    # Asked to, the same sources import again: the versions are updated in place.
    assert "0 geïmporteerd, 3 bijgewerkt" in run_import(bundel, "--opnieuw")


def test_a_changed_source_is_imported_again(db, bundel):
    run_import(bundel)
    path = bundel / "CVDR100394_2.xml"
    path.write_bytes(path.read_bytes().replace(b"parkeren", b"parkeren ", 1))
    assert "1 bijgewerkt, 2 ongewijzigd" in run_import(bundel)


def test_a_broken_file_is_refused_with_its_reason_and_the_others_import(db, bundel, rijen_per_tabel):
    # What the good publications alone write, measured and rolled back.
    with transaction.atomic():
        run_import(bundel)
        alleen_goed = rijen_per_tabel()
        transaction.set_rollback(True)
    (bundel / "kapot.xml").write_bytes(KAPOT)
    (bundel / "notities.pdf").write_bytes(b"%PDF-1.4")
    out = run_import(bundel)
    assert "5 publicaties: 3 geïmporteerd, 0 bijgewerkt, 0 ongewijzigd, 2 geweigerd" in out
    assert "geweigerd: kapot.xml: Het bestand is geen geldige XML" in out
    assert "geweigerd: notities.pdf: Onbekend bestandstype (.pdf)" in out
    assert imported() == sorted(IDENTIFIERS)
    assert rijen_per_tabel() == alleen_goed


def test_a_zip_of_publications_imports_the_same_way(db, bundel, tmp_path):
    (bundel / "kapot.xml").write_bytes(KAPOT)
    archive = tmp_path / "regelgeving.zip"
    archive.write_bytes(zip_folder(bundel))
    out = run_import(archive)
    assert "4 publicaties: 3 geïmporteerd, 0 bijgewerkt, 0 ongewijzigd, 1 geweigerd" in out
    assert "[4/4] omgevingsplan: geïmporteerd" in out
    assert imported() == sorted(IDENTIFIERS)
    # The same files from the folder are the same sources.
    assert "3 ongewijzigd, 1 geweigerd" in run_import(bundel)


def test_the_summary_as_json_lists_every_publication(db, bundel):
    import json

    (bundel / "kapot.xml").write_bytes(KAPOT)
    summary = json.loads(run_import(bundel, "--json"))
    assert summary["samenvatting"] == {"nieuw": 3, "bijgewerkt": 0, "ongewijzigd": 0, "geweigerd": 1}
    assert [b["bestand"] for b in summary["bestanden"]] == [
        "CVDR100394_2.xml", "bgr-2024-715.xml", "kapot.xml", "omgevingsplan"
    ]


def link(name: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.xml", GOED["CVDR100394_2.xml"].read_bytes())
        info = zipfile.ZipInfo(name)
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", GOED["CVDR100394_2.xml"].read_bytes())
        archive.writestr("b.xml", b"<a>" + b" " * (5 * 1024 * 1024) + b"</a>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "archive, message",
    [
        (lambda: zip_of({"a.xml": GOED["CVDR100394_2.xml"].read_bytes(), "../b.xml": b"<b/>"}),
         "pad buiten het pakket"),
        (lambda: zip_of({"a.xml": b"<a/>", "b/binnen.zip": zip_of({"c.xml": b"<c/>"})}), "ander archief"),
        (lambda: link("b/link.xml"), "koppeling"),
        (bomb, "zip-bom"),
        (lambda: zip_of({f"f{i}.xml": b"<a/>" for i in range(BUNDLE.files + 1)}), "meer dan 5000 bestanden"),
    ],
    ids=["pad", "archief", "koppeling", "zip-bom", "aantal"],
)
def test_a_hostile_zip_of_publications_is_refused_and_nothing_is_written(
    db, tmp_path, rijen_per_tabel, archive, message
):
    source = tmp_path / "regelgeving.zip"
    source.write_bytes(archive())
    voor = rijen_per_tabel()
    with pytest.raises(CommandError, match=message) as exc:
        run_import(source)
    assert "\n" not in str(exc.value)
    assert rijen_per_tabel() == voor


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_with_the_database_backend_each_publication_is_a_task_of_its_own(
    site_gebouwd, database_tasks, bundel
):
    (bundel / "kapot.xml").write_bytes(KAPOT)
    out = run_import(bundel, "--niet-wachten")
    assert "4 publicaties in de wachtrij gezet" in out
    taken = DBTaskResult.objects.filter(task_path="importers.tasks.import_bestand")
    assert taken.count() == 4
    assert imported() == []
    run_worker()
    opdracht = Importopdracht.objects.get()
    assert opdracht.status == Importopdracht.KLAAR
    assert opdracht.rapport["samenvatting"] == {"nieuw": 3, "bijgewerkt": 0, "ongewijzigd": 0, "geweigerd": 1}
    assert imported() == sorted(IDENTIFIERS)
    assert all(bytes(b.bestand) == b"" for b in opdracht.bestanden.all())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_command_waits_for_the_workers_and_shows_each_result(site_gebouwd, database_tasks, bundel):
    """The command enqueues, a worker imports, and the command's polling prints every line."""
    out, errors = StringIO(), []

    def command():
        try:
            call_command("import_publicatie", "--gemeente", "lochem", str(bundel), stdout=out)
        except BaseException as exc:  # noqa: BLE001 - reported in the test's own thread
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=command)
    thread.start()
    while thread.is_alive() and not DBTaskResult.objects.filter(
        task_path="importers.tasks.import_bestand"
    ).count() == 3:
        time.sleep(0.05)
    run_worker()
    thread.join()
    assert not errors, errors
    lines = out.getvalue().splitlines()
    assert sorted(line.split("] ")[1].split(":")[0] for line in lines[:3]) == [
        "CVDR100394_2.xml", "bgr-2024-715.xml", "omgevingsplan"
    ]
    assert lines[3] == "Samenvatting: 3 publicaties: 3 geïmporteerd, 0 bijgewerkt, 0 ongewijzigd, 0 geweigerd"


def test_the_same_bytes_asked_into_another_regeling_are_not_skipped_as_unchanged(db, bundel):
    run_import(bundel)
    assert "3 ongewijzigd" in run_import(bundel)  # asked into the same places: unchanged

    out = run_import("--regeling", "kopie-elders", bundel)

    assert "0 ongewijzigd" in out
    elders = RegelingPage.objects.get(slug="kopie-elders")
    assert RegelingVersiePage.objects.filter(path__startswith=elders.path).exists()


def test_a_folder_import_renews_the_planner_statistics_once_at_the_end(db, bundel, monkeypatch):
    """Each publication is small and in a transaction of its own; together they change the tables
    enough that PostgreSQL's planner statistics must be renewed, once, after the last one."""
    monkeypatch.setattr(statistics, "ANALYZE_AFTER", 20)  # the three publications have more pages
    with CaptureQueriesContext(connection) as queries:
        run_import(bundel)
    sql = [q["sql"] for q in queries.captured_queries]
    analyzed = [i for i, q in enumerate(sql) if q.startswith("ANALYZE")]
    if connection.vendor != "postgresql":
        assert analyzed == []
        return
    tables = statistics.page_and_search_tables()
    assert [sql[i] for i in analyzed] == [f'ANALYZE "{table}"' for table in tables]
    last_write = max(i for i, q in enumerate(sql) if q.startswith('INSERT INTO "wagtailcore_page"'))
    assert analyzed[0] > last_write
