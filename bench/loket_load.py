"""Loket load benchmark: concurrent inwoners walk the whole melding flow on the real stack.

Run with `.venv/bin/python bench/loket_load.py` (wired into `make bench`). One run:

1. runs everything below on a throwaway SQLite file (the site's embedded default), then on a
   throwaway PostgreSQL database next to LOKET_BENCH_PG_URL (default
   postgres://postgres@127.0.0.1:5432/postgres) when that answers; migrates it, runs `setup_demo`;
2. starts gunicorn as tests/stack.py does (config/gunicorn.conf.py, sync workers, 127.0.0.1 on a
   free port, http: DJANGO_HTTPS=0) with the site's settings plus one benchmark-only URL
   (bench/settings_loket.py, bench/loket_baseline.py), DJANGO_DEBUG=0, fresh keys (DJANGO_SECRET_KEY,
   LOKET_ENCRYPTION_KEYS, LOKET_INDEX_KEY), e-mail to Django's in-memory backend,
   LOKET_MIN_FILL_SECONDS=0 (the simulated inwoners fill in faster than a human), and the
   rate limits LOKET_RATE_STAP / LOKET_RATE_VERSTUREN raised to RATE (all simulated inwoners
   come from 127.0.0.1 and would share one bucket of 120/h and 10/h);
3. baseline: CONCURRENCY clients POST to a minimal view that INSERTs one row through
   connection.cursor() (same workers, middleware and database), BASELINE_REQUESTS in total;
4. melding: CONCURRENCY threads, each with its own cookie session (`requests`), walk WALKS
   times through the whole flow, without think time: GET /loket/melding/, GET+POST every
   step (melder only for "voor iemand anders"), GET controleren/, GET+POST versturen/ with
   the CSRF token and the hidden `token` parsed from the HTML, follow the 302 to
   bevestiging/<REF>/ and read the reference there. Misbehaviour, chosen per walk with a
   fixed seed: a share first posts an invalid postcode (must get 400), a share double-clicks
   "Versturen" (two concurrent POSTs with the same token; both must lead to the same
   reference), a share replays the final POST after the confirmation (must lead to the same
   reference again);
5. verifies exactly-once in the database: every reference a client saw on a confirmation
   page is stored exactly once (else `verloren`), no submission exists that no client
   confirmed, no token, reference or inwoner (the answers, decrypted with the run's key) is
   stored twice and no walk saw two references (`dubbel`), and every submission has exactly
   its e-mails (one to 't Baken, one confirmation when an address was given);
6. PDF under load (bench/pdf_load.py): 8 concurrent requests for the whole version's PDF, and
   an article page's latency beside them, without and during the PDFs; as published, then once
   more after the stored PDFs are deleted (where the site stores them), so that they are rendered.

Printed: submissions per second (confirmed submissions / wall time of the melding phase),
HTTP requests per second, p50/p95 latency per step as the client measures it (the client
threads share the machine with the server), the baseline's inserts per second and p50/p95,
the ratios melding/baseline, the PDF figures, and a summary per database (submissions/s, p95,
`verloren`, `dubbel`). Exits non-zero when `verloren` or `dubbel` is not 0, or any
walk, baseline request or PDF failed, or the server logged an error.

Knobs (environment): LOKET_BENCH_CONCURRENCY (20), LOKET_BENCH_WALKS (200),
LOKET_BENCH_BASELINE_REQUESTS (2000), LOKET_BENCH_WORKERS (2 x CPUs + 1, at most 9),
LOKET_BENCH_DOUBLE (0.15), LOKET_BENCH_REPLAY (0.10), LOKET_BENCH_INVALID (0.10),
LOKET_BENCH_ANDER (0.30), LOKET_BENCH_PG_URL.
"""

from __future__ import annotations

import contextlib
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdf_load  # noqa: E402 (bench/, beside this script)

from tests.stack import Gunicorn, TaskWorker, manage, site_env, throwaway_keys  # noqa: E402


def _env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


