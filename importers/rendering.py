"""Tree blocks as StreamField data, with references as links: Wagtail page links inside the
version (an article's lid as the link's anchor), jci links to national law. Rendering consumes the
linker's "first use" of each term."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from django.utils.text import slugify
from wagtail.models import Page

from regelgeving.jci import jci_url

from .figure_images import FigureImages
from .linking import Link, Linker
from .tree import Alinea, Block, Figuur, Lid, Lijst, ListItem, SourceRef, Tabel, Tussenkop, block_text


@dataclass
class LinkTargets:
    """The pages of one version, by the keys the linker uses."""

    artikelen: dict[str, Page] = field(default_factory=dict)
    divisies: dict[tuple[str, str], Page] = field(default_factory=dict)
    bijlagen: dict[str, Page] = field(default_factory=dict)
    begrippen: dict[str, Page] = field(default_factory=dict)
    by_part: dict[str, Page] = field(default_factory=dict)  # by the source's own id (STOP eId)

    def page_for(self, link: Link) -> Page | None:
        if link.part and link.part in self.by_part:
            return self.by_part[link.part]
        if link.kind == "artikel":
            return self.artikelen.get(link.key)
        if link.kind == "hoofdstuk":
            return self.divisies.get(("hoofdstuk", link.key))
        if link.kind == "paragraaf":
            return self.divisies.get(("paragraaf", link.key)) or self.divisies.get(("afdeling", link.key))
        if link.kind == "afdeling":
            return self.divisies.get(("afdeling", link.key)) or self.divisies.get(("paragraaf", link.key))
        if link.kind == "bijlage":
            return self.bijlagen.get(link.key)
        if link.kind == "begrip":
            return self.begrippen.get(link.key)
        return None


class Renderer:
    def __init__(self, linker: Linker, targets: LinkTargets, bwb_ids: dict[str, str], figures: FigureImages):
        self.linker = linker
        self.targets = targets
        self.bwb = bwb_ids
        self.figures = figures

    def blocks(self, blocks: list[Block]) -> list[dict]:
        """The blocks of one part (article, annex, definition) in the linker's scope. Text
        rendered later in the same scope (an article's toelichting) keeps the article's leden."""
        leden = [b.nr for b in blocks if isinstance(b, Lid)]
        if leden:
            self.linker.set_leden(leden)
        out = []
        for block in blocks:
            rendered = self.block(block, top_level=True)
            if rendered:
                out.append(rendered)
        return out

    def block(self, block: Block, top_level: bool = False) -> dict | None:
        if isinstance(block, Alinea):
            return {"type": "alinea", "value": self.rich(block.text, block.refs)} if block.text else None
        if isinstance(block, Tussenkop):
            return {"type": "tussenkop", "value": block.text[:255]}
        if isinstance(block, Lijst):
            return {
                "type": "lijst",
                "value": {
                    "intro": block.intro[:255],
                    "items": [self.item(i, 1) for i in block.items],
                },
            }
        if isinstance(block, Tabel):
            return {
                "type": "tabel",
                "value": {
                    "data": block.rows,
                    "first_row_is_table_header": block.header_rows > 0,
                    "first_col_is_header": False,
                    "table_caption": "",
                },
            }
        if isinstance(block, Figuur):
            return {
                "type": "figuur",
                "value": {
                    "afbeelding": self.figures.image_id(block),
                    "bron": block.bron[:255],
                    "bijschrift": block.bijschrift[:500],
                    "alt": block.alt[:500],
                },
            }
        if isinstance(block, Lid):
            # Render once: rendering consumes the "first use" of terms in this article.
            inner = [i for i in (self.block(b) for b in block.blocks) if i]
            if not top_level:  # a lid inside a lid: keep its number in the text
                texts = "".join(i["value"] for i in inner if i["type"] == "alinea")
                return {"type": "alinea", "value": self.rich(f"{block.nr}. ") + texts}
            return {"type": "lid", "value": {"nr": block.nr, "inhoud": inner}}
        return None

    def item(self, item: ListItem, depth: int) -> dict:
        texts: list[tuple[str, list[SourceRef]]] = []
        sub = []
        for b in item.blocks:
            if isinstance(b, Lijst) and depth < 3:
                sub.extend(self.item(i, depth + 1) for i in b.items)
            elif isinstance(b, Lijst):  # deeper than three levels: keep the text, in order
                texts.extend((f"{i.nr} {block_text(i.blocks)}".strip(), []) for i in b.items)
            elif isinstance(b, Alinea):
                texts.append((b.text, b.refs))
            elif isinstance(b, Tussenkop):
                texts.append((b.text, []))
            elif isinstance(b, Lid):
                texts.append((f"{b.nr}. {block_text(b.blocks)}", []))
            elif isinstance(b, Tabel):
                texts.extend((" | ".join(row), []) for row in b.rows)
        value = {"nr": item.nr[:20], "tekst": "".join(self.rich(t, refs) for t, refs in texts if t)}
        if depth < 3:
            value["sublijst"] = sub
        return value

    def rich(self, text: str, refs: Sequence[SourceRef] = ()) -> str:
        parts = []
        for seg in self.linker.segments(text, refs):
            if isinstance(seg, str):
                parts.append(escape(seg, quote=False))
            else:
                parts.append(self.link(seg))
        return f"<p>{''.join(parts)}</p>"

    def link(self, link: Link) -> str:
        text = escape(link.text, quote=False)
        if link.kind == "wet":
            url = jci_url(self.bwb.get(link.key, ""), link.artikel, link.lid)
            return f'<a href="{escape(url)}">{text}</a>' if url else text
        page = self.targets.page_for(link)
        if page is None:
            return text
        # The lid's anchor, as the lid block renders it (regelgeving/blocks/lid.html).
        anchor = f' anchor="lid-{slugify(link.lid)}"' if link.lid and slugify(link.lid) else ""
        return f'<a linktype="page" id="{page.pk}"{anchor}>{text}</a>'
