"""Import and page benchmark at 1× and 10× the Lochem Verordening Sociaal Domein.

Run with `make bench` (or `.venv/bin/python bench/run.py`). One run measures, on one database:

1. the parser alone, and the import (parse + write, committed) of the Lochem capture and of a
   10× synthetic regulation (bench/synth.py, about 650 pages), in pages per second; the search
   indexing that follows each import after its commit (a task), separately; and a plain bulk
   INSERT of as many page rows as the 10× import wrote, as the floor of any import;
2. article, hoofdstuk and begrip pages at 1× and 10×: median server time and queries, from the
   page cache (the usual case) and rendered afresh, beside Django serving a static file through
   the same middleware;
3. versions in time (bench/versions.py).

The database is a throwaway SQLite file in a temporary directory, or a throwaway PostgreSQL
database created next to BENCH_DATABASE_URL when that is set (`make bench` runs both when
PostgreSQL answers). The run exits non-zero when a page needs more queries at 10× than at 1×,
or a page fails.
"""

from __future__ import annotations

import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import LOCHEM, synthetic  # noqa: E402

from tests.stack import give_throwaway_keys  # noqa: E402

FACTOR = 10
PARSE_REPEATS = 5
PAGE_WARMUP = 3
PAGE_REPEATS = 30
UNCACHED_REPEATS = 10
# The article measured at both sizes: the longest one, with leden, links and law tags.
ARTIKEL = "2.2"
HOOFDSTUK = "2"
BEGRIP = "mantelzorger"
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


# -- database ------------------------------------------------------------------


class Database:
    """A fresh database for this run: SQLite in a temp dir, or a new PostgreSQL database."""

    def __init__(self):
        self.tmpdir = None
        self.pg_admin_url = None
        self.pg_name = None
        base = os.environ.get("BENCH_DATABASE_URL", "")
        if base:
            parts = urlsplit(base)
            self.pg_name = f"bench_{os.getpid()}_{uuid.uuid4().hex[:8]}"
            self.pg_admin_url = base
            self.url = urlunsplit(parts._replace(path="/" + self.pg_name))
            self.label = f"PostgreSQL, database {self.pg_name} (removed afterwards)"
        else:
            self.tmpdir = tempfile.mkdtemp(prefix="bench-")
            self.url = f"sqlite:///{self.tmpdir}/bench.sqlite3"
            self.label = f"SQLite {self.tmpdir}/bench.sqlite3 (removed afterwards)"

    def create(self) -> None:
        if self.pg_name:
            import psycopg

            with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
                conn.execute(f'CREATE DATABASE "{self.pg_name}"')

    def drop(self) -> None:
        if self.tmpdir:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
        if self.pg_name:
            from django.db import connections

            connections.close_all()
            import psycopg

            with psycopg.connect(self.pg_admin_url, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}"')


# -- measuring -------------------------------------------------------------------


class Timer:
    """Wall time (perf_counter) and this process's CPU time of a block."""

    def __enter__(self):
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu


