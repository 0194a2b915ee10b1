"""Body walking shared by the OP (officiële publicaties) and CVDR parsers.

OP and CVDR name the regulation text the same way (regeling-tekst, hoofdstuk,
artikel, kop, lid, al, lijst/li, CALS table, bijlage, nota-toelichting). Only list
numbering differs: OP writes ``li/li.nr``, CVDR ``li/@nr``; both are accepted.
All matching is on local names, so namespaced and namespace-stripped files work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import find_date
from ..definitions import begrippen_from_blocks, split_definition
from ..errors import PublicatieFout
from ..lawtags import split_heading, tags_line
from ..tree import (
    Alinea,
    Artikel,
    Begrip,
    Bijlage,
    Block,
    Divisie,
    Document,
    Lid,
    Lijst,
    ListItem,
    Metadata,
    Tabel,
    Tussenkop,
    block_text,
    clean_text,
)
from ..xmlsafe import child, children, local

Node = Divisie | Artikel

DIVISION_SOORTEN = {
    "deel": "hoofdstuk",
    "titeldeel": "hoofdstuk",
    "hoofdstuk": "hoofdstuk",
    "afdeling": "afdeling",
    "paragraaf": "paragraaf",
    "sub-paragraaf": "paragraaf",
    "subparagraaf": "paragraaf",
}
ARTICLE_NAMES = frozenset({"artikel", "enig-artikel", "wijzig-artikel"})
STRUCTURE_NAMES = ARTICLE_NAMES | frozenset(DIVISION_SOORTEN)
ANNEX_NAMES = frozenset({"bijlage"})
EXPLANATION_NAMES = frozenset({"nota-toelichting", "toelichting"})
# Inline markup only contributes its text to the paragraph around it.
INLINE_NAMES = frozenset(
    {
        "nadruk", "vet", "cursief", "onderstreept", "doorgehaald", "sup", "inf", "sub",
        "extref", "intref", "br", "term", "b", "i", "u", "a", "span",
    }
)  # fmt: skip
# Numbering elements: read separately, never part of the running text.
MARKER_NAMES = frozenset({"lidnr", "li.nr", "noot.nr"})
# Block content that may hide inside a paragraph (a table in al/noot, as in bgr-2024-715).
EMBEDDED_NAMES = frozenset({"noot", "table", "lijst", "plaatje", "illustratie"})
# Elements whose children are words of one line, joined with spaces (signatures).
LINE_NAMES = frozenset({"naam", "dagtekening"})
_BULLETS = frozenset({"-", "–", "—", "•", "·", "*", "o", "▪", "◦", "‐", "⁃", ""})

_KEYWORD = (
    r"(?:artikel|art\.|hoofdstuk|afdeling|sub-?paragraaf|paragraaf|§|titeldeel|titel|deel|bijlage)"
)
_NUMBER = r"(?:\d+[a-z]?(?:[.:]\d+[a-z]?)*|[IVXLC]+|[A-Z])"
_LABEL = re.compile(
    rf"^(?:{_KEYWORD}\s*)?(?P<nr>{_NUMBER})(?!\w)\.?\s*[-–—:.]?\s*(?P<rest>.*)$", re.I | re.S
)
_ONLY_KEYWORD = re.compile(rf"^{_KEYWORD}$", re.I)
_STATUS_WORDS = {"vervallen": "vervallen", "gereserveerd": "gereserveerd"}
_DEFINITIONS_INTRO = re.compile(r"\b(?:wordt|worden)\b.{0,100}?\bverstaan\s+onder\b", re.I | re.S)
_DEFINITIONS_TITLE = re.compile(r"^(?:begripsbepaling(?:en)?|begrippen|definities?)\b", re.I)


# -- text helpers -------------------------------------------------------------


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


def strip_number(nr: str) -> str:
    """Published numbers lose a keyword and trailing dot: "Artikel 1." -> "1"."""
    nr = clean_text(nr)
    nr = re.sub(rf"^{_KEYWORD}\s*", "", nr, flags=re.I)
    return nr.rstrip(".").strip()


def split_label(text: str) -> tuple[str, str]:
    """ "Artikel 2 Reikwijdte" -> ("2", "Reikwijdte"); "1.Parkeren" -> ("1", "Parkeren")."""
    text = clean_text(text)
    m = _LABEL.match(text)
    if m:
        return m.group("nr").rstrip("."), m.group("rest").strip()
    if _ONLY_KEYWORD.match(text):
        return "", ""
    return "", text


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
    if not nummer and re.match(rf"{_KEYWORD}\s", titel, re.I):
        nummer, opschrift = split_label(titel)  # "Artikel 3 Foo" written in titel
    return nummer, opschrift


def heading_text(kop) -> str:
    parts = [inline_text(child(kop, n)) for n in ("label", "nr", "titel")]
    return " ".join(p for p in parts if p) or inline_text(kop)


def has_block_children(el) -> bool:
    return any(
        local(c) and local(c) not in INLINE_NAMES and local(c) not in MARKER_NAMES for c in el
    )


def list_number(li) -> str:
    nr = inline_text(child(li, "li.nr")) or clean_text(li.get("nr", ""))
    return "" if nr in _BULLETS else nr


def merge_lists(blocks: list[Block]) -> list[Block]:
    """Join a list that is split over sibling <lijst> elements when its numbering
    simply continues (each item in its own lijst, as in prb-2017-1003)."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Lijst) and out and isinstance(out[-1], Lijst) and _continues(out[-1], b):
            out[-1].items.extend(b.items)
        else:
            out.append(b)
    return out


