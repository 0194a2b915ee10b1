"""Import and page benchmark at 1× and 10× the Lochem Verordening Sociaal Domein.

Run with `make bench` (or `.venv/bin/python bench/run.py`). One run measures:

1. parse time and full import time (parse + write) of the Lochem capture, and their ratio;
2. the same for a 10× synthetic regulation generated from it (bench/synth.py);
3. median server time and query count of an article page at 1× and 10×.

The database is a throwaway SQLite file in a temporary directory, or a throwaway
PostgreSQL database created next to BENCH_DATABASE_URL when that is set. The run exits
non-zero when the article page needs more queries at 10× than at 1×, or a page fails.
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

FACTOR = 10
PARSE_REPEATS = 5
PAGE_WARMUP = 3
PAGE_REPEATS = 30
# The article measured at both sizes: the longest one, with leden, links and law tags.
ARTIKEL = "2.2"


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
    from django.db import connection

    from importers.pipeline import import_bytes

    counter = QueryCounter()
    with connection.execute_wrapper(counter), Timer() as t:
        result = import_bytes(data, bron, regeling_slug=slug, dry_run=dry_run)
    return t, counter.count, result


def article_url(versie, nummer: str) -> str:
    from regelgeving.models import ArtikelPage

    page = ArtikelPage.objects.descendant_of(versie).get(nummer=nummer)
    return page.url


def measure_page(client, url: str):
    """(median seconds, min, max, queries, bytes) of GET url after a warm-up."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(PAGE_WARMUP):
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"GET {url} gaf status {response.status_code}")
    times = []
    for _ in range(PAGE_REPEATS):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return statistics.median(times), min(times), max(times), len(queries), len(response.content)


# -- output ----------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def row(label: str, *cells, width: int = 36) -> None:
    print(f"  {label:<{width}}" + "".join(f"{c:>14}" for c in cells))


def main() -> int:
    started = time.perf_counter()
    db = Database()
    db.create()
    os.environ["DATABASE_URL"] = db.url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    os.environ.setdefault("DJANGO_DEBUG", "0")  # measure what production serves
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
    from django.test import Client

    print(f"Benchmark import en artikelpagina, 1x en {FACTOR}x de Lochemse verordening")
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

    # A first import pays for Python imports and first-use caches; do it once as a dry run
    # (rolled back, so the database stays fresh) and report it separately.
    with Timer() as t:
        measure_import(small, "lochem-warmup", "bench-warmup", dry_run=True)
    print(f"  opwarmen : proefimport 1x (dry run, teruggedraaid) {ms(t.wall)}")

    # 1 and 2: parse alone and full import, per size.
    sizes = {}
    for label, data, bron, slug in [
        ("1x", small, "lochem-1x", "bench-1x"),
        (f"{FACTOR}x", big, f"lochem-{FACTOR}x", f"bench-{FACTOR}x"),
    ]:
        parse_s, document = measure_parse(data, bron)
        imp, queries, result = measure_import(data, bron, slug)
        sizes[label] = dict(parse=parse_s, imp=imp, queries=queries, result=result, counts=document.counts())
    one, ten = sizes["1x"], sizes[f"{FACTOR}x"]
    big_label = f"{FACTOR}x"

    print()
    print("Aantallen (parser)")
    row("", "1x", big_label, "factor")
    for key in one["counts"]:
        a, b = one["counts"][key], ten["counts"][key]
        row(key, f"{a:,}", f"{b:,}", f"{b / a:.1f}x" if a else "-")
    pages = {}
    from wagtail.models import Page

    for label, s in sizes.items():
        pages[label] = Page.objects.descendant_of(s["result"].versie, inclusive=True).count()
    row(
        "pagina's (incl. versie, begrippen)",
        f"{pages['1x']:,}",
        f"{pages[big_label]:,}",
        f"{pages[big_label] / pages['1x']:.1f}x",
    )

    print()
    print("Import (parse + schrijven in een verse database)")
    row("", "1x", big_label, f"{big_label}/1x")
    row(
        f"alleen parser (mediaan van {PARSE_REPEATS})",
        ms(one["parse"]),
        ms(ten["parse"]),
        f"{ten['parse'] / one['parse']:.1f}x",
    )
    row(
        "volledige import (wand)",
        ms(one["imp"].wall),
        ms(ten["imp"].wall),
        f"{ten['imp'].wall / one['imp'].wall:.1f}x",
    )
    row(
        "volledige import (CPU dit proces)",
        ms(one["imp"].cpu),
        ms(ten["imp"].cpu),
        f"{ten['imp'].cpu / one['imp'].cpu:.1f}x",
    )
    row(
        "verhouding import / parser",
        f"{one['imp'].wall / one['parse']:.0f}x",
        f"{ten['imp'].wall / ten['parse']:.0f}x",
        "",
    )
    row(
        "queries tijdens import",
        f"{one['queries']:,}",
        f"{ten['queries']:,}",
        f"{ten['queries'] / one['queries']:.1f}x",
    )
    row("import per pagina", ms(one["imp"].wall / pages["1x"]), ms(ten["imp"].wall / pages[big_label]), "")
    row(
        "queries per pagina",
        f"{one['queries'] / pages['1x']:.1f}",
        f"{ten['queries'] / pages[big_label]:.1f}",
        "",
    )

    # 3: the article page, same article in both regulations, plus the last copy at 10x.
    client = Client()
    last_copy = f"{int(ARTIKEL.split('.')[0]) + 11 * (FACTOR - 1)}.{ARTIKEL.split('.', 1)[1]}"
    targets = [
        ("1x", f"artikel {ARTIKEL}", article_url(one["result"].versie, ARTIKEL)),
        (big_label, f"artikel {ARTIKEL}", article_url(ten["result"].versie, ARTIKEL)),
        (big_label, f"artikel {last_copy}", article_url(ten["result"].versie, last_copy)),
    ]
    measured = [(size, name, url, measure_page(client, url)) for size, name, url in targets]
    print()
    print(f"Artikelpagina (Django test Client GET, {PAGE_WARMUP} keer opwarmen, mediaan van {PAGE_REPEATS})")
    row("", "mediaan", "min", "max", "queries", "bytes", width=22)
    for size, name, _url, (med, lo, hi, queries, size_bytes) in measured:
        row(f"{size:>3} {name}", ms(med), ms(lo), ms(hi), str(queries), f"{size_bytes:,}", width=22)
    for size, name, url, _ in measured:
        print(f"  {size:>3} {name}: {url}")
    q1, q10 = measured[0][3][3], measured[1][3][3]
    q_last = measured[2][3][3]
    print(f"  servertijd {big_label}/1x: {measured[1][3][0] / measured[0][3][0]:.2f}x")
    grows = q10 > q1 or q_last > q1
    verdict = "GROEIT!" if grows else "gelijk"
    print(f"  queries 1x={q1}, {big_label}={q10} ({verdict})")

    # 4: versions in time, on the same two regulations.
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
        print("FOUT: het aantal queries van de artikelpagina groeit met de omvang van de regeling.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
