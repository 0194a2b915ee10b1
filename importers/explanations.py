"""Toelichtingen: the general part becomes the version's own toelichting, the
article-by-article part goes to the article it explains.

Pure tree work shared by the parsers. STOP marks the parts itself (AlgemeneToelichting,
ArtikelgewijzeToelichting with a Kop per article); OP, CVDR, HTML and text captures give a
flat run of paragraphs, which ``parts_from_blocks`` splits at headings such as "Artikel 2.3".
What cannot be attached to one article stays readable in the general part, under its heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .tree import Alinea, Artikel, Block, Document, Figuur, Tabel, Toelichting, Tussenkop, block_text

ARTICLE_PART_TITLE = "Artikelsgewijze toelichting"

_NR = r"\d+[a-z]?(?:[.:]\d+[a-z]?)*|[IVXLC]+(?![\w.])"
_JOIN = r"\s*(?:,|\ben\b|\bt/m\b|\btot\s+en\s+met\b|[-–])\s*"
# "Artikel 2.10", "Toelichting artikel 2.10", "Bij artikel 3", "Artikelen 3 en 4", "Art. 5 Aanvraag"
_ARTICLE_HEADING = re.compile(
    rf"^(?:toelichting\s+(?:(?:op|bij)\s+)?(?:het\s+)?|bij\s+|ad\s+)?"
    rf"(?:artikel(?:en)?|art\.)\s*(?P<nrs>(?:{_NR})(?:{_JOIN}(?:{_NR}))*)(?=$|[\s.:,;)\-–(])",
    re.I,
)
_NUMBER = re.compile(_NR)
_RANGE = re.compile(rf"(?P<a>{_NR})\s*(?:t/m|tot\s+en\s+met|[-–])\s*(?P<b>{_NR})", re.I)
# Headings that close an article's section: the explanation moves on to a larger part.
_DIVISION_HEADING = re.compile(
    rf"^(?:hoofdstuk|afdeling|paragraaf|§|titel|deel|bijlage)\s*(?:{_NR}|[A-Z])\b", re.I
)
_ARTICLE_PART_HEADING = re.compile(
    r"^(?:de\s+)?artikel(?:s)?gewijze?\s+toelichting\b|^artikelsgewijs\b", re.I
)
_HEADING_MAX = 120
_WORD = re.compile(r"\w")
# The heading that opens the explanation after the regulation text. A bare "Toelichting" may
# also be a sub-heading inside an article, so it only counts after the text (the closing
# formula, an annex) or in capitals.
_OPENING_HEADING = re.compile(
    r"^(?:algemene\s+|artikel(?:s)?gewijze\s+|nota\s+van\s+)toelichting\b"
    r"|^toelichting\s+(?:op|bij)\s+(?:de|deze|het|dit)\b",
    re.I,
)
_BARE_HEADING = re.compile(r"^toelichting[.:]?$", re.I)


@dataclass
class ExplanationPart:
    """One piece of an article-by-article explanation, with what it says it explains."""

    heading: str
    blocks: list[Block] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)  # article numbers its heading names
    targets: list[Artikel] = field(default_factory=list)  # articles the source links it to


def article_numbers(heading: str) -> list[str]:
    """The article numbers a heading names: "Artikelen 2.3 en 2.4" -> ["2.3", "2.4"];
    a range of whole numbers is spelled out ("Artikel 3 t/m 5" -> 3, 4, 5)."""
    m = _ARTICLE_HEADING.match(heading.strip())
    if not m:
        return []
    nrs = m.group("nrs")
    numbers = [n.rstrip(".") for n in _NUMBER.findall(nrs)]
    for r in _RANGE.finditer(nrs):
        numbers = _spell_out(numbers, r.group("a").rstrip("."), r.group("b").rstrip("."))
    return list(dict.fromkeys(numbers))


def _spell_out(numbers: list[str], first: str, last: str) -> list[str]:
    head_a, _, tail_a = first.rpartition(".")
    head_b, _, tail_b = last.rpartition(".")
    if head_a != head_b or not (tail_a.isdigit() and tail_b.isdigit()):
        return numbers
    between = [f"{head_a}.{n}" if head_a else str(n) for n in range(int(tail_a) + 1, int(tail_b))]
    if len(between) > 50 or first not in numbers:
        return numbers
    at = numbers.index(first) + 1
    return numbers[:at] + between + numbers[at:]


def opens_explanation(heading: str, after_text: bool) -> bool:
    """Whether a heading line starts the toelichting; after_text: the regulation text has ended."""
    heading = heading.strip()
    if not heading or len(heading) > _HEADING_MAX:
        return False
    if _OPENING_HEADING.match(heading):
        return True
    return bool(_BARE_HEADING.match(heading)) and (after_text or heading.isupper())


def is_article_part_heading(text: str) -> bool:
    return bool(_ARTICLE_PART_HEADING.match(text.strip()))


def heading_of(block: Block) -> str:
    """The text of a block that reads as a heading, else ""."""
    if isinstance(block, Tussenkop):
        return block.text
    if not isinstance(block, Alinea) or len(block.text) > _HEADING_MAX:
        return ""
    text = block.text.strip()
    if text.endswith((":", ";", ",")):
        return ""
    if text.endswith(".") and not re.fullmatch(rf"(?:artikel|art\.)\s*(?:{_NR})\.?", text, re.I):
        return ""
    return text


def parts_from_blocks(blocks: list[Block]) -> tuple[list[Block], list[ExplanationPart]]:
    """Split a flat explanation at its article headings: (general part, article parts).

    Everything before the first article heading is general. After it, a heading that names a
    larger part ("Hoofdstuk 3") starts a part that explains no single article.
    """
    general: list[Block] = []
    parts: list[ExplanationPart] = []
    current: ExplanationPart | None = None
    for block in blocks:
        heading = heading_of(block)
        numbers = article_numbers(heading) if heading else []
        if numbers:
            current = ExplanationPart(heading, numbers=numbers)
            parts.append(current)
        elif current is not None and heading and _DIVISION_HEADING.match(heading):
            current = ExplanationPart(heading)
            parts.append(current)
        elif current is not None:
            current.blocks.append(block)
        else:
            general.append(block)
    if parts:
        while general and is_article_part_heading(heading_of(general[-1])):
            general.pop()  # "Artikelsgewijze toelichting": the parts that follow are its content
    return general, parts


def add_explanation(
    doc: Document,
    general: list[Block],
    parts: list[ExplanationPart],
    titel: str = "",
    part_title: str = ARTICLE_PART_TITLE,
) -> None:
    """Attach each part to the article it explains, the rest to the document's toelichting."""
    by_number: dict[str, list[Artikel]] = {}
    for artikel in doc.artikelen():
        if artikel.nummer:
            by_number.setdefault(_key(artikel.nummer), []).append(artikel)
    rest: list[Block] = []
    for part in parts:
        if not _says_something(part.blocks):
            continue  # a heading with nothing (or a placeholder "-") under it
        targets = part.targets or _targets(part, by_number, doc.warnings)
        if not targets:
            rest.extend(([Tussenkop(part.heading)] if part.heading else []) + part.blocks)
            continue
        for artikel in targets:
            if len(targets) > 1 or artikel.toelichting:
                artikel.toelichting.append(Tussenkop(part.heading))
            artikel.toelichting.extend(part.blocks)
    if rest:  # under a heading, unless the whole explanation is the article-by-article part
        named = not general and is_article_part_heading(titel or "")
        general = [*general, *([] if named else [Tussenkop(part_title)]), *rest]
    if not general:
        return
    if doc.toelichting is None:
        doc.toelichting = Toelichting(titel=titel or "Toelichting")
    elif titel and titel != doc.toelichting.titel:  # a second explanation keeps its own title
        general = [Tussenkop(titel), *general]
    doc.toelichting.blocks.extend(general)


def _targets(part: ExplanationPart, by_number: dict[str, list[Artikel]], warnings: list[str]):
    targets: list[Artikel] = []
    for number in part.numbers:
        found = by_number.get(_key(number), [])
        if len(found) == 1:
            targets.append(found[0])
    if part.numbers and not targets:
        warnings.append(
            f"De toelichting '{part.heading}' hoort niet bij één artikel van de regeling; "
            "ze staat in de algemene toelichting."
        )
    return targets


def _says_something(blocks: list[Block]) -> bool:
    return any(isinstance(b, Figuur | Tabel) for b in blocks) or bool(_WORD.search(block_text(blocks)))


def _key(nummer: str) -> str:
    return nummer.strip().rstrip(".").lower()
