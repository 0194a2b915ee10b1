"""Write a parsed Document as Wagtail pages, in one transaction. Never parses.

Re-importing the same publication (same identifier under the same regeling)
updates its pages in place: pages are matched by kind and number, new ones are
added, ones the publication no longer has are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, time
from html import escape

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from regelgeving.known_laws import KNOWN_LAWS
from regelgeving.models import (
    ArtikelPage,
    BegripPage,
    BegrippenIndexPage,
    BijlagePage,
    DivisiePage,
    RegelingPage,
    RegelingVersiePage,
    Wet,
)
from regelgeving.site_setup import ensure_site
from regelgeving.versions import assign_werk_ids

from .errors import PublicatieFout
from .linking import Law, Link, Linker, Term, term_forms
from .tree import (
    Alinea,
    Artikel,
    Bijlage,
    Block,
    Divisie,
    Document,
    Lid,
    Lijst,
    ListItem,
    Tabel,
    Tussenkop,
)

_SOORT_LABEL = {"hoofdstuk": "Hoofdstuk", "afdeling": "Afdeling", "paragraaf": "Paragraaf"}


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass
class ImportResult:
    report: dict
    versie: RegelingVersiePage | None = None


@dataclass
class _Pages:
    """The pages of one version, by the keys the linker uses."""

    artikelen: dict[str, ArtikelPage] = field(default_factory=dict)
    divisies: dict[tuple[str, str], DivisiePage] = field(default_factory=dict)
    bijlagen: dict[str, BijlagePage] = field(default_factory=dict)
    begrippen: dict[str, BegripPage] = field(default_factory=dict)


def write_document(document: Document, regeling_slug: str = "", dry_run: bool = False) -> ImportResult:
    """Create or update the pages for `document`; on a dry run, roll everything back."""
    holder: dict = {}
    try:
        with transaction.atomic(), disable_reference_index_auto_update():
            holder["result"] = _Writer(document).write(regeling_slug)
            if dry_run:
                raise _DryRun
    except _DryRun:
        result = holder["result"]
        result.report["dry_run"] = True
        result.versie = None
        return result
    return holder["result"]


class _Writer:
    def __init__(self, document: Document):
        self.doc = document
        self.meta = document.metadata
        self.pages = _Pages()
        self.warnings = list(document.warnings)

    # -- top level ---------------------------------------------------------

    def write(self, regeling_slug: str) -> ImportResult:
        if not self.meta.identifier:
            raise PublicatieFout(
                "De publicatie heeft geen identificatie (zoals gmb-2025-538386); "
                "importeer de publicatie zelf in plaats van een los onderdeel."
            )
        regeling = self._regeling(regeling_slug)
        versie, created = self._versie(regeling)
        self.wetten = self._wetten()
        self._write_structure(versie)
        linker = self._linker()
        self._write_texts(versie, linker)
        self._refresh_reference_index(versie)
        assign_werk_ids(versie)
        report = self._report(regeling, versie, created, linker)
        versie.import_rapport = report
        versie.save(update_fields=["import_rapport"])
        return ImportResult(report, versie)

    def _regeling(self, slug: str) -> RegelingPage:
        index = ensure_site()
        werk_titel = re.sub(r"\s+\d{4}$", "", self.meta.citeertitel or self.meta.titel).strip()
        werk_titel = werk_titel[:200] or self.meta.identifier
        slug = slugify(slug) if slug else slugify(werk_titel)[:80]
        if not slug:
            raise PublicatieFout("Kan geen adres (slug) voor de regeling afleiden; gebruik --regeling.")
        regeling = RegelingPage.objects.child_of(index).filter(slug=slug).first()
        if regeling:
            return regeling.specific
        clash = Page.objects.child_of(index).filter(slug=slug).first()
        if clash:
            raise PublicatieFout(f"Het adres /regelgeving/{slug}/ is al in gebruik door een andere pagina.")
        regeling = RegelingPage(title=werk_titel, slug=slug)
        index.add_child(instance=regeling)
        return regeling

    def _versie(self, regeling: RegelingPage) -> tuple[RegelingVersiePage, bool]:
        m = self.meta
        versie = RegelingVersiePage.objects.child_of(regeling).filter(identifier=m.identifier).first()
        created = versie is None
        if created:
            versie = RegelingVersiePage(slug=self._versie_slug(regeling))
            # A further version of an existing regeling starts as a draft that goes live on its
            # in-werking date once an editor publishes it; the first version is live at once.
            if RegelingVersiePage.objects.child_of(regeling).exists():
                versie.live = False
                versie.go_live_at = _start_of(m.in_werking_op)
        versie.title = (m.citeertitel or m.titel)[:255]
        versie.officiele_titel = m.titel
        versie.citeertitel = m.citeertitel
        versie.identifier = m.identifier
        versie.cvdr_id = m.cvdr_id
        versie.gemeente = m.gemeente
        versie.bevoegd_orgaan = m.bevoegd_orgaan
        versie.vastgesteld_op = m.vastgesteld_op
        versie.in_werking_op = m.in_werking_op
        versie.uitgewerkt_op = m.uitgewerkt_op
        versie.publicatiedatum = m.publicatiedatum
        versie.bron_url = m.bron if m.bron.startswith(("http://", "https://")) else ""
        versie.bron_formaat = m.formaat
        versie.search_description = f"{m.citeertitel or m.titel} ({versie.publicatie_aanduiding})"[:255]
        if created:
            regeling.add_child(instance=versie)
        else:
            versie.save()
        return versie, created

    def _versie_slug(self, regeling: RegelingPage) -> str:
        year = re.search(r"(\d{4})\s*$", self.meta.citeertitel or "")
        candidates = []
        if year:
            candidates.append(year.group(1))
        if self.meta.in_werking_op:
            candidates.append(str(self.meta.in_werking_op.year))
        candidates.append(slugify(self.meta.identifier))
        taken = set(Page.objects.child_of(regeling).values_list("slug", flat=True))
        for slug in candidates:
            if slug and slug not in taken:
                return slug
        return f"{slugify(self.meta.identifier)}-{len(taken) + 1}"

    def _wetten(self) -> dict[str, Wet]:
        """Wet snippets by every name they go by; known laws are created on first use."""
        for afkorting, naam, bwb_id, _ in KNOWN_LAWS:
            Wet.objects.get_or_create(afkorting=afkorting, defaults={"naam": naam, "bwb_id": bwb_id})
        by_name: dict[str, Wet] = {}
        for wet in Wet.objects.all():
            for name in wet.names():
                by_name.setdefault(name.lower(), wet)
        for afkorting, _naam, _bwb, aliases in KNOWN_LAWS:
            wet = by_name.get(afkorting.lower())
            for alias in aliases:
                if wet:
                    by_name.setdefault(alias.lower(), wet)
        return by_name

    def _wetten_for(self, tags: list[str]) -> list[Wet]:
        out: list[Wet] = []
        for tag in tags:
            wet = self.wetten.get(tag.lower())
            if wet is None:
                wet = Wet.objects.create(afkorting=tag[:60])
                self.wetten[tag.lower()] = wet
                self.warnings.append(
                    f"Onbekende wet '{tag}' als wet toegevoegd zonder BWB-id; vul die aan bij Wetten."
                )
            if wet not in out:
                out.append(wet)
        return out

    # -- pass 1: structure ---------------------------------------------------

    def _write_structure(self, versie: RegelingVersiePage) -> None:
        self.live = versie.live
        self._sync_children(versie, self._version_children(versie))

    def _version_children(self, versie):
        specs = [self._node_spec(node, versie) for node in self.doc.body]
        for bijlage in self.doc.bijlagen:
            specs.append(self._bijlage_spec(bijlage, versie))
        if self.doc.begrippen:
            specs.append(self._begrippen_spec(versie))
        return specs

    def _node_spec(self, node: Divisie | Artikel, versie):
        if isinstance(node, Artikel):
            title = " ".join(filter(None, [f"Artikel {node.nummer}", node.opschrift]))
            return _Spec(
                ArtikelPage,
                f"artikel-{_slug_nr(node.nummer)}",
                title,
                node,
                fields={
                    "nummer": node.nummer,
                    "opschrift": node.opschrift[:500],
                    "status": node.status,
                    "versie": versie,
                },
            )
        title = " ".join(filter(None, [_SOORT_LABEL[node.soort], node.nummer, node.opschrift]))
        return _Spec(
            DivisiePage,
            f"{node.soort}-{_slug_nr(node.nummer)}",
            title,
            node,
            fields={
                "soort": node.soort,
                "nummer": node.nummer,
                "opschrift": node.opschrift[:500],
                "afgeleid": node.inferred,
                "versie": versie,
            },
            children=[self._node_spec(child, versie) for child in node.children],
        )

    def _bijlage_spec(self, bijlage: Bijlage, versie):
        title = " ".join(filter(None, ["Bijlage", bijlage.nummer, bijlage.opschrift]))
        slug = f"bijlage-{_slug_nr(bijlage.nummer)}" if bijlage.nummer else slugify(title)[:80]
        return _Spec(
            BijlagePage,
            slug,
            title,
            bijlage,
            fields={
                "nummer": bijlage.nummer,
                "opschrift": bijlage.opschrift[:500],
                "afgeleid": bijlage.inferred,
                "versie": versie,
            },
        )

    def _begrippen_spec(self, versie):
        children, used = [], set()
        for begrip in self.doc.begrippen:
            base = term_forms(begrip.term)[0]
            slug = slugify(base)[:80] or "begrip"
            while slug in used:
                slug = f"{slug}-2"
            used.add(slug)
            children.append(
                _Spec(
                    BegripPage,
                    slug,
                    base[:255],
                    begrip,
                    fields={
                        "term": base[:255],
                        "gedefinieerd_in": begrip.defined_in[:255],
                        "vormen": term_forms(begrip.term),
                        "versie": versie,
                    },
                )
            )
        return _Spec(BegrippenIndexPage, "begrippen", "Begrippen", None, children=children)

    def _sync_children(self, parent: Page, specs: list[_Spec]) -> None:
        """Make `parent`'s children match `specs`: update, add, remove and order them."""
        existing = {p.slug: p for p in parent.get_children().specific()}
        ordered: list[Page] = []
        seen: set[str] = set()
        for spec in specs:
            if spec.slug in seen:
                self.warnings.append(f"'{spec.title}' komt twee keer voor; alleen de eerste is geïmporteerd.")
                continue
            seen.add(spec.slug)
            page = existing.pop(spec.slug, None)
            if page is not None and not isinstance(page, spec.model):
                page.delete()
                page = None
            if page is None:
                page = spec.model(slug=spec.slug, title=spec.title[:255], **spec.fields)
                page.live = self.live  # pages of a draft version stay drafts with it
                parent.add_child(instance=page)
            else:
                page.title = spec.title[:255]
                for name, value in spec.fields.items():
                    setattr(page, name, value)
                page.save()
            self._remember(page, spec)
            ordered.append(page)
            if spec.children is not None:
                self._sync_children(page, spec.children)
        for stale in existing.values():
            stale.delete()
        _keep_order(parent, ordered)

    def _remember(self, page: Page, spec: _Spec) -> None:
        node = spec.node
        if isinstance(page, ArtikelPage):
            self.pages.artikelen[node.nummer] = page
        elif isinstance(page, DivisiePage):
            self.pages.divisies[(node.soort, node.nummer)] = page
        elif isinstance(page, BijlagePage):
            self.pages.bijlagen[node.nummer] = page
        elif isinstance(page, BegripPage):
            self.pages.begrippen[page.slug] = page

    # -- pass 2: texts with links --------------------------------------------

    def _linker(self) -> Linker:
        laws: dict[int, Law] = {}
        for name, wet in self.wetten.items():
            law = laws.setdefault(wet.pk, Law(wet.afkorting, [], wet.bwb_id))
            law.names.append(next((n for n in wet.names() if n.lower() == name), name))
        law_names = {n.lower() for law in laws.values() for n in law.names}
        terms = [
            Term(slug, page.vormen)
            for slug, page in self.pages.begrippen.items()
            # A term that is a law's name links to the law itself.
            if not any(form.lower() in law_names for form in page.vormen)
        ]
        return Linker(
            artikelen=set(self.pages.artikelen),
            hoofdstukken={nr for soort, nr in self.pages.divisies if soort == "hoofdstuk"},
            paragrafen={nr for soort, nr in self.pages.divisies if soort != "hoofdstuk"},
            bijlagen=set(self.pages.bijlagen),
            terms=terms,
            laws=list(laws.values()),
        )

    def _write_texts(self, versie: RegelingVersiePage, linker: Linker) -> None:
        render = _Renderer(linker, self.pages, self.wetten)
        linker.scope("aanhef")
        versie.aanhef = render.blocks(self.doc.aanhef)
        linker.scope("slotformulering")
        versie.sluiting = render.blocks(self.doc.sluiting)
        versie.save()
        for node, _parents in self.doc.iter_nodes():
            if isinstance(node, Artikel):
                page = self.pages.artikelen.get(node.nummer)
                if page is None:
                    continue
                linker.scope(f"artikel {node.nummer}")
                page.body = render.blocks(node.blocks)
                page.wetten.set(self._wetten_for(node.wetten))  # ParentalM2M: written by save()
                page.save(clean=False)  # pages built by this writer; validated when created
            else:
                page = self.pages.divisies.get((node.soort, node.nummer))
                if page is None:
                    continue
                linker.scope(f"{node.soort} {node.nummer}")
                page.intro = render.blocks(node.blocks)
                page.wetten.set(self._wetten_for(node.wetten))
                page.save(clean=False)
        for bijlage in self.doc.bijlagen:
            page = self.pages.bijlagen.get(bijlage.nummer)
            if page is not None:
                linker.scope(f"bijlage {bijlage.nummer}".strip())
                page.body = render.blocks(bijlage.blocks)
                page.save(clean=False)
        for begrip, page in zip(self.doc.begrippen, self.pages.begrippen.values(), strict=False):
            linker.scope(f"begrip {page.term}", skip_term=page.slug)
            page.definitie = render.blocks(begrip.definitie)
            page.save(clean=False)

    def _refresh_reference_index(self, versie: RegelingVersiePage) -> None:
        for page in Page.objects.descendant_of(versie, inclusive=True).specific():
            ReferenceIndex.create_or_update_for_object(page)

    # -- report ---------------------------------------------------------------

    def _report(self, regeling, versie, created, linker: Linker) -> dict:
        refs = linker.references
        return {
            "identifier": self.meta.identifier,
            "titel": versie.title,
            "formaat": self.meta.formaat,
            "regeling": regeling.title,
            "url": versie.url_path and versie.get_url() or "",
            "status": ("nieuw" if created else "bijgewerkt") + ("" if versie.live else " (concept)"),
            "dry_run": False,
            "aantallen": self.doc.counts(),
            "verwijzingen": {
                "opgelost": sum(r.resolved for r in refs),
                "onopgelost": [
                    {"bron": r.source, "tekst": r.text, "soort": r.kind, "doel": r.target}
                    for r in refs
                    if not r.resolved
                ],
            },
            "waarschuwingen": self.warnings,
        }


