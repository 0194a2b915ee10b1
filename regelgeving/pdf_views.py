"""The PDF download of a version and of an article: served from the stored rendering
(regelgeving/pdf_files.py), with ETag and Last-Modified so that a browser or proxy that has it asks
only whether it changed."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date, quote_etag

from .pdf_files import PdfWordtGemaakt, current_pdf

# The worker renders an article's PDF in about a second and a whole version's in several.
RETRY_AFTER_SECONDS = 5


def versie_pdf(request, versie) -> HttpResponse:
    _ensure_public(versie, versie)
    return _serve(request, versie)


def artikel_pdf(request, artikel) -> HttpResponse:
    _ensure_public(artikel, artikel.versie)
    return _serve(request, artikel)


def _ensure_public(page, versie) -> None:
    """Only live pages of a live version are downloadable: a draft version's text is not public."""
    if not page.live or versie is None or not versie.live:
        raise Http404("Deze pagina is niet gepubliceerd.")


def _serve(request, page) -> HttpResponse:
    try:
        stored = current_pdf(page)
    except PdfWordtGemaakt:
        # A page that asks again by itself, so the download starts once the worker has made it.
        response = TemplateResponse(
            request,
            "regelgeving/pdf_wordt_gemaakt.html",
            {"page": page, "opnieuw_na": RETRY_AFTER_SECONDS},
            status=503,
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    etag = quote_etag(stored.vingerafdruk)
    last_modified = int(stored.gemaakt_op.timestamp())
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    response = not_modified or HttpResponse(bytes(stored.inhoud), content_type="application/pdf")
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Content-Disposition"] = content_disposition_header(True, stored.bestandsnaam)
    response["X-Robots-Tag"] = "noindex"
    return response
