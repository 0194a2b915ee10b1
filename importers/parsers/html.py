"""HTML publication pages: zoek.officielebekendmakingen.nl and the repository "html" manifestation.

Both render OP elements as HTML with the OP element name as CSS class: the
zoek page as ``_p_<name>`` (``_p_artikel``, ``_p_lid``), the repository
manifestation as the bare name (``artikel``, ``artikel_kop``). Classes are
normalised by dropping the ``_p_`` prefix and then read the same way.

Structure is taken from classes where present and otherwise from heading text
("Artikel 2.2 Titel", "Hoofdstuk 2 …", "2.2 FASE 2: … [Jeugdwet, Wmo]"), which
also covers articles written as bold paragraphs. Nothing is fetched or run:
lxml only builds a tree, scripts are dropped.
"""

from __future__ import annotations

import re
from types import MappingProxyType

import lxml.html
from lxml import etree

from ..dates import parse_iso
from ..decoding import decode_text
from ..definitions import begrippen_from_blocks
from ..errors import PublicatieFout
from ..explanations import add_explanation, opens_explanation, parts_from_blocks
from ..figures import figures, lost_image
from ..grammar import number_in_title
from ..lawtags import split_heading, tags_line
from ..organisations import organisation
from ..status import mark_status, status_word
from ..tree import (
    Alinea,
    Artikel,
    Bijlage,
    Block,
    Divisie,
    Document,
    Figuur,
    Lid,
    Lijst,
    ListItem,
    Metadata,
    Tabel,
    Tussenkop,
    block_text,
    clean_text,
)
from ..xmlsafe import check_size
from .registry import register

LEVELS = MappingProxyType({"hoofdstuk": 1, "afdeling": 2, "paragraaf": 3})
DIVISION_CLASSES = MappingProxyType(
    {
        "hoofdstuk": "hoofdstuk",
        "afdeling": "afdeling",
        "paragraaf": "paragraaf",
        "subparagraaf": "paragraaf",
    }
)
BIJLAGE_CLASSES = frozenset({"bijlage"})
TOELICHTING_CLASSES = frozenset({"nota-toelichting", "toelichting", "artikelgewijze-toelichting"})
AANHEF_CLASSES = frozenset({"aanhef", "intitule", "considerans", "wij", "afkondiging"})
SLUITING_CLASSES = frozenset(
    {
        "wetsluiting",
        "regeling-sluiting",
        "slotformulering",
        "ondertekening",
        "zakelijke-mededeling-sluiting",
        "gegeven",
        "uitgifte",
    }
)
NOTICE_CLASSES = frozenset({"zakelijke-mededeling", "zakelijke-mededeling-tekst"})
SKIP_CLASSES = frozenset({"single-kop-titel", "verberg", "inhouds-opgave", "toc"})
BLOCK_TAGS = frozenset({"p", "ul", "ol", "table", "blockquote", "pre"})
INLINE_TAGS = frozenset("a span b strong i em u sup sub br abbr small font code nadruk".split())
HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
SKIP_TAGS = frozenset("script style noscript form input button nav".split())