def _env_float(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


CONCURRENCY = _env_int("LOKET_BENCH_CONCURRENCY", 20)
WALKS = _env_int("LOKET_BENCH_WALKS", 200)
BASELINE_REQUESTS = _env_int("LOKET_BENCH_BASELINE_REQUESTS", 2000)
WORKERS = _env_int("LOKET_BENCH_WORKERS", min(9, 2 * (os.cpu_count() or 1) + 1))
DOUBLE = _env_float("LOKET_BENCH_DOUBLE", 0.15)
REPLAY = _env_float("LOKET_BENCH_REPLAY", 0.10)
INVALID = _env_float("LOKET_BENCH_INVALID", 0.10)
ANDER = _env_float("LOKET_BENCH_ANDER", 0.30)
PG_URL = os.environ.get("LOKET_BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/postgres")
RATE = "1000000/h"
SEED = 20260101
TIMEOUT = 60  # seconds per HTTP request

FLOW_URL = "/loket/melding/"
STEPS_ZELF = ["voor-wie", "persoon", "contact", "spoed", "vraag", "hulp", "ondersteuning"]
STEPS_ANDER = ["voor-wie", "melder", *STEPS_ZELF[1:]]

CSRF_RE = re.compile(r'name="csrfmiddlewaretoken"\s+value="([^"]+)"')
TOKEN_RE = re.compile(r'<input[^>]*name="token"[^>]*value="([0-9a-f]+)"')
REF_RE = re.compile(r'class="referentie">([A-Z0-9-]+)<')
BEVESTIGING_RE = re.compile(r"/bevestiging/([A-Z0-9-]+)/$")


# -- database ---------------------------------------------------------------------


class PostgresDatabase:
    """A new PostgreSQL database next to PG_URL for this run; dropped afterwards."""

    vendor = "postgresql"

    def __init__(self, admin_url: str):
        self.admin_url = admin_url
        self.name = f"bench_loket_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        self.url = urlunsplit(urlsplit(admin_url)._replace(path="/" + self.name))
        self.label = f"PostgreSQL, database {self.name} (wordt weer verwijderd)"
        self.created = False

    def answers(self) -> bool:
        import psycopg

        try:
            psycopg.connect(self.admin_url, connect_timeout=3).close()
            return True
        except psycopg.Error:
            return False

    def create(self) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{self.name}"')
        self.created = True

    def create_baseline_table(self) -> None:
        with self.connect() as conn:
            conn.execute(
                "CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, client "
                "varchar(40) NOT NULL, at timestamptz NOT NULL DEFAULT now())"
            )

    def connect(self):
        import psycopg

        return psycopg.connect(self.url, autocommit=True)

    def drop(self) -> None:
        if not self.created:
            return
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        self.created = False


class SqliteDatabase:
    """A SQLite file in a temporary directory (the site's embedded default); removed afterwards."""

    vendor = "sqlite"

    def __init__(self):
        self.tmpdir = Path(tempfile.mkdtemp(prefix="bench-loket-"))
        self.path = self.tmpdir / "loket.sqlite3"
        self.url = f"sqlite:///{self.path}"
        self.label = f"SQLite {self.path} (wordt weer verwijderd)"

    def answers(self) -> bool:
        return True

    def create(self) -> None:
        pass  # migrate makes the file

    def create_baseline_table(self) -> None:
        with contextlib.closing(self.connect()) as conn:
            conn.execute(
                "CREATE TABLE bench_baseline (id integer PRIMARY KEY AUTOINCREMENT, client "
                "varchar(40) NOT NULL, at text NOT NULL DEFAULT CURRENT_TIMESTAMP)"
            )

    def connect(self):
        return sqlite3.connect(self.path, isolation_level=None, timeout=20)

    def drop(self) -> None:
        shutil.rmtree(self.tmpdir, ignore_errors=True)


# -- server -----------------------------------------------------------------------


def server_env(db, encryption_key: str) -> dict[str, str]:
    """The site as tests/stack.py starts it (debug off, fresh keys, http on the loopback), with the
    benchmark's URL and limits raised: all simulated inwoners come from 127.0.0.1."""
    return site_env(
        db.url,
        DJANGO_SETTINGS_MODULE="bench.settings_loket",
        LOKET_ENCRYPTION_KEYS=encryption_key,
        LOKET_MIN_FILL_SECONDS="0",
        LOKET_RATE_STAP=RATE,
        LOKET_RATE_VERSTUREN=RATE,
    )


# -- statistics -------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
    return ordered[rank - 1]


def load_average() -> str:
    try:
        return " ".join(f"{v:.1f}" for v in os.getloadavg())
    except OSError:
        return "onbekend"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


# -- the simulated inwoner ----------------------------------------------------------


@dataclass
class Plan:
    nummer: int
    ander: bool
    invalid: bool
    double: bool
    replay: bool
    email: bool
    naam: str


@dataclass
class Walk:
    plan: Plan
    timings: list[tuple[str, float]] = field(default_factory=list)
    refs: set[str] = field(default_factory=set)
    confirmed: str | None = None
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    session_resurrected: bool = False


class WalkFailed(Exception):
    pass


def step_data(plan: Plan, slug: str, invalid: bool = False) -> dict:
    if slug == "voor-wie":
        return {"voor_wie": "ander" if plan.ander else "zelf"}
    if slug == "melder":
        return {"naam_melder": f"Melder {plan.nummer}", "relatie": "familie", "gemachtigd": "ja"}
    if slug == "persoon":
        return {
            "naam": plan.naam,
            "geboortedatum": f"{1 + plan.nummer % 28:02d}-03-1950",
            "straat": "Hanzeweg",
            "huisnummer": str(1 + plan.nummer % 200),
            "postcode": "12345" if invalid else "7241 CS",
            "woonplaats": "Lochem",
        }
    if slug == "contact":
        if plan.email:
            return {
                "telefoon": "0573 289 222",
                "email": f"inwoner{plan.nummer}@example.nl",
                "voorkeur": "email",
            }
        return {"telefoon": "0573 289 222", "email": "", "voorkeur": "telefoon"}
    if slug == "spoed":
        return {"spoed": "ja" if plan.nummer % 10 == 0 else "nee"}
    if slug == "vraag":
        return {
            "onderwerpen": ["wonen", "vervoer"],
            "vraag": "Ik kom mijn huis niet meer goed uit en "
            f"zoek vervoer naar de dagbesteding ({plan.nummer}).",
        }
    if slug == "hulp":
        return {"wie_helpt": "Mijn buurvrouw doet boodschappen." if plan.nummer % 2 else ""}
    if slug == "ondersteuning":
        return {"clientondersteuning": "ja" if plan.nummer % 3 == 0 else "nee", "persoonlijk_plan": "nee"}
    raise WalkFailed(f"onbekende stap {slug}")


class Client:
    """One browser: a cookie session that records the latency of every request."""

    def __init__(self, base: str, walk: Walk, session: requests.Session | None = None):
        self.base = base
        self.walk = walk
        self.s = session or requests.Session()

    def request(self, label: str, method: str, url: str, data=None, expect=(200,)) -> requests.Response:
        start = time.perf_counter()
        try:
            r = self.s.request(
                method, urljoin(self.base, url), data=data, allow_redirects=False, timeout=TIMEOUT
            )
        except requests.RequestException as exc:
            raise WalkFailed(f"{label}: {type(exc).__name__}: {exc}") from None
        self.walk.timings.append((label, time.perf_counter() - start))
        if r.status_code not in expect:
            snippet = re.sub(r"\s+", " ", r.text[:300])
            raise WalkFailed(f"{label}: HTTP {r.status_code} (verwacht {expect}) {snippet}")
        return r

    def location(self, r: requests.Response) -> str:
        return urlsplit(urljoin(self.base, r.headers["Location"])).path


def csrf(r: requests.Response, label: str) -> str:
    m = CSRF_RE.search(r.text)
    if not m:
        raise WalkFailed(f"{label}: geen csrfmiddlewaretoken in het formulier")
    return m.group(1)


def walk_melding(base: str, plan: Plan) -> Walk:
    walk = Walk(plan)
    started = time.perf_counter()
    try:
        _walk(base, walk)
    except WalkFailed as exc:
        walk.errors.append(str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug in the client is a failed walk, reported
        walk.errors.append(f"{type(exc).__name__}: {exc}")
    walk.seconds = time.perf_counter() - started
    return walk


def _walk(base: str, walk: Walk) -> None:
    plan = walk.plan
    c = Client(base, walk)
    c.request("start GET", "GET", FLOW_URL)
    expected = STEPS_ANDER if plan.ander else STEPS_ZELF
    url = f"{FLOW_URL}stap/{expected[0]}/"
    seen = []
    while url != f"{FLOW_URL}controleren/":
        m = re.fullmatch(rf"{re.escape(FLOW_URL)}stap/([a-z0-9-]+)/", url)
        if not m:
            raise WalkFailed(f"onverwachte doorverwijzing naar {url}")
        slug = m.group(1)
        seen.append(slug)
        if len(seen) > len(expected):
            raise WalkFailed(f"te veel stappen: {seen}")
        r = c.request(f"{slug} GET", "GET", url)
        token = csrf(r, slug)
        if slug == "persoon" and plan.invalid:
            r = c.request(
                "persoon POST (fout)", "POST", url,
                {**step_data(plan, slug, invalid=True), "csrfmiddlewaretoken": token}, expect=(400,),
            )  # fmt: skip
            if "postcode" not in r.text.lower():
                raise WalkFailed("persoon: de fout over de postcode ontbreekt")
            token = csrf(r, slug)
        r = c.request(
            f"{slug} POST",
            "POST",
            url,
            {**step_data(plan, slug), "csrfmiddlewaretoken": token},
            expect=(302,),
        )
        url = c.location(r)
    if seen != expected:
        raise WalkFailed(f"stappen {seen}, verwacht {expected}")

    c.request("controleren GET", "GET", url)
    r = c.request("versturen GET", "GET", f"{FLOW_URL}versturen/")
    m = TOKEN_RE.search(r.text)
    if not m:
        raise WalkFailed("versturen: geen verborgen token")
    final = {
        "csrfmiddlewaretoken": csrf(r, "versturen"),
        "token": m.group(1),
        "toestemming": "on",
        "website": "",
    }

    if plan.double:
        # A double click: a second POST with the same cookies and form, at the same time.
        twin_session = requests.Session()
        twin_session.cookies.update(c.s.cookies)
        twin = Client(base, walk, twin_session)
        twin_result: dict = {}

        def second():
            try:
                twin_result["r"] = twin.request(
                    "versturen POST (dubbelklik)", "POST", f"{FLOW_URL}versturen/", final, expect=(302,)
                )
            except WalkFailed as exc:
                twin_result["error"] = str(exc)

        barrier = threading.Barrier(2)
        t = threading.Thread(target=lambda: (barrier.wait(), second()))
        t.start()
        barrier.wait()
        r = c.request("versturen POST", "POST", f"{FLOW_URL}versturen/", final, expect=(302,))
        t.join()
        if "error" in twin_result:
            raise WalkFailed(twin_result["error"])
        for response in (r, twin_result["r"]):
            m = BEVESTIGING_RE.search(c.location(response))
            if not m:
                raise WalkFailed(f"versturen: doorverwijzing naar {c.location(response)}, geen bevestiging")
            walk.refs.add(m.group(1))
    else:
        r = c.request("versturen POST", "POST", f"{FLOW_URL}versturen/", final, expect=(302,))
        m = BEVESTIGING_RE.search(c.location(r))
        if not m:
            raise WalkFailed(f"versturen: doorverwijzing naar {c.location(r)}, geen bevestiging")
        walk.refs.add(m.group(1))
    if len(walk.refs) != 1:
        raise WalkFailed(f"dubbelklik gaf verschillende referenties: {sorted(walk.refs)}")

    bevestiging = c.location(r)
    r = c.request("bevestiging GET", "GET", bevestiging)
    m = REF_RE.search(r.text)
    if not m or m.group(1) not in walk.refs:
        raise WalkFailed(f"bevestiging toont {m.group(1) if m else 'geen referentie'}, verwacht {walk.refs}")
    walk.confirmed = m.group(1)

    if plan.replay:
        # Back button and "Versturen" again, or a resent POST after the confirmation.
        r = c.request("versturen POST (herhaald)", "POST", f"{FLOW_URL}versturen/", final, expect=(302,))
        m = BEVESTIGING_RE.search(c.location(r))
        if not m:
            raise WalkFailed(f"herhaald versturen: doorverwijzing naar {c.location(r)}, geen bevestiging")
        walk.refs.add(m.group(1))
        if m.group(1) != walk.confirmed:
            raise WalkFailed(f"herhaald versturen gaf een nieuwe referentie {m.group(1)} na {walk.confirmed}")
        c.request("bevestiging GET (herhaald)", "GET", c.location(r))

    if plan.double:
        # After confirmation the session should hold no answers: the start page shows, no redirect.
        r = c.request("start GET (na dubbelklik)", "GET", FLOW_URL, expect=(200, 302))
        walk.session_resurrected = r.status_code == 302


def make_plans(run_id: str) -> list[Plan]:
    rng = random.Random(SEED)
    return [
        Plan(
            nummer=i,
            ander=rng.random() < ANDER,
            invalid=rng.random() < INVALID,
            double=rng.random() < DOUBLE,
            replay=rng.random() < REPLAY,
            email=rng.random() < 0.7,
            naam=f"Inwoner {run_id}-{i:04d}",
        )
        for i in range(WALKS)
    ]


# -- phases -----------------------------------------------------------------------


def run_baseline(base: str) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    per_client = [
        BASELINE_REQUESTS // CONCURRENCY + (1 if i < BASELINE_REQUESTS % CONCURRENCY else 0)
        for i in range(CONCURRENCY)
    ]

    def client(i: int, n: int):
        s = requests.Session()
        mine, fails = [], []
        for _ in range(n):
            start = time.perf_counter()
            try:
                r = s.post(f"{base}/bench/baseline/", data={"client": str(i)}, timeout=TIMEOUT)
                ok = r.status_code == 200 and r.text.strip().isdigit()
                if not ok:
                    fails.append(f"HTTP {r.status_code}")
            except requests.RequestException as exc:
                fails.append(type(exc).__name__)
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)
            errors.extend(fails)

    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        list(pool.map(client, range(CONCURRENCY), per_client))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "latencies": latencies, "errors": errors, "rate": len(latencies) / seconds}


