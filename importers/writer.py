"""Write a parsed Document as Wagtail pages, in one transaction. Never parses.

One pass: the pages of the version are planned from the tree (page_plan), their rows placed in
Wagtail's page tree in bulk (page_tree), the texts rendered with links to those pages (rendering),
and each page's own row written once. Wagtail's reference index is rebuilt once for the version;
the search index is updated once per page after the transaction commits, through the task backend.

Re-importing the same publication (same identifier under the same regeling) updates its pages in
place: pages are matched by their place (slugs from the version down), new ones are added, ones
the publication no longer has are removed, and the order follows the publication.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.signal_handlers import disable_reference_index_auto_update

from regelgeving.models import (
    ArtikelPage,
    BegripPage,
    BijlagePage,
    DivisiePage,
    RegelingPage,
    RegelingVersiePage,
    SearchCacheKey,
)
from regelgeving.models.gemeente import Gemeente
from regelgeving.search.tasks import reindex_after_commit
from regelgeving.site_setup import regelgeving_index
from regelgeving.versions import assign_werk_ids

from .errors import PublicatieFout
from .figure_images import FigureImages
from .gemeente_keuze import kies_gemeente
from .law_register import LawRegister
from .linking import Linker, Term
from .page_plan import plan_parts
from .page_tree import VersionTree
from .reference_index import rebuild_reference_index
from .regeling_identity import organisation_key, organisation_name, same_organisation, werk_van
from .rendering import LinkTargets, Renderer
from .tree import Artikel, Document


class _DryRun(Exception):
    """Raised inside the transaction to roll a dry run back."""


@dataclass
class ImportResult:
    report: dict
    versie: RegelingVersiePage | None = None


def write_document(
    document: Document,
    regeling_slug: str = "",
    dry_run: bool = False,
    gemeente: Gemeente | None = None,
    concept: bool = False,
) -> ImportResult:
    """Create or update the pages for `document` under its gemeente's site (the publisher's, or
    `gemeente`: see gemeente_keuze.py); on a dry run, roll everything back.

    With `concept`, a new version (and a regeling that is new with it) stays a draft for an editor
    to check and publish, also when it is the regeling's first.
    """
    holder: dict = {}
    try:
        # One transaction; Wagtail's own reference index and the key of what is published are
        # updated once, at the end, instead of by each signal on the way.
        with transaction.atomic(), disable_reference_index_auto_update(), SearchCacheKey.renewed_once():
            writer = _Writer(document, store_files=not dry_run, concept=concept)
            holder["result"] = writer.write(regeling_slug, gemeente)
            if dry_run:
                raise _DryRun
    except _DryRun:
        result = holder["result"]
        result.report["dry_run"] = True
        result.versie = None
        return result
    return holder["result"]


class _Writer:
    def __init__(self, document: Document, store_files: bool = True, concept: bool = False):
        self.doc = document
        self.meta = document.metadata
        self.concept = concept
        self.figures = FigureImages(store=store_files)

    def write(self, regeling_slug: str, gemeente: Gemeente | None) -> ImportResult:
        if not self.meta.identifier:
            raise PublicatieFout(
                "De publicatie heeft geen identificatie (zoals gmb-2025-538386); "
                "importeer de publicatie zelf in plaats van een los onderdeel."
            )
        werk = werk_van(self.meta)
        gemeente, gemeente_reden = kies_gemeente(werk.organisatie, gemeente)
        regeling, reden = self._regeling(regeling_slug, regelgeving_index(gemeente))
        reden = " ".join(filter(None, [reden, gemeente_reden]))
        versie, created = self._versie(regeling)
        laws = LawRegister()
        plan = plan_parts(self.doc)
        tree = VersionTree(regeling, versie, plan.parts, live=versie.live)
        tree.write_structure()

        targets = self._link_targets(tree)
        linker = self._linker(targets, laws)
        renderer = Renderer(linker, targets, laws.bwb_ids(), self.figures)
        law_tags = self._render_texts(tree, renderer, laws)
        assign_werk_ids(versie, [p for p in tree.pages() if isinstance(p, ArtikelPage)])
        warnings = self.doc.warnings + plan.warnings + laws.warnings + self.figures.warnings
        warnings += [
            f"'{p.page.title}' is na de vorige import door een redacteur aangepast; die tekst is behouden. "
            "Vergelijk haar met deze publicatie als die een correctie bevat."
            for p in tree.edited()
        ]
        warnings += [
            f"'{titel}' was door een redacteur aangepast, maar staat niet meer in de publicatie "
            "en is verwijderd."
            for titel in tree.removed_edited
        ]
        versie.import_rapport = self._report(regeling, reden, versie, created, linker, warnings)
        versie.import_rapport["gemeente"] = gemeente.naam
        tree.write_content()
        tree.write_law_tags(law_tags)

        pages = tree.pages()
        rebuild_reference_index(pages, removed=tree.removed)
        SearchCacheKey.renew()  # the version and its begrippen changed without a save() of their own
        reindex_after_commit([page.pk for page in pages])
        return ImportResult(versie.import_rapport, versie)

    # -- the regeling and the version page -------------------------------------------------------

    def _regeling(self, slug: str, index) -> tuple[RegelingPage, str]:
        """The regeling of this publication's work (see regeling_identity.py) in the gemeente's
        index, found or made, and why: the reason goes into the report."""
        werk = werk_van(self.meta)
        regelingen = RegelingPage.objects.child_of(index)
        if slug:
            slug = slugify(slug)
            regeling = regelingen.filter(slug=slug).first()
            if regeling is not None:
                regeling = regeling.specific
                if not same_organisation(regeling.organisatie, werk.organisatie):
                    raise PublicatieFout(
                        f"De regeling /regelgeving/{slug}/ is van {organisation_name(regeling.organisatie)}; "
                        f"deze publicatie is van {organisation_name(werk.organisatie)}. "
                        "Twee organisaties delen geen regeling."
                    )
                reden = f"Volgende versie van '{regeling.title}' (--regeling {slug})."
                return self._claim(regeling, werk), reden
        else:
            regeling = regelingen.filter(werk_id=werk.key).first()
            if regeling is not None:
                reden = f"Volgende versie van '{regeling.title}': zelfde werk ({werk.uitleg})."
                return regeling.specific, reden
            slug = slugify(werk.titel)[:80]
            if not slug:
                raise PublicatieFout("Kan geen adres (slug) voor de regeling afleiden; gebruik --regeling.")
            earlier = regelingen.filter(slug=slug, werk_id="").first()
            if earlier is not None and same_organisation(earlier.specific.organisatie, werk.organisatie):
                # Imported before works were recorded: the same title then meant the same regeling.
                reden = f"Volgende versie van '{earlier.title}': zelfde titel ({werk.uitleg})."
                return self._claim(earlier.specific, werk), reden
            slug = self._free_slug(index, slug, werk)
        if Page.objects.child_of(index).filter(slug=slug).exists():
            raise PublicatieFout(f"Het adres /regelgeving/{slug}/ is al in gebruik door een andere pagina.")
        regeling = RegelingPage(
            title=werk.titel, slug=slug, werk_id=werk.key, organisatie=werk.organisatie, live=not self.concept
        )
        index.add_child(instance=regeling)
        return regeling, f"Nieuwe regeling: er was nog geen regeling van dit werk ({werk.uitleg})."

    @staticmethod
    def _claim(regeling: RegelingPage, werk) -> RegelingPage:
        """Record the work and organisation on a regeling that did not have them yet."""
        if not regeling.werk_id or not regeling.organisatie:
            regeling.werk_id = regeling.werk_id or werk.key
            regeling.organisatie = regeling.organisatie or werk.organisatie
            RegelingPage.objects.filter(pk=regeling.pk).update(
                werk_id=regeling.werk_id, organisatie=regeling.organisatie
            )
        return regeling

    @staticmethod
    def _free_slug(index, slug: str, werk) -> str:
        """`slug`, or when another work has it: with the organisation, then a counter."""
        taken = set(Page.objects.child_of(index).values_list("slug", flat=True))
        candidates = [slug, f"{slug}-{organisation_key(werk.organisatie).split('-')[-1]}".strip("-")]
        candidates += [f"{candidates[-1]}-{n}" for n in range(2, len(taken) + 3)]
        return next(c for c in candidates if c not in taken)

    def _versie(self, regeling: RegelingPage) -> tuple[RegelingVersiePage, bool]:
        """The version page with the publication's data, not yet written."""
        m = self.meta
        versie = RegelingVersiePage.objects.child_of(regeling).filter(identifier=m.identifier).first()
        created = versie is None
        if created:
            versie = RegelingVersiePage(slug=self._versie_slug(regeling))
            # A further version of an existing regeling starts as a draft for an editor to check
            # and publish; published, it shows at once as "toekomstig" until its in-werking date.
            # The first version is live at once, unless the import was asked for as a concept.
            if self.concept or RegelingVersiePage.objects.child_of(regeling).exists():
                versie.live = False
        versie.title = versie.draft_title = (m.citeertitel or m.titel)[:255]
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
        versie.bron_onvolledig = m.onvolledig
        versie.search_description = f"{m.citeertitel or m.titel} ({versie.publicatie_aanduiding})"[:255]
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

    # -- texts with links ------------------------------------------------------------------------

    @staticmethod
    def _link_targets(tree: VersionTree) -> LinkTargets:
        # A part without a number is no target of "artikel N"; of parts sharing a number, the
        # first is.
        targets = LinkTargets()
        for placed in tree.placed():
            page, node = placed.page, placed.spec.node
            if isinstance(page, ArtikelPage) and node.nummer:
                targets.artikelen.setdefault(node.nummer, page)
            elif isinstance(page, DivisiePage) and node.nummer:
                targets.divisies.setdefault((node.soort, node.nummer), page)
            elif isinstance(page, BijlagePage) and node.nummer:
                targets.bijlagen.setdefault(node.nummer, page)
            elif isinstance(page, BegripPage):
                targets.begrippen[page.slug] = page
            if getattr(node, "bron_id", ""):
                targets.by_part[node.bron_id] = page
        return targets

    @staticmethod
    def _linker(targets: LinkTargets, laws: LawRegister) -> Linker:
        law_list = laws.laws()
        law_names = {n.lower() for law in law_list for n in law.names}
        terms = [
            Term(slug, page.vormen)
            for slug, page in targets.begrippen.items()
            # A term that is a law's name links to the law itself.
            if not any(form.lower() in law_names for form in page.vormen)
        ]
        return Linker(
            artikelen=set(targets.artikelen),
            hoofdstukken={nr for soort, nr in targets.divisies if soort == "hoofdstuk"},
            paragrafen={nr for soort, nr in targets.divisies if soort != "hoofdstuk"},
            bijlagen=set(targets.bijlagen),
            terms=terms,
            laws=law_list,
            parts=set(targets.by_part),
        )

    def _render_texts(self, tree: VersionTree, render: Renderer, laws: LawRegister) -> dict[Page, list]:
        """Every text of the version, in document order (first uses of terms count in that order).

        Returns the law tags of each article and division, for their `wetten`.
        """
        # An editor's correction is kept: nothing is rendered into a page an editor changed.
        page_of = {id(p.spec.node): p.page for p in tree.placed() if p.spec.node is not None and not p.edited}
        linker, versie = render.linker, tree.root.page
        linker.scope("aanhef")
        versie.aanhef = render.blocks(self.doc.aanhef)
        linker.scope("slotformulering")
        versie.sluiting = render.blocks(self.doc.sluiting)
        law_tags: dict[Page, list] = {}
        for node, _parents in self.doc.iter_nodes():
            page = page_of.get(id(node))
            if page is None:
                continue
            if isinstance(node, Artikel):
                linker.scope(f"artikel {node.nummer}" if node.nummer else page.title)
                page.body = render.blocks(node.blocks)
                # In the article's scope: "het tweede lid" in its toelichting is the article's lid.
                page.toelichting = render.blocks(node.toelichting)
            else:
                linker.scope(f"{node.soort} {node.nummer}")
                page.intro = render.blocks(node.blocks)
            law_tags[page] = laws.for_tags(node.wetten)
        for bijlage in self.doc.bijlagen:
            page = page_of.get(id(bijlage))
            if page is not None:
                linker.scope(f"bijlage {bijlage.nummer}".strip())
                page.body = render.blocks(bijlage.blocks)
        if self.doc.toelichting and id(self.doc.toelichting) in page_of:
            linker.scope("toelichting")
            page_of[id(self.doc.toelichting)].body = render.blocks(self.doc.toelichting.blocks)
        for begrip in self.doc.begrippen:
            page = page_of.get(id(begrip))
            if page is not None:
                linker.scope(f"begrip {page.term}", skip_term=page.slug)
                page.definitie = render.blocks(begrip.definitie)
        return law_tags

    # -- report ----------------------------------------------------------------------------------

    def _report(self, regeling, reden: str, versie, created, linker: Linker, warnings: list[str]) -> dict:
        refs = linker.references
        return {
            "identifier": self.meta.identifier,
            "titel": versie.title,
            "formaat": self.meta.formaat,
            "regeling": regeling.title,
            "regeling_reden": reden,
            "url": versie.url_path and versie.get_url() or "",
            "versie_id": versie.pk,  # a draft is only to be seen in the admin
            "live": versie.live,
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
            "waarschuwingen": warnings,
            "twijfel": [
                {"artikel": a.nummer or a.opschrift, "reden": reden}
                for a in self.doc.artikelen()
                for reden in a.twijfels
            ],
        }