def _continues(first: Lijst, second: Lijst) -> bool:
    if not first.items or not second.items:
        return False
    a = first.items[-1].nr.rstrip(".)°").strip()
    b = second.items[0].nr.rstrip(".)°").strip()
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    if len(a) == 1 and len(b) == 1 and a.isalpha() and b.isalpha():
        return ord(b.lower()) == ord(a.lower()) + 1
    return a == b == ""


# -- the walker ---------------------------------------------------------------


class BodyWalker:
    """Turns OP/CVDR elements into tree nodes; collects warnings on the way."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        self.images = 0

    # structure

    def nodes(self, container) -> tuple[list[Block], list[Node]]:
        """Divisions and articles of a container, plus text before the first one."""
        loose: list[Block] = []
        nodes: list[Node] = []
        for el in container:
            name = local(el)
            if name in ARTICLE_NAMES:
                nodes.append(self.article(el))
            elif name in DIVISION_SOORTEN:
                nodes.append(self.division(el))
            elif name != "kop":
                found = self.block(el)
                if nodes:
                    attach(nodes[-1], found)
                else:
                    loose.extend(found)
        return merge_lists(loose), nodes

    def division(self, el) -> Divisie:
        nummer, opschrift = parse_kop(child(el, "kop"))
        opschrift, wetten = split_heading(opschrift)
        loose, nodes = self.nodes(el)
        divisie = Divisie(DIVISION_SOORTEN[local(el)], nummer, opschrift, loose, nodes, wetten)
        take_tags_line(divisie)
        return divisie

    def article(self, el) -> Artikel:
        nummer, opschrift = parse_kop(child(el, "kop"))
        opschrift, wetten = split_heading(opschrift)
        artikel = Artikel(nummer, opschrift, self.blocks(el), wetten)
        take_tags_line(artikel)
        mark_status(artikel)
        return artikel

    def annexes(self, *containers) -> list[Bijlage]:
        """Bijlagen and explanatory notes that are children of these containers."""
        out: list[Bijlage] = []
        for container in containers:
            if container is None:
                continue
            for el in container:
                if local(el) in ANNEX_NAMES:
                    nummer, opschrift = parse_kop(child(el, "kop"))
                    out.append(Bijlage(nummer, opschrift, self.blocks(el)))
                elif local(el) in EXPLANATION_NAMES:
                    # Kept as an unnumbered annex: readers need it, it is not regulation text.
                    opschrift = parse_kop(child(el, "kop"))[1] or "Toelichting"
                    out.append(Bijlage("", opschrift, self.blocks(el)))
        return out

    # blocks

    def blocks(self, el) -> list[Block]:
        """The blocks inside el (its kop and numbering left out)."""
        if el is None:
            return []
        if not has_block_children(el):
            text = inline_text(el)
            return [Alinea(text)] if text else []
        out: list[Block] = []
        for c in el:
            if local(c) not in MARKER_NAMES and local(c) != "kop":
                out.extend(self.block(c))
        return merge_lists(out)

    def block(self, el) -> list[Block]:
        name = local(el)
        if not name:
            return []
        if name == "al" or name.endswith(".al"):
            return self.paragraph(el)
        if name == "lijst":
            return [self.lijst(el)]
        if name == "table":
            return [self.table(el)]
        if name == "lid":
            return [Lid(strip_number(inline_text(child(el, "lidnr"))), self.blocks(el))]
        if name in ("plaatje", "illustratie"):
            self.images += 1
            return []
        if name == "noot":
            return self.note(el)
        if name in ("tussenkop", "kop"):
            text = heading_text(el) if name == "kop" else inline_text(el)
            return [Tussenkop(text)] if text else []
        if name in STRUCTURE_NAMES or name in ANNEX_NAMES:
            return self.flattened(el)
        if name in LINE_NAMES:
            text = spaced_text(el)
            return [Alinea(text)] if text else []
        return self.blocks(el)

    def flattened(self, el) -> list[Block]:
        """Structure where only blocks fit (an article inside an annex): heading + text."""
        kop = child(el, "kop")
        heading = heading_text(kop) if kop is not None else ""
        return ([Tussenkop(heading)] if heading else []) + self.blocks(el)

    def paragraph(self, el) -> list[Block]:
        text = inline_text(el)
        out: list[Block] = [Alinea(text)] if text else []
        for embedded in _embedded(el):
            out.extend(self.block(embedded))
        return out

    def note(self, el) -> list[Block]:
        nr = inline_text(child(el, "noot.nr"))
        found = self.blocks(el)
        prefix = f"Noot {nr}: " if nr else "Noot: "
        if found and isinstance(found[0], Alinea):
            found[0] = Alinea(prefix + found[0].text)
        return found

    def lijst(self, el) -> Lijst:
        lijst = Lijst()
        for c in el:
            if local(c) == "li":
                lijst.items.append(ListItem(list_number(c), self.blocks(c)))
                continue
            found = self.block(c)  # stray content: an intro before, or part of the last item
            if lijst.items:
                lijst.items[-1].blocks.extend(found)
            else:
                lijst.intro = " ".join(b.text for b in found if isinstance(b, Alinea | Tussenkop))
        return lijst

    def table(self, el) -> Tabel:
        tabel = Tabel()
        for tgroup in children(el, "tgroup") or [el]:
            names = [cs.get("colname", "") for cs in children(tgroup, "colspec")]
            ncols = _int(tgroup.get("cols")) or len(names)
            for part in ("thead", "tbody", "tfoot"):
                for section in children(tgroup, part):
                    rows = self.grid(children(section, "row"), names, ncols)
                    if part == "thead" and len(tabel.rows) == tabel.header_rows:
                        tabel.header_rows += len(rows)
                    tabel.rows.extend(rows)
        return tabel

    def grid(self, rows, names: list[str], ncols: int) -> list[list[str]]:
        """CALS rows as a rectangular grid: spanned cells are padded with ""."""
        pending: dict[int, int] = {}  # column -> rows still covered by a morerows cell
        grid: list[list[str]] = []
        for row in rows:
            cells: list[str] = []
            for entry in children(row, "entry"):
                _skip_covered(cells, pending)
                start = _column(names, entry.get("namest") or entry.get("colname"))
                while start is not None and len(cells) < start:
                    cells.append("")
                    _skip_covered(cells, pending)
                end = _column(names, entry.get("nameend"))
                span = end - len(cells) + 1 if end is not None and end >= len(cells) else 1
                morerows = _int(entry.get("morerows"))
                for k in range(span if morerows else 0):
                    pending[len(cells) + k] = morerows
                cells.extend([self.cell_text(entry)] + [""] * (span - 1))
            while len(cells) < ncols:
                if pending.get(len(cells), 0) > 0:
                    pending[len(cells)] -= 1
                cells.append("")
            grid.append(cells)
        return grid

    def cell_text(self, entry) -> str:
        """A cell's paragraphs, one per line."""
        if not has_block_children(entry):
            return inline_text(entry)
        return "\n".join(line for line in _lines(self.blocks(entry)) if line)


