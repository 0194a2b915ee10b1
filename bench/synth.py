"""A larger synthetic regulation, generated from the real Lochem capture.

The capture is split into three parts: the head (everything before "Hoofdstuk 1"),
the body (hoofdstukken and bijlagen) and the tail (the closing definitions list and
the page chrome after it). The body is repeated `factor` times; copy k renumbers

* chapter headings and numbered headings: hoofdstuk N → N + CHAPTERS * k, and
  "3.3.10 …" → "(3 + CHAPTERS * k).3.10 …";
* bijlagen: "Bijlage N" → N + BIJLAGEN * k;
* internal references that say so ("artikel 2.3.2 van deze verordening",
  "hoofdstuk 7 van deze verordening", "bijlage 1 en 2"), so each copy links
  to its own articles and not all ten copies to the first.

The head and the definitions list are kept once, so the parser sees factor × the
chapters, articles and bijlagen, and the same 81 begrippen.
"""

from __future__ import annotations

import re
from pathlib import Path

LOCHEM = Path(__file__).resolve().parent.parent / "demo" / "data" / "gmb-2025-538386.txt"

_HOOFDSTUK = re.compile(r"^(Hoofdstuk\s+)(\d+)\b")
_NUMBERED = re.compile(r"^(\d+)((?:\.\d+)+[a-z]?\.?\s+\S)")
_BIJLAGE = re.compile(r"^(Bijlage\s+)(\d+)\b")
_LID = re.compile(r"^\d{1,2}\.\s")
# Internal references in running text; external ones ("artikel 1.1 van de Jeugdwet") stay.
_REF_INTERNAL = re.compile(
    r"\b(artikel|hoofdstuk)\s+(\d+)((?:\.\d+[a-z]?)*)(?=(?:\s+lid\s+\d+)?\s+van deze verordening)",
    re.I,
)
_REF_BIJLAGEN = re.compile(r"\b(bijlage)\s+(\d+)(?:\s+en\s+(\d+))?\b", re.I)


def split_capture(text: str) -> tuple[list[str], list[str], list[str]]:
    """(head, body, tail) lines of the capture; see the module docstring."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if _HOOFDSTUK.match(line))
    # The definitions list starts at the first "Term: definitie" line after the last bijlage
    # that is followed by another such line; the capture has no heading above it.
    last_bijlage = max(i for i, line in enumerate(lines) if _BIJLAGE.match(line))
    defs = next(
        i
        for i in range(last_bijlage + 1, len(lines) - 1)
        if _is_definition(lines[i]) and _is_definition(lines[i + 1])
    )
    return lines[:start], lines[start:defs], lines[defs:]


def _is_definition(line: str) -> bool:
    head, sep, rest = line.partition(":")
    return bool(sep and rest.strip()) and 0 < len(head) <= 60 and not _LID.match(line)


def _count(body: list[str], pattern: re.Pattern) -> int:
    return max(int(m.group(2)) for line in body if (m := pattern.match(line)))


def renumber(body: list[str], k: int, chapters: int, bijlagen: int) -> list[str]:
    """Copy k of the body lines with chapters, articles, bijlagen and references renumbered."""
    if k == 0:
        return list(body)
    dc, db = chapters * k, bijlagen * k
    out = []
    for line in body:
        if m := _HOOFDSTUK.match(line):
            out.append(f"{m.group(1)}{int(m.group(2)) + dc}{line[m.end() :]}")
            continue
        if m := _BIJLAGE.match(line):
            out.append(f"{m.group(1)}{int(m.group(2)) + db}{line[m.end() :]}")
            continue
        if (m := _NUMBERED.match(line)) and not _LID.match(line):
            line = f"{int(m.group(1)) + dc}{line[len(m.group(1)) :]}"
        line = _REF_INTERNAL.sub(lambda m: f"{m.group(1)} {int(m.group(2)) + dc}{m.group(3)}", line)
        line = _REF_BIJLAGEN.sub(
            lambda m: (
                f"{m.group(1)} {int(m.group(2)) + db}" + (f" en {int(m.group(3)) + db}" if m.group(3) else "")
            ),
            line,
        )
        out.append(line)
    return out


def synthetic(factor: int = 10, source: Path = LOCHEM) -> bytes:
    """The Lochem capture with its body repeated `factor` times, renumbered."""
    text = source.read_bytes().decode("utf-8-sig")
    head, body, tail = split_capture(text)
    chapters = _count(body, _HOOFDSTUK)
    bijlagen = _count(body, _BIJLAGE)
    lines = list(head)
    for k in range(factor):
        lines.extend(renumber(body, k, chapters, bijlagen))
    lines.extend(tail)
    return ("\n".join(lines) + "\n").encode("utf-8")