@dataclass
class _Spec:
    model: type[Page]
    slug: str
    title: str
    node: object
    fields: dict = field(default_factory=dict)
    children: list[_Spec] | None = None


def _start_of(day) -> datetime | None:
    """Midnight at the start of `day` in the site's time zone, when that is still to come."""
    if day is None:
        return None
    moment = timezone.make_aware(datetime.combine(day, time.min))
    return moment if moment > timezone.now() else None


def _slug_nr(nummer: str) -> str:
    return slugify(nummer.replace(".", "-")) or "zonder-nummer"


def _keep_order(parent: Page, ordered: list[Page]) -> None:
    """Move children only when their tree order differs from the document order."""
    current = list(parent.get_children().values_list("pk", flat=True))
    if current == [p.pk for p in ordered]:
        return
    previous = None
    for page in ordered:
        page = Page.objects.get(pk=page.pk)
        if previous is None:
            page.move(Page.objects.get(pk=parent.pk), pos="first-child")
        else:
            page.move(Page.objects.get(pk=previous.pk), pos="right")
        previous = page


class _Renderer:
    """Turns tree blocks into StreamField data, with links as Wagtail rich-text links."""

    def __init__(self, linker: Linker, pages: _Pages, wetten: dict[str, Wet]):
        self.linker = linker
        self.pages = pages
        self.bwb = {w.afkorting: w.bwb_id for w in wetten.values()}

    def blocks(self, blocks: list[Block]) -> list[dict]:
        out = []
        for block in blocks:
            rendered = self.block(block, top_level=True)
            if rendered:
                out.append(rendered)
        return out

    def block(self, block: Block, top_level: bool = False) -> dict | None:
        if isinstance(block, Alinea):
            return {"type": "alinea", "value": self.rich(block.text)} if block.text else None
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
        if isinstance(block, Lid):
            # Render once: rendering consumes the "first use" of terms in this article.
            inner = [i for i in (self.block(b) for b in block.blocks) if i]
            if not top_level:  # a lid inside a lid: keep its number in the text
                texts = "".join(i["value"] for i in inner if i["type"] == "alinea")
                return {"type": "alinea", "value": self.rich(f"{block.nr}. ") + texts}
            return {"type": "lid", "value": {"nr": block.nr, "inhoud": inner}}
        return None

    def item(self, item: ListItem, depth: int) -> dict:
        texts, sub = [], []
        for b in item.blocks:
            if isinstance(b, Lijst) and depth < 3:
                sub.extend(self.item(i, depth + 1) for i in b.items)
            elif isinstance(b, Lijst):  # deeper than three levels: keep the text, in order
                texts.extend(f"{i.nr} {_plain(i.blocks)}".strip() for i in b.items)
            elif isinstance(b, Alinea | Tussenkop):
                texts.append(b.text)
            elif isinstance(b, Lid):
                texts.append(f"{b.nr}. {_plain(b.blocks)}")
            elif isinstance(b, Tabel):
                texts.extend(" | ".join(row) for row in b.rows)
        value = {"nr": item.nr[:20], "tekst": "".join(self.rich(t) for t in texts if t)}
        if depth < 3:
            value["sublijst"] = sub
        return value

    def rich(self, text: str) -> str:
        parts = []
        for seg in self.linker.segments(text):
            if isinstance(seg, str):
                parts.append(escape(seg, quote=False))
            else:
                parts.append(self.link(seg))
        return f"<p>{''.join(parts)}</p>"

    def link(self, link: Link) -> str:
        text = escape(link.text, quote=False)
        page = None
        if link.kind == "artikel":
            page = self.pages.artikelen.get(link.key)
        elif link.kind == "hoofdstuk":
            page = self.pages.divisies.get(("hoofdstuk", link.key))
        elif link.kind == "paragraaf":
            page = self.pages.divisies.get(("paragraaf", link.key)) or self.pages.divisies.get(
                ("afdeling", link.key)
            )
        elif link.kind == "bijlage":
            page = self.pages.bijlagen.get(link.key)
        elif link.kind == "begrip":
            page = self.pages.begrippen.get(link.key)
        elif link.kind == "wet":
            from regelgeving.models.wetten import jci_url

            url = jci_url(self.bwb.get(link.key, ""), link.artikel)
            return f'<a href="{escape(url)}">{text}</a>' if url else text
        if page is None:
            return text
        return f'<a linktype="page" id="{page.pk}">{text}</a>'


def _plain(blocks: list[Block]) -> str:
    from .tree import block_text

    return block_text(blocks)
