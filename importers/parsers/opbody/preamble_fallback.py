"""Articles written as bold paragraphs in the preamble, when the regulation text is empty.

Some publications (bgr-2024-715, see FORMATS.md) put every article in the aanhef as a
bold "Artikel N" line followed by its text; this rebuilds the body from those lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...grammar import CLOSING_LINE, split_label, strip_number
from ...lawtags import split_heading
from ...status import mark_status
from ...tree import Artikel, Bijlage, Block, Divisie, Document, Lid, Node, Tussenkop, clean_text
from ...xmlsafe import local
from .element_text import has_block_children, inline_text
from .tidy import merge_lists
from .walker import BodyWalker

_ARTICLE_HEAD = re.compile(r"^(?:artikel|art\.)\s+(?P<nr>\d+[a-z]?(?:[.:]\d+[a-z]?)*|[IVXLC]+)(?!\w)", re.I)
_ANNEX_HEAD = re.compile(r"^bijlage\b", re.I)
_DIVISION_HEAD = re.compile(
    r"^(?:(?i:hoofdstuk|afdeling|paragraaf|§)\s*\S+|(?:[A-Z]|[IVX]+)\.\s+\S).{0,120}$"
)
_DIVISION_KEYWORDS = {
    "hoofdstuk": "hoofdstuk",
    "afdeling": "afdeling",
    "paragraaf": "paragraaf",
    "§": "paragraaf",
}


@dataclass
class FallbackParts:
    aanhef: list[Block] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    bijlagen: list[Bijlage] = field(default_factory=list)
    sluiting: list[Block] = field(default_factory=list)


def bold_text(el) -> str:
    """The text of the bold markup (nadruk type=vet, vet, b) inside a paragraph."""
    parts = [
        "".join(d.itertext())
        for d in el.iter()
        if local(d) in ("vet", "b") or (local(d) == "nadruk" and d.get("type") == "vet")
    ]
    return clean_text(" ".join(parts))


def is_bold_line(el) -> bool:
    bold, text = bold_text(el), inline_text(el)
    return bool(bold) and len(bold) >= len(text) - 2


def flow(el):
    """The paragraph-level elements of a preamble, in reading order."""
    for c in el:
        name = local(c)
        if name in ("al", "lijst", "table", "tussenkop", "plaatje") or name.endswith(".al"):
            yield c
        elif name and has_block_children(c):
            yield from flow(c)
        elif name:
            yield c


class _FallbackBuilder:
    """A small state machine over the preamble's paragraphs (see FORMATS.md, bgr-2024-715)."""

    def __init__(self, walker: BodyWalker) -> None:
        self.walker = walker
        self.parts = FallbackParts()
        self.divisie: Divisie | None = None
        self.artikel: Artikel | None = None
        self.bijlage: Bijlage | None = None
        self.closed = False

    def target(self) -> list[Block]:
        if self.bijlage is not None:
            return self.bijlage.blocks
        if self.closed:
            return self.parts.sluiting
        if self.artikel is not None:
            return self.artikel.blocks
        if self.divisie is not None:
            return self.divisie.blocks
        return self.parts.aanhef

    def feed(self, el, more_articles: bool) -> None:
        name = local(el)
        if name == "al" and self.paragraph(el, more_articles):
            return
        if name == "lijst" and self.artikel is not None and self.expects_leden():
            self.artikel.blocks.extend(
                Lid(strip_number(item.nr), item.blocks) for item in self.walker.lijst(el).items
            )
            return
        self.target().extend(self.walker.block(el))

    def paragraph(self, el, more_articles: bool) -> bool:
        """Handle a heading or closing line; False for ordinary text."""
        text = inline_text(el)
        bold = bold_text(el)
        if bold and _ARTICLE_HEAD.match(bold) and text.startswith(bold[:8]):
            self.open_article(text)
        elif bold and is_bold_line(el) and _ANNEX_HEAD.match(text):
            nummer, opschrift = split_label(text)
            self.bijlage = Bijlage(nummer, opschrift)
            self.parts.bijlagen.append(self.bijlage)
        elif self.opens_division(el, text, more_articles):
            self.open_division(text)
        elif self.bijlage is None and self.artikel is not None and CLOSING_LINE.match(text):
            self.closed, self.artikel = True, None
            return False
        elif text and (self.artikel or self.bijlage) and is_bold_line(el) and len(text) < 200:
            self.target().append(Tussenkop(text))
        else:
            return False
        return True

    def opens_division(self, el, text: str, more_articles: bool) -> bool:
        # Only before a later article: a bold "A. Algemeen" in an annex is just a heading.
        return (
            self.bijlage is None
            and not self.closed
            and more_articles
            and is_bold_line(el)
            and bool(_DIVISION_HEAD.match(text))
        )

    def open_article(self, text: str) -> None:
        nummer, opschrift = split_label(text)
        opschrift, wetten = split_heading(opschrift)
        self.artikel = Artikel(nummer, opschrift, [], wetten)
        (self.divisie.children if self.divisie else self.parts.body).append(self.artikel)

    def open_division(self, text: str) -> None:
        # Letter headings ("A. Algemeen") are the top level: hoofdstuk.
        soort = _DIVISION_KEYWORDS.get(text.split()[0].lower(), "hoofdstuk")
        nummer, opschrift = split_label(text)
        self.divisie = Divisie(soort, nummer, opschrift)
        self.artikel = None
        self.parts.body.append(self.divisie)

    def expects_leden(self) -> bool:
        return all(isinstance(b, Lid) for b in self.artikel.blocks)


def fallback_from_aanhef(aanhef, walker: BodyWalker) -> FallbackParts | None:
    """Articles from bold "Artikel N" lines in the preamble; None when there are none."""
    elements = list(flow(aanhef))
    heads = [i for i, el in enumerate(elements) if local(el) == "al" and _ARTICLE_HEAD.match(bold_text(el))]
    if not heads:
        return None
    builder = _FallbackBuilder(walker)
    for i, el in enumerate(elements):
        builder.feed(el, more_articles=i < heads[-1])
    for artikel in (n for n, _ in Document(body=builder.parts.body).iter_nodes()):
        if isinstance(artikel, Artikel):
            artikel.blocks = merge_lists(artikel.blocks)
            mark_status(artikel)
    return builder.parts
