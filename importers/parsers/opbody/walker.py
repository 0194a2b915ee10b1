"""BodyWalker: OP/CVDR elements into divisions, articles, annexes and blocks of the tree."""

from __future__ import annotations

from ...figures import lost_image
from ...grammar import strip_number
from ...lawtags import split_heading
from ...status import mark_status
from ...tree import (
    Alinea,
    Artikel,
    Bijlage,
    Block,
    Divisie,
    Figuur,
    Lid,
    Lijst,
    ListItem,
    Node,
    Tussenkop,
)
from ...xmlsafe import child, descendants, local
from .cals_tables import read_table
from .element_names import (
    ANNEX_NAMES,
    ARTICLE_NAMES,
    DIVISION_SOORTEN,
    EMBEDDED_NAMES,
    EXPLANATION_NAMES,
    LINE_NAMES,
    MARKER_NAMES,
    STRUCTURE_NAMES,
)
from .element_text import has_block_children, heading_text, inline_text, list_number, parse_kop, spaced_text
from .tidy import attach, merge_lists, take_tags_line


class BodyWalker:
    """Turns OP/CVDR elements into tree nodes; collects warnings and toelichtingen on the way."""

    def __init__(self) -> None:
        self.warnings: list[str] = []
        # Each explanatory note (nota-toelichting) as (title, blocks), placed once the body is read.
        self.explanations: list[tuple[str, list[Block]]] = []

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
        mark_status(divisie, el.get("status", ""))
        return divisie

    def article(self, el) -> Artikel:
        nummer, opschrift = parse_kop(child(el, "kop"))
        opschrift, wetten = split_heading(opschrift)
        artikel = Artikel(nummer, opschrift, self.blocks(el), wetten)
        take_tags_line(artikel)
        mark_status(artikel, el.get("status", ""))
        return artikel

    def annexes(self, *containers) -> list[Bijlage]:
        """Bijlagen that are children of these containers; their explanatory notes are kept
        in ``explanations`` for the toelichting."""
        out: list[Bijlage] = []
        for container in containers:
            if container is None:
                continue
            for el in container:
                if local(el) in ANNEX_NAMES:
                    nummer, opschrift = parse_kop(child(el, "kop"))
                    bijlage = Bijlage(nummer, opschrift, self.blocks(el))
                    mark_status(bijlage, el.get("status", ""))
                    out.append(bijlage)
                elif local(el) in EXPLANATION_NAMES:
                    kop = child(el, "kop")
                    titel = heading_text(kop) if kop is not None else ""
                    self.explanations.append((titel, self.blocks(el)))
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
            self.lost_images(el, "in een tabel")
            return [read_table(el, self.blocks)]
        if name == "lid":
            return [Lid(strip_number(inline_text(child(el, "lidnr"))), self.blocks(el))]
        if name in ("plaatje", "illustratie"):
            return self.figures(el)
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

    def figures(self, el) -> list[Block]:
        """A Figuur for each illustratie: <plaatje><illustratie naam="…"/></plaatje>."""
        images = [el] if local(el) == "illustratie" else descendants(el, "illustratie")
        caption = " ".join(inline_text(c) for c in el if local(c) in ("titel", "bijschrift", "onderschrift"))
        return [
            Figuur(
                bron=(img.get("naam") or "").strip(),
                bijschrift=caption.strip(),
                alt=inline_text(child(img, "alt")) or (img.get("alt") or "").strip(),
            )
            for img in images
        ]

    def lost_images(self, el, where: str) -> None:
        """Images in a place the tree has no room for are named, never dropped in silence."""
        for img in descendants(el, "illustratie"):
            self.warnings.append(lost_image((img.get("naam") or "").strip(), where))

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


def _embedded(el):
    """Block content nested somewhere inside a paragraph, outermost first."""
    for c in el:
        name = local(c)
        if name in EMBEDDED_NAMES:
            yield c
        elif name:
            yield from _embedded(c)
