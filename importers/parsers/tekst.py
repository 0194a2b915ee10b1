"""Plain-text captures of a publication page, such as the demo's seed.

A capture keeps headings and paragraphs as lines but loses markup: list markers,
many article headings and sometimes a chapter heading. Structure is therefore
rebuilt from numbering ("3.3.10" sits in paragraaf 3.3 of hoofdstuk 3) and from
the shapes of lines ("1. …" is a lid, "term: definitie" at the end is a begrip).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from regelgeving.numbering import number_sort_key

from ..dates import find_date
from ..decoding import decode_text
from ..definitions import split_definition, split_glued
from ..doubt import flag_doubtful_text
from ..errors import PublicatieFout
from ..explanations import add_explanation, opens_explanation, parts_from_blocks
from ..lawtags import split_heading, tags_line
from ..organisations import organisation
from ..status import mark_status
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
    Tussenkop,
    clean_text,
)
from .registry import register

BLADEN = {
    "gemeenteblad": "gmb",
    "provinciaal blad": "prb",
    "waterschapsblad": "wsb",
    "staatscourant": "stcrt",
    "staatsblad": "stb",
    "blad gemeenschappelijke regeling": "bgr",
}
_PUBLICATION = re.compile(r"\b(" + "|".join(BLADEN) + r")\s+(\d{4}),?\s+(?:nr\.?\s*)?(\d+)\b", re.I)
_PUBLICATION_URL = re.compile(r"https?://\S*?/((?:gmb|prb|wsb|stcrt|stb|bgr)-\d{4}-\d+)(?:\.html)?")

_HOOFDSTUK = re.compile(r"^Hoofdstuk\s+(\d+[a-z]?)\.?\s*[:.\-–]?\s*(.*)$", re.I)
_DIVISIE = re.compile(r"^(Afdeling|Paragraaf|§)\s*(\d+(?:\.\d+)*[a-z]?)\.?\s+(.*)$", re.I)
_BIJLAGE = re.compile(r"^Bijlage\s+([0-9A-Z]{1,4})\b\.?\s*[:.\-–]?\s*(.*)$")
_ARTIKEL_LABEL = re.compile(r"^Artikel\s+(\d+(?:\.\d+)*[a-z]?|[IVXLC]+)\.?\s*[:.\-–]?\s*(.*)$")
_NUMBERED_HEADING = re.compile(r"^(\d+(?:\.\d+)+[a-z]?)\.?\s+(\S.*)$")
_LID = re.compile(r"^(\d{1,2}[a-z]?)\.\s*(\S.*)$")
_LETTERED_HEADING = re.compile(r"^([A-H])\.\s+([A-Z].*)$")
# Several leden run together on one line: "… (indien gewenst). 3. De gemeente …"
_NEXT_LID = re.compile(r"(?<=[.;:!?\"”])\s+(\d{1,2})\.\s*(?=[A-Z])")
# A heading glued to the end of a paragraph: "… uitgebracht. Beoordelen aanvraag [Wmo, Awb]."
_GLUED_HEADING = re.compile(r"^(?P<text>.*[.!?:])\s+(?P<head>[A-Z][^.\[\]]{2,80}?\s*\[[^\[\]]+\])\s*\.?$")
_INLINE_LIST_ITEM = re.compile(r"(?:(?<=:)|(?<=;))\s+([a-z])\.\s+")

_CHROME = (
    "zoals vergunningen",
    "adressen en contactpersonen",
    "u bent hier",
    "kopieer de link",
    "naar boven",
    "terug naar",
)
_CLOSING = re.compile(r"^Aldus vastgesteld\b", re.I)
_MAX_HEADING = 160


@dataclass
class _Section:
    """One heading of the capture with the blocks that follow it, before nesting."""

    kind: str  # "hoofdstuk" | "afdeling" | "paragraaf" | "nummer" | "artikel"
    nummer: str
    opschrift: str
    wetten: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)


@register("tekst")
def parse(data: bytes, bron: str) -> Document:
    lines = [clean_text(line) for line in decode_text(data).splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise PublicatieFout("Het tekstbestand is leeg.")
    document = _Capture(lines, bron).document()
    # A capture keeps the text but not all headings or lists: readers are told, and where the
    # place of text is a guess the editor is too.
    document.metadata.onvolledig = True
    flag_doubtful_text(document)
    return document


class _Capture:
    """Reads the lines of one capture. Holds state for one parse only."""

    def __init__(self, lines: list[str], bron: str):
        self.lines = lines
        self.doc = Document(metadata=Metadata(bron=bron))
        self.sections: list[_Section] = []
        self.bijlagen: list[Bijlage] = []
        self.target: list[Block] = self.doc.aanhef
        self.toelichting: Bijlage | None = None  # the explanation's lines, placed at the end

    # -- the whole document -------------------------------------------------

    def document(self) -> Document:
        start = self._read_metadata()
        self._read_body(start)
        self.doc.body = _nest(self.sections, self.doc.warnings)
        self.doc.bijlagen = self.bijlagen
        for node in [*self.doc.artikelen(), *self.doc.divisies(), *self.bijlagen]:
            mark_status(node)
        if self.toelichting is not None:
            general, parts = parts_from_blocks(self.toelichting.blocks)
            add_explanation(self.doc, general, parts, titel=self.toelichting.opschrift)
        if not self.sections and not self.bijlagen:
            raise PublicatieFout(
                "Geen hoofdstukken, artikelen of bijlagen herkend in de tekst; "
                "is dit wel de tekst van een regeling?"
            )
        return self.doc

    def _read_metadata(self) -> int:
        """Fill metadata from the page header and the closing lines; return where the body starts."""
        meta = self.doc.metadata
        text = "\n".join(self.lines)
        if m := _PUBLICATION_URL.search(text):
            meta.identifier = m.group(1)
            meta.bron = m.group(0)
        elif m := _PUBLICATION.search(text):
            prefix = BLADEN[m.group(1).lower()]
            meta.identifier = f"{prefix}-{m.group(2)}-{m.group(3)}"
        if m := re.search(r"^(?:Gemeenteblad|Gemeente) van (.+)$", text, re.M):
            meta.gemeente = m.group(1).strip()
        elif m := re.search(r"gemeente(?:raad)? van (?:de gemeente )?([A-Z][\w\-' ]+?)[,\s]", text):
            meta.gemeente = m.group(1).strip()
        meta.organisatie = organisation("gemeente", meta.gemeente)
        if m := re.search(r"\|\s*[^|]*\|\s*(?:Gemeenteblad|[A-Z][a-z]+ ?blad)[^|]*\|\s*([^|]+?)\s*\|", text):
            meta.soort = m.group(1)
        if m := re.search(r"wordt aangehaald als:?\s*(.+?)\.?$", text, re.M | re.I):
            meta.citeertitel = m.group(1).strip(" .")
        if m := re.search(r"treedt in werking (?:op|met ingang van)\s+(.{0,60})", text, re.I):
            meta.in_werking_op = find_date(m.group(1))
        if m := re.search(r"^Aldus vastgesteld.*$", text, re.M | re.I):
            meta.vastgesteld_op = find_date(m.group(0))
        if re.search(r"^De (gemeente)?raad van", text, re.M | re.I):
            meta.bevoegd_orgaan = "gemeenteraad"
        elif re.search(r"burgemeester en wethouders van .*(besluiten|besluit)", text, re.I):
            meta.bevoegd_orgaan = "college van burgemeester en wethouders"

        start = len(self.lines)
        for i, line in enumerate(self.lines):
            if _HOOFDSTUK.match(line) or _ARTIKEL_LABEL.match(line) or _NUMBERED_HEADING.match(line):
                start = i
                break
        for line in self.lines[:start]:
            if re.match(r"^(Verordening|Regeling|Besluit|Beleidsregels?|Nadere regels)\b", line) and (
                len(line) > len(meta.titel)
            ):
                meta.titel = line
        if not meta.citeertitel and (m := re.search(r"\(([^()]{5,120})\)\s*$", meta.titel)):
            meta.citeertitel = m.group(1)
        if not meta.titel:
            meta.titel = meta.citeertitel
        if not meta.titel:
            raise PublicatieFout("Geen titel van de regeling gevonden in de tekst.")
        for line in self.lines[:start]:
            if not _is_chrome(line):
                self.doc.aanhef.append(Alinea(line))
        return start

    # -- body --------------------------------------------------------------

    def _read_body(self, start: int) -> None:
        lines = self.lines[start:]
        definitions_from = _definitions_start(lines)
        for i, line in enumerate(lines):
            if _is_chrome(line) or _PUBLICATION_URL.fullmatch(line):
                continue
            in_definitions = definitions_from is not None and i >= definitions_from
            if in_definitions and self.toelichting is None and not self._opens_toelichting(line):
                self._definition_line(line)
            else:
                self._body_line(line)
        if definitions_from is not None:
            self.doc.warnings.append(
                f"De kop boven de begrippenlijst ontbreekt in de bron; {len(self.doc.begrippen)} "
                "begrippen herkend aan de vorm 'begrip: omschrijving'."
            )

    def _body_line(self, line: str) -> None:
        if self.toelichting is not None:  # its headings ("Artikel 3") name what it explains
            self.toelichting.blocks.append(Alinea(line))
            return
        if self._opens_toelichting(line):
            self.toelichting = Bijlage("", line.rstrip(".:"))
            return
        if _CLOSING.match(line):
            self.target = self.doc.sluiting
            self.target.append(Alinea(line))
            return
        if m := _HOOFDSTUK.match(line):
            self._open("hoofdstuk", m.group(1), m.group(2))
        elif m := _BIJLAGE.match(line):
            title, tags = split_heading(m.group(2))
            bijlage = Bijlage(m.group(1), title)
            self.bijlagen.append(bijlage)
            self.target = bijlage.blocks
            if tags:
                bijlage.blocks.append(Tussenkop("[" + ", ".join(tags) + "]"))
        elif m := _DIVISIE.match(line):
            soort = "afdeling" if m.group(1).lower() == "afdeling" else "paragraaf"
            self._open(soort, m.group(2), m.group(3))
        elif (m := _ARTIKEL_LABEL.match(line)) and len(line) <= _MAX_HEADING:
            self._open("artikel", m.group(1), m.group(2))
        elif (m := _NUMBERED_HEADING.match(line)) and _is_heading(m.group(2)):
            self._open("nummer", m.group(1), m.group(2))
        elif (tags := tags_line(line)) is not None:
            self._add_tags(tags)
        elif (m := _LETTERED_HEADING.match(line)) and len(line) <= _MAX_HEADING and not line.endswith("."):
            title, tags = split_heading(m.group(0))
            self.target.append(Tussenkop(title))
            self._add_tags(tags)
        elif _LID.match(line) and self.sections:
            for nr, text in _split_leden(line):
                self._add_paragraph(text, lid=nr)
        else:
            self._add_paragraph(line)

    def _opens_toelichting(self, line: str) -> bool:
        if not self.sections or self.toelichting is not None:
            return False
        after_text = self.target is self.doc.sluiting or any(self.target is b.blocks for b in self.bijlagen)
        return opens_explanation(line, after_text)

    def _open(self, kind: str, nummer: str, heading: str) -> None:
        title, tags = split_heading(heading)
        section = _Section(kind, nummer.rstrip("."), title, tags)
        self.sections.append(section)
        self.target = section.blocks

    def _add_tags(self, tags: list[str]) -> None:
        if self.sections and self.target is self.sections[-1].blocks:
            wetten = self.sections[-1].wetten
            wetten.extend(t for t in tags if t not in wetten)
        elif tags:
            self.target.append(Tussenkop("[" + ", ".join(tags) + "]"))

    def _add_paragraph(self, text: str, lid: str | None = None) -> None:
        blocks: list[Block] = []
        glued = _GLUED_HEADING.match(text)
        if glued:
            text = glued.group("text")
        blocks.extend(_paragraph_blocks(text))
        if lid is not None:
            self.target.append(Lid(lid, blocks))
        else:
            _append_with_lists(self.target, blocks)
        if glued:
            head, tags = split_heading(glued.group("head"))
            self.target.append(Tussenkop(head))
            self._add_tags(tags)
            self.doc.warnings.append(f"Kop '{head}' stond vastgeplakt aan de vorige alinea en is losgemaakt.")

    def _definition_line(self, line: str) -> None:
        for piece in split_glued(line):
            split = split_definition(piece)
            if split:
                term, definition = split
                self.doc.begrippen.append(Begrip(term, [Alinea(definition)], "Begrippenlijst"))
            elif self.doc.begrippen:
                self.doc.begrippen[-1].definitie.append(Alinea(piece))


# -- line shapes -------------------------------------------------------------


def _is_chrome(line: str) -> bool:
    low = line.lower()
    return line.startswith("|") or any(low.startswith(c) for c in _CHROME)


def _is_heading(rest: str) -> bool:
    """ "Vorm en hoogte van de vervoersvoorziening" is a heading; a sentence is not."""
    title, _ = split_heading(rest)
    return len(title) <= 120 and not re.search(r"\.\s+[A-Z]", title) and not title.endswith((".", ";", ","))


def _definitions_start(lines: list[str]) -> int | None:
    """Index of the closing definitions list: a run of mostly "term: definitie" lines."""
    best = None
    run_start, hits, misses = None, 0, 0
    for i, line in enumerate(lines):
        if split_definition(line):
            if run_start is None:
                run_start, hits, misses = i, 0, 0
            hits += 1
        elif run_start is not None:
            misses += 1
            if misses > max(2, hits // 10) or _HOOFDSTUK.match(line) or _BIJLAGE.match(line):
                run_start = None
        if run_start is not None and hits >= 10 and (best is None or best != run_start):
            best = run_start
    return best


def _split_leden(line: str) -> list[tuple[str, str]]:
    """ "2. Het … (indien gewenst). 3. De gemeente …" -> [("2", …), ("3", …)]."""
    m = _LID.match(line)
    first_nr, rest = m.group(1), m.group(2)
    out = [(first_nr, rest)]
    expected = int(re.sub(r"\D", "", first_nr) or 0) + 1
    while True:
        nr, text = out[-1]
        split_at = None
        for candidate in _NEXT_LID.finditer(text):
            if int(candidate.group(1)) == expected:
                split_at = candidate
                break
        if not split_at:
            return out
        out[-1] = (nr, text[: split_at.start()].strip())
        out.append((split_at.group(1), text[split_at.end() :].strip()))
        expected += 1


def _paragraph_blocks(text: str) -> list[Block]:
    """A paragraph, splitting off an inline list "…: a. eerste; b. tweede."."""
    matches = list(_INLINE_LIST_ITEM.finditer(text))
    letters = [m.group(1) for m in matches]
    if len(matches) >= 2 and letters == [chr(ord("a") + i) for i in range(len(letters))]:
        blocks: list[Block] = [Alinea(text[: matches[0].start()].strip())]
        items = []
        for i, m in enumerate(matches):
            end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            items.append(ListItem(f"{m.group(1)}.", [Alinea(text[m.end() : end].strip())]))
        blocks.append(Lijst(items))
        return blocks
    return [Alinea(text.rstrip('"”').strip())]


def _append_with_lists(target: list[Block], blocks: list[Block]) -> None:
    """Lines that start in lower case after a line ending in ':' or ';' were list items."""
    for block in blocks:
        if isinstance(block, Alinea) and block.text[:1].islower() and target:
            last = target[-1]
            if isinstance(last, Lijst) and _ends_item(last):
                last.items.append(ListItem("", [block]))
                continue
            if isinstance(last, Alinea | Lid) and _text_end(last).endswith(":"):
                new_list = Lijst([ListItem("", [block])])
                if isinstance(last, Lid):
                    last.blocks.append(new_list)
                else:
                    target.append(new_list)
                continue
            if isinstance(last, Lid) and last.blocks and isinstance(last.blocks[-1], Lijst):
                if _ends_item(last.blocks[-1]):
                    last.blocks[-1].items.append(ListItem("", [block]))
                    continue
        target.append(block)


def _ends_item(lijst: Lijst) -> bool:
    last = lijst.items[-1].blocks[-1] if lijst.items and lijst.items[-1].blocks else None
    return isinstance(last, Alinea) and last.text.endswith((";", ":", ",", " en", " of"))


def _text_end(block: Block) -> str:
    if isinstance(block, Alinea):
        return block.text
    if isinstance(block, Lid) and block.blocks and isinstance(block.blocks[-1], Alinea):
        return block.blocks[-1].text
    return ""


# -- nesting by numbering ------------------------------------------------------


def _nest(sections: list[_Section], warnings: list[str]) -> list[Divisie | Artikel]:
    """Turn the flat list of headings into hoofdstuk → paragraaf → artikel.

    A number with children ("3.3" when "3.3.10" exists) is a paragraaf, a number
    without is an article. Parents that numbering implies but the capture lost are
    created and reported.
    """
    numbers = {s.nummer for s in sections if s.kind == "nummer"}
    # Every number that has something below it ("3.3" for "3.3.10"), computed once.
    has_children = {n.rsplit(".", i)[0] for n in numbers for i in range(1, n.count(".") + 1)}
    body: list[Divisie | Artikel] = []
    hoofdstukken: dict[str, Divisie] = {}
    divisies: dict[str, Divisie] = {}
    current_hoofdstuk: Divisie | None = None
    current_division: Divisie | None = None  # afdeling/paragraaf opened by a label

    def hoofdstuk(nr: str) -> Divisie:
        if nr not in hoofdstukken:
            h = Divisie("hoofdstuk", nr, "", inferred=True)
            hoofdstukken[nr] = h
            body.append(h)
            warnings.append(
                f"Hoofdstuk {nr} ontbreekt in de bron maar volgt uit de nummering; "
                "het hoofdstuk is zonder opschrift aangemaakt."
            )
        return hoofdstukken[nr]

    for s in sections:
        if s.kind == "hoofdstuk":
            h = hoofdstukken.get(s.nummer)
            if h is not None and h.inferred:  # numbering implied it before its heading came
                h.opschrift, h.blocks, h.wetten, h.inferred = s.opschrift, list(s.blocks), s.wetten, False
                warnings[:] = [w for w in warnings if not w.startswith(f"Hoofdstuk {s.nummer} ontbreekt")]
            else:  # a new chapter, even when a chapter with that number came before: keep both
                h = Divisie("hoofdstuk", s.nummer, s.opschrift, list(s.blocks), wetten=s.wetten)
                hoofdstukken[s.nummer] = h
                body.append(h)
            current_hoofdstuk, current_division = h, None
        elif s.kind in ("afdeling", "paragraaf"):
            d = Divisie(s.kind, s.nummer, s.opschrift, list(s.blocks), wetten=s.wetten)
            (current_hoofdstuk.children if current_hoofdstuk else body).append(d)
            current_division = d
        elif s.kind == "artikel":
            a = Artikel(s.nummer, s.opschrift, list(s.blocks), s.wetten)
            parent = current_division or current_hoofdstuk
            (parent.children if parent else body).append(a)
        else:  # a bare number: its depth and its siblings say what it is
            parts = s.nummer.split(".")
            if s.nummer in has_children:
                d = Divisie("paragraaf", s.nummer, s.opschrift, list(s.blocks), wetten=s.wetten)
                hoofdstuk(parts[0]).children.append(d)
                divisies[s.nummer] = d
                continue
            a = Artikel(s.nummer, s.opschrift, list(s.blocks), s.wetten)
            if len(parts) >= 3:
                parent_nr = ".".join(parts[:-1])
                if parent_nr not in divisies:
                    p = Divisie("paragraaf", parent_nr, "", inferred=True)
                    hoofdstuk(parts[0]).children.append(p)
                    divisies[parent_nr] = p
                    warnings.append(
                        f"Paragraaf {parent_nr} ontbreekt in de bron maar volgt uit artikel "
                        f"{s.nummer}; de paragraaf is zonder opschrift aangemaakt."
                    )
                divisies[parent_nr].children.append(a)
            else:
                hoofdstuk(parts[0]).children.append(a)
    body.sort(key=lambda n: _chapter_order(n))
    return body


def _chapter_order(node: Divisie | Artikel):
    return number_sort_key(node.nummer)
