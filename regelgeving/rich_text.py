"""Render page links in regulation text with one query per page, not one per paragraph.

Wagtail expands the page links of each rich-text block separately, so an article
with twenty linked paragraphs costs twenty lookups. `render_stream` looks up every
linked page of a StreamField once, and the page link handler below answers from
that lookup while the field renders (the handler lives in wagtail_hooks.py).
"""

import json
import re
from contextlib import contextmanager
from contextvars import ContextVar
from html import unescape

from django.utils.safestring import mark_safe
from wagtail.models import Page

_PAGE_LINK = re.compile(r'linktype=\\?"page\\?"\s+id=\\?"(\d+)')
_preloaded_urls: ContextVar[dict[str, str] | None] = ContextVar("preloaded_urls", default=None)


def preloaded_urls() -> dict[str, str] | None:
    """The page URLs looked up for the field being rendered, if any (see wagtail_hooks)."""
    return _preloaded_urls.get()


@contextmanager
def page_urls_preloaded(raw_json: str, request):
    """While open, page links in rich text resolve from one lookup of the pages in `raw_json`."""
    ids = set(_PAGE_LINK.findall(raw_json))
    pages = Page.objects.live().filter(id__in=ids).only("id", "url_path", "path", "depth")
    token = _preloaded_urls.set({str(p.id): p.get_url(request) or "" for p in pages})
    try:
        yield
    finally:
        _preloaded_urls.reset(token)


def render_stream(stream, context: dict) -> str:
    """Render a StreamField value to HTML with its page links looked up in one query."""
    if not stream:
        return ""
    raw = json.dumps(list(stream.raw_data))
    with page_urls_preloaded(raw, context.get("request")):
        return mark_safe(stream.render_as_block(context))


_TAG = re.compile(r"<[^>]+>")


def stream_plain_text(stream) -> str:
    """All text of a StreamField value, tags stripped, one line per paragraph or item."""
    return raw_stream_plain_text(list(stream.raw_data) if stream else [])


def raw_stream_plain_text(raw) -> str:
    """`stream_plain_text` of a StreamField's stored JSON (a list of blocks, or its text)."""
    if isinstance(raw, str):
        raw = json.loads(raw) if raw else []

    lines: list[str] = []

    def walk(value):
        if isinstance(value, str):
            text = unescape(_TAG.sub(" ", value)).split()
            if text:
                lines.append(" ".join(text))
        elif isinstance(value, dict):
            for key, inner in value.items():
                if key not in ("id", "type", "first_row_is_table_header", "first_col_is_header"):
                    walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)

    walk(raw or [])
    return "\n".join(lines)