_NR = r"(?:\d+[a-z]?(?:[.:]\d+[a-z]?)*|[IVXLCDM]+[a-z]?)"
_SEP = r"(?:\s*[.:\-–]\s*|\s+|$)"
ARTIKEL_HEADING = re.compile(rf"^artikel\s+(?P<nr>{_NR})\.?{_SEP}(?P<title>.*)$", re.I | re.S)
DIVISIE_HEADING = re.compile(
    rf"^(?P<soort>hoofdstuk|afdeling|paragraaf|§)\s*(?P<nr>{_NR}|[A-Z])\.?{_SEP}(?P<title>.*)$",
    re.I | re.S,
)
BIJLAGE_HEADING = re.compile(
    r"^bijlage(?:\s+(?P<nr>[0-9]+[a-z]?|[A-Z]|[IVXLC]+))?\b[.:]?\s*(?P<title>.*)$", re.I | re.S
)
# "2.2 FASE 2: Het gesprek [Jeugdwet, Wmo]": a dotted number opens an article.
NUMBERED_HEADING = re.compile(r"^(?P<nr>\d+(?:\.\d+)+)\.?\s+(?P<title>\S.*)$", re.S)
LIDNR = re.compile(r"^(?P<nr>\d+[a-z]?)[.)]?\s+(?=\S)")
FLAT_LIDNR = re.compile(r"^(?P<nr>\d+[a-z]?)[.)]\s+(?=\S)")
LIST_LIDNR = re.compile(r"^(?P<nr>\d+[a-z]?)[.)]?$")
BULLETS = frozenset("• · - – — ▪ ■ ○ o *".split())
DEFINITIONS_INTRO = re.compile(r"verstaan\s+onder", re.I)


@register("html")
def parse(data: bytes, bron: str) -> Document:
    check_size(data)
    root = _load(data)
    metadata = _metadata(root, bron)
    content = _content(root)
    builder = _Builder(Document(metadata=metadata))
    builder.process(content)
    doc = builder.finish()
    _report_lost_images(content, doc)
    if not doc.artikelen() and not doc.divisies() and _has_class(content, NOTICE_CLASSES):
        name = metadata.identifier or "Deze publicatie"
        raise PublicatieFout(
            f"{name} is een zakelijke mededeling, geen regeling; alleen regelingen worden geïmporteerd."
        )
    return doc


# -- loading and metadata ----------------------------------------------------------


def _load(data: bytes):
    text = decode_text(data)
    # lxml refuses str input that carries an XML encoding declaration.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=False)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        raise PublicatieFout("Het HTML-bestand is niet te lezen.") from None
    if root is None:
        raise PublicatieFout("Het HTML-bestand is leeg.")
    return root


def _head_meta(root) -> list[tuple[str, str, str]]:
    """(name, scheme, content) of <meta> in <head> only; the page chrome is not trusted."""
    head = root.find("head")
    if head is None:
        return []
    return [
        (m.get("name") or "", m.get("scheme") or "", clean_text(m.get("content") or ""))
        for m in head.iter("meta")
        if m.get("name")
    ]


def _metadata(root, bron: str) -> Metadata:
    metas = _head_meta(root)

    def first(name: str, scheme_prefix: str = "") -> str:
        for n, scheme, content in metas:
            if n == name and scheme.startswith(scheme_prefix) and content:
                return content
        return ""

    gemeente = first("DC.creator", "OVERHEID.Gemeente")
    creator = next(((scheme, c) for n, scheme, c in metas if n == "DC.creator" and c), ("", ""))
    return Metadata(
        identifier=first("DC.identifier"),
        titel=first("DC.title"),
        citeertitel=first("DCTERMS.alternative"),
        gemeente=gemeente,
        organisatie=organisation(*creator),
        publicatiedatum=parse_iso(first("DCTERMS.available")),
        vastgesteld_op=parse_iso(first("OVERHEIDop.datumOndertekening")),
        in_werking_op=parse_iso(first("OVERHEIDop.inwerkingtredingDatum")),
        soort=first("DC.type", "OVERHEIDop.Rubriek") or first("DC.type", "OVERHEIDop."),
        bron=bron,
        formaat="html",
    )


def _content(root):
    """The publication itself: div#broodtekst (or its officiele-publicatie), else <body>."""
    for xpath in (
        "//div[@id='broodtekst']//*[contains(concat(' ', @class, ' '), ' officiele-publicatie ')]",
        "//*[@id='broodtekst']",
        "//body",
    ):
        found = root.xpath(xpath)
        if found:
            return found[0]
    return root


# -- class and heading helpers -----------------------------------------------------


def kinds(el) -> set[str]:
    """CSS classes with the zoek page's ``_p_`` prefix dropped."""
    if not isinstance(el.tag, str):
        return set()
    return {c[3:] if c.startswith("_p_") else c for c in (el.get("class") or "").split()}


