"""STOP/IMOP (LVBB) publications: AanleveringBesluit, RegelingCompact, BesluitCompact.

Everything is matched on local names, because STOP files redeclare the default
namespace on inner elements and mix prefixed and unprefixed names.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from types import MappingProxyType

from ..dates import parse_iso
from ..errors import PublicatieFout
from ..explanations import add_explanation
from ..figures import lost_image
from ..lawtags import split_heading
from ..standards import akn_work
from ..status import mark_status
from ..tree import (
    Alinea,
    Artikel,
    Begrip,
    Bijlage,
    Block,
    Divisie,
    Document,
    Figuur,
    Lid,
    Lijst,
    ListItem,
    Metadata,
    SourceRef,
    Tabel,
    Tussenkop,
    clean_text,
)
from ..xmlsafe import child, children, descendants, local, parse_xml, text_of
from . import stop_toelichting
from .registry import register

REGELING_ROOTS = ("RegelingCompact", "RegelingKlassiek", "RegelingTijdelijkdeel")
BESLUIT_ROOTS = ("BesluitCompact", "BesluitKlassiek")

DIVISION_SOORT = MappingProxyType(
    {
        "Hoofdstuk": "hoofdstuk",
        "Afdeling": "afdeling",
        "Paragraaf": "paragraaf",
        "Subparagraaf": "paragraaf",
        "Subsubparagraaf": "paragraaf",
    }
)
# Levels the neutral tree has no place for: their content is kept, their heading is not.
FLATTENED_LEVELS = ("Boek", "Deel", "Titel")
STATUS_ELEMENTS = MappingProxyType({"Gereserveerd": "gereserveerd", "Vervallen": "vervallen"})
IMAGE_ELEMENTS = ("Illustratie", "InlineTekstAfbeelding")

STAP_VASTSTELLING = "/join/id/stop/procedure/stap_002"
STAP_ONDERTEKENING = "/join/id/stop/procedure/stap_003"

MUTATIE_FOUT = "Dit is een wijzigingsbesluit (RegelingMutatie); importeer de geconsolideerde regeling."
PAKKET_ONDERDEEL_FOUT = (
    "Dit is alleen de regelingtekst uit een STOP-downloadpakket; de identificatie staat in de "
    "andere bestanden van het pakket. Importeer het hele pakket: de map of het zip-bestand "
    "met de pakbon."
)

_WID_CODE = re.compile(r"(?P<code>(?:gm|pv|ws|mn)\d{2,4})_")
# Pretty-printed sources put a newline between an IntRef and the ";" that follows it.
_SPACE_BEFORE_PUNCT = re.compile(r"\s+(?=[,.;:)](?:\s|$))")
_TOOI = re.compile(r"/tooi/id/[a-z_]+/(?P<code>[a-z]{2}\d{2,4})\b")


@register("stop")
def parse(data: bytes, bron: str) -> Document:
    root = parse_xml(data)
    document = read_stop(root, bron)
    if local(root) in REGELING_ROOTS and not document.metadata.identifier:
        raise PublicatieFout(PAKKET_ONDERDEEL_FOUT)
    return document


def read_stop(root, bron: str, modules=()) -> Document:
    """The document in a STOP root element; modules are the sibling files of a download
    package (ExpressionIdentificatie, RegelingMetadata, …) that hold its metadata."""
    if local(root) not in ("AanleveringBesluit", *REGELING_ROOTS, *BESLUIT_ROOTS):
        raise PublicatieFout(f"Geen STOP-publicatie: hoofdelement <{local(root)}>.")
    return _StopReader(root, bron, modules).read()


class _StopReader:
    """One parse run; holds the document being built so helpers can add begrippen."""

    def __init__(self, root, bron: str, modules=()):
        self.root = root
        self.modules = [m for m in modules if m is not None]
        self.doc = Document(metadata=Metadata(bron=bron, formaat="stop"))
        self.placed_images: set[str] = set()  # tree paths of the images that became a Figuur
        self._parts: dict[str, Artikel | Divisie | Bijlage | Begrip] = {}  # by eId and wId
        self._refs: list[tuple[SourceRef, object]] = []  # each IntRef with its text's component

    # -- top level ---------------------------------------------------------

    def read(self) -> Document:
        regeling, besluit = self._pick_text()
        self.doc.metadata = self._metadata(regeling, besluit)
        text_root = regeling if regeling is not None else besluit
        lichaam = child(text_root, "Lichaam")
        if lichaam is not None:
            include_wijzig = regeling is None
            self.doc.body = self._nodes(list(lichaam), include_wijzig)
        self.doc.aanhef = self._formula(regeling, besluit, "Aanhef")
        self.doc.sluiting = self._formula(regeling, besluit, "Sluiting")
        for el in text_root:
            if local(el) == "Bijlage":
                self.doc.bijlagen.append(self._register(el, self._bijlage(el)))
        self._toelichtingen(text_root)
        if regeling is not None and besluit is not None:
            self._toelichtingen(besluit, titel="Toelichting bij het besluit")
        self._report_lost_images(text_root)
        self._follow_refs()
        return self.doc

    def _pick_text(self):
        """The regulation text (RegelingCompact) and the besluit around it, either may be None."""
        root = self.root
        regelingen = [root] if local(root) in REGELING_ROOTS else descendants(root, *REGELING_ROOTS)
        besluiten = [root] if local(root) in BESLUIT_ROOTS else descendants(root, *BESLUIT_ROOTS)
        besluit = besluiten[0] if besluiten else None
        mutaties = descendants(root, "RegelingMutatie")
        if not regelingen:
            if mutaties:
                raise PublicatieFout(MUTATIE_FOUT)
            if besluit is None:
                raise PublicatieFout("Geen regelingtekst of besluittekst gevonden in de STOP-publicatie.")
            return None, besluit
        if len(regelingen) > 1:
            self.doc.warnings.append(
                f"Het besluit bevat {len(regelingen)} regelingen; alleen de eerste is geïmporteerd."
            )
        if mutaties:
            self.doc.warnings.append(
                "Het besluit bevat ook wijzigingen (RegelingMutatie) die niet zijn toegepast."
            )
        return regelingen[0], besluit

    def _formula(self, regeling, besluit, name: str) -> list[Block]:
        # A regulation delivered inside a besluit borrows the besluit's aanhef and sluiting.
        for source in (regeling, besluit):
            el = child(source, name) if source is not None else None
            if el is not None:
                return self._blocks(el)
        return []

    # -- metadata ----------------------------------------------------------

    def _metadata(self, regeling, besluit) -> Metadata:
        root = self.root
        # A delivery carries the regulation's metadata beside it; a download package in its
        # sibling files (the modules).
        regeling_info = [child(root, "RegelingVersieInformatie"), *self.modules]
        besluit_versie = child(root, "BesluitVersie")
        regeling_meta = _first_of(regeling_info, "RegelingMetadata")
        if regeling_meta is None and regeling is not None:
            regeling_meta = _first(root, "RegelingMetadata")
        besluit_meta = _first(besluit_versie, "BesluitMetadata")
        procedure = _first_of([root, *self.modules], "Procedureverloop")
        expression = _first_of(regeling_info, "ExpressionIdentificatie")

        meta = self.doc.metadata
        if regeling is not None:
            meta.identifier = (
                (regeling.get("wordt") or "").strip()
                or _first_text(expression, "FRBRExpression")
                or _beoogde_regeling(root)
            )
            meta.werk_id = _first_text(expression, "FRBRWork") or akn_work(meta.identifier)
            meta.titel = _first_text(regeling_meta, "officieleTitel") or text_of(
                child(regeling, "RegelingOpschrift")
            )
            meta.citeertitel = _first_text(regeling_meta, "citeertitel")
        if not meta.identifier:
            meta.identifier = _first_text(besluit_versie, "FRBRExpression")
            meta.werk_id = _first_text(besluit_versie, "FRBRWork") or akn_work(meta.identifier)
        if not meta.titel:
            meta.titel = _first_text(besluit_meta, "officieleTitel") or text_of(
                child(besluit, "RegelingOpschrift") if besluit is not None else None
            )
        maker = _first_text(regeling_meta, "maker") or _first_text(besluit_meta, "maker")
        meta.organisatie = (
            _first_text(regeling_meta, "eindverantwoordelijke")
            or _first_text(besluit_meta, "eindverantwoordelijke")
            or maker
        )
        meta.gemeente = tooi_code(maker or meta.organisatie) or _code_from_wid(
            regeling if regeling is not None else besluit
        )
        meta.bevoegd_orgaan = _bestuursorgaan(
            _first_text(regeling_meta, "soortBestuursorgaan")
            or _first_text(besluit_meta, "soortBestuursorgaan")
        )
        meta.publicatiedatum = parse_iso(_first_text(procedure, "bekendOp"))
        meta.in_werking_op = next(
            (d for d in (_werkend_vanaf(el) for el in (root, *self.modules)) if d), None
        )
        meta.vastgesteld_op = _vastgesteld_op(procedure)
        return meta

    # -- body --------------------------------------------------------------

    def _nodes(self, elements, include_wijzig: bool) -> list[Divisie | Artikel]:
        nodes: list[Divisie | Artikel] = []
        for el in elements:
            name = local(el)
            if name in DIVISION_SOORT or name == "Divisie":
                nodes.append(self._register(el, self._divisie(el, include_wijzig)))
            elif name in FLATTENED_LEVELS:
                self.doc.warnings.append(f"Het niveau {name} is niet als indeling overgenomen.")
                nodes.extend(self._nodes(list(el), include_wijzig))
            elif name == "Artikel" or (name == "WijzigArtikel" and include_wijzig):
                nodes.append(self._register(el, self._artikel(el)))
        return nodes

    def _divisie(self, el, include_wijzig: bool) -> Divisie:
        label, nummer, opschrift = _kop(child(el, "Kop"))
        opschrift, wetten = split_heading(opschrift)
        soort = DIVISION_SOORT.get(local(el)) or _soort_from_label(label)
        divisie = Divisie(soort=soort, nummer=nummer, opschrift=opschrift, wetten=wetten)
        divisie.status = _status(el)
        for tekst in children(el, "Divisietekst"):
            divisie.blocks.extend(self._divisietekst(tekst, ""))
        divisie.children = self._nodes(list(el), include_wijzig)
        mark_status(divisie)  # "[Gereserveerd]" written as text
        return divisie

    def _artikel(self, el) -> Artikel:
        _, nummer, opschrift = _kop(child(el, "Kop"))
        opschrift, wetten = split_heading(opschrift)
        artikel = Artikel(nummer=nummer, opschrift=opschrift, wetten=wetten)
        where = f"artikel {nummer}".strip()
        for part in el:
            name = local(part)
            if name == "Lid":
                artikel.blocks.append(self._lid(part, where))
            elif name == "Inhoud":
                artikel.blocks.extend(self._blocks(part, where))
            elif name == "Wat":  # WijzigArtikel: the instruction itself is the text
                self._add_alinea(artikel.blocks, part)
            elif name in STATUS_ELEMENTS:
                artikel.status = STATUS_ELEMENTS[name]
        mark_status(artikel)  # "[Gereserveerd]" written as text
        return artikel

    def _lid(self, el, where: str) -> Lid:
        nr = _number(text_of(child(el, "LidNummer")))
        lid = Lid(nr=nr)
        for part in el:
            if local(part) == "Inhoud":
                lid.blocks.extend(self._blocks(part, where))
            elif local(part) in ("Gereserveerd", "Vervallen"):
                lid.blocks.append(Alinea(f"[{local(part)}]"))
        return lid

    # -- annexes -------------------------------------------------------------

    def _bijlage(self, el) -> Bijlage:
        _, nummer, opschrift = _kop(child(el, "Kop"))
        bijlage = Bijlage(nummer=nummer, opschrift=opschrift, status=_status(el))
        bijlage.blocks = self._division_content(el, f"bijlage {nummer}".strip())
        mark_status(bijlage)
        return bijlage

    # -- toelichtingen -------------------------------------------------------

    def _toelichtingen(self, container, titel: str = "") -> None:
        """The general part to the document's toelichting, each article's part to the article."""
        elements = children(container, *stop_toelichting.NAMES)
        if not elements:
            return
        # Only articles placed in the tree: one flattened into an annex has no page to explain.
        articles = {key.strip(): p for key, p in self._parts.items() if isinstance(p, Artikel)}
        reader = stop_toelichting.ExplanationReader(self._explanation_content, _kop_text, articles)
        found = reader.read(elements)
        add_explanation(self.doc, found.general, found.parts, titel=titel or found.titel)

    def _explanation_content(self, el) -> list[Block]:
        return self._blocks(el) if local(el) == "Inhoud" else self._division_content(el, "")

    def _division_content(self, el, where: str) -> list[Block]:
        """Free-text content of an annex or explanation: Divisie/Divisietekst, any depth."""
        blocks: list[Block] = []
        for part in el:
            name = local(part)
            if name == "Divisie":
                heading = _kop_text(child(part, "Kop"))
                if heading:
                    blocks.append(Tussenkop(heading))
                blocks.extend(self._division_content(part, where))
            elif name == "Divisietekst":
                blocks.extend(self._divisietekst(part, where))
            elif name == "Inhoud":
                blocks.extend(self._blocks(part, where))
            elif name == "Artikel":  # articles inside an annex: keep them readable
                artikel = self._artikel(part)
                blocks.append(Tussenkop(f"Artikel {artikel.nummer} {artikel.opschrift}".strip()))
                blocks.extend(artikel.blocks)
        return blocks

    def _divisietekst(self, el, where: str) -> list[Block]:
        blocks: list[Block] = []
        heading = _kop_text(child(el, "Kop"))
        if heading:
            blocks.append(Tussenkop(heading))
        for inhoud in children(el, "Inhoud"):
            blocks.extend(self._blocks(inhoud, where))
        return blocks

    # -- content blocks ----------------------------------------------------

    def _blocks(self, el, where: str = "") -> list[Block]:
        """Blocks of an Inhoud (or Aanhef, Sluiting, Li, Definitie)."""
        blocks: list[Block] = []
        for part in el:
            name = local(part)
            if name in ("Al", "Wat"):
                self._add_alinea(blocks, part)
                blocks.extend(self._figures_in(part))
            elif name == "Figuur":
                blocks.extend(self._figures_in(part, figuur=part))
            elif name in IMAGE_ELEMENTS:
                blocks.append(self._figure(part))
            elif name == "Tussenkop":
                _add_text(blocks, Tussenkop, _text(part))
            elif name == "Lijst":
                blocks.extend(self._lijst(part, where))
            elif name == "Begrippenlijst":
                blocks.append(self._begrippenlijst(part, where))
            elif name == "table":
                blocks.extend(_tabel(part))
            elif name in ("Ondertekening", "Groep", "Inhoud"):
                blocks.extend(self._blocks(part, where))
            elif name in ("Kadertekst", "Citaat"):
                _add_text(blocks, Tussenkop, _kop_text(child(part, "Kop")))
                blocks.extend(self._blocks(part, where))
            elif name in ("Kop", "LiNummer", "LidNummer", "Term", "Lijstaanhef", "Lijstsluiting"):
                continue
            elif name:  # Formule, unknown: keep any text and image rather than lose them
                _add_text(blocks, Alinea, text_of(part))
                blocks.extend(self._figures_in(part))
        return blocks

    # -- figures -------------------------------------------------------------

    def _figures_in(self, el, figuur=None) -> list[Block]:
        """A Figuur for each image inside el (a Figuur element, a paragraph, a formula)."""
        return [self._figure(img, figuur) for img in descendants(el, *IMAGE_ELEMENTS)]

    def _figure(self, img, figuur=None) -> Figuur:
        self.placed_images.add(img.getroottree().getpath(img))
        bijschrift = ""
        if figuur is not None:
            parts = [text_of(child(figuur, "Titel")), text_of(child(figuur, "Bijschrift"))]
            bron = text_of(child(figuur, "Bron"))
            bijschrift = ". ".join(p.rstrip(".") for p in parts if p)
            bijschrift += f" (bron: {bron})" if bron else ""
        return Figuur(
            bron=(img.get("naam") or "").strip(),
            bijschrift=bijschrift.strip(),
            alt=clean_text(img.get("alt") or ""),
        )

    def _report_lost_images(self, text_root) -> None:
        """Images in places the tree has no room for (a table cell, a heading) are named."""
        for img in descendants(text_root, *IMAGE_ELEMENTS):
            if img.getroottree().getpath(img) not in self.placed_images:
                where = "in een tabel" if _inside(img, "table") else ""
                self.doc.warnings.append(lost_image((img.get("naam") or "").strip(), where))

    def _lijst(self, el, where: str) -> list[Block]:
        lijst = Lijst(intro=_text(child(el, "Lijstaanhef")))
        for li in children(el, "Li"):
            nr = clean_text(text_of(child(li, "LiNummer")))
            lijst.items.append(ListItem(nr=nr, blocks=self._blocks(li, where)))
        blocks: list[Block] = [lijst]
        _add_text(blocks, Alinea, _text(child(el, "Lijstsluiting")))
        return blocks

    def _begrippenlijst(self, el, where: str) -> Lijst:
        """Definitions stay visible in the article as a list and are also collected."""
        lijst = Lijst()
        for begrip_el in children(el, "Begrip"):
            term = text_of(child(begrip_el, "Term"))
            definitie_el = child(begrip_el, "Definitie")
            definitie = self._blocks(definitie_el, where) if definitie_el is not None else []
            nr = clean_text(text_of(child(begrip_el, "LiNummer")))
            visible = _visible_definition(term, definitie)
            lijst.items.append(ListItem(nr=nr, blocks=visible))
            if visible and visible[:1] != definitie[:1] and isinstance(visible[0], Alinea):
                self._refs.extend((ref, _component(begrip_el)) for ref in visible[0].refs)
            if term and not _only_io_refs(definitie_el):
                self.doc.begrippen.append(self._register(begrip_el, Begrip(term, definitie, where)))
        return lijst

    # -- references the source marks (IntRef) ----------------------------------------------------

    def _add_alinea(self, blocks: list[Block], el) -> None:
        alinea = _alinea(el)
        if alinea.text:
            blocks.append(alinea)
            self._refs.extend((ref, _component(el)) for ref in alinea.refs)

    def _register(self, el, part):
        """Keep the part's own ids: an IntRef names the part, or something inside it, by them."""
        ids = [i for i in (el.get("eId"), el.get("wId")) if i]
        part.bron_id = ids[0] if ids else ""
        for i in ids:
            self._parts.setdefault(i, part)
        return part

    def _follow_refs(self) -> None:
        """Give each IntRef the part that holds its target (and the lid, inside an article)."""
        indexes: dict[object, dict[str, object]] = {}
        for ref, component in self._refs:
            if component not in indexes:
                indexes[component] = _ids_in(component)
            el, lid = indexes[component].get(ref.target), ""
            while el is not None:
                ids = (el.get("eId"), el.get("wId"))
                part = next((self._parts[i] for i in ids if i in self._parts), None)
                if part is not None:
                    ref.kind, ref.nummer = _kind_and_number(part)
                    ref.lid = lid if ref.kind == "artikel" else ""
                    ref.part = part.bron_id
                    break
                if local(el) == "Lid" and not lid:
                    lid = _number(text_of(child(el, "LidNummer")))
                el = el.getparent()


