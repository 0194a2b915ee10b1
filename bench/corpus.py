"""Search benchmark corpora: Lochem alone (1x) and Lochem plus 100 synthetic regelingen (100x).

Every regeling goes through the real importer (`importers.pipeline.import_bytes`), so pages are
saved through Wagtail and the search index is the one Wagtail builds on save — nothing is
written to the index tables by hand.

A synthetic regeling k (1..100) is the Lochem body repeated COPIES times and renumbered
(bench/synth.py), about 300 articles, with its own identifier, citeertitel and slug and the
same in-werking date as Lochem (1 January 2026), so it is live and in force today and the
default peildatum search covers it. Its vocabulary is perturbed so the 100 regelingen are not
identical documents: in each copy a seeded PERTURB share of the distinct lower-case words
(five letters or more, structure words such as "artikel" and law tags in [...] excepted) is
replaced by other common Dutch words from wordfreq. Word counts, text lengths and structure
stay those of a real verordening; the vocabulary grows as in a real collection.

Building 100x takes minutes, so a built database is kept and reused while nothing it depends
on changes (see `fingerprint`): SQLite as bench/.cache/search-<size>-<hash>.sqlite3,
PostgreSQL as a database bench_search_<size>_<hash> next to the admin URL. Stale ones (same
prefix, other hash) are removed when a new one is built.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import sys
from functools import lru_cache
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from synth import _BIJLAGE, _HOOFDSTUK, LOCHEM, _count, renumber, split_capture  # noqa: E402

LOCHEM_SLUG = "verordening-sociaal-domein"
# Synthetic regelingen beside Lochem in the 100x corpus (BENCH_ZOEK_REGELINGEN: fewer, to try
# the benchmark out quickly; the corpus is then cached under another fingerprint).
REGELINGEN = int(os.environ.get("BENCH_ZOEK_REGELINGEN", "100"))
COPIES = 9  # Lochem bodies per synthetic regeling: 9 x 34 = 306 articles
PERTURB = 0.3
CACHE_DIR = BENCH / ".cache"

_WORD = re.compile(r"(?<![\w-])[a-zà-ÿ]{5,}(?![\w-])")
_KEEP = frozenset(
    """artikel artikelen hoofdstuk hoofdstukken paragraaf paragrafen bijlage bijlagen
    afdeling verordening eerste tweede derde vierde onderdeel aanhef""".split()
)


# -- text generation -------------------------------------------------------------


@lru_cache(maxsize=1)
def _replacement_words() -> list[str]:
    import wordfreq

    words = [
        w
        for w in wordfreq.top_n_list("nl", 40000, wordlist="best")
        if len(w) >= 5 and w.isalpha() and w.islower()
    ]
    return sorted(set(words))


def _perturb(lines: list[str], rng: random.Random, pool: list[str]) -> list[str]:
    vocab = sorted({w for line in lines for w in _WORD.findall(_outside_tags(line))} - _KEEP)
    chosen = rng.sample(vocab, int(len(vocab) * PERTURB))
    mapping = {w: rng.choice(pool) for w in chosen}

    def swap(text: str) -> str:
        return _WORD.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)

    out = []
    for line in lines:
        if "://" in line:
            out.append(line)
            continue
        # Law tags ("[Jeugdwet, Wet gemeentelijke schuldhulpverlening]") stay as they are.
        parts = re.split(r"(\[[^\]]*\])", line)
        out.append("".join(p if p.startswith("[") else swap(p) for p in parts))
    return out


def _outside_tags(line: str) -> str:
    return re.sub(r"\[[^\]]*\]", " ", line)


def synthetic_regeling(k: int, copies: int = COPIES) -> bytes:
    """Synthetic regeling k: `copies` renumbered Lochem bodies, perturbed, own identity."""
    text = LOCHEM.read_bytes().decode("utf-8-sig")
    head, body, tail = split_capture(text)
    chapters, bijlagen = _count(body, _HOOFDSTUK), _count(body, _BIJLAGE)
    pool = _replacement_words()
    lines = list(head)
    for copy in range(copies):
        rng = random.Random(f"regeling-{k}-kopie-{copy}")
        lines.extend(_perturb(renumber(body, copy, chapters, bijlagen), rng, pool))
    lines.extend(_perturb(tail, random.Random(f"regeling-{k}-begrippen"), pool))
    out = "\n".join(lines) + "\n"
    nummer = 900000 + k
    for old, new in (
        ("Gemeenteblad 2025, 538386", f"Gemeenteblad 2025, {nummer}"),
        ("gmb-2025-538386", f"gmb-2025-{nummer}"),
        ("Verordening Sociaal Domein 2026", f"Synthetische Verordening {k:03d} 2026"),
    ):
        out = out.replace(old, new)
    return out.encode("utf-8")


# -- building ------------------------------------------------------------------------


def fingerprint() -> str:
    """Hash of what a built corpus depends on: this generator, the importer, the regelgeving
    code that runs when pages are saved or indexed (models, migrations, index analysis), the
    search settings, the source text and library versions. Left out on purpose, because they
    do not change the database: the search modules that run only when a query is answered
    (regelgeving/search/service.py, query.py, expansion.py, ...), views and templates.
    Migrations of other apps are applied to the cached database before measuring instead."""
    not_stored = {"views.py", "api.py", "pdf.py", "admin_views.py", "comparison.py"}
    ranking_only = {
        "service.py",
        "query.py",
        "expansion.py",
        "synonyms.py",
        "paging.py",
        "kinds.py",
        "searchable.py",
        "title_ranking.py",
        "text_search.py",
        "result_lines.py",
        "pins.py",
        "suggestions.py",
        "highlight.py",
        "forms.py",
        "views.py",
        "elasticsearch.py",
        "backend.py",  # how queries reach the database; the index class is Wagtail's
        "postgres.py",
    }
    files = [BENCH / "corpus.py", BENCH / "synth.py", LOCHEM]
    files += sorted((ROOT / "importers").rglob("*.py"))
    for path in sorted((ROOT / "regelgeving").rglob("*.py")):
        if path.parent.name == "search" and path.name in ranking_only:
            continue
        if path.parent.name == "regelgeving" and path.name in not_stored:
            continue
        files.append(path)
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    for package in ("django", "wagtail", "modelsearch", "snowballstemmer", "wordfreq"):
        try:
            digest.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            pass
    digest.update(repr(_search_settings()).encode())
    digest.update(f"{REGELINGEN}/{COPIES}/{PERTURB}".encode())
    return digest.hexdigest()[:12]


def _search_settings():
    """The search backend settings as config/settings.py makes them (without SEARCH_URL)."""
    import importlib

    saved = os.environ.pop("SEARCH_URL", None)
    try:
        settings = importlib.import_module("config.settings.base")
        return settings.WAGTAILSEARCH_BACKENDS
    finally:
        if saved is not None:
            os.environ["SEARCH_URL"] = saved


# -- building (inside a configured Django process) --------------------------------------------


def import_lochem() -> None:
    from importers.pipeline import import_bytes
    from regelgeving.models import RegelingPage

    if not RegelingPage.objects.filter(slug=LOCHEM_SLUG).exists():
        import_bytes(LOCHEM.read_bytes(), str(LOCHEM), regeling_slug=LOCHEM_SLUG)


def _slug(k: int) -> str:
    return f"synthetisch-{k:03d}"


def create_regelingen(ks) -> None:
    """The regeling pages of the synthetic regelingen, created one after the other exactly as
    the importer creates a new regeling (so several importers can then fill them at once)."""
    from regelgeving.gemeenten import standaard_gemeente
    from regelgeving.models import RegelingPage
    from regelgeving.site_setup import regelgeving_index

    index = regelgeving_index(standaard_gemeente())
    existing = set(RegelingPage.objects.values_list("slug", flat=True))
    for k in ks:
        if _slug(k) not in existing:
            index.add_child(instance=RegelingPage(title=f"Synthetische Verordening {k:03d}", slug=_slug(k)))
            index.refresh_from_db()


def import_synthetic(ks=None, label: str = "") -> None:
    """Import synthetic regelingen `ks` (default all) that have no version yet."""
    import time

    from importers.pipeline import import_bytes
    from regelgeving.models import RegelingPage, RegelingVersiePage

    ks = list(ks or range(1, REGELINGEN + 1))
    done = {
        r.slug
        for r in RegelingPage.objects.filter(slug__in=[_slug(k) for k in ks])
        if RegelingVersiePage.objects.child_of(r).exists()
    }
    todo = [k for k in ks if _slug(k) not in done]
    if done:
        print(f"    {label}: {len(done)} regelingen uit een eerdere, onderbroken bouw hergebruikt")
    start = time.perf_counter()
    for i, k in enumerate(todo, 1):
        import_bytes(synthetic_regeling(k), f"synthetisch-{k:03d}.txt", regeling_slug=_slug(k))
        if i % 10 == 0 or i == len(todo):
            elapsed = time.perf_counter() - start
            print(
                f"    {label}: {i}/{len(todo)} regelingen geïmporteerd, {elapsed:.0f} s "
                f"(nog ~{elapsed / i * (len(todo) - i):.0f} s)"
            )


def counts() -> dict:
    from wagtail.models import Page

    from regelgeving.models import ArtikelPage, BegripPage, RegelingPage

    return {
        "regelingen": RegelingPage.objects.live().count(),
        "artikelen": ArtikelPage.objects.live().count(),
        "begrippen": BegripPage.objects.live().count(),
        "paginas": Page.objects.count(),
    }
