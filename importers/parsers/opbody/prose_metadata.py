"""Metadata read from the text, for the fields the markup leaves empty (OP has no dates in markup)."""

from __future__ import annotations

import re

from ...dates import find_date
from ...grammar import CLOSING_LINE
from ...tree import Alinea, Block, Document, Metadata, Tussenkop, iter_blocks

_IN_FORCE = (
    re.compile(r"treedt\s+in\s+werking\s+(?:op|met\s+ingang\s+van|per)\s+(?P<rest>\d.{0,30})", re.I),
    re.compile(r"treedt\s+(?:op|met\s+ingang\s+van|per)\s+(?P<rest>\d.{0,30}?)\s+in\s+werking", re.I),
)
_CITED = re.compile(
    r"\b(?:wordt|worden|kan\s+worden|kunnen\s+worden)\s+aangehaald\s+als\s*:?\s*(?P<t>\S.*)$",
    re.I | re.S,
)
_QUOTES = "\"'“”‘’„«»"
_ORGANS = (
    (re.compile(r"\bburgemeester\s+en\s+wethouders\b|\bcollege\b", re.I),
     "college van burgemeester en wethouders"),
    (re.compile(r"\b(?:gemeente)?raad\b", re.I), "gemeenteraad"),
    (re.compile(r"\bburgemeester\b(?!\s+en\s+wethouders)", re.I), "burgemeester"),
    (re.compile(r"\bdagelijks\s+bestuur\b", re.I), "dagelijks bestuur"),
    (re.compile(r"\balgemeen\s+bestuur\b", re.I), "algemeen bestuur"),
    (re.compile(r"\bgedeputeerde\s+staten\b", re.I), "Gedeputeerde Staten"),
    (re.compile(r"\bprovinciale\s+staten\b", re.I), "Provinciale Staten"),
)  # fmt: skip


def text_lines(blocks: list[Block]):
    """Every paragraph text inside blocks, depth first (tables left out)."""
    return (b.text for b in iter_blocks(blocks) if isinstance(b, Alinea | Tussenkop))


def document_lines(doc: Document) -> list[str]:
    lines = list(text_lines(doc.aanhef))
    for node, _ in doc.iter_nodes():
        lines.extend(text_lines(node.blocks))
    lines.extend(text_lines(doc.sluiting))
    return lines


def in_force_date(lines: list[str]):
    for line in lines:
        for pattern in _IN_FORCE:
            m = pattern.search(line)
            if m and (found := find_date(m.group("rest"))):
                return found
    return None


def adopted_date(lines: list[str]):
    """The date on an "Aldus vastgesteld …" line, or on one of the two lines after it."""
    for i, line in enumerate(lines):
        if CLOSING_LINE.match(line):
            for candidate in lines[i : i + 3]:
                if found := find_date(candidate):
                    return found
    return None


def citeertitel(lines: list[str]) -> str:
    for line in lines:
        m = _CITED.search(line)
        if m:
            return _unquote(m.group("t"))
    return ""


def _unquote(title: str) -> str:
    title = title.strip()
    if title and title[0] in _QUOTES:
        end = next((i for i, ch in enumerate(title[1:], 1) if ch in _QUOTES), len(title))
        return title[1:end].strip()
    return title.rstrip(" .;").strip(_QUOTES).strip()


def bevoegd_orgaan(aanhef: list[Block]) -> str:
    """The organ named first in the opening lines ("De raad van de gemeente Zutphen;")."""
    for line in [t for t in text_lines(aanhef) if t][:4]:
        hits = [(m.start(), organ) for p, organ in _ORGANS if (m := p.search(line))]
        if hits:
            return min(hits)[1]
    return ""


def fill_from_prose(doc: Document) -> None:
    """Fill empty metadata fields from the text; never overwrite markup values."""
    meta: Metadata = doc.metadata
    lines = document_lines(doc)
    meta.in_werking_op = meta.in_werking_op or in_force_date(lines)
    meta.vastgesteld_op = meta.vastgesteld_op or adopted_date(lines)
    meta.citeertitel = meta.citeertitel or citeertitel(lines)
    meta.bevoegd_orgaan = meta.bevoegd_orgaan or bevoegd_orgaan(doc.aanhef)