def run_melding(base: str, plans: list[Plan]) -> tuple[list[Walk], float]:
    start = time.perf_counter()
    with ThreadPoolExecutor(CONCURRENCY) as pool:
        walks = list(pool.map(lambda p: walk_melding(base, p), plans))
    return walks, time.perf_counter() - start


def warm_up(base: str) -> None:
    """Every worker imports, compiles templates and opens its database connection once."""
    s = requests.Session()
    for _ in range(4 * WORKERS):
        s.get(f"{base}{FLOW_URL}", timeout=TIMEOUT)
        s.get(f"{base}{FLOW_URL}stap/voor-wie/", timeout=TIMEOUT)


# -- verification -------------------------------------------------------------------


def verify(db, walks: list[Walk], encryption_key: str, baseline_requests: int) -> dict:
    from cryptography.fernet import Fernet

    fernet = Fernet(encryption_key.encode())
    with contextlib.closing(db.connect()) as conn:
        rows = conn.execute("SELECT id, referentie, token, gegevens FROM loket_inzending").fetchall()
        berichten = dict(
            conn.execute("SELECT inzending_id, count(*) FROM loket_bericht GROUP BY inzending_id").fetchall()
        )
        bericht_status = Counter(
            dict(conn.execute("SELECT status, count(*) FROM loket_bericht GROUP BY status").fetchall())
        )
        baseline_rows = conn.execute("SELECT count(*) FROM bench_baseline").fetchone()[0]

    stored_refs = Counter(r[1] for r in rows)
    stored_tokens = Counter(r[2] for r in rows)
    names = Counter()
    email_given = {}
    by_ref = {}
    for pk, ref, _token, gegevens in rows:
        data = json.loads(fernet.decrypt(gegevens.encode()))
        names[data["persoon"]["naam"]] += 1
        email_given[pk] = bool(data.get("contact", {}).get("email"))
        by_ref[ref] = pk

    confirmed = Counter(w.confirmed for w in walks if w.confirmed)
    verloren = sorted(ref for ref in confirmed if stored_refs[ref] == 0)
    onbevestigd = sorted(ref for ref in stored_refs if ref not in confirmed)
    dubbel_ref = sum(n - 1 for n in stored_refs.values() if n > 1)
    dubbel_token = sum(n - 1 for n in stored_tokens.values() if n > 1)
    dubbel_inwoner = sum(n - 1 for n in names.values() if n > 1)
    dubbel_confirmed = sum(n - 1 for n in confirmed.values() if n > 1)  # two walks, one reference
    walks_two_refs = sum(1 for w in walks if len(w.refs) > 1)
    walk_names = {w.plan.naam for w in walks}
    unknown_names = sorted(n for n in names if n not in walk_names)
    wrong_mail = sorted(
        ref for ref, pk in by_ref.items() if berichten.get(pk, 0) != (2 if email_given[pk] else 1)
    )
    dubbel = dubbel_ref + dubbel_token + dubbel_inwoner + dubbel_confirmed + walks_two_refs
    return {
        "stored": len(rows),
        "confirmed": len(confirmed),
        "verloren": verloren,
        "onbevestigd": onbevestigd,
        "dubbel": dubbel,
        "dubbel_detail": {
            "referentie": dubbel_ref,
            "token": dubbel_token,
            "inwoner (zelfde antwoorden)": dubbel_inwoner,
            "walks met één referentie gedeeld": dubbel_confirmed,
            "walks met twee referenties": walks_two_refs,
        },
        "unknown_names": unknown_names,
        "berichten": sum(berichten.values()),
        "berichten_verwacht": sum(2 if e else 1 for e in email_given.values()),
        "bericht_status": dict(bericht_status),
        "wrong_mail": wrong_mail,
        "baseline_rows": baseline_rows,
        "baseline_requests": baseline_requests,
    }


