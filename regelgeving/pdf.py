"""Tagged, accessible PDFs (PDF/UA-1) of an article or a whole version, rendered with WeasyPrint.

Staff handling a bezwaar need a copy that states which version of the text it is, when
that version applies, when it was printed, and how to cite and find it. The HTML fed to
WeasyPrint uses real headings, lists and tables so the PDF's structure tree is meaningful.

WeasyPrint never fetches anything over the network here: `LocalStaticFetcher` serves only
our own static files from disk and refuses every other URL.

Rendering needs no request: the task worker renders a version's PDFs when it is published, and
regelgeving/pdf_files.py keeps them until the text changes (see there); the views in
regelgeving/pdf_views.py serve them.
"""

from __future__ import annotations

import json
import mimetypes
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from wagtail.models import Page

from .models import ArtikelPage, BijlagePage, DivisiePage, ToelichtingPage
from .rich_text import page_urls_preloaded, render_stream

# WeasyPrint options for every PDF we produce. "pdf/ua-1" implies PDF 1.7 and a tagged
# structure tree; pdf_tags is spelled out so the intent survives a change of variant.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


def _url_fetcher(root_url: str):
    """A WeasyPrint URL fetcher that serves only our own static and media files, read from disk."""
    # WeasyPrint loads Pango when imported; imported here so a server without Pango still runs.
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    root = urlsplit(root_url)

    class LocalFileFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or parts.netloc != root.netloc:
                raise ValueError(f"PDFs embed no remote resources: {url}")
            found = _local_file(unquote(parts.path))
            if not found:
                raise ValueError(f"Not one of our static or media files: {url}")
            with open(found, "rb") as handle:
                body = handle.read()
            content_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body, {"Content-Type": content_type})

    return LocalFileFetcher()


def _local_file(path: str) -> str | None:
    """The file on disk behind a static URL or a media URL (images in the text), or None."""
    static_url, media_url = ("/" + u.lstrip("/") for u in (settings.STATIC_URL, settings.MEDIA_URL))
    if path.startswith(static_url):
        relative = path[len(static_url) :]
        if ".." in relative.split("/"):
            return None
        found = finders.find(relative)
        if not found and settings.STATIC_ROOT:
            candidate = Path(settings.STATIC_ROOT) / relative
            found = str(candidate) if candidate.is_file() else None
        return found
    if path.startswith(media_url):
        media_root = Path(settings.MEDIA_ROOT).resolve()
        candidate = (media_root / path[len(media_url) :]).resolve()
        return str(candidate) if candidate.is_relative_to(media_root) and candidate.is_file() else None
    return None


def _render_pdf(html: str, root_url: str) -> bytes:
    from weasyprint import HTML

    base_url = root_url.rstrip("/") + "/"
    document = HTML(string=html, base_url=base_url, url_fetcher=_url_fetcher(base_url))
    return document.write_pdf(**PDF_OPTIONS)


@dataclass(frozen=True)
class Document:
    inhoud: bytes
    bestandsnaam: str


def _root_url(page) -> str:
    _site_id, root_url, _path = page.get_url_parts() or (None, "", None)
    return root_url or settings.SITE_URL


def _context(versie, page) -> dict:
    return {
        "request": None,
        "page": page,
        "versie": versie,
        "versie_info": versie.versie_info,
        "vaste_link": page.get_full_url(),
        "gemaakt_op": timezone.localdate(),
        "stylesheet": mark_safe(render_to_string("regelgeving/pdf/pdf.css")),
    }


def _filename(*parts: str) -> str:
    """An ASCII filename that keeps article numbers: "artikel-5.2.1-verordening-sociaal-domein-2026.pdf"."""
    slugs = []
    for part in parts:
        ascii_text = unicodedata.normalize("NFKD", part).encode("ascii", "ignore").decode().lower()
        slug = re.sub(r"[^0-9a-z.]+", "-", ascii_text).strip("-.")
        if slug:
            slugs.append(slug)
    return "-".join(slugs or ["regeling"]) + ".pdf"