def _embedded(el):
    """Block content nested somewhere inside a paragraph, outermost first."""
    for c in el:
        name = local(c)
        if name in EMBEDDED_NAMES:
            yield c
        elif name:
            yield from _embedded(c)


def _lines(blocks: list[Block]):
    for b in blocks:
        if isinstance(b, Alinea | Tussenkop):
            yield b.text
        elif isinstance(b, Lid):
            yield " ".join(p for p in (b.nr, block_text(b.blocks)) if p)
        elif isinstance(b, Lijst):
            for item in b.items:
                yield " ".join(p for p in (item.nr, block_text(item.blocks)) if p)
        elif isinstance(b, Tabel):
            yield from (" ".join(row) for row in b.rows)


def _skip_covered(cells: list[str], pending: dict[int, int]) -> None:
    """Leave the cells that a cell from a row above still covers (morerows) empty."""
    while pending.get(len(cells), 0) > 0:
        pending[len(cells)] -= 1
        cells.append("")


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _column(names: list[str], name: str | None) -> int | None:
    return names.index(name) if name and name in names else None


def attach(node: Node, blocks: list[Block]) -> None:
    """Text that follows a division's children belongs to its last article."""
    while isinstance(node, Divisie) and node.children:
        node = node.children[-1]
    node.blocks.extend(blocks)


