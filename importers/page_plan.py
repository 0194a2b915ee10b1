"""The pages a document becomes: one spec per page, in document order, before anything is written.

Pure: builds page classes and field values from the neutral tree, reads no database. The page tree
writer (page_tree.py) turns the plan into rows; the renderer fills the texts in afterwards.

Every part of the source gets a page of its own, also a part without a number or with a number
another part has too. Its address comes from its number, else from its heading, else from its
place; the page never shows a number the source does not give.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.text import slugify
from wagtail.models import Page

from regelgeving.models import (
    ArtikelPage,
    BegripPage,
    BegrippenIndexPage,
    BijlagePage,
    DivisiePage,
    ToelichtingPage,
)

from .linking import term_forms
from .tree import Artikel, Begrip, Bijlage, Divisie, Document, Toelichting

_SOORT_LABEL = {"hoofdstuk": "Hoofdstuk", "afdeling": "Afdeling", "paragraaf": "Paragraaf"}
_SLUG_LENGTH = 80


@dataclass
class PageSpec:
    """One page to write: its class, its place (slug under its parent) and its own fields."""

    model: type[Page]
    slug: str
    title: str
    node: Artikel | Divisie | Bijlage | Begrip | Toelichting | None = None
    fields: dict = field(default_factory=dict)
    children: list[PageSpec] = field(default_factory=list)


@dataclass
class Plan:
    parts: list[PageSpec]
    warnings: list[str] = field(default_factory=list)


def plan_parts(document: Document) -> Plan:
    """The pages below the version page: divisions and articles, annexes, the toelichting, then
    the begrippen."""
    plan = Plan([_node_spec(node) for node in document.body])
    plan.parts += [_bijlage_spec(bijlage) for bijlage in document.bijlagen]
    if document.toelichting and document.toelichting.blocks:
        toelichting = document.toelichting
        plan.parts.append(PageSpec(ToelichtingPage, "toelichting", toelichting.titel[:255], toelichting))
    if document.begrippen:
        plan.parts.append(_begrippen_spec(document.begrippen))
    _give_unique_slugs(plan.parts, plan.warnings)
    return plan


def _node_spec(node: Divisie | Artikel) -> PageSpec:
    if isinstance(node, Artikel):
        title = " ".join(filter(None, [f"Artikel {node.nummer}" if node.nummer else "", node.opschrift]))
        return PageSpec(
            ArtikelPage,
            _slug("artikel", node.nummer, node.opschrift),
            title or "Artikel zonder nummer",
            node,
            fields={
                "nummer": node.nummer[:40],
                "opschrift": node.opschrift[:500],
                "status": node.status,
                "importopmerking": "\n".join(node.twijfels),
            },
        )
    return PageSpec(
        DivisiePage,
        _slug(node.soort, node.nummer, node.opschrift),
        " ".join(filter(None, [_SOORT_LABEL[node.soort], node.nummer, node.opschrift])),
        node,
        fields={
            "soort": node.soort,
            "nummer": node.nummer[:40],
            "opschrift": node.opschrift[:500],
            "afgeleid": node.inferred,
            "status": node.status,
        },
        children=[_node_spec(child) for child in node.children],
    )


def _bijlage_spec(bijlage: Bijlage) -> PageSpec:
    return PageSpec(
        BijlagePage,
        _slug("bijlage", bijlage.nummer, bijlage.opschrift),
        " ".join(filter(None, ["Bijlage", bijlage.nummer, bijlage.opschrift])),
        bijlage,
        fields={
            "nummer": bijlage.nummer[:40],
            "opschrift": bijlage.opschrift[:500],
            "afgeleid": bijlage.inferred,
            "status": bijlage.status,
        },
    )


def _begrippen_spec(begrippen: list[Begrip]) -> PageSpec:
    children = []
    for begrip in begrippen:
        forms = term_forms(begrip.term)
        base = forms[0]
        children.append(
            PageSpec(
                BegripPage,
                slugify(base)[:_SLUG_LENGTH] or "begrip",
                base[:255],
                begrip,
                fields={"term": base[:255], "gedefinieerd_in": begrip.defined_in[:255], "vormen": forms},
            )
        )
    return PageSpec(BegrippenIndexPage, "begrippen", "Begrippen", children=children)


def _slug(soort: str, nummer: str, opschrift: str) -> str:
    """ "artikel-2-2" by number; "artikel-doel-van-de-regeling" by heading when there is none."""
    return f"{soort}-{slug_nr(nummer) if nummer else slugify(opschrift)[:60]}".strip("-")[:_SLUG_LENGTH]


def slug_nr(nummer: str) -> str:
    return slugify(nummer.replace(".", "-")) or "zonder-nummer"


def _give_unique_slugs(specs: list[PageSpec], warnings: list[str]) -> None:
    """Siblings that would share an address (two parts with one number, or none and the same
    heading) each keep their page: the later one's address adds its heading, else its place."""
    taken: set[str] = set()
    for spec in specs:
        if spec.slug in taken:
            first = spec.slug
            heading = slugify(getattr(spec.node, "opschrift", "") or "")[:40]
            candidates = [f"{first}-{heading}"] if heading else []
            candidates += [f"{first}-{n}" for n in range(2, len(specs) + 3)]
            spec.slug = next(c[:_SLUG_LENGTH] for c in candidates if c[:_SLUG_LENGTH] not in taken)
            if not isinstance(spec.node, Begrip):  # a begrip's page carries its term anyway
                warnings.append(
                    f"'{spec.title}' heeft hetzelfde nummer of dezelfde kop als een eerder onderdeel; "
                    f"beide zijn geïmporteerd, dit onder het adres '{spec.slug}'."
                )
        taken.add(spec.slug)
        _give_unique_slugs(spec.children, warnings)
