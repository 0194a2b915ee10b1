"""The neutral document tree every parser yields and the one writer consumes.

Plain dataclasses: no Django, no database. Text is kept as plain strings;
cross-references are found later by ``importers.linking`` on the same tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date


@dataclass
class SourceRef:
    """Words of an Alinea that the source itself marks as a reference to a part of the same
    regulation (a STOP IntRef): followed as given, whatever the words say ("Bijlage 15" may
    point at bijlage XV). The parser fills in the part it found behind `target`."""

    start: int
    end: int
    target: str  # the source's id of the element pointed at (eId or wId)
    kind: str = ""  # "artikel", "hoofdstuk", "afdeling", "paragraaf", "bijlage", "begrip"; "" if not found
    nummer: str = ""  # the part's number, or the begrip's term
    lid: str = ""  # the lid of that article, when the target lies in one
    part: str = ""  # the `bron_id` of that part, which names it even without a (unique) number


@dataclass
class Alinea:
    """A paragraph of running text."""

    text: str
    refs: list[SourceRef] = field(default_factory=list)


@dataclass
class Tussenkop:
    """An unnumbered sub-heading inside an article, division or annex."""

    text: str


@dataclass
class ListItem:
    nr: str  # as published: "a.", "1°", "" for bullets
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Lijst:
    items: list[ListItem] = field(default_factory=list)
    intro: str = ""  # Lijstaanhef (STOP), rarely used


@dataclass
class Tabel:
    rows: list[list[str]] = field(default_factory=list)
    header_rows: int = 0


@dataclass
class Lid:
    nr: str  # as published, without trailing dot: "1", "2a"
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Figuur:
    """An image in the text (STOP `Illustratie`, an <img> in a publication page)."""

    bron: str  # the file name or URL the publication gives
    bijschrift: str = ""
    alt: str = ""
    data: bytes | None = None  # the image itself, when the publication holds it (a STOP package)


Block = Alinea | Tussenkop | Lijst | Tabel | Lid | Figuur


@dataclass
class Artikel:
    nummer: str  # as published: "2.2", "3.3.10", "I"
    opschrift: str = ""
    blocks: list[Block] = field(default_factory=list)
    wetten: list[str] = field(default_factory=list)  # law tags as written: "Wmo", "PW"
    status: str = ""  # "", "vervallen", "gereserveerd"
    toelichting: list[Block] = field(default_factory=list)  # its part of the artikelsgewijze toelichting
    twijfels: list[str] = field(default_factory=list)  # why its text may not all be its own (doubt.py)
    bron_id: str = ""  # the source's own id of the part (STOP eId), which references point at


@dataclass
class Divisie:
    """A grouping level above articles: hoofdstuk, afdeling or paragraaf."""

    soort: str  # "hoofdstuk" | "afdeling" | "paragraaf"
    nummer: str
    opschrift: str = ""
    blocks: list[Block] = field(default_factory=list)  # text before the first child
    children: list[Divisie | Artikel] = field(default_factory=list)
    wetten: list[str] = field(default_factory=list)
    inferred: bool = False  # heading missing from the source, implied by numbering
    status: str = ""  # "", "vervallen", "gereserveerd"
    bron_id: str = ""


# What a body and a division's children hold.
Node = Divisie | Artikel


@dataclass
class Bijlage:
    nummer: str  # "1", "A", "" when unnumbered
    opschrift: str = ""
    blocks: list[Block] = field(default_factory=list)
    inferred: bool = False
    status: str = ""  # "", "vervallen", "gereserveerd"
    bron_id: str = ""


@dataclass
class Toelichting:
    """The explanation that comes with a regulation (STOP `Toelichting`, a publication's
    "Toelichting" section): the general part as blocks; the article-by-article part goes to
    each `Artikel.toelichting` where the article it explains is known."""

    titel: str = "Toelichting"
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Begrip:
    term: str  # as published, e.g. "Mantelzorger(s)"
    definitie: list[Block] = field(default_factory=list)
    defined_in: str = ""  # "artikel 1.1", "Begrippenlijst", "bijlage 3"
    bron_id: str = ""


@dataclass
class Metadata:
    identifier: str = ""  # "gmb-2025-538386", "CVDR621050_2", AKN expression
    werk_id: str = ""  # the work every version shares: "CVDR621050", "/akn/nl/act/gm0297/2019/reg456"
    titel: str = ""  # official title
    citeertitel: str = ""
    cvdr_id: str = ""
    gemeente: str = ""
    # The publishing organisation as the source names it: a TOOI URI in STOP
    # ("/tooi/id/gemeente/gm0297"), kind and name elsewhere ("gemeente Someren", "provincie Utrecht").
    organisatie: str = ""
    bevoegd_orgaan: str = ""
    vastgesteld_op: date | None = None
    in_werking_op: date | None = None
    uitgewerkt_op: date | None = None
    publicatiedatum: date | None = None
    bron: str = ""  # source URL or file name
    formaat: str = ""  # "op", "cvdr", "stop", "html", "tekst"
    soort: str = ""  # rubriek / document type as published
    onvolledig: bool = False  # the source lost headings or structure (a text capture)


@dataclass
class Document:
    metadata: Metadata = field(default_factory=Metadata)
    aanhef: list[Block] = field(default_factory=list)
    body: list[Divisie | Artikel] = field(default_factory=list)
    bijlagen: list[Bijlage] = field(default_factory=list)
    begrippen: list[Begrip] = field(default_factory=list)
    sluiting: list[Block] = field(default_factory=list)
    toelichting: Toelichting | None = None
    warnings: list[str] = field(default_factory=list)

    # -- traversal helpers -------------------------------------------------

    def iter_nodes(self):
        """Yield (node, parents) for every division and article, depth first."""

        def walk(nodes, parents):
            for node in nodes:
                yield node, parents
                if isinstance(node, Divisie):
                    yield from walk(node.children, parents + [node])

        yield from walk(self.body, [])

    def artikelen(self) -> list[Artikel]:
        return [n for n, _ in self.iter_nodes() if isinstance(n, Artikel)]

    def divisies(self) -> list[Divisie]:
        return [n for n, _ in self.iter_nodes() if isinstance(n, Divisie)]

    def counts(self) -> dict[str, int]:
        divisies = self.divisies()
        return {
            "hoofdstukken": sum(d.soort == "hoofdstuk" for d in divisies),
            "afdelingen": sum(d.soort == "afdeling" for d in divisies),
            "paragrafen": sum(d.soort == "paragraaf" for d in divisies),
            "artikelen": len(self.artikelen()),
            "leden": sum(count_leden(a.blocks) for a in self.artikelen()),
            "bijlagen": len(self.bijlagen),
            "begrippen": len(self.begrippen),
        }


def iter_blocks(blocks: list[Block]) -> Iterator[Block]:
    """Every block, nested ones (in leden and list items) included, depth first."""
    for block in blocks:
        yield block
        if isinstance(block, Lid):
            yield from iter_blocks(block.blocks)
        elif isinstance(block, Lijst):
            for item in block.items:
                yield from iter_blocks(item.blocks)


def count_leden(blocks: list[Block]) -> int:
    return sum(isinstance(b, Lid) for b in blocks)


def block_text(blocks: list[Block]) -> str:
    """All text of some blocks, for search, similarity and tests."""
    parts: list[str] = []
    for b in blocks:
        if isinstance(b, Alinea | Tussenkop):
            parts.append(b.text)
        elif isinstance(b, Lid):
            parts.append(block_text(b.blocks))
        elif isinstance(b, Lijst):
            if b.intro:
                parts.append(b.intro)
            for item in b.items:
                parts.append(block_text(item.blocks))
        elif isinstance(b, Tabel):
            parts.extend(" ".join(row) for row in b.rows)
        elif isinstance(b, Figuur):
            parts.append(b.bijschrift)
    return " ".join(p for p in parts if p)


_WS = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Fold whitespace (including NBSP) into single spaces."""
    return _WS.sub(" ", (text or "").replace("\u00a0", " ").replace("\ufeff", "")).strip()