# -- helpers (pure functions) --------------------------------------------------


def _text(el) -> str:
    """Text with the spaces that pretty-printing puts before punctuation removed."""
    return _SPACE_BEFORE_PUNCT.sub("", text_of(el))


def _first(el, name: str):
    if el is None:
        return None
    found = descendants(el, name)
    return found[0] if found else None


def _first_of(elements, name: str):
    """The first element called name in any of these elements (None ones skipped)."""
    return next((f for f in (_first(el, name) for el in elements) if f is not None), None)


def _first_text(el, name: str) -> str:
    return text_of(_first(el, name))


def _status(el) -> str:
    """ "gereserveerd" or "vervallen" when the element holds only that marker."""
    return next((STATUS_ELEMENTS[local(c)] for c in el if local(c) in STATUS_ELEMENTS), "")


def _inside(el, name: str) -> bool:
    return any(local(a) == name for a in el.iterancestors())


def _kop(kop) -> tuple[str, str, str]:
    """(label, nummer, opschrift) of a Kop; the number loses its trailing dot."""
    if kop is None:
        return "", "", ""
    return (
        text_of(child(kop, "Label")),
        _number(text_of(child(kop, "Nummer"))),
        text_of(child(kop, "Opschrift")),
    )


def _kop_text(kop) -> str:
    label, nummer, opschrift = _kop(kop)
    return " ".join(p for p in (label, nummer, opschrift) if p)


