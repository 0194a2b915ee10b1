"""Search benchmark: relevance and latency of `regelgeving.search.service.zoek`, per backend.

Run with `make bench` (after bench/run.py) or `.venv/bin/python bench/search.py`.

What is measured, on SQLite and — when it answers — on PostgreSQL (BENCH_DATABASE_URL, else
postgres://postgres@127.0.0.1:5432/test, used as admin URL to create the benchmark databases):

1. Relevance: the queries of bench/zoekvragen.py (staff citations and terms, inwoner
   phrasings, each with the pages a staff member accepts) against the Lochem verordening
   alone (1x). hit@1 / hit@3: an accepted page is first / among the first three results of
   `zoek(Zoekvraag(q=...)).resultaten` (pinned citations and begrippen first, as on the site).
   Goal: hit@3 >= 90% on both backends. Also shown at 100x, where only the Lochem page counts.
2. Latency of `zoek()` over the same queries with the default peildatum (today), on Lochem
   alone (1x) and on Lochem plus 100 synthetic regelingen of about 300 articles each (100x,
   about 30,000 articles; see bench/corpus.py). Every query is run once to warm up and then
   REPEATS times; its time is the median of those. p50 / p95 are taken over the queries.
   Goal: p95 under 50 ms on PostgreSQL at 100x.
3. Beside it, the raw full-text SQL the backend issues: zoek() is run once more under
   django.test.utils.CaptureQueriesContext (and an execute wrapper that keeps the params);
   the full-text statements (SQLite: `MATCH`, PostgreSQL: `@@`; the counts and the ranked
   page of results) are executed again, exactly as captured, with the same params on a raw
   cursor (first run discarded, median of REPEATS). "ruwe FTS-SQL" is their summed time per
   query; the ratio zoek/ruw is over the queries that issue full-text SQL (pure citations
   do not). The same run splits zoek() into time spent in SQL (all statements) and the rest
   (Python).

Corpora are built through the real importer and Wagtail's own index (`update_index`), and
cached between runs while nothing they depend on changes (bench/corpus.py): the first run
builds them (both backends in parallel; the build time is printed), later runs reuse them.
`--profiel` adds EXPLAIN ANALYZE of the full-text SQL and a Python profile of zoek() for the
slowest queries at 100x. Exits non-zero only when something fails, not when a goal is missed.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402

from tests.stack import give_throwaway_keys  # noqa: E402

PG_ADMIN_DEFAULT = "postgres://postgres@127.0.0.1:5432/test"
SIZES = ("1x", "100x")
REPEATS = 5
# Wagtail's SQLite backend scores every page in scope with a correlated FTS subquery: at 100x a
# common word takes seconds, so that corpus is timed once per query (after the warm-up pass).
REPEATS_SQLITE_100X = 1
GOAL_HIT3 = 0.90
GOAL_P95_MS = 50.0
PG_BUILD_WORKERS = 2  # parallel importers into the PostgreSQL corpus (SQLite has one writer)
LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


# -- corpora in the cache ----------------------------------------------------------------


@dataclass
class Corpus:
    backend: str  # "sqlite" or "postgresql"
    size: str  # "1x" or "100x"
    fingerprint: str
    pg_admin: str = ""

    @property
    def name(self) -> str:
        return f"search_{self.size}_{self.fingerprint}"

    @property
    def label(self) -> str:
        return f"{LABELS[self.backend]} {self.size}"

    # SQLite: a file in bench/.cache; PostgreSQL: a kept database next to the admin URL.
    def _path(self, building: bool) -> Path:
        return corpus.CACHE_DIR / f"{self.name}{'.bouw' if building else ''}.sqlite3"

    def _db(self, building: bool) -> str:
        return f"bench_{self.name}{'_bouw' if building else ''}"

    def url(self, building: bool = False) -> str:
        if self.backend == "sqlite":
            return f"sqlite:///{self._path(building)}"
        return urlunsplit(urlsplit(self.pg_admin)._replace(path="/" + self._db(building)))

    @property
    def where(self) -> str:
        if self.backend == "sqlite":
            return str(self._path(False).relative_to(ROOT))
        return f"database {self._db(False)}"

    @property
    def meta_path(self) -> Path:
        return corpus.CACHE_DIR / f"{self.backend}-{self.name}.json"

    def exists(self) -> bool:
        if self.backend == "sqlite":
            return self._path(False).exists()
        return self._db(False) in pg_databases(self.pg_admin)

    def prepare_build(self) -> None:
        """Make the build target exist (a partial build from an interrupted run is kept and
        continued) and remove stale corpora of the same size built from other sources."""
        if self.backend == "sqlite":
            for old in corpus.CACHE_DIR.glob(f"search_{self.size}_*.sqlite3*"):
                if self.fingerprint not in old.name:
                    old.unlink()
            return
        import psycopg

        with psycopg.connect(self.pg_admin, autocommit=True) as conn:
            for name in pg_databases(self.pg_admin):
                if name.startswith(f"bench_search_{self.size}_") and self.fingerprint not in name:
                    conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if self._db(True) not in pg_databases(self.pg_admin):
                conn.execute(f'CREATE DATABASE "{self._db(True)}"')

    def finish_build(self) -> None:
        if self.backend == "sqlite":
            os.replace(self._path(True), self._path(False))
            return
        import psycopg

        with psycopg.connect(self.pg_admin, autocommit=True) as conn:
            conn.execute(f'ALTER DATABASE "{self._db(True)}" RENAME TO "{self._db(False)}"')


def pg_databases(admin_url: str) -> set[str]:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def pg_answers(admin_url: str) -> bool:
    try:
        import psycopg

        psycopg.connect(admin_url, connect_timeout=3).close()
        return True
    except Exception:  # noqa: BLE001 - any failure means: no PostgreSQL for this run
        return False


# -- child processes -------------------------------------------------------------------


def child_env(url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DJANGO_DEBUG="0",
        PYTHONUNBUFFERED="1",
    )
    env.pop("SEARCH_URL", None)  # the database backends are measured, not Elasticsearch
    return env


def django_setup() -> None:
    import warnings

    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
    import django

    django.setup()


def cmd_build(args) -> int:
    """Child: import the missing regelingen of a corpus, then build the index once."""
    django_setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    # Pages are saved through Wagtail by the importer, but not indexed one save at a time:
    # the database backends recompute an average over the whole index on every save, which
    # makes a 60,000-page import quadratic. `update_index` builds the same index in bulk.
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = OFF")
    start = time.perf_counter()
    if args.stap in ("begin", "alles"):
        call_command("migrate", verbosity=0, interactive=False)
        corpus.import_lochem()
        if args.size == "100x":
            corpus.create_regelingen(range(1, corpus.REGELINGEN + 1))
    if args.stap in ("importeer", "alles"):
        todo = [int(k) for k in args.regelingen.split(",") if k] if args.regelingen else None
        corpus.import_synthetic(todo, label=args.label)
    if args.stap in ("index", "alles"):
        call_command("update_index", verbosity=0)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        else:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cursor.execute("PRAGMA journal_mode = DELETE")
        Path(args.uit).write_text(json.dumps(corpus.counts()))
    print(f"    {args.label}: stap {args.stap} klaar in {time.perf_counter() - start:.0f} s")
    return 0


def run_child(argv: list[str], url: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), *argv], env=child_env(url), cwd=ROOT
    )


def build_corpus(c: Corpus) -> subprocess.Popen | None:
    """Start building `c` in the background (None if it is cached); see wait_build."""
    if c.exists():
        return None
    c.prepare_build()
    return BuildJob(c)


class BuildJob:
    """The build of one corpus: a chain of child processes, polled by the parent."""

    def __init__(self, c: Corpus):
        self.c = c
        self.started = time.perf_counter()
        self.out = tempfile.mktemp(prefix="bench-search-", suffix=".json")
        self.steps = [("begin", None)]
        if c.size == "100x":
            workers = PG_BUILD_WORKERS if c.backend == "postgresql" else 1
            ks = list(range(1, corpus.REGELINGEN + 1))
            self.steps.append(("importeer", [ks[i::workers] for i in range(workers)]))
        self.steps.append(("index", None))
        self.procs: list[subprocess.Popen] = []
        self.failed = False
        self._next()

    def _next(self) -> None:
        stap, parts = self.steps.pop(0)
        base = ["--bouw", self.c.backend, self.c.size, "--uit", self.out, "--stap", stap]
        if parts is None:
            self.procs = [run_child([*base, "--label", self.c.label], self.c.url(True))]
        else:
            self.procs = [
                run_child(
                    [
                        *base,
                        "--regelingen",
                        ",".join(map(str, part)),
                        "--label",
                        f"{self.c.label} importeur {i + 1}/{len(parts)}",
                    ],
                    self.c.url(True),
                )
                for i, part in enumerate(parts)
            ]

    def poll(self) -> bool:
        """True when finished (successfully or not)."""
        if any(p.poll() is None for p in self.procs):
            return False
        if any(p.returncode for p in self.procs):
            self.failed = True
            return True
        if self.steps:
            self._next()
            return False
        self.seconds = time.perf_counter() - self.started
        counts = json.loads(Path(self.out).read_text())
        Path(self.out).unlink()
        self.c.finish_build()
        self.c.meta_path.write_text(
            json.dumps(
                {
                    "bouwtijd_s": self.seconds,
                    "gebouwd": datetime.now().isoformat(timespec="seconds"),
                    "aantallen": counts,
                }
            )
        )
        return True


# -- measuring (child) -------------------------------------------------------------------


class Recorder:
    """Execute wrapper: every statement with its params and its own duration."""

    def __init__(self):
        self.calls: list[tuple[str, object, float]] = []

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.calls.append((sql, params, time.perf_counter() - start))


def is_fulltext(sql: str, vendor: str) -> bool:
    return " MATCH " in sql if vendor == "sqlite" else "@@" in sql


def treffer_key(treffer) -> tuple[str, str]:
    if treffer.soort == "begrip":
        return ("begrip", treffer.titel.casefold())
    return (treffer.soort, treffer.nummer)


def _ranking(connection) -> str:
    """How the backend ranks on this database (see regelgeving/search/postgres.py)."""
    if connection.vendor != "postgresql":
        return "Wagtail (database)"
    from regelgeving.search.postgres import ranks_in_index

    return "RUM-index" if ranks_in_index(connection.alias) else "ts_rank (geen rum-extensie)"


def cmd_measure(args) -> int:
    django_setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from zoekvragen import VRAGEN

    from regelgeving.search.scope import versions_in_scope
    from regelgeving.search.service import Zoekvraag, zoek

    call_command("migrate", verbosity=0, interactive=False)  # apps added since the build
    vendor = connection.vendor
    in_scope = versions_in_scope(timezone.localdate())
    lochem = {s.versie.pk for s in in_scope.values() if s.regeling.slug == corpus.LOCHEM_SLUG}
    if not lochem:
        raise SystemExit("De Lochemse verordening geldt vandaag niet in dit corpus.")

    def run(q: str):
        return zoek(Zoekvraag(q=q))

    # Warm-up and relevance: one pass (first-use caches: stemmer, word lists, content types).
    relevance = []
    for v in VRAGEN:
        uitkomst = run(v.q)
        wanted = {(s, n.casefold() if s == "begrip" else n) for s, n in v.verwacht}
        top = [
            (treffer_key(t), t.scope.versie.pk in lochem, t.soort, t.nummer, t.titel, t.scope.regeling.title)
            for t in uitkomst.resultaten[:3]
        ]
        hits = [key in wanted and is_lochem for key, is_lochem, *_ in top]
        relevance.append(
            {
                "q": v.q,
                "wie": v.wie,
                "hit1": bool(hits[:1] and hits[0]),
                "hit3": any(hits),
                "verwacht": [f"{s} {n}" for s, n in v.verwacht],
                "top3": [f"{s} {n or t}".strip() + ("" if lk else f" [{r}]") for _, lk, s, n, t, r in top],
                "aantal": uitkomst.aantal,
            }
        )

    # Latency: REPEATS rounds over the set, each query's median.
    repeats = REPEATS_SQLITE_100X if (vendor, args.size) == ("sqlite", "100x") else REPEATS
    samples: dict[str, list[float]] = {v.q: [] for v in VRAGEN}
    for _ in range(repeats):
        for v in VRAGEN:
            start = time.perf_counter()
            run(v.q)
            samples[v.q].append(time.perf_counter() - start)

    # Capture the SQL, time its full-text part again on a raw cursor, split SQL/Python.
    per_query = []
    for v in VRAGEN:
        recorder = Recorder()
        with CaptureQueriesContext(connection) as captured, connection.execute_wrapper(recorder):
            start = time.perf_counter()
            run(v.q)
            total = time.perf_counter() - start
        fts = [(sql, params) for sql, params, _ in recorder.calls if is_fulltext(sql, vendor)]
        assert len(captured.captured_queries) == len(recorder.calls)
        raw = None
        if fts:
            times = []
            for _ in range(repeats + 1):
                start = time.perf_counter()
                with connection.cursor() as cursor:
                    for sql, params in fts:
                        cursor.execute(sql, params)
                        cursor.fetchall()
                times.append(time.perf_counter() - start)
            raw = statistics.median(times[1:])
        sql_time = sum(d for *_, d in recorder.calls)
        per_query.append(
            {
                "q": v.q,
                "zoek": statistics.median(samples[v.q]),
                "raw": raw,
                "fts_statements": len(fts),
                "queries": len(recorder.calls),
                "sql": sql_time,
                "python": max(total - sql_time, 0.0),
                "fts_sql": [sql for sql, _ in fts],
            }
        )

    result = {
        "backend": vendor,
        "size": args.size,
        "repeats": repeats,
        "relevance": relevance,
        "latency": per_query,
        "versies_in_scope": len(in_scope),
        "rangschikking": _ranking(connection),
        "counts": __import__("corpus").counts(),
    }
    if args.profiel:
        result["profiel"] = profile_slowest(per_query, run, vendor)
    Path(args.uit).write_text(json.dumps(result))
    return 0


def profile_slowest(per_query: list[dict], run, vendor: str, n: int = 3) -> list[dict]:
    """EXPLAIN ANALYZE of the full-text SQL and a cProfile of zoek() for the n slowest."""
    import cProfile
    import io
    import pstats

    from django.db import connection

    out = []
    for entry in sorted(per_query, key=lambda e: e["zoek"], reverse=True)[:n]:
        recorder = Recorder()
        with connection.execute_wrapper(recorder):
            run(entry["q"])
        plans = []
        for sql, params, duration in recorder.calls:
            if not is_fulltext(sql, vendor):
                continue
            prefix = "EXPLAIN (ANALYZE, BUFFERS) " if vendor == "postgresql" else "EXPLAIN QUERY PLAN "
            with connection.cursor() as cursor:
                cursor.execute(prefix + sql, params)
                plan = "\n".join(" | ".join(str(c) for c in row) for row in cursor.fetchall())
            plans.append({"ms": duration * 1000, "sql": sql, "plan": plan})
        statements = sorted(
            ({"ms": d * 1000, "sql": s[:160]} for s, _, d in recorder.calls), key=lambda x: -x["ms"]
        )[:5]
        profiler = cProfile.Profile()
        profiler.enable()
        run(entry["q"])
        profiler.disable()
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(25)
        out.append(
            {
                "q": entry["q"],
                "zoek_ms": entry["zoek"] * 1000,
                "plans": plans,
                "statements": statements,
                "cprofile": buffer.getvalue(),
            }
        )
    return out


# -- report (parent) -------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    """Percentile with linear interpolation (p in 0..100)."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def ms(seconds: float | None) -> str:
    if seconds is None or seconds != seconds:
        return "-"
    return f"{seconds * 1000:,.1f} ms" if seconds < 10 else f"{seconds:,.0f} s"


