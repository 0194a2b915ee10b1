"""Write the pages of one version as rows, each page once, in bulk.

Why not `add_child()` and `save()` per page: each costs tens of queries (the tree position, the
parent's child count, validation, the search index and the reference index on every save), which
for a regulation of hundreds of pages makes an import take minutes. Here the tree positions of
the whole version are worked out at once with treebeard's own path helpers, and each page is
written in two steps that each touch its row once:

1. `write_structure()`: the tree. Pages the publication no longer has are deleted; new pages get
   their base row (`wagtailcore_page`) in one INSERT, which hands out their ids; pages that stay
   get their new title, position and counts in one UPDATE.
2. `write_content()`: once the texts are rendered with links to those ids, every page's own row
   (`regelgeving_artikelpage`, …) is inserted or updated, per page class in one statement, with
   its law tags.

No `post_save` signal is sent, so nothing is indexed during the write: the writer indexes the
pages once after commit (search) and in one go (reference index).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connection, connections
from django.db.models import F
from wagtail.models import Page

from regelgeving.models.onderdelen import InVersie

from .page_plan import PageSpec

# Base-row fields a re-import may change on a page that stays.
_BASE_FIELDS_UPDATED = ["title", "draft_title", "path", "depth", "numchild", "url_path", "search_description"]


@dataclass
class Placed:
    """A page at its place in the new tree: the spec it comes from and its row, new or kept."""

    spec: PageSpec
    page: Page
    parent: Placed | None
    is_new: bool
    old_path: str = ""
    # Changed by an editor in Wagtail since an import (it has a revision; imports write none):
    # the import keeps that text and reports it, rather than overwriting a correction.
    edited: bool = False
    children: list[Placed] = field(default_factory=list)


class VersionTree:
    """The version page and every page below it, matched with what the database holds."""

    def __init__(self, regeling: Page, versie: Page, parts: list[PageSpec], live: bool):
        self.regeling = regeling
        self.live = live  # pages of a draft version stay drafts with it
        self._existing = self._existing_below(versie)
        root_spec = PageSpec(type(versie), versie.slug, versie.title, children=parts)
        self.root = Placed(root_spec, versie, None, is_new=versie.pk is None, old_path=versie.path or "")
        self._place_children(self.root)
        # Pages the publication no longer has, with their descendants (never kept either).
        self.removed = [page.pk for page in self._existing.values()]
        self.removed_edited = [p.title for p in self._existing.values() if p.latest_revision_id is not None]

    # -- matching the plan with the pages that exist ---------------------------------------------

    @staticmethod
    def _existing_below(versie: Page) -> dict[str, Page]:
        """Pages below an existing version, by their slugs from it down: "hoofdstuk-2/artikel-2-2"."""
        if versie.pk is None:
            return {}
        keys = {versie.path: ""}
        existing = {}
        for page in Page.objects.descendant_of(versie).order_by("path").specific():
            key = f"{keys[page.path[: -Page.steplen]]}/{page.slug}".lstrip("/")
            keys[page.path] = key
            existing[key] = page
        return existing

    def _place_children(self, parent: Placed, parent_key: str = "") -> None:
        for spec in parent.spec.children:  # the plan gives siblings distinct slugs
            key = f"{parent_key}/{spec.slug}".lstrip("/")
            # Below a page that is new, nothing old can stay: its old parent is being deleted.
            page = None if parent.is_new and parent is not self.root else self._existing.get(key)
            if page is not None and isinstance(page, spec.model):
                del self._existing[key]
                edited = page.latest_revision_id is not None
                placed = Placed(spec, page, parent, is_new=False, old_path=page.path, edited=edited)
            else:
                page = spec.model(slug=spec.slug, live=self.live)
                placed = Placed(spec, page, parent, is_new=True)
            if not placed.edited:
                page.title = spec.title[:255]
                page.draft_title = page.title
                for name, value in spec.fields.items():
                    setattr(page, name, value)
            parent.children.append(placed)
            self._place_children(placed, key)

    def placed(self) -> list[Placed]:
        """Every page in tree order, the version page first."""
        out: list[Placed] = []

        def walk(node: Placed) -> None:
            out.append(node)
            for child in node.children:
                walk(child)

        walk(self.root)
        return out

    def pages(self) -> list[Page]:
        return [p.page for p in self.placed()]

    def edited(self) -> list[Placed]:
        return [p for p in self.placed() if p.edited]

    # -- step 1: the tree ----------------------------------------------------------------------

    def write_structure(self) -> None:
        if self.removed:
            Page.objects.filter(pk__in=self.removed).delete()
        self._assign_positions()
        placed = self.placed()
        moved = [p for p in placed if not p.is_new and p.page.path != p.old_path]
        if moved:
            # A kept page may take over a place another page still holds: park them first.
            for p in moved:
                p.page.path = f"{self.root.old_path}~{p.page.pk}"
            _update_rows(Page, [p.page for p in moved], ["path"])
            self._assign_positions()
        new = [p.page for p in placed if p.is_new]
        if new:
            self._insert_base_rows(new)
        kept = [p.page for p in placed if not p.is_new]
        if kept:
            _update_rows(Page, kept, _BASE_FIELDS_UPDATED)
        if self.root.is_new:
            Page.objects.filter(pk=self.regeling.pk).update(numchild=F("numchild") + 1)

    def _assign_positions(self) -> None:
        root = self.root
        if root.is_new:
            last = self.regeling.get_last_child()
            root.page.path = (
                last._inc_path() if last else Page._get_path(self.regeling.path, self.regeling.depth + 1, 1)
            )
            root.page.depth = self.regeling.depth + 1
            root.page.locale_id = self.regeling.locale_id
        root.page.url_path = f"{self.regeling.url_path}{root.page.slug}/"
        self._position_children(root)

    def _position_children(self, parent: Placed) -> None:
        parent.page.numchild = len(parent.children)
        for position, child in enumerate(parent.children, start=1):
            page = child.page
            page.depth = parent.page.depth + 1
            page.path = Page._get_path(parent.page.path, page.depth, position)
            page.url_path = f"{parent.page.url_path}{page.slug}/"
            page.locale_id = parent.page.locale_id
            self._position_children(child)

    @staticmethod
    def _insert_base_rows(pages: list[Page]) -> None:
        rows = [_base_row(page) for page in pages]
        Page.objects.bulk_create(rows)  # hands out the ids (INSERT … RETURNING)
        for page, row in zip(pages, rows, strict=True):
            # A multi-table page holds its id twice: Page.id and the parent link of its own table.
            page.id = page.page_ptr_id = row.pk
            page._state.adding = False

    # -- step 2: each page's own row -------------------------------------------------------------

    def write_content(self) -> None:
        by_model: dict[type[Page], tuple[list[Page], list[Page]]] = defaultdict(lambda: ([], []))
        versie_id = self.root.page.pk
        for p in self.placed():
            if isinstance(p.page, InVersie):
                p.page.versie_id = versie_id
                p.page.fill_derived_fields()
            if not p.edited:
                by_model[type(p.page)][0 if p.is_new else 1].append(p.page)
        for model, (new, kept) in by_model.items():
            own = [f for f in model._meta.local_concrete_fields if not f.primary_key]
            if new:
                _insert_own_rows(model, new)
            if kept and own:
                _update_rows(model, kept, [f.name for f in own])

    def write_law_tags(self, tags_by_page: dict[Page, list]) -> None:
        """The `wetten` of articles and divisions: their link rows replaced in one go per class."""
        by_through = defaultdict(list)
        for page, wetten in tags_by_page.items():
            by_through[type(page).wetten.through].append((page, wetten))
        for through, entries in by_through.items():
            fields = through._meta.concrete_fields
            owner = next(f.attname for f in fields if f.is_relation and f.name != "wet")
            ids = [page.pk for page, _ in entries]
            through._base_manager.filter(**{f"{owner}__in": ids}).delete()
            through._base_manager.bulk_create(
                [through(**{owner: page.pk, "wet_id": wet.pk}) for page, wetten in entries for wet in wetten]
            )


def _base_row(page: Page) -> Page:
    """The `wagtailcore_page` part of a new page, as a plain Page with the same values."""
    fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    return Page(**{f.attname: getattr(page, f.attname) for f in fields})


def _insert_own_rows(model: type[Page], pages: list[Page]) -> None:
    """INSERT the rows of the page class's own table, whose base rows already exist.

    Django's bulk_create refuses multi-table models because it would insert the parent rows
    too; those are in place, so this is the statement it would run for the child table alone,
    through the same query class Model.save() uses, batched as bulk_create batches.
    """
    fields = list(model._meta.local_concrete_fields)
    batch = max(connection.ops.bulk_batch_size(fields, pages), 1)
    for start in range(0, len(pages), batch):
        model._base_manager._insert(pages[start : start + batch], fields=fields)


def _update_rows(model: type[Page], pages: list[Page], field_names: list[str]) -> None:
    """UPDATE these columns of `model`'s own table for each page: one statement, run per row.

    Django's bulk_update builds a CASE expression per field and row, which costs more than the
    update itself for hundreds of pages; an executemany of one plain UPDATE does not.
    """
    db = connections[model._base_manager.db]
    qn = db.ops.quote_name
    fields = [model._meta.get_field(name) for name in field_names]
    pk = model._meta.pk
    sql = (
        f"UPDATE {qn(model._meta.db_table)} SET "
        + ", ".join(f"{qn(f.column)} = %s" for f in fields)
        + f" WHERE {qn(pk.column)} = %s"
    )
    rows = [[*(f.get_db_prep_save(f.pre_save(page, False), db) for f in fields), page.pk] for page in pages]
    with db.cursor() as cursor:
        cursor.executemany(sql, rows)