# -- report -------------------------------------------------------------------------


STEP_ORDER = [
    "start GET",
    *[f"{s} {m}" for s in STEPS_ANDER for m in ("GET", "POST")],
    "persoon POST (fout)",
    "controleren GET",
    "versturen GET",
    "versturen POST",
    "versturen POST (dubbelklik)",
    "bevestiging GET",
    "versturen POST (herhaald)",
    "bevestiging GET (herhaald)",
    "start GET (na dubbelklik)",
]


def print_steps(walks: list[Walk]) -> dict[str, list[float]]:
    per_step: dict[str, list[float]] = defaultdict(list)
    for w in walks:
        for label, seconds in w.timings:
            per_step[label].append(seconds)
    print(f"  {'stap':<30} {'n':>5} {'p50':>10} {'p95':>10} {'max':>10}")
    for label in [*STEP_ORDER, *sorted(set(per_step) - set(STEP_ORDER))]:
        values = per_step.get(label)
        if values:
            print(
                f"  {label:<30} {len(values):>5} {ms(percentile(values, 50)):>10} "
                f"{ms(percentile(values, 95)):>10} {ms(max(values)):>10}"
            )
    return per_step


def run_backend(db, summary: dict) -> bool:
    """One whole run on one database; fills `summary` with the figures of the final table."""
    t0 = time.perf_counter()
    encryption_key = throwaway_keys()["LOKET_ENCRYPTION_KEYS"]
    env = server_env(db, encryption_key)
    server = None
    timings: dict[str, float] = {}
    try:
        t = time.perf_counter()
        db.create()
        manage(env, "migrate", "--no-input")
        manage(env, "setup_demo")
        db.create_baseline_table()
        timings["database + migrate + setup_demo"] = time.perf_counter() - t

        t = time.perf_counter()
        server = Gunicorn(env, WORKERS, "--timeout", "120", "--graceful-timeout", "10")
        server.wait_ready(FLOW_URL)
        warm_up(server.base)
        timings["gunicorn start + opwarmen"] = time.perf_counter() - t

        print(
            f"Machine: {platform.python_implementation()} "
            f"{platform.python_version()}, {os.cpu_count()} CPU's, "
            f"{platform.system()} {platform.release()}"
        )
        print(f"Database: {db.label}")
        print(
            f"Server: gunicorn {WORKERS} sync workers op {server.base}, DJANGO_DEBUG=0, e-mail naar locmem, "
            f"cache: Django's LocMemCache per worker, HTTP op de loopback (DJANGO_HTTPS=0)"
        )
        print(
            f"Misbruikgrenzen voor de meting: LOKET_MIN_FILL_SECONDS=0, LOKET_RATE_STAP={RATE} en "
            f"LOKET_RATE_VERSTUREN={RATE} (alle gesimuleerde inwoners delen 127.0.0.1; de standaard 120/h en "
            f"10/h zouden hen weigeren). CSRF en honeypot staan aan."
        )
        print(
            f"Belasting: {CONCURRENCY} gelijktijdig, geen bedenktijd; clients draaien op dezelfde machine "
            f"(load average bij de start {load_average()})\n"
        )

        # Baseline
        t = time.perf_counter()
        cpu = server.worker_cpu()
        baseline = run_baseline(server.base)
        baseline_cpu = server.worker_cpu() - cpu
        timings["baseline"] = time.perf_counter() - t
        bl = baseline["latencies"]
        print(
            "Baseline (één INSERT via connection.cursor(), POST /bench/baseline/): "
            f"{len(bl)} verzoeken in {baseline['seconds']:.1f} s"
        )
        print(
            f"  {baseline['rate']:.1f} inserts/s, p50 {ms(percentile(bl, 50)).strip()}, "
            f"p95 {ms(percentile(bl, 95)).strip()}, worker-CPU "
            f"{baseline_cpu / len(bl) * 1000:.1f} ms per insert, "
            f"mislukt {len(baseline['errors'])}\n"
        )

        # Melding
        run_id = uuid.uuid4().hex[:6]
        plans = make_plans(run_id)
        t = time.perf_counter()
        cpu = server.worker_cpu()
        walks, seconds = run_melding(server.base, plans)
        melding_cpu = server.worker_cpu() - cpu
        timings["melding"] = time.perf_counter() - t
        ok = [w for w in walks if not w.errors]
        failed = [w for w in walks if w.errors]
        confirmed = sum(1 for w in walks if w.confirmed)
        total_requests = sum(len(w.timings) for w in walks)
        rate = confirmed / seconds
        print(
            f"Melding: {len(walks)} walks in {seconds:.1f} s ({sum(p.ander for p in plans)} voor een ander, "
            f"{sum(p.invalid for p in plans)} eerst een foute "
            f"postcode, {sum(p.double for p in plans)} dubbelklik op "
            f"Versturen, {sum(p.replay for p in plans)} versturen opnieuw na de bevestiging)"
        )
        print(
            f"  {rate:.2f} inzendingen/s ({confirmed} bevestigd), "
            f"{total_requests / seconds:.1f} HTTP-verzoeken/s "
            f"({total_requests} verzoeken), walk p50 {percentile([w.seconds for w in ok], 50):.2f} s, "
            f"p95 {percentile([w.seconds for w in ok], 95):.2f} s, mislukt {len(failed)}"
        )
        print(
            f"  worker-CPU {melding_cpu / max(confirmed, 1) * 1000:.0f} ms per inzending (hele walk), "
            f"{melding_cpu / max(total_requests, 1) * 1000:.1f} ms per verzoek"
        )
        per_step = print_steps(walks)
        versturen = per_step.get("versturen POST", [])
        p95_ratio = percentile(versturen, 95) / percentile(bl, 95) if versturen and bl else float("nan")
        all_requests = [s for values in per_step.values() for s in values]
        print(
            f"\nVerhouding melding/baseline: doorvoer {rate:.2f} / "
            f"{baseline['rate']:.1f} = {rate / baseline['rate']:.4f} "
            f"(1 op {baseline['rate'] / rate:.0f}); HTTP-verzoeken/s "
            f"{total_requests / seconds / baseline['rate']:.2f}; "
            f"p95 versturen POST / p95 baseline = {p95_ratio:.1f}x; "
            "p95 alle loket-verzoeken / p95 baseline = "
            f"{percentile(all_requests, 95) / percentile(bl, 95):.1f}x; "
            "worker-CPU per inzending / per insert = "
            f"{(melding_cpu / max(confirmed, 1)) / (baseline_cpu / len(bl)):.0f}x"
        )
        resurrected = sum(1 for w in walks if w.session_resurrected)
        if any(p.double for p in plans):
            print(
                "Waarneming: na een dubbelklik hield de sessie bij "
                f"{resurrected} van {sum(p.double for p in plans)} "
                f"inwoners de antwoorden nog (start verwijst door i.p.v. de startpagina)"
            )

        # Verification
        t = time.perf_counter()
        result = verify(db, walks, encryption_key, len(bl))
        timings["controle"] = time.perf_counter() - t
        print(
            f"\nExactly-once: {result['stored']} inzendingen "
            f"opgeslagen, {result['confirmed']} referenties bevestigd; "
            f"onbevestigd opgeslagen: {len(result['onbevestigd'])}; "
            + ", ".join(f"{k} {v}" for k, v in result["dubbel_detail"].items())
        )
        print(
            f"E-mails: {result['berichten']} berichten (verwacht {result['berichten_verwacht']}), status "
            f"{result['bericht_status']}, inzendingen met een verkeerd aantal: {len(result['wrong_mail'])}"
        )
        print(f"Baseline: {result['baseline_rows']} rijen voor {result['baseline_requests']} verzoeken")
        verloren = len(result["verloren"])
        dubbel = result["dubbel"] + len(result["onbevestigd"])
        print(f"verloren: {verloren}, dubbel: {dubbel}")

        problems = []
        if verloren:
            problems.append(f"verloren referenties: {result['verloren'][:10]}")
        if dubbel:
            problems.append(
                f"dubbel/onbevestigd: {result['dubbel_detail']}, onbevestigd {result['onbevestigd'][:10]}"
            )
        if result["unknown_names"]:
            problems.append(f"inzendingen van onbekende inwoners: {result['unknown_names'][:5]}")
        if result["wrong_mail"]:
            problems.append(f"inzendingen met een verkeerd aantal e-mails: {result['wrong_mail'][:10]}")
        if failed:
            reasons = Counter(w.errors[0][:160] for w in failed)
            problems.append(
                f"{len(failed)} walks mislukt: " + "; ".join(f"{n}x {r}" for r, n in reasons.most_common(5))
            )
        if baseline["errors"] or result["baseline_rows"] != len(bl):
            problems.append(
                f"baseline: {len(baseline['errors'])} mislukt, "
                f"{result['baseline_rows']} rijen voor {len(bl)} verzoeken"
            )
        errors_in_log = server.errors_in_log()
        if errors_in_log:
            problems.append(f"serverlog: {len(errors_in_log)} fouten")
            print(f"Serverlog: {len(errors_in_log)} fouten; laatste regels:\n{server.log_tail(30)}")
        server.stop()
        server.cleanup_log()

        # PDFs as production runs them: the site queues the rendering (TASK_BACKEND=database) and a
        # task worker process (`manage.py db_worker`) renders; no web worker spends seconds in WeasyPrint.
        t = time.perf_counter()
        print()
        pdf_env = {**env, "TASK_BACKEND": "database"}
        server = Gunicorn(pdf_env, WORKERS, "--timeout", "120", "--graceful-timeout", "10")
        worker = TaskWorker(pdf_env)
        try:
            server.wait_ready(FLOW_URL)
            print(f"PDF's: gunicorn {WORKERS} workers met TASK_BACKEND=database en één `manage.py db_worker`")
            problems += pdf_load.report(pdf_load.measure(server.base), percentile, ms, "zoals gepubliceerd")
            # Once more without the stored PDFs: the first request queues the rendering, the others
            # are told to ask again shortly until the worker has made it.
            if pdf_load.forget_stored_pdfs(db):
                problems += pdf_load.report(
                    pdf_load.measure(server.base), percentile, ms, "na het wissen van de opgeslagen PDF's"
                )
        finally:
            worker.stop()
        timings["pdf onder belasting"] = time.perf_counter() - t
        errors_in_log = server.errors_in_log()
        if errors_in_log:
            problems.append(f"serverlog (pdf): {len(errors_in_log)} fouten")
            print(f"Serverlog: {len(errors_in_log)} fouten; laatste regels:\n{server.log_tail(30)}")

        print(f"Load average aan het eind: {load_average()} (ander werk op de machine vertekent de tijden)")
        timings["totaal"] = time.perf_counter() - t0
        print("\nTijden van deze run: " + ", ".join(f"{k} {v:.1f} s" for k, v in timings.items()))
        summary.update(
            rate=rate,
            p95_versturen=percentile(versturen, 95),
            p95_walk=percentile([w.seconds for w in ok], 95),
            verloren=verloren,
            dubbel=dubbel,
            mislukt=len(failed),
        )
        if problems:
            print("\nMISLUKT:\n  " + "\n  ".join(problems))
            return False
        print("OK")
        return True
    finally:
        if server is not None:
            server.stop()
            server.cleanup_log()
        try:
            db.drop()
        except Exception as exc:  # noqa: BLE001
            print(f"Database {db.label} kon niet worden verwijderd: {exc}")


def main() -> int:
    print("Loket-benchmark: gelijktijdige inwoners door de hele melding (gunicorn op SQLite en PostgreSQL)")
    databases = [SqliteDatabase()]
    postgres = PostgresDatabase(PG_URL)
    if postgres.answers():
        databases.append(postgres)
    else:
        print(f"PostgreSQL antwoordt niet op {urlsplit(PG_URL).netloc}: alleen SQLite gemeten.")
    summaries, ok = {}, True
    for db in databases:
        print(f"\n=== {db.vendor} ===")
        summaries[db.vendor] = {}
        ok = run_backend(db, summaries[db.vendor]) and ok
    print("\nSamenvatting")
    for vendor, figures in summaries.items():
        if figures:
            print(
                f"  {vendor:<11} {figures['rate']:.2f} inzendingen/s, p95 versturen POST "
                f"{ms(figures['p95_versturen']).strip()}, p95 hele walk {figures['p95_walk']:.2f} s, "
                f"verloren {figures['verloren']}, dubbel {figures['dubbel']}, "
                f"mislukte walks {figures['mislukt']}"
            )
        else:
            print(f"  {vendor:<11} geen cijfers (de run brak af)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
