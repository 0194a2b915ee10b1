"""The pages a document becomes: one spec per page, in document order, before anything is written.

Pure: builds page classes and field values from the neutral tree, reads no database. The page tree
writer (page_tree.py) turns the plan into rows; the renderer fills the texts in afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.models import Page

from regelgeving.models import ArtikelPage, BegripPage, BegrippenIndexPage, BijlagePage, DivisiePage

from .linking import term_forms
from .tree import Artikel, Begrip, Bijlage, Divisie, Document

_SOORT_LABEL = {"hoofdstuk": "Hoofdstuk", "afdeling": "Afdeling", "paragraaf": "Paragraaf"}


@dataclass
class PageSpec:
    """One page to write: its class, its place (slug under its parent) and its own fields."""

    model: type[Page]
    slug: str
    title: str
    node: Artikel | Divisie | Bijlage | Begrip | None = None
    fields: dict = field(default_factory=dict)
    children: list[PageSpec] = field(default_factory=list)


def plan_parts(document: Document) -> list[PageSpec]:
    """The pages below the version page: divisions and articles, annexes, then the begrippen."""
    specs = [_node_spec(node) for node in document.body]
    specs += [_bijlage_spec(bijlage) for bijlage in document.bijlagen]
    if document.begrippen:
        specs.append(_begrippen_spec(document.begrippen))
    return specs


def _node_spec(node: Divisie | Artikel) -> PageSpec:
    if isinstance(node, Artikel):
        return PageSpec(
            ArtikelPage,
            f"artikel-{slug_nr(node.nummer)}",
            " ".join(filter(None, [f"Artikel {node.nummer}", node.opschrift])),
            node,
            fields={"nummer": node.nummer[:40], "opschrift": node.opschrift[:500], "status": node.status},
        )
    return PageSpec(
        DivisiePage,
        f"{node.soort}-{slug_nr(node.nummer)}",
        " ".join(filter(None, [_SOORT_LABEL[node.soort], node.nummer, node.opschrift])),
        node,
        fields={
            "soort": node.soort,
            "nummer": node.nummer[:40],
            "opschrift": node.opschrift[:500],
            "afgeleid": node.inferred,
        },
        children=[_node_spec(child) for child in node.children],
    )


def _bijlage_spec(bijlage: Bijlage) -> PageSpec:
    title = " ".join(filter(None, ["Bijlage", bijlage.nummer, bijlage.opschrift]))
    slug = f"bijlage-{slug_nr(bijlage.nummer)}" if bijlage.nummer else slugify(title)[:80]
    return PageSpec(
        BijlagePage,
        slug,
        title,
        bijlage,
        fields={
            "nummer": bijlage.nummer[:40],
            "opschrift": bijlage.opschrift[:500],
            "afgeleid": bijlage.inferred,
        },
    )


def _begrippen_spec(begrippen: list[Begrip]) -> PageSpec:
    children, used = [], set()
    for begrip in begrippen:
        forms = term_forms(begrip.term)
        base = forms[0]
        slug = slugify(base)[:80] or "begrip"
        while slug in used:
            slug = f"{slug}-2"
        used.add(slug)
        children.append(
            PageSpec(
                BegripPage,
                slug,
                base[:255],
                begrip,
                fields={"term": base[:255], "gedefinieerd_in": begrip.defined_in[:255], "vormen": forms},
            )
        )
    return PageSpec(BegrippenIndexPage, "begrippen", "Begrippen", children=children)


def slug_nr(nummer: str) -> str:
    return slugify(nummer.replace(".", "-")) or "zonder-nummer"