def _number(text: str) -> str:
    return clean_text(text).rstrip(".").strip()


def _soort_from_label(label: str) -> str:
    label = label.lower()
    for soort in ("hoofdstuk", "afdeling"):
        if label.startswith(soort):
            return soort
    return "paragraaf"


def _add_text(blocks: list[Block], kind, text: str) -> None:
    if text:
        blocks.append(kind(text))


def _visible_definition(term: str, definitie: list[Block]) -> list[Block]:
    """ "term: definitie" as the article shows it."""
    if definitie and isinstance(definitie[0], Alinea):
        shift = len(term) + 2
        refs = [replace(r, start=r.start + shift, end=r.end + shift) for r in definitie[0].refs]
        return [Alinea(f"{term}: {definitie[0].text}", refs), *definitie[1:]]
    return [Alinea(f"{term}:"), *definitie] if term else list(definitie)


# Private-use characters that mark where an IntRef's words begin and end while the text is cleaned.
_REF_OPEN, _REF_CLOSE = "\ue000", "\ue001"


def _alinea(el) -> Alinea:
    """An Al (or Wat) as text, with the words of each IntRef in it as a SourceRef."""
    pieces: list[str] = []
    targets: list[str] = []

    def walk(node) -> None:
        if node.text:
            pieces.append(node.text)
        for sub in node:
            if isinstance(sub.tag, str):
                if local(sub) == "IntRef" and (sub.get("ref") or "").strip():
                    targets.append(sub.get("ref").strip())
                    pieces.append(_REF_OPEN)
                    walk(sub)
                    pieces.append(_REF_CLOSE)
                else:
                    walk(sub)
            if sub.tail:
                pieces.append(sub.tail)

    walk(el)
    if not targets:
        return Alinea(_text(el))
    # Spaces inside a reference's ends move outside it, so cleaning the text treats them as before.
    marked = re.sub(rf"{_REF_OPEN}(\s+)", rf"\1{_REF_OPEN}", "".join(pieces))
    marked = re.sub(rf"(\s+){_REF_CLOSE}", rf"{_REF_CLOSE}\1", marked)
    marked = _SPACE_BEFORE_PUNCT.sub("", clean_text(marked))
    text: list[str] = []
    refs: list[SourceRef] = []
    opened: list[tuple[int, str]] = []
    length = count = 0
    for char in marked:
        if char == _REF_OPEN:
            opened.append((length, targets[count]))
            count += 1
        elif char == _REF_CLOSE and opened:
            start, target = opened.pop()
            if length > start:
                refs.append(SourceRef(start, length, target))
        else:
            text.append(char)
            length += 1
    return Alinea("".join(text), sorted(refs, key=lambda r: r.start))