def take_tags_line(node: Node) -> None:
    """A first paragraph holding only law tags ("[Jeugdwet, Wmo]") belongs to the heading."""
    if node.blocks and isinstance(node.blocks[0], Alinea):
        tags = tags_line(node.blocks[0].text)
        if tags:
            node.wetten.extend(t for t in tags if t not in node.wetten)
            node.blocks.pop(0)


def mark_status(artikel: Artikel) -> None:
    """ "[Vervallen]" as heading or as the only text becomes the article's status."""
    word = artikel.opschrift.strip("[]() .").lower()
    if word in _STATUS_WORDS:
        artikel.status, artikel.opschrift = _STATUS_WORDS[word], ""
    if len(artikel.blocks) == 1 and isinstance(artikel.blocks[0], Alinea):
        word = artikel.blocks[0].text.strip("[]() .").lower()
        if word in _STATUS_WORDS:
            artikel.status, artikel.blocks = _STATUS_WORDS[word], []


# -- regulation assembly ----------------------------------------------------------


def read_regeling(doc: Document, regeling, walker: BodyWalker, label: str) -> None:
    """Fill aanhef, body, sluiting and bijlagen from a <regeling> or <wet-besluit>."""
    aanhef = child(regeling, "aanhef")
    tekst = child(regeling, "regeling-tekst", "wettekst")
    images_before = walker.images
    doc.aanhef = walker.blocks(aanhef)
    if tekst is not None:
        loose, doc.body = walker.nodes(tekst)
        doc.aanhef.extend(loose)
    if not doc.body and aanhef is not None:
        counted, walker.images = walker.images, images_before  # the preamble is read again
        if not use_fallback(doc, aanhef, walker):
            walker.images = counted
    doc.sluiting.extend(walker.blocks(child(regeling, "regeling-sluiting", "wetsluiting")))
    doc.bijlagen.extend(walker.annexes(regeling))
    if not doc.body:
        raise PublicatieFout(
            f"{label} bevat geen artikelen of hoofdstukken; alleen regelingen worden geïmporteerd."
        )


def use_fallback(doc: Document, aanhef, walker: BodyWalker) -> bool:
    parts = fallback_from_aanhef(aanhef, walker)
    if parts is None:
        return False
    doc.aanhef, doc.body, doc.bijlagen, doc.sluiting = (
        parts.aanhef,
        parts.body,
        parts.bijlagen,
        parts.sluiting,
    )
    walker.warnings.append(
        "De regelingtekst was leeg; de artikelen zijn afgeleid uit vetgedrukte kopjes "
        "('Artikel …') in de aanhef. Controleer de indeling."
    )
    return True