def _has_class(el, names) -> bool:
    return any(kinds(d) & set(names) for d in el.iter())


def _is_article_class(k: str) -> bool:
    # "artikel", "wijzig-artikel", "artikel-container"; not "artikel_kop" or "artikelgewijze…".
    if not re.fullmatch(r"(?:[\w]+[-_])?artikel(?:[-_][\w-]+)?", k):
        return False
    return not re.search(r"[-_](kop|nr|titel|label|nummer|tekst)$", k)


def _is_heading(el) -> bool:
    if el.tag in HEADING_TAGS:
        return True
    if any(k == "kop" or k.endswith("_kop") or k.endswith("-kop") for k in kinds(el)):
        return True
    return _is_bold_paragraph(el)


def _is_bold_paragraph(el) -> bool:
    """<p><b>Artikel 2. …</b></p>: a heading typed as emphasis."""
    return el.tag == "p" and bool(_text(el)) and not clean_text(_plain_text(el))


def _is_bold(el) -> bool:
    return el.tag in ("b", "strong") or bool(kinds(el) & {"vet", "nadruk-vet", "bold"})


def _plain_text(el) -> str:
    """Text outside bold markup."""
    if _is_bold(el):
        return ""
    parts = [el.text or ""]
    for c in el:
        if isinstance(c.tag, str):
            parts.append(_plain_text(c))
        parts.append(c.tail or "")
    return "".join(parts)


def _text(el) -> str:
    if el is None:
        return ""
    return clean_text("".join(t for t in el.itertext() if isinstance(t, str)))


def _heading_text(el) -> str:
    # Heading parts often sit in separate elements (label, nr, titel): join them with spaces.
    text = clean_text(" ".join(t for t in el.itertext() if isinstance(t, str)))
    return re.sub(r"\s+(?=[.,:;])", "", text)


def _is_inline(el) -> bool:
    return (
        isinstance(el.tag, str)
        and el.tag in INLINE_TAGS
        and not (kinds(el) & {"lijst", "lid", "al", "tussenkop"})
    )


def _is_textual(el) -> bool:
    """True when an element holds only inline markup, so it reads as one paragraph."""
    return all(d.tag in INLINE_TAGS for d in el.iterdescendants() if isinstance(d.tag, str))