def _component(el):
    """The regulation or besluit text an element belongs to: its ids are unique only there."""
    node = el
    while node is not None:
        if local(node) in (*REGELING_ROOTS, *BESLUIT_ROOTS):
            return node
        parent = node.getparent()
        if parent is None:
            return node
        node = parent
    return el


def _ids_in(component) -> dict[str, object]:
    ids: dict[str, object] = {}
    for node in component.iter():
        if isinstance(node.tag, str):
            for name in ("eId", "wId"):
                if value := node.get(name):
                    ids.setdefault(value, node)
    return ids


def _kind_and_number(part) -> tuple[str, str]:
    if isinstance(part, Artikel):
        return "artikel", part.nummer
    if isinstance(part, Divisie):
        return part.soort, part.nummer
    if isinstance(part, Bijlage):
        return "bijlage", part.nummer
    return "begrip", part.term


def _only_io_refs(definitie_el) -> bool:
    # "Overzicht informatieobjecten" annexes list GIO references, not definitions.
    if definitie_el is None:
        return True
    refs = descendants(definitie_el, "ExtIoRef")
    return bool(refs) and text_of(definitie_el) == clean_text(" ".join(text_of(r) for r in refs))


def _tabel(el) -> list[Block]:
    blocks: list[Block] = []
    _add_text(blocks, Tussenkop, text_of(child(el, "title")))
    tabel = Tabel()
    for tgroup in children(el, "tgroup"):
        for section in tgroup:
            rows = [[text_of(entry) for entry in children(row, "entry")] for row in children(section, "row")]
            if local(section) == "thead":
                tabel.header_rows += len(rows)
            tabel.rows.extend(rows)
    blocks.append(tabel)
    return blocks