def _below(context: dict, niveau: int) -> dict:
    """`context` for text under a heading of `niveau`: its sub-headings (the tussenkop block's
    template reads kop_niveau, as on the HTML pages) come one level below it, at most h6."""
    return context | {"kop_niveau": min(6, niveau + 1)}


def artikel_html(artikel) -> str:
    """The HTML that becomes an article's PDF: the title h1, its text under an h2."""
    versie = artikel.versie
    context = _context(versie, artikel)
    context.update(titel=artikel.citeertitel, citatie=artikel.citeertitel)
    context["tekst"] = render_stream(artikel.body, _below(context, 2))
    context["toelichting"] = render_stream(artikel.toelichting, _below(context, 2))
    return render_to_string("regelgeving/pdf/artikel.html", context)


def artikel_document(artikel) -> Document:
    """One article as a PDF, with its version, validity, citation and permanent link."""
    html = artikel_html(artikel)
    filename = _filename("artikel", artikel.nummer, artikel.versie.title)
    return Document(_render_pdf(html, _root_url(artikel)), filename)


def _prefix_ids(html: str, prefix: str) -> str:
    """Keep ids unique across the whole version ("lid-1" occurs in every article)."""
    return _ID_ATTR.sub(lambda m: f'{m[1]}="{prefix}-{m[2]}"', html)


_ID_ATTR = re.compile(r'\b(id)="([^"]*)"')


def _onderdelen(versie, context: dict) -> list[dict]:
    """Divisions, articles and annexes of the version in document order, with their text
    rendered and page links looked up in one query for the whole version."""
    pages = list(
        Page.objects.live()
        .descendant_of(versie)
        .type(DivisiePage, ArtikelPage, BijlagePage, ToelichtingPage)
        .order_by("path")
        .specific()
    )

    def stream_of(page):
        return page.intro if isinstance(page, DivisiePage) else page.body

    def toelichting_of(page):
        return page.toelichting if isinstance(page, ArtikelPage) else None

    raw = json.dumps(
        [list(s.raw_data) for p in pages for s in (stream_of(p), toelichting_of(p)) if s]
    )
    onderdelen = []
    with page_urls_preloaded(raw, None):
        for page in pages:
            stream = stream_of(page)
            # Headings follow the tree: a chapter is h2, its articles h3, and so on (max h6).
            niveau = min(6, page.depth - versie.depth + 1)
            onderdelen.append(
                {
                    "page": page,
                    "soort": type(page).__name__.removesuffix("Page").lower(),
                    "niveau": niveau,
                    "anker": f"onderdeel-{page.pk}",
                    "tekst": _rendered(stream, _below(context, niveau), f"onderdeel-{page.pk}"),
                    "toelichting": _rendered(
                        toelichting_of(page), _below(context, niveau), f"toelichting-{page.pk}"
                    ),
                }
            )
    return onderdelen


def _rendered(stream, context: dict, prefix: str) -> str:
    return mark_safe(_prefix_ids(stream.render_as_block(context), prefix)) if stream else ""


def versie_html(versie) -> str:
    """The HTML that becomes a whole version's PDF: the title h1, the aanhef, chapters and
    slotformulering h2, and below them every part one level deeper than the part it is in."""
    context = _context(versie, versie)
    titel = versie.citeertitel or versie.title
    context.update(titel=titel, citatie=f"{titel}, {versie.publicatie_aanduiding}")
    context["aanhef"] = render_stream(versie.aanhef, _below(context, 2))
    context["sluiting"] = render_stream(versie.sluiting, _below(context, 2))
    context["onderdelen"] = _onderdelen(versie, context)
    return render_to_string("regelgeving/pdf/versie.html", context)


def versie_document(versie) -> Document:
    """A whole version as a PDF: front matter, table of contents, all articles and annexes."""
    return Document(_render_pdf(versie_html(versie), _root_url(versie)), _filename(versie.title))