def row(label: str, cells, width: int = 34, cell: int = 15) -> None:
    print(f"  {label:<{width}}" + "".join(f"{c:>{cell}}" for c in cells))


def summarize(result: dict) -> dict:
    lat = result["latency"]
    fts = [e for e in lat if e["raw"] is not None]
    rel = result["relevance"]
    n = len(rel)
    return {
        "n": n,
        "hit1": sum(r["hit1"] for r in rel),
        "hit3": sum(r["hit3"] for r in rel),
        "p50": pct([e["zoek"] for e in lat], 50),
        "p95": pct([e["zoek"] for e in lat], 95),
        "n_fts": len(fts),
        "fts_p50": pct([e["zoek"] for e in fts], 50),
        "fts_p95": pct([e["zoek"] for e in fts], 95),
        "raw_p50": pct([e["raw"] for e in fts], 50),
        "raw_p95": pct([e["raw"] for e in fts], 95),
        "ratio_med": statistics.median(e["zoek"] / e["raw"] for e in fts) if fts else float("nan"),
        "sql_p50": pct([e["sql"] for e in lat], 50),
        "py_p50": pct([e["python"] for e in lat], 50),
        "py_p95": pct([e["python"] for e in lat], 95),
        "queries_max": max(e["queries"] for e in lat),
    }