def tooi_code(uri: str) -> str:
    """ "/tooi/id/gemeente/gm9920" -> "gm9920"; other URIs keep their last segment."""
    uri = (uri or "").strip()
    m = _TOOI.search(uri)
    if m:
        return m.group("code")
    return uri.rstrip("/").rsplit("/", 1)[-1]


def _code_from_wid(el) -> str:
    """A bare RegelingTekst.xml has no maker; its wIds start with the authority code."""
    if el is None:
        return ""
    for node in el.iter():
        m = _WID_CODE.match(node.get("wId") or "") if isinstance(node.tag, str) else None
        if m:
            return m.group("code")
    return ""


def _bestuursorgaan(uri: str) -> str:
    # Only the code seen in the samples (annotated there as 'gemeenteraad') is named.
    if uri.endswith("c_2a7d8663"):
        return "gemeenteraad"
    return ""


def _beoogde_regeling(root) -> str:
    for beoogd in descendants(root, "BeoogdeRegeling"):
        versie = text_of(child(beoogd, "instrumentVersie"))
        if versie.startswith("/akn/nl/act/"):
            return versie
    return ""


def _werkend_vanaf(root) -> date | None:
    for stempel in descendants(root, "Tijdstempel"):
        if text_of(child(stempel, "soortTijdstempel")) == "juridischWerkendVanaf":
            return parse_iso(text_of(child(stempel, "datum")))
    return None


def _vastgesteld_op(procedure) -> date | None:
    """Vaststelling (stap_002) if delivered, else ondertekening (stap_003)."""
    if procedure is None:
        return None
    stappen = {
        text_of(child(stap, "soortStap")): parse_iso(text_of(child(stap, "voltooidOp")))
        for stap in descendants(procedure, "Procedurestap")
    }
    return stappen.get(STAP_VASTSTELLING) or stappen.get(STAP_ONDERTEKENING)
