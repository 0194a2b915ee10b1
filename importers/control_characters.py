"""Control characters out of every text of a parsed publication, the same for every format.

PostgreSQL refuses a NUL in text where SQLite stores it, so a text capture with a NUL imported
on one database and failed on the other. Every parsed document passes through here
(formats._finish) before anything is written: a NUL is removed and every other control
character but tab, newline and carriage return becomes a space (regelgeving.control_characters),
and the report names where that happened.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass

from regelgeving.control_characters import has_control_characters, strip_control_characters

from .tree import Alinea, Artikel, Begrip, Bijlage, Divisie, Document, Metadata

# The report names no more places than this; "en elders" says there were more.
MAX_PLACES = 5


def strip_from_document(document: Document) -> None:
    """Clean every text of `document` in place; add one warning when anything was cleaned."""
    places: list[str] = []
    _clean(document, "de publicatie", places)
    if not places:
        return
    named = list(dict.fromkeys(places))
    shown = ", ".join(named[:MAX_PLACES]) + (" en elders" if len(named) > MAX_PLACES else "")
    document.warnings.append(
        f"Onzichtbare stuurtekens (zoals een NUL-teken) zijn uit de tekst gehaald, in: {shown}. "
        "Kijk die tekst na in de bron."
    )


def _place(node, where: str) -> str:
    number = strip_control_characters(getattr(node, "nummer", "") or "").strip()
    if isinstance(node, Artikel):
        return f"artikel {number}".strip()
    if isinstance(node, Divisie):
        return f"{node.soort} {number}".strip()
    if isinstance(node, Bijlage):
        return f"bijlage {number}".strip()
    if isinstance(node, Begrip):
        return f"begrip {strip_control_characters(node.term).strip()}"
    if isinstance(node, Metadata):
        return "de gegevens van de publicatie"
    return where


def _clean(value, where: str, places: list[str]):
    if isinstance(value, str):
        if not has_control_characters(value):
            return value
        places.append(where)
        return strip_control_characters(value)
    if isinstance(value, list):
        value[:] = [_clean(item, where, places) for item in value]
        return value
    if is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Alinea):
            _shift_refs(value)
        where = _place(value, where)
        for f in fields(value):
            setattr(value, f.name, _clean(getattr(value, f.name), where, places))
    return value  # bytes (an image), dates, numbers, None


def _shift_refs(alinea: Alinea) -> None:
    """References point into the text by position: each NUL removed before one moves it back."""
    if "\x00" not in alinea.text:
        return
    for ref in alinea.refs:
        ref.start -= alinea.text.count("\x00", 0, ref.start)
        ref.end -= alinea.text.count("\x00", 0, ref.end)