def report(results: dict, builds: dict, started: float, pg_note: str) -> None:
    configs = [k for k in results]
    s = {k: summarize(results[k]) for k in configs}
    print()
    print("Zoeken: relevantie en snelheid van zoek() per backend")

    print(
        f"  {s[configs[0]]['n']} zoekvragen (bench/zoekvragen.py); tijden: mediaan van {REPEATS} "
        f"(SQLite 100x: {REPEATS_SQLITE_100X}) per vraag na opwarmen, p50/p95 over de vragen; "
        f"machine: {os.cpu_count()} CPU's, "
        f"load {os.getloadavg()[0]:.2f}"
    )
    if pg_note:
        print(f"  {pg_note}")
    print()
    row("", [results[k]["label"] for k in configs])
    row(
        "regelingen / artikelen",
        [f"{results[k]['counts']['regelingen']} / {results[k]['counts']['artikelen']:,}" for k in configs],
    )
    row(
        "pagina's / versies in scope",
        [f"{results[k]['counts']['paginas']:,} / {results[k]['versies_in_scope']}" for k in configs],
    )
    row("rangschikking", [results[k].get("rangschikking", "") for k in configs])
    row("hit@1", [f"{s[k]['hit1']}/{s[k]['n']} {s[k]['hit1'] / s[k]['n']:.0%}" for k in configs])
    row("hit@3", [f"{s[k]['hit3']}/{s[k]['n']} {s[k]['hit3'] / s[k]['n']:.0%}" for k in configs])
    row("zoek() p50", [ms(s[k]["p50"]) for k in configs])
    row("zoek() p95", [ms(s[k]["p95"]) for k in configs])
    row("  vragen met full-text SQL", [str(s[k]["n_fts"]) for k in configs])
    row(
        "  zoek() p50 / p95 (die vragen)",
        [f"{s[k]['fts_p50'] * 1000:.1f}/{s[k]['fts_p95'] * 1000:.1f}" for k in configs],
    )
    row("  ruwe FTS-SQL p50", [ms(s[k]["raw_p50"]) for k in configs])
    row("  ruwe FTS-SQL p95", [ms(s[k]["raw_p95"]) for k in configs])
    row("  verhouding zoek/ruw p50", [f"{s[k]['fts_p50'] / s[k]['raw_p50']:.1f}x" for k in configs])
    row("  verhouding zoek/ruw p95", [f"{s[k]['fts_p95'] / s[k]['raw_p95']:.1f}x" for k in configs])
    row("  verhouding per vraag (mediaan)", [f"{s[k]['ratio_med']:.1f}x" for k in configs])
    row("alle SQL in zoek() p50", [ms(s[k]["sql_p50"]) for k in configs])
    row(
        "Python in zoek() p50 / p95",
        [f"{s[k]['py_p50'] * 1000:.1f}/{s[k]['py_p95'] * 1000:.1f}" for k in configs],
    )
    row("queries per zoek() (max)", [str(s[k]["queries_max"]) for k in configs])
    print("  (100x: een treffer telt alleen als het de pagina van de Lochemse verordening is;")
    print("   ruwe FTS-SQL = de MATCH/@@-statements van zoek() opnieuw uitgevoerd, opgeteld)")

    print()
    print("Corpora (bench/corpus.py; hergebruikt zolang generator, importer, modellen, analyse en")
    print("zoekinstellingen niet veranderen)")
    for label, (c, job) in builds.items():
        meta = json.loads(c.meta_path.read_text()) if c.meta_path.exists() else {}
        if job is not None:
            how = f"gebouwd in {ms(job.seconds)} (importer + update_index)"
        elif meta:
            how = f"hergebruikt uit de cache (gebouwd {meta['gebouwd']} in {ms(meta['bouwtijd_s'])})"
        else:
            how = "hergebruikt uit de cache"
        print(f"  {label:<16} {how}; {c.where}")

    for k in configs:
        if k.endswith("100x"):
            continue
        misses = [r for r in results[k]["relevance"] if not r["hit3"]]
        print()
        print(f"Gemist bij hit@3, {results[k]['label']} ({len(misses)}):")
        for r in misses:
            print(f"  - {r['q']!r} verwacht {', '.join(r['verwacht'])}")
            print(f"      kreeg: {'; '.join(r['top3']) or '(niets)'} ({r['aantal']} treffers)")
        near = [r for r in results[k]["relevance"] if r["hit3"] and not r["hit1"]]
        if near:
            print("  Wel in top 3, niet eerst: " + "; ".join(repr(r["q"]) for r in near))

    for k in configs:
        if not k.endswith("100x"):
            continue
        slow = sorted(results[k]["latency"], key=lambda e: e["zoek"], reverse=True)[:5]
        print()
        print(
            f"Traagste vragen, {results[k]['label']}: "
            + "; ".join(f"{e['q']!r} {ms(e['zoek'])} (ruw {ms(e['raw'])})" for e in slow)
        )

    for k in configs:
        for entry in results[k].get("profiel", []):
            print()
            print(f"Profiel {results[k]['label']}: {entry['q']!r}, zoek() {entry['zoek_ms']:.1f} ms")
            for st in entry["statements"]:
                print(f"    {st['ms']:8.1f} ms  {st['sql']}")
            for plan in entry["plans"]:
                print(f"  EXPLAIN ({plan['ms']:.1f} ms bij het vastleggen):")
                print("    " + plan["plan"].replace("\n", "\n    "))
            print("  cProfile van zoek():")
            print("    " + "\n    ".join(entry["cprofile"].splitlines()[:45]))

    print()
    hit = {k: s[k]["hit3"] / s[k]["n"] for k in configs if k.endswith("1x") and not k.endswith("00x")}
    verdict = all(v >= GOAL_HIT3 for v in hit.values()) and "postgresql 1x" in hit
    detail = ", ".join(f"{results[k]['label']} {v:.0%}" for k, v in hit.items())
    if "postgresql 1x" not in hit:
        detail += ", PostgreSQL niet gemeten"
    print(
        f"{'DOEL GEHAALD' if verdict else 'DOEL NIET GEHAALD'}: hit@3 >= {GOAL_HIT3:.0%} op PostgreSQL "
        f"en op SQLite ({detail})"
    )
    if "postgresql 100x" in s:
        p95 = s["postgresql 100x"]["p95"] * 1000
        print(
            f"{'DOEL GEHAALD' if p95 < GOAL_P95_MS else 'DOEL NIET GEHAALD'}: p95 < {GOAL_P95_MS:.0f} ms "
            f"op PostgreSQL bij 100x ({p95:.1f} ms)"
        )
    else:
        print(
            f"DOEL NIET GEHAALD: p95 < {GOAL_P95_MS:.0f} ms op PostgreSQL bij 100x (niet gemeten: "
            "PostgreSQL antwoordt niet)"
        )
    print(f"Duur zoekbenchmark: {ms(time.perf_counter() - started)}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bouw", nargs=2, metavar=("BACKEND", "SIZE"))
    parser.add_argument("--meet", nargs=2, metavar=("BACKEND", "SIZE"))
    parser.add_argument("--uit")
    parser.add_argument("--stap", default="alles")
    parser.add_argument("--regelingen", default="")
    parser.add_argument("--label", default="")
    parser.add_argument("--profiel", action="store_true", help="EXPLAIN ANALYZE en cProfile bij 100x")
    args = parser.parse_args(argv)
    # Debug off, as production runs, asks for keys (config/settings/keys.py); the measuring and
    # building processes inherit these.
    give_throwaway_keys(os.environ)
    if args.bouw:
        args.backend, args.size = args.bouw
        return cmd_build(args)
    if args.meet:
        args.backend, args.size = args.meet
        return cmd_measure(args)

    started = time.perf_counter()
    corpus.CACHE_DIR.mkdir(exist_ok=True)
    (BENCH / ".gitignore").exists() or (BENCH / ".gitignore").write_text(".cache/\n")
    fingerprint = corpus.fingerprint()
    pg_admin = os.environ.get("BENCH_DATABASE_URL") or PG_ADMIN_DEFAULT
    backends = ["sqlite"]
    pg_note = ""
    if pg_answers(pg_admin):
        backends.append("postgresql")
    else:
        pg_note = f"PostgreSQL antwoordt niet op {urlsplit(pg_admin).netloc}: alleen SQLite gemeten."
    corpora = {f"{b} {size}": Corpus(b, size, fingerprint, pg_admin) for b in backends for size in SIZES}
    print(
        f"Zoekbenchmark: corpora {', '.join(c.label for c in corpora.values())} (vingerafdruk {fingerprint})"
    )

    # Build what is missing: one chain per backend (1x, then 100x), the backends in parallel.
    lock = open(corpus.CACHE_DIR / "build.lock", "w")  # noqa: SIM115 - held for the whole run
    fcntl.flock(lock, fcntl.LOCK_EX)
    builds: dict[str, tuple[Corpus, BuildJob | None]] = {}
    queues = {b: [corpora[f"{b} {size}"] for size in SIZES] for b in backends}
    running: dict[str, BuildJob | None] = {b: None for b in backends}
    build_start = time.perf_counter()
    while any(queues.values()) or any(running.values()):
        for b in backends:
            job = running[b]
            if job is not None and job.poll():
                if job.failed:
                    print(f"FOUT: het bouwen van {job.c.label} is mislukt.")
                    return 1
                print(f"  {job.c.label} gebouwd in {ms(job.seconds)}")
                running[b] = None
            if running[b] is None and queues[b]:
                c = queues[b].pop(0)
                job = build_corpus(c)
                builds[c.label] = (c, job)
                if job is not None:
                    print(f"  {c.label}: bouwen ({c.where}) ...")
                running[b] = job
        time.sleep(0.5)
    if any(job for _, job in builds.values()):
        print(f"  bouwen totaal (wand, backends parallel): {ms(time.perf_counter() - build_start)}")

    # Measure one corpus at a time, so the measurements do not compete with each other.
    results = {}
    for key, c in corpora.items():
        out = tempfile.mktemp(prefix="bench-search-", suffix=".json")
        argv_child = ["--meet", c.backend, c.size, "--uit", out]
        if args.profiel and c.size == "100x":
            argv_child.append("--profiel")
        t = time.perf_counter()
        proc = run_child(argv_child, c.url())
        if proc.wait() != 0:
            print(f"FOUT: meten op {c.label} is mislukt.")
            return 1
        results[key] = json.loads(Path(out).read_text())
        results[key]["label"] = c.label
        Path(out).unlink()
        print(f"  gemeten: {c.label} in {ms(time.perf_counter() - t)}")
    report(results, builds, started, pg_note)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
