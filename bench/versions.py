"""Versions in time: resolving a peildatum URL and rendering a full comparison, at 1x and 10x.

A second version of each benchmark regulation is derived from its text (new identifier,
citeertitel and in-werking date, every "40%" raised to "45%"), imported as a draft and
published, so both regulations have two live versions side by side.
"""

from __future__ import annotations

import statistics
import time

REPEATS = 20
COMPARE_REPEATS = 5


def second_version(data: bytes) -> bytes:
    text = data.decode("utf-8")
    for old, new in (
        ("Gemeenteblad 2025, 538386", "Gemeenteblad 2026, 612345"),
        ("gmb-2025-538386", "gmb-2026-612345"),
        ("Verordening Sociaal Domein 2026", "Verordening Sociaal Domein 2027"),
        ("treedt in werking op 1 januari 2026", "treedt in werking op 1 januari 2027"),
        ("alleenstaanden 40%", "alleenstaanden 45%"),
    ):
        text = text.replace(old, new)
    return text.encode("utf-8")


def import_second(data: bytes, slug: str):
    from importers.pipeline import import_bytes
    from regelgeving.models import RegelingVersiePage

    versie = import_bytes(second_version(data), f"{slug}-2027", regeling_slug=slug).versie
    versie = RegelingVersiePage.objects.get(pk=versie.pk)
    versie.go_live_at = None
    versie.save_revision().publish()
    return versie


def timed_get(client, url: str, repeats: int, expect: int = 200):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        response = client.get(url)
        times.append(time.perf_counter() - start)
        if response.status_code != expect:
            raise SystemExit(f"GET {url} gaf status {response.status_code}, verwacht {expect}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(times), len(queries)


def compare_only(oud, nieuw) -> float:
    """Seconds for the comparison itself (texts from the database + matching + diffs)."""
    from regelgeving.views import vergelijk_versies

    times = []
    for _ in range(COMPARE_REPEATS):
        start = time.perf_counter()
        vergelijk_versies(oud, nieuw)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(client, sizes, row, ms) -> None:
    """sizes: [(label, regeling slug, data bytes, first version)] — imports and measures."""
    from regelgeving.models import ArtikelPage

    results = []
    for label, slug, data, first in sizes:
        start = time.perf_counter()
        second = import_second(data, slug)
        import_time = time.perf_counter() - start
        direct_url = ArtikelPage.objects.get(versie=second, nummer="7.4").url
        stable = f"/regelgeving/{slug}/artikel/7.4/?peildatum=2027-03-01"
        redirect = f"/regelgeving/{slug}/?peildatum=2026-06-01"
        compare = f"/regelgeving/{slug}/vergelijk/?van={first.slug}&naar={second.slug}"
        results.append(
            (
                label,
                import_time,
                timed_get(client, direct_url, REPEATS),
                timed_get(client, stable, REPEATS),
                timed_get(client, redirect, REPEATS, expect=302),
                timed_get(client, compare, COMPARE_REPEATS),
                compare_only(first, second),
            )
        )
    print()
    print(f"Versies in de tijd (mediaan van {REPEATS}; vergelijking mediaan van {COMPARE_REPEATS})")
    row("", *(r[0] for r in results))
    row("import tweede versie (concept)", *(ms(r[1]) for r in results))
    row("artikel 7.4, versie-URL", *(f"{ms(r[2][0])} {r[2][1]}q" for r in results))
    row("artikel 7.4, ?peildatum", *(f"{ms(r[3][0])} {r[3][1]}q" for r in results))
    row("  verhouding peildatum / versie-URL", *(f"{r[3][0] / r[2][0]:.2f}x" for r in results))
    row("regeling ?peildatum (redirect)", *(f"{ms(r[4][0])} {r[4][1]}q" for r in results))
    row("vergelijkingspagina volledig", *(f"{ms(r[5][0])} {r[5][1]}q" for r in results))
    row("  waarvan vergelijken zelf", *(ms(r[6]) for r in results))
    row("  verhouding pagina / vergelijken", *(f"{r[5][0] / r[6]:.2f}x" for r in results))
