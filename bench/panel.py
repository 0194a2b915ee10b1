"""Panel benchmark: inviting a synthetic Lochem spreekt panel of 10,000 members to peilingen.

Run with `.venv/bin/python bench/panel.py` (for `make bench`). One run, on SQLite and — when it
answers — on PostgreSQL (BENCH_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test, used
as admin URL to create a fresh database `bench_panel_<pid>` next to it, dropped afterwards).
Each backend is measured in its own child process (one Django setup per database):

1. migrate a throwaway database and build only the page tree a peiling needs: HomePage (via
   regelgeving.site_setup.ensure_site), LoketPage, FlowPage(flow="inwonerspanel") and the
   demo's peiling and population shares (demo.loket.loket_voor_demo), plus the other peilingen of
   this run. The big regulation is not imported: setup_demo would add ~10 s per backend and
   nothing here reads it (the FlowPage's article references are left empty).
2. seed MEMBERS confirmed members (plus UNCONFIRMED unconfirmed ones, who must never be
   invited) with a panel-like spread over age groups and kernen, bulk_create'd, each with a
   PanelContact whose e-mail goes through the model field (encrypted with a fresh
   LOKET_ENCRYPTION_KEYS key) and blind index `blind_index("panel-email", email)`; a random
   share gets 1-4 earlier invitations this calendar year to other peilingen (volgnummer 1..n)
   and some get invitations last year (which must not count).
3. baselines in the same database: the raw selection (the confirmed members' ids via
   values_list) and a plain bulk_create of 10,000 minimal rows (three integers) in a table of
   its own, in one transaction with the same batch size as invite().
4. rounds, each for a new peiling: (a) `preview()` — selection only, median of PREVIEW_REPEATS;
   (b) `invite()` — selection plus queueing: Uitnodiging and Bericht rows and the one
   `send_waiting_messages` task. Rounds: everyone, a selection by kern, everyone twice more
   (more members reach four this year), and the first peiling once more (nobody new).
   TASKS uses django_tasks' DummyBackend: "queueing" is storing the messages and enqueueing
   the task, not sending 10,000 e-mails. invite() is split into SQL time (execute wrapper),
   rendering the mails (loket.panel.mail.invitation) and encrypting them (loket.crypto.encrypt).
5. checks with SQL: nobody has more than four invitations in a calendar year, nobody is
   invited twice to one peiling, volgnummers are 1..n without gaps, no unconfirmed member is
   invited; every invitation of this run has exactly one waiting Bericht (decrypted: its
   link carries that invitation's token, to the member's address); each round invited,
   skipped and counted exactly what an independent count of the seeded data predicts, and
   what its preview said; one task was enqueued per round that invited anyone.
6. sending, measured on a sample (SEND_SAMPLE messages through `send_message.call`, e-mail to
   Django's locmem backend), extrapolated to the messages of round 1.

Printed: members selected, invited, skipped (four this year) and already invited per round,
time per phase and per member, the ratios invite/preview and against the baselines, all
measured in the same run. Exits non-zero only when a check fails, never on timing.

Knobs (environment): PANEL_BENCH_MEMBERS (10000), PANEL_BENCH_SEND_SAMPLE (200),
BENCH_DATABASE_URL.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.stack import throwaway_keys  # noqa: E402

PG_ADMIN_DEFAULT = "postgres://postgres@127.0.0.1:5432/test"
MEMBERS = int(os.environ.get("PANEL_BENCH_MEMBERS", "10000"))
UNCONFIRMED = max(1, MEMBERS // 50)
SEND_SAMPLE = int(os.environ.get("PANEL_BENCH_SEND_SAMPLE", "200"))
BASELINE_ROWS = 10_000
PREVIEW_REPEATS = 3
BASELINE_REPEATS = 3
SEED = 20260410
LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# A panel over-represents the middle-aged and retired; kernen as the population (demo/loket.py).
AGE_WEIGHTS = {"16-24": 5, "25-44": 16, "45-64": 36, "65-74": 27, "75+": 16}
RELATIES = [(["woont"], 80), (["woont", "werkt"], 12), (["werkt"], 5), (["woont", "onderneemt"], 3)]
# Share of members with 0..4 earlier invitations this calendar year, and last year.
EARLIER_THIS_YEAR = {0: 35, 1: 25, 2: 20, 3: 12, 4: 8}
EARLIER_LAST_YEAR = {0: 50, 1: 15, 2: 15, 3: 10, 4: 10}
KERN_SELECTIE = ["lochem"]

TOKEN_RE = re.compile(r"/invullen/([A-Za-z0-9_-]{20,80})/")


# -- database ------------------------------------------------------------------------------


class Database:
    """A fresh database for one backend: SQLite in a temp dir, or a new PostgreSQL database."""

    def __init__(self, backend: str, pg_admin: str):
        self.backend = backend
        self.tmpdir = None
        self.pg_admin = pg_admin
        self.pg_name = None
        if backend == "postgresql":
            self.pg_name = f"bench_panel_{os.getpid()}"
            self.url = urlunsplit(urlsplit(pg_admin)._replace(path="/" + self.pg_name))
            self.label = f"PostgreSQL, database {self.pg_name} naast {urlsplit(pg_admin).netloc}"
        else:
            self.tmpdir = tempfile.mkdtemp(prefix="bench-panel-")
            self.url = f"sqlite:///{self.tmpdir}/bench.sqlite3"
            self.label = f"SQLite {self.tmpdir}/bench.sqlite3"

    def create(self) -> None:
        if self.pg_name:
            import psycopg

            with psycopg.connect(self.pg_admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')
                conn.execute(f'CREATE DATABASE "{self.pg_name}"')

    def drop(self) -> None:
        if self.tmpdir:
            shutil.rmtree(self.tmpdir, ignore_errors=True)
        if self.pg_name:
            import psycopg

            with psycopg.connect(self.pg_admin, autocommit=True) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


def pg_answers(url: str) -> bool:
    try:
        import psycopg

        psycopg.connect(url, connect_timeout=3).close()
        return True
    except Exception:  # noqa: BLE001 - any failure means: no PostgreSQL for this run
        return False


# -- measuring -----------------------------------------------------------------------------


class SqlMeter:
    """Counts the queries on the default connection and the time spent executing them."""

    def __init__(self):
        self.count = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


class Stopwatch:
    """Wraps a module function and adds up the time spent in it (calls are counted too)."""

    def __init__(self, module, name: str):
        self.module, self.name = module, name
        self.original = getattr(module, name)
        self.seconds = 0.0
        self.calls = 0

    def __enter__(self):
        original = self.original

        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        setattr(self.module, self.name, timed)
        return self

    def __exit__(self, *exc):
        setattr(self.module, self.name, self.original)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:,.1f} ms" if seconds < 1 else f"{seconds:,.2f} s"


def us(seconds: float) -> str:
    return f"{seconds * 1e6:,.0f} µs"


def row(label: str, *cells, width: int = 34, cell: int = 13) -> None:
    print(f"  {label:<{width}}" + "".join(f"{c:>{cell}}" for c in cells))


def ratio(a: float, b: float) -> str:
    return f"{a / b:.1f}x" if b else "-"


# -- child: one backend ----------------------------------------------------------------------


def django_setup() -> None:
    import warnings

    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
    from django.conf import settings

    # Queueing, not sending: the task is only recorded (the site itself runs it immediately).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    import django

    django.setup()


def build_tree():
    """HomePage > LoketPage > FlowPage(inwonerspanel) > peilingen; no regulation."""
    from django.utils import timezone

    from demo.gemeenten import LOCHEM
    from demo.loket import LOKETTEN, loket_voor_demo
    from loket.models import FlowPage, PeilingPage
    from regelgeving.gemeenten import standaard_gemeente

    gemeente = standaard_gemeente()
    gemeente.kernen = LOCHEM.instellingen["kernen"]  # the kernen the members are drawn from
    gemeente.save()
    # The demo's loket: its population shares and its open peiling "bibliotheek".
    loket = loket_voor_demo(gemeente, LOCHEM)
    flow = FlowPage.objects.child_of(loket).get(flow="inwonerspanel")
    vragen = LOKETTEN[LOCHEM.cbs_code].peiling.vragen

    today = timezone.localdate()

    def peiling(slug: str, title: str, start) -> PeilingPage:
        page = PeilingPage(
            title=title,
            slug=slug,
            open_vanaf=start,
            open_tot=start + timedelta(days=28),
            vragen=vragen,
        )
        flow.add_child(instance=page)
        return page

    jan1 = today.replace(month=1, day=1)
    earlier = [peiling(f"eerder-{i}", f"Eerdere peiling {i} van dit jaar", jan1) for i in range(1, 5)]
    last_year = [
        peiling(f"vorig-jaar-{i}", f"Peiling {i} van vorig jaar", jan1.replace(year=jan1.year - 1))
        for i in range(1, 5)
    ]
    new = [PeilingPage.objects.child_of(flow).get(slug="bibliotheek")]
    new.append(peiling("parkeren", "Parkeren in de binnenstad van Lochem", today))
    new.append(peiling("afval", "Afval scheiden", today))
    new.append(peiling("groen", "Groen in uw straat", today))
    return flow, earlier, last_year, new


def seed_members(rng: random.Random, earlier, last_year):
    """Members, their encrypted contact and earlier invitations; returns the bookkeeping."""
    from django.db import transaction
    from django.utils import timezone

    from demo.gemeenten import LOCHEM
    from demo.loket import LOKETTEN
    from loket.crypto import blind_index
    from loket.models import PanelContact, Panellid, Uitnodiging
    from regelgeving.gemeenten import standaard_gemeente

    now = timezone.now()
    jaar = timezone.localdate(now).year
    run = uuid.uuid4().hex[:6]
    ages, age_w = zip(*AGE_WEIGHTS.items(), strict=True)
    kernen, kern_w = zip(*LOKETTEN[LOCHEM.cbs_code].bevolking["kern"].items(), strict=True)
    gemeente = standaard_gemeente()
    relaties, rel_w = zip(*RELATIES, strict=True)
    total = MEMBERS + UNCONFIRMED
    leden = []
    for i in range(total):
        aangemeld = now - timedelta(days=rng.uniform(30, 3 * 365))
        leden.append(
            Panellid(
                gemeente=gemeente,
                referentie=f"LS-BENCH-{run}-{i:06d}",
                leeftijdsgroep=rng.choices(ages, age_w)[0],
                kern=rng.choices(kernen, kern_w)[0],
                relaties=list(rng.choices(relaties, rel_w)[0]),
                aangemeld_op=aangemeld,
                bevestigd_op=aangemeld + timedelta(hours=rng.uniform(0.1, 48)) if i < MEMBERS else None,
                aanmeldtoken=secrets.token_hex(16),
            )
        )
    with transaction.atomic():
        Panellid.objects.bulk_create(leden, batch_size=1000)
    ids = dict(
        Panellid.objects.filter(referentie__startswith=f"LS-BENCH-{run}-").values_list("referentie", "pk")
    )
    members = {}  # pk -> bookkeeping
    for lid in leden:
        pk = ids[lid.referentie]
        members[pk] = {
            "kern": lid.kern,
            "bevestigd": lid.bevestigd_op is not None,
            "email": f"lid.{lid.referentie.lower()}@example.nl",
            "dit_jaar": 0,
            "peilingen": set(),
        }
    contacts = [
        PanelContact(
            lid_id=pk, gemeente=gemeente, email=m["email"], email_index=blind_index("panel-email", m["email"])
        )
        for pk, m in members.items()
    ]
    start_of_year = timezone.make_aware(datetime(jaar, 1, 1))
    last_year_start = timezone.make_aware(datetime(jaar - 1, 1, 1))
    this_year_span = max((now - start_of_year).total_seconds(), 1)
    uitnodigingen = []
    n_this, n_last = Counter(), Counter()

    def earlier_invitations(pk, m, weights, pool, year, status, moment) -> int:
        """A random number (by `weights`) of invitations of `pk` to peilingen from `pool`."""
        k = rng.choices(list(weights), list(weights.values()))[0]
        for volgnummer, peiling in enumerate(sorted(rng.sample(pool, k), key=lambda p: p.pk), start=1):
            uitnodigingen.append(
                Uitnodiging(
                    peiling=peiling,
                    lid_id=pk,
                    jaar=year,
                    volgnummer=volgnummer,
                    token_hash=secrets.token_hex(32),
                    status=status(),
                    uitgenodigd_op=moment(),
                )
            )
            m["peilingen"].add(peiling.pk)
        return k

    for pk, m in members.items():
        if not m["bevestigd"]:
            continue
        k = earlier_invitations(
            pk,
            m,
            EARLIER_THIS_YEAR,
            earlier,
            jaar,
            lambda: rng.choice(["beantwoord", "beantwoord", "uitgenodigd", "afgeslagen"]),
            lambda: start_of_year + timedelta(seconds=rng.uniform(0, this_year_span)),
        )
        n_this[k] += 1
        m["dit_jaar"] = k
        k = earlier_invitations(
            pk,
            m,
            EARLIER_LAST_YEAR,
            last_year,
            jaar - 1,
            lambda: "beantwoord",
            lambda: last_year_start + timedelta(days=rng.uniform(0, 364)),
        )
        n_last[k] += 1
    with transaction.atomic():
        PanelContact.objects.bulk_create(contacts, batch_size=1000)
        Uitnodiging.objects.bulk_create(uitnodigingen, batch_size=1000)
    return members, n_this, n_last, len(uitnodigingen)


def baseline_model():
    """A minimal table of its own (three integers), created with the schema editor."""
    from django.db import connection, models

    class BenchRij(models.Model):
        lid_id = models.BigIntegerField()
        jaar = models.PositiveIntegerField()
        volgnummer = models.PositiveSmallIntegerField()

        class Meta:
            app_label = "bench_panel"
            db_table = "bench_panel_rij"

    with connection.schema_editor() as editor:
        editor.create_model(BenchRij)
    return BenchRij


def measure_baselines(member_ids: list[int]) -> dict:
    from django.db import transaction

    from loket.models import Panellid

    Rij = baseline_model()
    ids = (member_ids * (BASELINE_ROWS // len(member_ids) + 1))[:BASELINE_ROWS]
    inserts = []
    for _ in range(BASELINE_REPEATS):
        Rij.objects.all().delete()
        rows = [Rij(lid_id=pk, jaar=2026, volgnummer=1) for pk in ids]
        start = time.perf_counter()
        with transaction.atomic():
            Rij.objects.bulk_create(rows, batch_size=1000)
        inserts.append(time.perf_counter() - start)
    selects = []
    for _ in range(PREVIEW_REPEATS):
        start = time.perf_counter()
        found = list(Panellid.objects.filter(bevestigd_op__isnull=False).values_list("pk", flat=True))
        selects.append(time.perf_counter() - start)
    assert len(found) == len(member_ids)
    return {
        "insert": statistics.median(inserts),
        "insert_rows": BASELINE_ROWS,
        "select": statistics.median(selects),
        "select_rows": len(found),
    }


def warm_up(peiling) -> None:
    from loket.models import Panellid
    from loket.panel import invitations, mail

    invitations.preview(peiling, invitations.Selectie())
    mail.invitation(Panellid.objects.first(), "opwarmen@example.nl", peiling, secrets.token_urlsafe(24))


def expected_round(members: dict, peiling_pk: int, kernen: list[str]) -> dict:
    """What a round must do, counted independently from the seeded bookkeeping."""
    exp = {"geselecteerd": 0, "uitgenodigd": 0, "al_uitgenodigd": 0, "maximum_bereikt": 0}
    todo = []
    for pk, m in members.items():
        if not m["bevestigd"] or (kernen and m["kern"] not in kernen):
            continue
        exp["geselecteerd"] += 1
        if peiling_pk in m["peilingen"]:
            exp["al_uitgenodigd"] += 1
        elif m["dit_jaar"] >= 4:
            exp["maximum_bereikt"] += 1
        else:
            exp["uitgenodigd"] += 1
            todo.append(pk)
    return exp, todo


def run_round(label: str, peiling, selectie, members: dict, problems: list[str]) -> dict:
    from dataclasses import asdict

    from django.db import connection
    from django_tasks import default_task_backend

    import loket.crypto
    import loket.panel.mail
    from loket.panel import invitations
    from loket.tasks import send_waiting_messages

    expected, todo = expected_round(members, peiling.pk, selectie.kernen)
    problems_before = len(problems)
    previews, ronde_preview = [], None
    for _ in range(PREVIEW_REPEATS):
        start = time.perf_counter()
        ronde_preview = invitations.preview(peiling, selectie)
        previews.append(time.perf_counter() - start)

    tasks_before = len(default_task_backend.results)
    sql = SqlMeter()
    with (
        Stopwatch(loket.panel.mail, "invitation") as render,
        Stopwatch(loket.crypto, "encrypt") as encrypt,
        connection.execute_wrapper(sql),
    ):
        start = time.perf_counter()
        ronde = invitations.invite(peiling, selectie)
        seconds = time.perf_counter() - start
    enqueued = default_task_backend.results[tasks_before:]

    got, predicted = asdict(ronde), asdict(ronde_preview)
    if got != expected:
        problems.append(f"{label}: invite() gaf {got}, verwacht {expected}")
    if predicted != got:
        problems.append(f"{label}: preview() voorspelde {predicted}, invite() deed {got}")
    want_tasks = 1 if ronde.uitgenodigd else 0
    if len(enqueued) != want_tasks or any(r.task.func is not send_waiting_messages.func for r in enqueued):
        problems.append(f"{label}: {len(enqueued)} taken in de wachtrij, verwacht {want_tasks}")
    for pk in todo:
        members[pk]["dit_jaar"] += 1
        members[pk]["peilingen"].add(peiling.pk)
    return {
        "label": label,
        "peiling_pk": peiling.pk,
        "kernen": selectie.kernen,
        **got,
        "preview": statistics.median(previews),
        "preview_runs": previews,
        "invite": seconds,
        "queries": sql.count,
        "sql": sql.seconds,
        "render": render.seconds,
        "render_calls": render.calls,
        "encrypt": encrypt.seconds,
        "encrypt_calls": encrypt.calls,
        "taken": len(enqueued),
        "afwijkingen": len(problems) - problems_before,
    }


def check_database(members: dict, rounds: list[dict], problems: list[str]) -> dict:
    """The rules, checked on what is stored, with SQL and by decrypting the messages."""
    from django.db import connection

    from loket.models import Bericht, PeilingPage, Uitnodiging
    from loket.panel.invitations import token_hash

    def rows(sql: str) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            return cursor.fetchall()

    over_four = rows(
        "SELECT lid_id, jaar, COUNT(*) FROM loket_uitnodiging WHERE lid_id IS NOT NULL "
        "GROUP BY lid_id, jaar HAVING COUNT(*) > 4"
    )
    twice = rows(
        "SELECT peiling_id, lid_id, COUNT(*) FROM loket_uitnodiging WHERE lid_id IS NOT NULL "
        "GROUP BY peiling_id, lid_id HAVING COUNT(*) > 1"
    )
    gaps = rows(
        "SELECT lid_id, jaar FROM loket_uitnodiging WHERE lid_id IS NOT NULL GROUP BY lid_id, jaar "
        "HAVING MIN(volgnummer) <> 1 OR MAX(volgnummer) <> COUNT(*) OR COUNT(DISTINCT volgnummer) <> COUNT(*)"
    )
    unconfirmed = rows(
        "SELECT COUNT(*) FROM loket_uitnodiging u JOIN loket_panellid l ON l.id = u.lid_id "
        "WHERE l.bevestigd_op IS NULL"
    )[0][0]
    per_year = dict(
        rows(
            "SELECT n, COUNT(*) FROM (SELECT COUNT(*) AS n FROM loket_uitnodiging WHERE lid_id IS NOT NULL "
            f"AND jaar = {rounds_year()} GROUP BY lid_id) t GROUP BY n"
        )
    )
    if over_four:
        problems.append(
            f"{len(over_four)} leden met meer dan 4 uitnodigingen in een jaar, bv. {over_four[:5]}"
        )
    if twice:
        problems.append(f"{len(twice)} keer een lid twee keer uitgenodigd voor één peiling, bv. {twice[:5]}")
    if gaps:
        problems.append(f"{len(gaps)} leden met volgnummers die niet 1..n zijn, bv. {gaps[:5]}")
    if unconfirmed:
        problems.append(f"{unconfirmed} uitnodigingen voor niet-bevestigde leden")

    # Every invitation of this run: exactly one waiting message, with its own link, to its member.
    new_peilingen = {r["peiling_pk"] for r in rounds}
    titles = dict(PeilingPage.objects.filter(pk__in=new_peilingen).values_list("pk", "title"))
    invitations = {
        h: {"pk": pk, "lid": lid, "peiling": peiling, "berichten": 0}
        for pk, lid, peiling, h in Uitnodiging.objects.filter(peiling_id__in=new_peilingen).values_list(
            "pk", "lid_id", "peiling_id", "token_hash"
        )
    }
    start = time.perf_counter()
    wrong, orphans, statuses = [], 0, Counter()
    for pk, lid, status, inhoud in Bericht.objects.filter(soort="uitnodiging").values_list(
        "pk", "panellid_id", "status", "inhoud"
    ):
        statuses[status] += 1
        m = TOKEN_RE.search(inhoud["tekst"])
        inv = invitations.get(token_hash(m.group(1))) if m else None
        if inv is None:
            orphans += 1
            continue
        inv["berichten"] += 1
        if status != "wachtend":
            wrong.append((pk, "status " + status))
        if lid != inv["lid"]:
            wrong.append((pk, "ander lid"))
        if inhoud["aan"] != [members[inv["lid"]]["email"]]:
            wrong.append((pk, "ander adres"))
        if titles[inv["peiling"]] not in inhoud["onderwerp"]:
            wrong.append((pk, "ander onderwerp"))
        if "List-Unsubscribe" not in inhoud.get("headers", {}):
            wrong.append((pk, "geen List-Unsubscribe"))
    decrypt_seconds = time.perf_counter() - start
    not_one = [(i["pk"], i["berichten"]) for i in invitations.values() if i["berichten"] != 1]
    invited = sum(r["uitgenodigd"] for r in rounds)
    if len(invitations) != invited:
        problems.append(f"{len(invitations)} uitnodigingen opgeslagen, de rondes meldden er {invited}")
    if not_one:
        problems.append(f"{len(not_one)} uitnodigingen zonder precies één bericht, bv. {not_one[:5]}")
    if orphans:
        problems.append(f"{orphans} uitnodigingsberichten zonder uitnodiging van deze run")
    if wrong:
        problems.append(f"{len(wrong)} berichten kloppen niet, bv. {wrong[:5]}")
    return {
        "over_four": len(over_four),
        "twice": len(twice),
        "gaps": len(gaps),
        "unconfirmed": unconfirmed,
        "per_year": {int(k): v for k, v in per_year.items()},
        "invitations": len(invitations),
        "berichten": sum(statuses.values()),
        "statuses": dict(statuses),
        "not_one": len(not_one),
        "orphans": orphans,
        "wrong": len(wrong),
        "decrypt": decrypt_seconds,
    }


def rounds_year() -> int:
    from django.utils import timezone

    return timezone.localdate().year


def measure_sending(problems: list[str]) -> dict:
    """Send a sample of the waiting messages as the task would, to the locmem e-mail backend."""
    from django.core import mail as django_mail

    from loket.models import Bericht
    from loket.tasks import send_message

    waiting = list(Bericht.objects.filter(status="wachtend").order_by("pk").values_list("pk", flat=True))
    sample = waiting[:SEND_SAMPLE]
    django_mail.outbox = []
    start = time.perf_counter()
    outcomes = Counter(send_message.call(pk) for pk in sample)
    seconds = time.perf_counter() - start
    sent = Bericht.objects.filter(pk__in=sample, status="verzonden").count()
    if outcomes != Counter({"verzonden": len(sample)}) or sent != len(sample):
        problems.append(f"verzenden: {dict(outcomes)}, {sent} van {len(sample)} als verzonden opgeslagen")
    if len(django_mail.outbox) != len(sample):
        problems.append(
            f"verzenden: {len(django_mail.outbox)} e-mails in de outbox voor {len(sample)} berichten"
        )
    return {"sample": len(sample), "seconds": seconds, "waiting": len(waiting)}


def cmd_measure(args) -> int:
    django_setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from loket.panel.invitations import BATCH, Selectie

    started = time.perf_counter()
    label = LABELS[connection.vendor]
    print(f"\n== {args.label} ==")
    print(
        f"  taken     : {settings.TASKS['default']['BACKEND']} — 'in de wachtrij' = berichten opslaan en "
        "de ene taak send_waiting_messages enqueuen, niet 10.000 e-mails versturen"
    )
    problems: list[str] = []
    result: dict = {"label": label, "problems": problems}

    start = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    result["migrate"] = time.perf_counter() - start

    start = time.perf_counter()
    flow, earlier, last_year, new = build_tree()
    rng = random.Random(SEED)
    members, n_this, n_last, n_seed = seed_members(rng, earlier, last_year)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    result["seed"] = time.perf_counter() - start
    confirmed = sorted(pk for pk, m in members.items() if m["bevestigd"])
    kern_counts = Counter(m["kern"] for m in members.values() if m["bevestigd"])
    print(
        f"  opbouw    : migrate {ms(result['migrate'])}; paginaboom + {len(members):,} leden "
        f"({MEMBERS:,} bevestigd, {UNCONFIRMED} niet) + {n_seed:,} eerdere uitnodigingen in "
        f"{ms(result['seed'])}"
    )
    print(
        "  eerder dit jaar uitgenodigd: "
        + ", ".join(f"{k}x {n_this[k]:,}" for k in sorted(n_this))
        + "; vorig jaar: "
        + ", ".join(f"{k}x {n_last[k]:,}" for k in sorted(n_last))
    )
    print("  kernen    : " + ", ".join(f"{k} {n:,}" for k, n in kern_counts.most_common()))

    # First use of the mail template, URL resolvers, site root paths and queries: paid once here,
    # as a running server pays it on its first request, not in round 1.
    start = time.perf_counter()
    warm_up(new[0])
    result["warm_up"] = time.perf_counter() - start
    print(
        f"  opwarmen  : één preview en één uitnodigingsmail maken (niet opgeslagen) {ms(result['warm_up'])}"
    )

    base = measure_baselines(confirmed)
    result["baseline"] = base
    print(
        f"  baseline  : bulk_create {base['insert_rows']:,} minimale rijen (batch {BATCH}, één transactie) "
        f"{ms(base['insert'])}; ids van {base['select_rows']:,} bevestigde leden (values_list) "
        f"{ms(base['select'])} (mediaan van {BASELINE_REPEATS} resp. {PREVIEW_REPEATS})"
    )

    rounds = []
    plan = [
        ("1 iedereen", new[0], Selectie()),
        (f"2 kern {'+'.join(KERN_SELECTIE)}", new[1], Selectie(kernen=list(KERN_SELECTIE))),
        ("3 iedereen", new[2], Selectie()),
        ("4 iedereen", new[3], Selectie()),
        ("5 = ronde 1 nogmaals", new[0], Selectie()),
    ]
    for name, peiling, selectie in plan:
        rounds.append(run_round(name, peiling, selectie, members, problems))
    result["rounds"] = rounds

    print()
    print(f"  Rondes (preview: mediaan van {PREVIEW_REPEATS}; invite: één keer, selectie + in de wachtrij)")
    row("ronde", "geselecteerd", "uitgenodigd", "max. bereikt", "al uitgen.", "taken", width=24)
    for r in rounds:
        row(
            r["label"],
            f"{r['geselecteerd']:,}",
            f"{r['uitgenodigd']:,}",
            f"{r['maximum_bereikt']:,}",
            f"{r['al_uitgenodigd']:,}",
            str(r["taken"]),
            width=24,
        )
    print()
    row("ronde", "preview", "invite", "invite/prev.", "per uitgen.", "queries", width=24)
    for r in rounds:
        per = r["invite"] / r["uitgenodigd"] if r["uitgenodigd"] else 0
        row(
            r["label"],
            ms(r["preview"]),
            ms(r["invite"]),
            ratio(r["invite"], r["preview"]),
            us(per) if per else "-",
            f"{r['queries']:,}",
            width=24,
        )
    print()
    print("  Waar de tijd van invite() heen gaat (wand; 'rest' = ORM, Python, on_commit)")
    row("ronde", "SQL", "mails maken", "versleutelen", "rest", "per uitgen.", width=24)
    for r in rounds:
        rest = r["invite"] - r["sql"] - r["render"] - r["encrypt"]
        per = r["invite"] / r["uitgenodigd"] if r["uitgenodigd"] else 0
        row(
            r["label"],
            ms(r["sql"]),
            ms(r["render"]),
            ms(r["encrypt"]),
            ms(rest),
            us(per) if per else "-",
            width=24,
        )
    print()
    print("  Verhoudingen in deze run")
    per_row = base["insert"] / base["insert_rows"]
    for r in rounds[:2]:
        per_invite = r["invite"] / r["uitgenodigd"]
        queue = r["invite"] - r["preview"]
        print(f"    ronde {r['label']}:")
        print(
            f"      preview / ids-baseline               : {ms(r['preview'])} / {ms(base['select'])} = "
            f"{ratio(r['preview'], base['select'])} "
            f"({us(r['preview'] / r['geselecteerd'])} per geselecteerd lid)"
        )
        print(
            f"      invite / preview                     : {ms(r['invite'])} / {ms(r['preview'])} = "
            f"{ratio(r['invite'], r['preview'])}"
        )
        print(
            f"      invite per lid / bulk_create per rij : {us(per_invite)} / {us(per_row)} = "
            f"{ratio(per_invite, per_row)} "
            "(invite schrijft per lid een Uitnodiging en een versleuteld Bericht)"
        )
        print(
            f"      in de wachtrij (invite − preview)    : {ms(queue)}, "
            f"{us(queue / r['uitgenodigd'])} per lid"
        )

    start = time.perf_counter()
    checks = check_database(members, rounds, problems)
    checks["seconds"] = time.perf_counter() - start
    result["checks"] = checks
    print()
    print(
        f"  Controle ({ms(checks['seconds'])}): meer dan 4 per lid per jaar: {checks['over_four']}; "
        f"twee keer voor één peiling: {checks['twice']}; volgnummers niet 1..n: {checks['gaps']}; "
        f"niet-bevestigde leden uitgenodigd: {checks['unconfirmed']}"
    )
    print(
        "    uitnodigingen dit jaar per lid na de rondes: "
        + ", ".join(f"{k}x {v:,}" for k, v in sorted(checks["per_year"].items()))
    )
    print(
        f"    {checks['invitations']:,} uitnodigingen van deze run, {checks['berichten']:,} "
        f"uitnodigingsberichten {checks['statuses']} (ontsleuteld in {ms(checks['decrypt'])}): "
        f"zonder precies één bericht {checks['not_one']}, berichten zonder uitnodiging {checks['orphans']}, "
        f"verkeerd lid/adres/onderwerp/status {checks['wrong']}"
    )
    round_problems = sum(r["afwijkingen"] for r in rounds)
    print(
        "    rondes die iets anders deden dan een onafhankelijke telling van de testdata voorspelt, dan "
        f"hun preview zei, of niet precies één taak enqueueden: {round_problems}"
    )

    if SEND_SAMPLE:
        first_invited = rounds[0]["uitgenodigd"]
        send = measure_sending(problems)
        result["send"] = send
        per = send["seconds"] / send["sample"] if send["sample"] else 0
        print(
            f"  Verzenden (steekproef, send_message.call, locmem-e-mail): {send['sample']:,} berichten in "
            f"{ms(send['seconds'])}, {us(per)} per bericht"
        )
        print(
            f"    ronde 1 ({first_invited:,} berichten) zo versturen: ~{ms(per * first_invited)}; met de "
            "ImmediateBackend uit config/settings.py gebeurt dat binnen invite(), dus in het verzoek van de "
            "redacteur (en hier nog zonder SMTP)"
        )
    result["total"] = time.perf_counter() - started
    print(f"  duur {label}: {ms(result['total'])}")
    Path(args.uit).write_text(json.dumps(result, default=list))
    if problems:
        print("  MISLUKT:\n    " + "\n    ".join(problems))
        return 1
    print("  controles OK")
    return 0


# -- parent ------------------------------------------------------------------------------------


def child_env(url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EMAIL_", "LOKET_", "SEARCH_"))}
    env.update(
        DATABASE_URL=url,
        DJANGO_SETTINGS_MODULE="config.settings.base",
        DJANGO_DEBUG="0",
        PYTHONUNBUFFERED="1",
        # Fresh keys for this run: the e-mail addresses and messages are encrypted as in production.
        **throwaway_keys(),
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    return env


def summary(results: dict[str, dict]) -> None:
    backends = list(results)
    print()
    print("Samenvatting" + (" (PostgreSQL / SQLite)" if len(backends) == 2 else ""))
    head = [LABELS[b] for b in backends] + (["PG/SQLite"] if len(backends) == 2 else [])
    row("", *head, width=40, cell=14)

    def line(label: str, values: list[float]) -> None:
        cells = [ms(v) for v in values]
        if len(values) == 2:
            cells.append(ratio(values[1], values[0]))
        row(label, *cells, width=40, cell=14)

    rs = {b: results[b]["rounds"] for b in backends}
    line("baseline bulk_create 10.000 rijen", [results[b]["baseline"]["insert"] for b in backends])
    line("baseline ids bevestigde leden", [results[b]["baseline"]["select"] for b in backends])
    for i, r in enumerate(rs[backends[0]]):
        line(f"ronde {r['label']}: preview", [rs[b][i]["preview"] for b in backends])
        line(f"ronde {r['label']}: invite", [rs[b][i]["invite"] for b in backends])
    if all("send" in results[b] for b in backends):
        line(
            "verzenden per bericht (steekproef)",
            [results[b]["send"]["seconds"] / max(results[b]["send"]["sample"], 1) for b in backends],
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meet", choices=sorted(LABELS), help="(intern) meet één backend")
    parser.add_argument("--uit")
    parser.add_argument("--label", default="")
    args = parser.parse_args(argv)
    if args.meet:
        return cmd_measure(args)

    started = time.perf_counter()
    pg_admin = os.environ.get("BENCH_DATABASE_URL") or PG_ADMIN_DEFAULT
    backends = ["sqlite"]
    print(f"Panelbenchmark: uitnodigen van {MEMBERS:,} leden van Lochem spreekt (hoogstens 4 per jaar)")
    print(
        f"  machine   : Python {platform.python_version()}, {os.cpu_count()} CPU's, "
        f"load {os.getloadavg()[0]:.2f} (tijden zijn wandkloktijd via perf_counter)"
    )
    if pg_answers(pg_admin):
        backends.append("postgresql")
    else:
        print(f"  PostgreSQL antwoordt niet op {urlsplit(pg_admin).netloc}: alleen SQLite gemeten.")
    results, failed = {}, []
    for backend in backends:
        db = Database(backend, pg_admin)
        out = tempfile.mktemp(prefix="bench-panel-", suffix=".json")
        try:
            db.create()
            proc = subprocess.run(
                [
                    sys.executable,
                    str(Path(__file__).resolve()),
                    "--meet",
                    backend,
                    "--uit",
                    out,
                    "--label",
                    db.label,
                ],
                env=child_env(db.url),
                cwd=ROOT,
            )
            if Path(out).exists():
                results[backend] = json.loads(Path(out).read_text())
            if proc.returncode != 0:
                failed.append(f"{LABELS[backend]}: code {proc.returncode}")
        finally:
            Path(out).unlink(missing_ok=True)
            try:
                db.drop()
            except Exception as exc:  # noqa: BLE001
                print(f"Database {db.label} kon niet worden verwijderd: {exc}")
    if results and all("rounds" in r for r in results.values()):
        summary(results)
    print(f"\nTotale duur van de panelbenchmark: {ms(time.perf_counter() - started)}")
    if failed:
        print("FOUT: " + "; ".join(failed))
        return 1
    print("OK: niemand boven vier uitnodigingen per jaar, niemand twee keer per peiling, elk bericht klopt.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
