"""The text of OP/CVDR elements: running text, headings (kop) and list numbers."""

from __future__ import annotations

from ...grammar import number_in_title, split_label, starts_with_keyword, strip_number
from ...tree import clean_text
from ...xmlsafe import child, local
from .element_names import EMBEDDED_NAMES, INLINE_NAMES, MARKER_NAMES

# List markers that are bullets, not numbers: such items get "" as their number.
_BULLETS = frozenset({"-", "–", "—", "•", "·", "*", "o", "▪", "◦", "‐", "⁃", ""})


def inline_text(el) -> str:
    """The running text of an element: inline markup kept, numbering and embedded
    blocks (notes, tables, lists, images) left out, whitespace folded."""
    if el is None:
        return ""
    parts: list[str] = []

    def walk(node):
        if node.text:
            parts.append(node.text)
        for c in node:
            name = local(c)
            if name == "br":
                parts.append(" ")
            elif name and name not in MARKER_NAMES and name not in EMBEDDED_NAMES:
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return clean_text("".join(parts))


def spaced_text(el) -> str:
    """Text with a space between child elements: <naam><voornaam>M.</voornaam>…"""
    return clean_text(" ".join(el.itertext()))


def path(el, *names: str):
    """Follow child names from el; None as soon as one is missing."""
    for name in names:
        if el is None:
            return None
        el = child(el, name)
    return el


def parse_kop(kop) -> tuple[str, str]:
    """(nummer, opschrift) from kop/label, kop/nr and kop/titel, whatever is filled."""
    if kop is None:
        return "", ""
    label = inline_text(child(kop, "label"))
    nr = strip_number(inline_text(child(kop, "nr")))
    titel = inline_text(child(kop, "titel"))
    if not (label or nr or titel):
        label = inline_text(kop)  # a kop with its heading as direct text
    if nr:
        return nr, titel
    nummer, rest = split_label(label)
    opschrift = " ".join(p for p in (rest, titel) if p)
    if not nummer and starts_with_keyword(titel):
        nummer, opschrift = split_label(titel)  # "Artikel 3 Foo" written in titel
    if not nummer:
        nummer, opschrift = number_in_title(opschrift)  # "A. Bibob-toets …" without a nr
    return nummer, opschrift


def heading_text(kop) -> str:
    parts = [inline_text(child(kop, n)) for n in ("label", "nr", "titel")]
    return " ".join(p for p in parts if p) or inline_text(kop)


def has_block_children(el) -> bool:
    return any(local(c) and local(c) not in INLINE_NAMES and local(c) not in MARKER_NAMES for c in el)


def list_number(li) -> str:
    nr = inline_text(child(li, "li.nr")) or clean_text(li.get("nr", ""))
    return "" if nr in _BULLETS else nr