def _drop(el) -> None:
    """Remove an element but keep its tail text."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail or ""
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + tail
    else:
        parent.text = (parent.text or "") + tail
    parent.remove(el)


# -- content blocks ----------------------------------------------------------------


def blocks_of(el) -> list[Block]:
    """The blocks inside a lid, list item or container; inline runs become one Alinea (an
    image inside inline markup follows it as a figure)."""
    blocks: list[Block] = []
    run: list[str] = [el.text or ""]
    pending: list[Block] = []  # figures inside the current inline run
    for c in el:
        if not isinstance(c.tag, str) or c.tag in SKIP_TAGS:
            run.append(c.tail or "")
            continue
        if _is_inline(c):
            run.append("".join(t for t in c.itertext() if isinstance(t, str)))
            pending.extend(_figure(img) for img in c.iter("img"))
        else:
            _add_alinea(blocks, "".join(run))
            blocks.extend(pending)
            run, pending = [], []
            blocks.extend(_block(c))
        run.append(c.tail or "")
    _add_alinea(blocks, "".join(run))
    return blocks + pending


def _image_name(img) -> str:
    src = (img.get("src") or "").strip()
    return "" if src.startswith("data:") else src  # an inline image has no name to show


def _figure(img, caption: str = "") -> Figuur:
    return Figuur(
        bron=_image_name(img),
        bijschrift=caption,
        alt=clean_text(img.get("alt") or img.get("title") or ""),
    )


def _figures_of(figure) -> list[Block]:
    """<figure><img …><figcaption>…</figcaption></figure> as figures with their caption."""
    caption = " ".join(_text(c) for c in figure.iter("figcaption"))
    return [_figure(img, caption) for img in figure.iter("img")]


def _report_lost_images(content, doc: Document) -> None:
    """Images the tree has no room for (in a table cell) are named, never dropped in silence."""
    placed = {f.bron for f in figures(doc)}
    for img in content.iter("img"):
        src = _image_name(img)
        hidden = any(kinds(a) & SKIP_CLASSES or a.tag in SKIP_TAGS for a in img.iterancestors())
        if src not in placed and not hidden:
            doc.warnings.append(lost_image(src))


def _block(el) -> list[Block]:
    k = kinds(el)
    if el.tag == "img":
        return [_figure(el)]
    if el.tag == "figure":
        return _figures_of(el)
    if el.tag in ("ul", "ol") or "lijst" in k:
        return [_lijst(el)]
    if el.tag == "table":
        return [_tabel(el)]
    if "lid" in k:
        return [_lid(el)]
    if "tussenkop" in k or el.tag in HEADING_TAGS:
        text = _text(el)
        return [Tussenkop(text)] if text else []
    if _is_textual(el):
        text = _text(el)
        return [Alinea(text)] if text else []
    return blocks_of(el)


def _add_alinea(blocks: list[Block], text: str | None) -> None:
    text = clean_text(text or "")
    if text:
        blocks.append(Alinea(text))


def _lijst(el) -> Lijst:
    lijst = Lijst()
    items = [li for li in el if isinstance(li.tag, str) and (li.tag == "li" or "li" in kinds(li))]
    for i, li in enumerate(items):
        item = _list_item(li)
        if not item.nr and el.tag == "ol":  # the browser numbers these; keep that number
            item.nr = _ol_number(el, i)
        lijst.items.append(item)
    return lijst


def _ol_number(ol, index: int) -> str:
    start = int(ol.get("start")) if (ol.get("start") or "").isdigit() else 1
    n = start + index
    if ol.get("type") in ("a", "A") and n <= 26:
        letter = chr(ord("a") + n - 1)
        return f"{letter.upper() if ol.get('type') == 'A' else letter}."
    return f"{n}."


def _list_item(li) -> ListItem:
    """The number sits in the first <span> (``li > span``), the content after it."""
    first = next((c for c in li if isinstance(c.tag, str)), None)
    nr = ""
    numbered = first is not None and (first.tag == "span" or kinds(first) & {"li.nr", "nr"})
    if numbered and not clean_text(li.text or ""):
        nr = _text(first)
        _drop(first)
    if nr in BULLETS:
        nr = ""
    return ListItem(nr=nr, blocks=blocks_of(li))


def _lid(el) -> Lid:
    nr = ""
    for d in el.iterdescendants():
        if kinds(d) & {"lidnr", "lid.nr", "lid-nr"}:
            nr = _text(d).rstrip(".")
            _drop(d)
            break
    blocks = blocks_of(el)
    if not nr and blocks and isinstance(blocks[0], Alinea):
        m = LIDNR.match(blocks[0].text)
        if m:
            nr = m.group("nr")
            blocks[0] = Alinea(blocks[0].text[m.end() :])
    return Lid(nr=nr, blocks=blocks)


def _tabel(el) -> Tabel:
    tabel = Tabel()
    for tr in el.iter("tr"):
        cells = [c for c in tr if c.tag in ("td", "th")]
        tabel.rows.append([_text(c) for c in cells])
        if (cells and all(c.tag == "th" for c in cells)) or tr.getparent().tag == "thead":
            tabel.header_rows += 1
    return tabel


# -- the builder: one pass over the content in document order -------------------------


class _Builder:
    """Walks the content in document order, opening divisions, articles and annexes.

    A structural element (class ``artikel``) opens a node for its own extent; a
    heading line opens one until the next heading of the same or a higher level.
    """

    def __init__(self, doc: Document):
        self.doc = doc
        self.stack: list[Divisie] = []
        self.artikel: Artikel | None = None
        self.bijlage: Bijlage | None = None
        self.zone = "aanhef"  # where loose text goes when no node is open
        self.structural = 0  # depth inside class-marked articles: no flat headings there
        self.numbered: set[int] = set()  # articles opened by a bare "2.2 Titel" heading
        self.inferred: set[int] = set()  # such articles turned into a paragraaf
        # Toelichtingen collect like an annex, but are placed by explanations at the end.
        self.explanations: list[Bijlage] = []

    # -- walking ------------------------------------------------------------

    def process(self, el) -> None:
        run: list[str] = [el.text or ""]
        pending: list[Block] = []  # figures inside the current inline run
        for c in el:
            if isinstance(c.tag, str) and c.tag not in SKIP_TAGS:
                if _is_inline(c):
                    run.append("".join(t for t in c.itertext() if isinstance(t, str)))
                    pending.extend(_figure(img) for img in c.iter("img"))
                else:
                    self._loose("".join(run))
                    self._add(pending)
                    run, pending = [], []
                    self._element(c)
            run.append(c.tail or "")
        self._loose("".join(run))
        self._add(pending)

    def _element(self, el) -> None:
        k = kinds(el)
        if k & SKIP_CLASSES or el.tag == "h1":
            return
        if k & DIVISION_CLASSES.keys():
            return self._scoped(el, self._open_divisie_el, is_artikel=False)
        if any(_is_article_class(x) for x in k):
            return self._scoped(el, self._open_artikel_el, is_artikel=True)
        if k & (BIJLAGE_CLASSES | TOELICHTING_CLASSES):
            return self._bijlage_el(el, k)
        if self.bijlage is None and k & AANHEF_CLASSES and not self.doc.body:
            return self._zone_el(el, "aanhef")
        if self.bijlage is None and k & SLUITING_CLASSES:
            return self._zone_el(el, "sluiting")
        if el.tag == "figure":
            return self._add(_figures_of(el))
        if _is_heading(el) and self._heading(_heading_text(el)):
            return
        if el.tag in BLOCK_TAGS or k & {"lid", "lijst", "tussenkop", "al"} or _is_textual(el):
            return self._add(_block(el))
        self.process(el)  # a wrapper: look inside

    def _scoped(self, el, open_node, is_artikel: bool) -> None:
        """Open a node for a structural element and close it again at its end."""
        open_node(el)
        base = self.stack[:]
        self.structural += is_artikel
        self.process(el)
        self.structural -= is_artikel
        self.stack = base if is_artikel else base[:-1]
        self.artikel = None

    def _loose(self, text: str) -> None:
        text = clean_text(text)
        if text:
            self._add([Alinea(text)])

    # -- opening nodes --------------------------------------------------------

    def _open_divisie_el(self, el) -> None:
        soort = next(DIVISION_CLASSES[x] for x in sorted(kinds(el)) if x in DIVISION_CLASSES)
        heading = _take_heading(el)
        m = DIVISIE_HEADING.match(heading)
        # "A. Bibob-toets" without a keyword: the title carries the number, nothing is invented.
        nummer, title = (m.group("nr"), m.group("title")) if m else number_in_title(heading)
        self.open_divisie(soort, nummer, title)

    def _open_artikel_el(self, el) -> None:
        heading = _take_heading(el)
        m = ARTIKEL_HEADING.match(heading) or NUMBERED_HEADING.match(heading)
        nummer, title = (m.group("nr"), m.group("title")) if m else ("", heading)
        self.open_artikel(nummer, title)

    def _heading(self, text: str) -> bool:
        """Open whatever a heading line announces; False when it announces nothing.

        Inside a toelichting, headings ("Artikel 3") are its text: they name what it explains."""
        if self.structural or self._in_toelichting():
            return False
        if self.doc.body and opens_explanation(text, self.zone == "sluiting" or self.bijlage is not None):
            self.open_toelichting(text)
        elif m := ARTIKEL_HEADING.match(text):
            self.open_artikel(m.group("nr"), m.group("title"))
        elif m := DIVISIE_HEADING.match(text):
            soort = m.group("soort").lower()
            self.open_divisie("paragraaf" if soort == "§" else soort, m.group("nr"), m.group("title"))
        elif (m := BIJLAGE_HEADING.match(text)) and (m.group("nr") or not m.group("title")):
            self.open_bijlage(m.group("nr") or "", m.group("title"))
        elif (m := NUMBERED_HEADING.match(text)) and self.bijlage is None:
            self.open_artikel(m.group("nr"), m.group("title"))
            self.numbered.add(id(self.artikel))
        else:
            return False
        return True

    def open_divisie(self, soort: str, nummer: str, title: str) -> None:
        title, wetten = split_heading(clean_text(title))
        divisie = Divisie(soort=soort, nummer=nummer.rstrip("."), opschrift=title, wetten=wetten)
        divisie.status = status_word(title)
        divisie.opschrift = "" if divisie.status else title
        while self.stack and LEVELS[self.stack[-1].soort] >= LEVELS[soort]:
            self.stack.pop()
        self.artikel = self.bijlage = None
        self._attach(divisie)
        self.stack.append(divisie)

    def open_artikel(self, nummer: str, title: str) -> None:
        title, wetten = split_heading(clean_text(title))
        artikel = Artikel(nummer=nummer.rstrip("."), opschrift=title, wetten=wetten)
        if status := status_word(title):
            artikel.opschrift, artikel.status = "", status
        self.bijlage = None
        self._attach(artikel)
        self.artikel = artikel

    def open_bijlage(self, nummer: str, title: str) -> None:
        self.stack, self.artikel = [], None
        self.bijlage = Bijlage(nummer=nummer, opschrift=clean_text(title))
        self.doc.bijlagen.append(self.bijlage)

    def open_toelichting(self, title: str) -> None:
        self.stack, self.artikel = [], None
        self.bijlage = Bijlage(nummer="", opschrift=clean_text(title) or "Toelichting")
        self.explanations.append(self.bijlage)

    def _in_toelichting(self) -> bool:
        return any(self.bijlage is b for b in self.explanations)

    def _attach(self, node) -> None:
        self.zone = "body"
        (self.stack[-1].children if self.stack else self.doc.body).append(node)

    def _bijlage_el(self, el, k: set[str]) -> None:
        heading = _take_heading(el)
        m = BIJLAGE_HEADING.match(heading)
        if k & TOELICHTING_CLASSES:
            self.open_toelichting(heading)
        elif m:
            self.open_bijlage(m.group("nr") or "", m.group("title"))
        else:
            self.open_bijlage("", heading)
        self.process(el)
        self.bijlage = None

    def _zone_el(self, el, zone: str) -> None:
        saved = (self.stack, self.artikel, self.zone)
        self.stack, self.artikel, self.zone = [], None, zone
        self.process(el)
        self.stack, self.artikel, self.zone = saved
        if zone == "sluiting":  # nothing after the closing formula belongs to an article
            self.stack, self.artikel, self.zone = [], None, "sluiting"

    # -- adding content -----------------------------------------------------

    def _add(self, blocks: list[Block]) -> None:
        if not blocks:
            return
        target = self.bijlage or self.artikel or (self.stack[-1] if self.stack else None)
        if target is None:
            (self.doc.aanhef if self.zone == "aanhef" else self.doc.sluiting).extend(blocks)
            return
        if not target.blocks and not isinstance(target, Bijlage) and _take_tags(target, blocks):
            blocks = blocks[1:]
        target.blocks.extend(blocks)

    # -- finishing ----------------------------------------------------------

    def finish(self) -> Document:
        self.doc.body = self._nest_numbered(self.doc.body)
        for artikel in self.doc.artikelen():
            _finish_artikel(artikel)
            if DEFINITIONS_INTRO.search(block_text(artikel.blocks)):
                where = f"artikel {artikel.nummer}".strip()
                self.doc.begrippen.extend(begrippen_from_blocks(artikel.blocks, where))
        for part in [*self.doc.divisies(), *self.doc.bijlagen]:
            mark_status(part)
        for toelichting in self.explanations:
            general, parts = parts_from_blocks(toelichting.blocks)
            add_explanation(self.doc, general, parts, titel=toelichting.opschrift)
        return self.doc

    def _nest_numbered(self, nodes: list) -> list:
        """ "8.3 Pgb" followed by "8.3.1 …" is a paragraph, not an article."""
        out: list = []
        for node in nodes:
            if isinstance(node, Divisie):
                node.children = self._nest_numbered(node.children)
            parent = out[-1] if out else None
            if (
                isinstance(node, Artikel)
                and id(parent) in self.inferred
                and node.nummer.startswith(parent.nummer + ".")
            ):
                parent.children.append(node)
                continue
            if isinstance(node, Artikel) and id(node) in self.numbered and _has_sub(node, nodes):
                node = Divisie(
                    soort="paragraaf",
                    nummer=node.nummer,
                    opschrift=node.opschrift,
                    blocks=node.blocks,
                    wetten=node.wetten,
                )
                self.inferred.add(id(node))
            out.append(node)
        return out


def _take_heading(el) -> str:
    """Text of an element's own heading, removed so it is not read as content."""
    for c in el:
        if not isinstance(c.tag, str):
            continue
        if _is_heading(c):
            text = _heading_text(c)
            _drop(c)
            return text
        if _text(c):
            break
    return ""