class QueryCounter:
    """Counts every query on the default connection (no 9000-query cap like the test utils)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def measure_parse(data: bytes, bron: str):
    from importers.formats import parse_publicatie

    times, document = [], None
    for _ in range(PARSE_REPEATS):
        with Timer() as t:
            document = parse_publicatie(data, bron)
        times.append(t.wall)
    return statistics.median(times), document


def measure_import(data: bytes, bron: str, slug: str, dry_run: bool = False):
    """The import (parse + write, committed), then the search indexing it queued, each timed.

    The task backend only records the indexing task during the import, as a worker's queue
    would; it is then run here, in this process, as the immediate backend runs it after commit.
    """
    from django.core.exceptions import ObjectDoesNotExist
    from django.db import connection
    from django.test import override_settings
    from django_tasks import default_task_backend

    from importers.pipeline import import_bytes

    counter = QueryCounter()
    with override_settings(TASKS=DUMMY_TASKS):
        default_task_backend.clear()
        with connection.execute_wrapper(counter), Timer() as write:
            result = import_bytes(data, bron, regeling_slug=slug, dry_run=dry_run)
        # A dry run rolls back what its tasks would index.
        queued = [] if dry_run else list(default_task_backend.results)
    with Timer() as index:
        for task_result in queued:
            try:
                task_result.task.call(*task_result.args, **task_result.kwargs)
            except ObjectDoesNotExist:
                pass  # queued by a save of a page deleted later in the import: nothing to index

    return write, index, counter.count, result


def measure_bulk_insert(count: int) -> float:
    """A plain bulk INSERT of `count` page rows below one page, in a transaction rolled back."""
    from django.db import transaction
    from wagtail.models import Page

    class RolledBack(Exception):
        pass

    home = Page.objects.get(depth=2)
    try:
        with transaction.atomic():
            parent = home.add_child(instance=Page(title="Bulk", slug=f"bulk-{uuid.uuid4().hex[:6]}"))
            rows = [
                Page(
                    title=f"Pagina {i}",
                    slug=f"pagina-{i}",
                    path=Page._get_path(parent.path, parent.depth + 1, i),
                    depth=parent.depth + 1,
                    url_path=f"{parent.url_path}pagina-{i}/",
                    locale_id=parent.locale_id,
                )
                for i in range(1, count + 1)
            ]
            with Timer() as t:
                Page.objects.bulk_create(rows)
            raise RolledBack
    except RolledBack:
        pass
    return t.wall


def page_url(versie, model_name: str, **lookup) -> str:
    from django.apps import apps

    model = apps.get_model("regelgeving", model_name)
    return model.objects.descendant_of(versie).get(**lookup).url


def measure_page(client, url: str, cached: bool = True):
    """(median seconds, min, max, queries, bytes) of GET url, from the page cache or rendered afresh."""
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    page_cache = caches[settings.PAGE_CACHE]
    for _ in range(PAGE_WARMUP):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} gaf status {response.status_code}")
    times = []
    for _ in range(PAGE_REPEATS if cached else UNCACHED_REPEATS):
        if not cached:
            page_cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    if not cached:
        page_cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return statistics.median(times), min(times), max(times), len(queries), len(body)


# -- output ----------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def row(label: str, *cells, width: int = 40) -> None:
    print(f"  {label:<{width}}" + "".join(f"{c:>14}" for c in cells))


def main() -> int:
    started = time.perf_counter()
    db = Database()
    db.create()
    os.environ["DATABASE_URL"] = db.url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.base"
    os.environ.setdefault("DJANGO_DEBUG", "0")  # measure what production serves
    give_throwaway_keys(os.environ)  # which debug off asks for (config/settings/keys.py)
    # The test client speaks http; production's redirect to https is not what is measured here.
    os.environ.setdefault("DJANGO_SSL_REDIRECT", "0")
    # WhiteNoise warns that collectstatic has not run; irrelevant for these pages.
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")

    import django

    django.setup()
    try:
        return run(db, started)
    finally:
        db.drop()


def run(db: Database, started: float) -> int:
    from django.core.management import call_command
    from django.test import Client, override_settings
    from wagtail.models import Page

    print(f"Benchmark import en pagina's, 1x en {FACTOR}x de Lochemse verordening")
    print(f"  database : {db.label}")
    print(
        f"  machine  : Python {platform.python_version()}, {os.cpu_count()} CPU's, "
        f"load {os.getloadavg()[0]:.2f} (tijden zijn wandkloktijd via perf_counter)"
    )

    with Timer() as t:
        call_command("migrate", verbosity=0, interactive=False)
    print(f"  migrate  : {ms(t.wall)}")

    small = LOCHEM.read_bytes()
    with Timer() as t:
        big = synthetic(FACTOR)
    print(f"  {FACTOR}x-tekst : {len(big):,} bytes gegenereerd in {ms(t.wall)} (1x: {len(small):,} bytes)")

    # A first import pays for Python imports, first-use caches and the national laws it creates
    # once; do it once as a dry run (rolled back, so the database stays fresh), reported apart.
    with Timer() as t:
        measure_import(small, "lochem-warmup", "bench-warmup", dry_run=True)
    print(f"  opwarmen : proefimport 1x (dry run, teruggedraaid) {ms(t.wall)}")

    sizes = {}
    for label, data, bron, slug in [
        ("1x", small, "lochem-1x", "bench-1x"),
        (f"{FACTOR}x", big, f"lochem-{FACTOR}x", f"bench-{FACTOR}x"),
    ]:
        parse_s, document = measure_parse(data, bron)
        write, index, queries, result = measure_import(data, bron, slug)
        pages = Page.objects.descendant_of(result.versie, inclusive=True).count()
        sizes[label] = dict(
            parse=parse_s, write=write, index=index, queries=queries, result=result, pages=pages,
            counts=document.counts(),
        )
    one, ten = sizes["1x"], sizes[f"{FACTOR}x"]
    big_label = f"{FACTOR}x"
    bulk = measure_bulk_insert(ten["pages"])

    print()
    print("Aantallen (parser)")
    row("", "1x", big_label, "factor")
    for key in one["counts"]:
        a, b = one["counts"][key], ten["counts"][key]
        row(key, f"{a:,}", f"{b:,}", f"{b / a:.1f}x" if a else "-")
    row("pagina's (incl. versie, begrippen)", f"{one['pages']:,}", f"{ten['pages']:,}",
        f"{ten['pages'] / one['pages']:.1f}x")

    print()
    print("Import (in dit proces; pagina's per seconde = pagina's / tijd)")
    row("", "1x", big_label, f"{big_label}/1x")
    row(f"alleen parser (mediaan van {PARSE_REPEATS})", ms(one["parse"]), ms(ten["parse"]),
        f"{ten['parse'] / one['parse']:.1f}x")
    row("import: parse + schrijven (commit)", ms(one["write"].wall), ms(ten["write"].wall),
        f"{ten['write'].wall / one['write'].wall:.1f}x")
    row("  pagina's per seconde", f"{one['pages'] / one['write'].wall:,.0f}",
        f"{ten['pages'] / ten['write'].wall:,.0f}", "")
    row("zoekindex na commit (taak)", ms(one["index"].wall), ms(ten["index"].wall),
        f"{ten['index'].wall / one['index'].wall:.1f}x")
    total_one, total_ten = one["write"].wall + one["index"].wall, ten["write"].wall + ten["index"].wall
    row("import + zoekindex", ms(total_one), ms(total_ten), f"{total_ten / total_one:.1f}x")
    row("  pagina's per seconde", f"{one['pages'] / total_one:,.0f}", f"{ten['pages'] / total_ten:,.0f}", "")
    row("queries tijdens import", f"{one['queries']:,}", f"{ten['queries']:,}",
        f"{ten['queries'] / one['queries']:.1f}x")
    row("verhouding import / parser", f"{one['write'].wall / one['parse']:.0f}x",
        f"{ten['write'].wall / ten['parse']:.0f}x", "")
    print(f"  kale bulk-INSERT van {ten['pages']:,} paginarijen (ondergrens): {ms(bulk)}; "
          f"import {big_label} / bulk-INSERT: {ten['write'].wall / bulk:.0f}x")

    # 2: pages, same pages in both regulations, plus the last article copy at 10x.
    client = Client()
    last_copy = f"{int(ARTIKEL.split('.')[0]) + 11 * (FACTOR - 1)}.{ARTIKEL.split('.', 1)[1]}"
    targets = []
    for label in ("1x", big_label):
        versie = sizes[label]["result"].versie
        targets += [
            (label, f"artikel {ARTIKEL}", page_url(versie, "ArtikelPage", nummer=ARTIKEL)),
            (label, f"hoofdstuk {HOOFDSTUK}", page_url(versie, "DivisiePage", nummer=HOOFDSTUK)),
            (label, f"begrip {BEGRIP}", page_url(versie, "BegripPage", slug=BEGRIP)),
        ]
    last_url = page_url(ten["result"].versie, "ArtikelPage", nummer=last_copy)
    targets.append((big_label, f"artikel {last_copy}", last_url))
    with override_settings(ROOT_URLCONF="bench_urls"):
        static = measure_page(client, "/bench/statisch-bestand/")
        measured = [
            (size, name, url, measure_page(client, url), measure_page(client, url, cached=False))
            for size, name, url in targets
        ]
    print()
    print(
        f"Pagina's (Django test Client GET; uit de paginacache: mediaan van {PAGE_REPEATS}; "
        f"opnieuw opgebouwd: mediaan van {UNCACHED_REPEATS})"
    )
    row("", "mediaan", "queries", "/ statisch", "opgebouwd", "queries", "bytes", width=26)
    row("statisch bestand", ms(static[0]), str(static[3]), "1.0x", "", "", f"{static[4]:,}", width=26)
    for size, name, _url, hit, fresh in measured:
        row(f"{size:>3} {name}", ms(hit[0]), str(hit[3]), f"{hit[0] / static[0]:.1f}x", ms(fresh[0]),
            str(fresh[3]), f"{hit[4]:,}", width=26)
    for size, name, url, _, _ in measured:
        print(f"  {size:>3} {name}: {url}")
    by_name = {(size, name): (hit, fresh) for size, name, _url, hit, fresh in measured}
    grows = any(
        by_name[(big_label, name)][i][3] > by_name[("1x", name)][i][3]
        for name in (f"artikel {ARTIKEL}", f"hoofdstuk {HOOFDSTUK}", f"begrip {BEGRIP}")
        for i in (0, 1)
    )
    print(f"  queries bij {big_label} {'GROEIEN!' if grows else 'gelijk aan 1x'}")

    # 3: versions in time, on the same two regulations.
    import versions

    versions.report(
        client,
        [
            ("1x", "bench-1x", small, one["result"].versie),
            (big_label, "bench-10x", big, ten["result"].versie),
        ],
        row,
        ms,
    )

    print()
    print(f"Totale duur van deze run: {ms(time.perf_counter() - started)}")
    if grows:
        print("FOUT: het aantal queries van een pagina groeit met de omvang van de regeling.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
