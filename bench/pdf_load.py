"""PDF under load: PDF_CONCURRENCY residents ask for a whole version's PDF at the same moment, while one
more reads an article page; the article's latency is measured before and during the PDFs.

Used by bench/loket_load.py on its running gunicorn. It works whether a PDF is rendered inside the
request (200 with the PDF) or prepared elsewhere and fetched again later: any other answer (a
"being prepared" page, 202 or 503, a redirect) is followed or asked again after its Retry-After
(at most POLL_SECONDS), and the figure is the time until the PDF arrived.

Knobs (environment): LOKET_BENCH_PDF_CONCURRENCY (8), LOKET_BENCH_PDF_ROUNDS (1).
"""

from __future__ import annotations

import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import requests

PDF_CONCURRENCY = int(os.environ.get("LOKET_BENCH_PDF_CONCURRENCY", "8"))
PDF_ROUNDS = int(os.environ.get("LOKET_BENCH_PDF_ROUNDS", "1"))
ARTICLE_REQUESTS_IDLE = 30
ARTICLE_WARMUP = 20
PDF_TIMEOUT = 300  # seconds until a PDF must have arrived
POLL_SECONDS = 2.0
REQUEST_TIMEOUT = 120

STORED_PDFS = "regelgeving_gerenderdepdf"
VERSIE = "/regelgeving/verordening-sociaal-domein/2026/"
ARTIKEL_LINK = re.compile(r'href="([^"]*/artikel-[^"/]+/)"')


@dataclass
class PdfResult:
    pdf_seconds: list[float] = field(default_factory=list)
    pdf_bytes: int = 0
    answers_before_pdf: int = 0  # answers that were not yet the PDF (prepared elsewhere)
    errors: list[str] = field(default_factory=list)
    article_idle: list[float] = field(default_factory=list)
    article_during: list[float] = field(default_factory=list)
    seconds: float = 0.0
    artikel: str = ""


def article_url(base: str) -> str:
    """The first article of the demo version, as its page links it."""
    page = requests.get(base + VERSIE, timeout=REQUEST_TIMEOUT)
    page.raise_for_status()
    match = ARTIKEL_LINK.search(page.text)
    if not match:
        raise RuntimeError(f"geen artikel-link op {VERSIE}")
    return match.group(1)


def _fetch_pdf(base: str, result: PdfResult, lock: threading.Lock) -> None:
    session = requests.Session()
    start = time.perf_counter()
    waits = 0
    while time.perf_counter() - start < PDF_TIMEOUT:
        try:
            response = session.get(base + VERSIE + "pdf/", timeout=REQUEST_TIMEOUT)
        except requests.RequestException as exc:
            with lock:
                result.errors.append(f"{type(exc).__name__}: {exc}")
            return
        is_pdf = response.headers.get("Content-Type", "").startswith("application/pdf")
        if response.status_code == 200 and is_pdf:
            with lock:
                result.pdf_seconds.append(time.perf_counter() - start)
                result.pdf_bytes = len(response.content)
                result.answers_before_pdf += waits
            return
        if response.status_code not in (200, 202, 503):
            with lock:
                result.errors.append(f"HTTP {response.status_code}")
            return
        waits += 1
        retry_after = response.headers.get("Retry-After", "")
        time.sleep(min(float(retry_after), POLL_SECONDS) if retry_after.isdigit() else POLL_SECONDS)
    with lock:
        result.errors.append(f"geen PDF binnen {PDF_TIMEOUT} s")


def _read_article(base: str, url: str) -> float:
    start = time.perf_counter()
    response = requests.get(base + url, timeout=REQUEST_TIMEOUT)
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    return time.perf_counter() - start


def measure(base: str) -> PdfResult:
    result = PdfResult()
    lock = threading.Lock()
    artikel = result.artikel = article_url(base)
    for _ in range(ARTICLE_WARMUP):  # into every worker's page cache, as a read page usually is
        _read_article(base, artikel)
    result.article_idle = [_read_article(base, artikel) for _ in range(ARTICLE_REQUESTS_IDLE)]

    busy = threading.Event()
    busy.set()

    def reader():
        while busy.is_set():
            result.article_during.append(_read_article(base, artikel))

    start = time.perf_counter()
    article_thread = threading.Thread(target=reader)
    article_thread.start()
    try:
        with ThreadPoolExecutor(PDF_CONCURRENCY) as pool:
            for _ in range(PDF_ROUNDS):
                list(pool.map(lambda _: _fetch_pdf(base, result, lock), range(PDF_CONCURRENCY)))
    finally:
        busy.clear()
        article_thread.join()
    result.seconds = time.perf_counter() - start
    return result


def forget_stored_pdfs(db) -> bool:
    """Delete the PDFs the site stored (regelgeving.GerenderdePdf), if it stores them; True if it did."""
    import contextlib

    with contextlib.closing(db.connect()) as conn:
        try:
            conn.execute(f"DELETE FROM {STORED_PDFS}")
        except Exception:  # noqa: BLE001 - no such table: this version renders in every request
            return False
    return True


def report(result: PdfResult, percentile, ms, label: str) -> list[str]:
    """Printed lines; problems are returned as strings (empty when none)."""
    pdfs = result.pdf_seconds
    print(
        f"PDF onder belasting, {label}: {PDF_CONCURRENCY} gelijktijdige verzoeken om de hele versie "
        f"({VERSIE}pdf/), {PDF_ROUNDS} ronde(n), {result.seconds:.1f} s"
    )
    if pdfs:
        print(
            f"  tijd tot de PDF: p50 {percentile(pdfs, 50):.2f} s, p95 {percentile(pdfs, 95):.2f} s, "
            f"max {max(pdfs):.2f} s ({len(pdfs)} PDF's van {result.pdf_bytes / 1024:.0f} kB; "
            f"{result.answers_before_pdf} tussenantwoorden 'wordt gemaakt')"
        )
    idle, during, artikel_label = result.article_idle, result.article_during, result.artikel
    # One reader asks again as soon as it has its answer, so a long wait is one sample among many
    # quick ones: the longest wait is the figure a resident notices.
    print(
        f"  artikelpagina ernaast ({artikel_label}): zonder PDF's p50 {ms(percentile(idle, 50)).strip()}, "
        f"p95 {ms(percentile(idle, 95)).strip()}; tijdens de PDF's langste wachttijd "
        f"{max(during, default=float('nan')):.2f} s, p50 {ms(percentile(during, 50)).strip()}, "
        f"p95 {ms(percentile(during, 95)).strip()} ({len(during)} verzoeken na elkaar)"
    )
    problems = []
    if result.errors:
        problems.append(f"PDF: {len(result.errors)} mislukt: {result.errors[:5]}")
    return problems