def _take_tags(target, blocks: list[Block]) -> bool:
    """A first line that is only law tags belongs to the heading, not the text."""
    first = blocks[0]
    tags = tags_line(first.text) if isinstance(first, Alinea) else None
    if tags is None:
        return False
    target.wetten.extend(t for t in tags if t not in target.wetten)
    return True


def _has_sub(artikel: Artikel, siblings: list) -> bool:
    prefix = artikel.nummer + "."
    return any(isinstance(n, Artikel) and n.nummer.startswith(prefix) for n in siblings)


def _finish_artikel(artikel: Artikel) -> None:
    """Mark "[Vervallen]" articles and turn numbered paragraphs or list items into leden."""
    mark_status(artikel)
    if artikel.status:
        return
    if any(isinstance(b, Lid) for b in artikel.blocks):
        return
    artikel.blocks = _leden_from_list(artikel.blocks) or _leden_from_paragraphs(artikel.blocks)


def _leden_from_list(blocks: list[Block]) -> list[Block] | None:
    """An article whose text is one list numbered 1., 2., … (as OP bold-paragraph articles)."""
    if len(blocks) != 1 or not isinstance(blocks[0], Lijst) or not blocks[0].items:
        return None
    items = blocks[0].items
    if not all(LIST_LIDNR.match(item.nr) for item in items):
        return None
    return [Lid(nr=LIST_LIDNR.match(item.nr).group("nr"), blocks=item.blocks) for item in items]


def _leden_from_paragraphs(blocks: list[Block]) -> list[Block]:
    """ "1. De gemeente …", "2. …" paragraphs become leden; what follows a lid joins it."""
    first = next((b for b in blocks if isinstance(b, Alinea)), None)
    m = FLAT_LIDNR.match(first.text) if first is not None else None
    if not m or first is not blocks[0] or m.group("nr") != "1":  # also: an article without text
        return blocks
    out: list[Block] = []
    for b in blocks:
        m = FLAT_LIDNR.match(b.text) if isinstance(b, Alinea) else None
        if m:
            out.append(Lid(nr=m.group("nr"), blocks=[Alinea(b.text[m.end() :])]))
        else:
            out[-1].blocks.append(b)
    return out