def finish(doc: Document, walker: BodyWalker) -> None:
    """Last steps shared by OP and CVDR: numbers, definitions, warnings."""
    number_anonymous_articles(doc, walker)
    doc.begrippen.extend(collect_begrippen(doc))
    if walker.images:
        walker.warnings.append(
            f"{walker.images} afbeelding(en) niet overgenomen; vergelijk de tekst met de bron."
        )
    doc.warnings.extend(walker.warnings)


def number_anonymous_articles(doc: Document, walker: BodyWalker) -> None:
    """Articles without any number get their position, if that number is still free."""
    artikelen = doc.artikelen()
    used = {a.nummer for a in artikelen if a.nummer}
    for position, artikel in enumerate(artikelen, start=1):
        if artikel.nummer:
            continue
        number = position
        while str(number) in used:
            number += 1
        artikel.nummer = str(number)
        used.add(artikel.nummer)
        walker.warnings.append(
            f"Het {position}e artikel heeft geen nummer; het kreeg nummer {number} "
            "op basis van de volgorde."
        )


def is_definitions_article(artikel: Artikel) -> bool:
    return bool(
        _DEFINITIONS_TITLE.match(artikel.opschrift)
        or _DEFINITIONS_INTRO.search(block_text(artikel.blocks))
    )


def collect_begrippen(doc: Document) -> list[Begrip]:
    found: list[Begrip] = []
    for artikel in doc.artikelen():
        if is_definitions_article(artikel):
            view = definition_view(artikel.blocks)
            found.extend(
                begrippen_from_blocks(view, f"artikel {artikel.nummer}", lowercase_terms=True)
            )
    return found


def definition_view(blocks: list[Block]) -> list[Block]:
    """Leden that read "term: definitie" (CVDR lid a., b., …) seen as list items."""
    out: list[Block] = []
    for b in blocks:
        first = b.blocks[0] if isinstance(b, Lid) and b.blocks else None
        if isinstance(first, Alinea) and split_definition(first.text, lowercase_terms=True):
            out.append(Lijst([ListItem(b.nr, b.blocks)]))
        else:
            out.append(b)
    return out


# -- fallback: articles written as bold paragraphs in the preamble ----------------

_ARTICLE_HEAD = re.compile(
    r"^(?:artikel|art\.)\s+(?P<nr>\d+[a-z]?(?:[.:]\d+[a-z]?)*|[IVXLC]+)(?!\w)", re.I
)
_ANNEX_HEAD = re.compile(r"^bijlage\b", re.I)
_DIVISION_HEAD = re.compile(
    r"^(?:(?i:hoofdstuk|afdeling|paragraaf|§)\s*\S+|(?:[A-Z]|[IVX]+)\.\s+\S).{0,120}$"
)
# "Aldus vastgesteld in de openbare vergadering van …", "Vastgesteld door de raad op …"
_CLOSING = re.compile(
    r"^(?:aldus\s+)?(?:vastgesteld|besloten)(?:\s+(?:in|door|op|te|bij|d\.d\.)\b|\s*[,.:]?\s*$)",
    re.I,
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
        elif self.bijlage is None and self.artikel is not None and _CLOSING.match(text):
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
    heads = [
        i
        for i, el in enumerate(elements)
        if local(el) == "al" and _ARTICLE_HEAD.match(bold_text(el))
    ]
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


# -- metadata from prose (OP has no dates in markup) -----------------------------

_IN_FORCE = (
    re.compile(
        r"treedt\s+in\s+werking\s+(?:op|met\s+ingang\s+van|per)\s+(?P<rest>\d.{0,30})", re.I
    ),
    re.compile(
        r"treedt\s+(?:op|met\s+ingang\s+van|per)\s+(?P<rest>\d.{0,30}?)\s+in\s+werking", re.I
    ),
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
    for b in blocks:
        if isinstance(b, Alinea | Tussenkop):
            yield b.text
        elif isinstance(b, Lid):
            yield from text_lines(b.blocks)
        elif isinstance(b, Lijst):
            for item in b.items:
                yield from text_lines(item.blocks)


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
        if _CLOSING.match(line):
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
    """The organ named first in the opening lines ("De raad van de gemeente Lochem;")."""
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
