"""The result line of a page (`Treffer`): what it shows, loaded for many pages in one query.

A result line needs a few fields of each page, its version in scope and its text for the
fragment; the page itself is loaded only when asked for (`Treffer.page`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page, Site

from ..models import ArtikelPage, BegripPage, BijlagePage, DivisiePage, ToelichtingPage
from ..rich_text import raw_stream_plain_text
from .expansion import Marks
from .highlight import fragment
from .kinds import SOORT_LABELS
from .scope import Scope, VersieInScope


@dataclass
class Treffer:
    pk: int
    soort: str
    nummer: str
    titel: str
    url: str
    scope: VersieInScope
    fragment: SafeString = field(default_factory=lambda: mark_safe(""))
    vastgepind: str = ""  # why it is first: "verwijzing" or "begrip"
    tekst: str = field(default="", repr=False)  # the plain text the fragment is cut from

    @cached_property
    def page(self) -> Page:
        """The page itself, loaded when asked for: a result line needs only the fields above."""
        return Page.objects.get(pk=self.pk).specific

    @property
    def soort_label(self) -> str:
        return SOORT_LABELS.get(self.soort, self.soort.capitalize())

    def as_json(self) -> dict:
        versie, geldigheid = self.scope.versie, self.scope.geldigheid
        return {
            "id": self.pk,
            "soort": self.soort,
            "nummer": self.nummer,
            "titel": self.titel,
            "url": self.url,
            "regeling": {"id": self.scope.regeling.pk, "titel": self.scope.regeling.title},
            "versie": {
                "id": versie.pk,
                "titel": versie.title,
                "geldig_vanaf": geldigheid.vanaf.isoformat() if geldigheid.vanaf else None,
                "geldig_tot": geldigheid.tot.isoformat() if geldigheid.tot else None,
                "status": self.scope.status,
            },
            "fragment": str(self.fragment),
            "vastgepind": self.vastgepind or None,
        }


def add_fragments(treffers: list[Treffer], marks: Marks) -> None:
    """Give each result line its fragment: its text around the first word the query matched."""
    for treffer in treffers:
        treffer.fragment = fragment(treffer.tekst, marks)[0] if treffer.tekst else mark_safe("")


def result_lines(pages: list[Page], scope: Scope, site: Site | None = None) -> list[Treffer]:
    """Result lines for pages found by text, in the same order, leaving out pages not in scope."""
    shown = load_result_lines([p.pk for p in pages], scope, site=site)
    return [shown[p.pk] for p in pages if p.pk in shown]


# What a result line and its fragment read of each kind of page, from its own table.
SHOWN_FIELDS = {
    ArtikelPage: ("page_ptr", "versie", "nummer", "opschrift", "body"),
    BijlagePage: ("page_ptr", "versie", "nummer", "opschrift", "body"),
    DivisiePage: ("page_ptr", "versie", "nummer", "opschrift", "intro", "soort"),
    BegripPage: ("page_ptr", "versie", "term", "definitie"),
    ToelichtingPage: ("page_ptr", "versie", "body"),
}
SHOWN_SOORT = {
    ArtikelPage: "artikel",
    BijlagePage: "bijlage",
    BegripPage: "begrip",
    ToelichtingPage: "toelichting",
}  # Divisie: its soort


def _shown_sql(count: int) -> str:
    """The page table joined to each kind's table, for `count` page ids. Written out: Django
    took several times longer to build this query than the database took to answer it."""
    quote = connection.ops.quote_name
    columns = [f"p.{quote('id')}", f"p.{quote('title')}", f"p.{quote('url_path')}"]
    joins = []
    for i, (model, fields) in enumerate(SHOWN_FIELDS.items()):
        alias = f"k{i}"
        on = f"{alias}.{quote(model._meta.get_field('page_ptr').column)} = p.{quote('id')}"
        joins.append(f"LEFT JOIN {quote(model._meta.db_table)} {alias} ON {on}")
        columns += [f"{alias}.{quote(model._meta.get_field(f).column)}" for f in fields]
    ids = ", ".join(["%s"] * count)
    return (
        f"SELECT {', '.join(columns)} FROM {quote(Page._meta.db_table)} p {' '.join(joins)} "
        f"WHERE p.{quote('id')} IN ({ids})"
    )


def _kind_of(columns: list) -> tuple[type | None, dict]:
    """The kind of page a row of _shown_sql is (the table that has it), with its values."""
    for model, fields in SHOWN_FIELDS.items():
        values, columns = dict(zip(fields, columns[: len(fields)], strict=True)), columns[len(fields) :]
        if values["page_ptr"] is not None:
            return model, values
    return None, {}


def load_result_lines(pks, scope: Scope, pinned: str = "", site: Site | None = None) -> dict[int, Treffer]:
    """Result lines for the given pages in versions in scope, by page id, in one query; `pinned`
    says why they come first ("verwijzing" or "begrip"), if they do. Links to pages of `site`
    (the one searched) are relative, as on its own pages."""
    if not pks:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(_shown_sql(len(pks)), list(pks))
        rows = cursor.fetchall()
    found = {}
    url_of = Page()  # one page object works out every URL (from url_path), as Wagtail does
    for pk, title, url_path, *rest in rows:
        model, values = _kind_of(rest)
        in_scope = scope.get(values["versie"]) if model else None
        if in_scope is None:
            continue
        if model is BegripPage:
            nummer, titel, stream = "", values["term"], values["definitie"]
        elif model is ToelichtingPage:
            nummer, titel, stream = "", title, values["body"]
        else:
            nummer, titel = values["nummer"], values["opschrift"] or title
            stream = values.get("body", values.get("intro"))
        soort = SHOWN_SOORT.get(model) or values["soort"]
        url_of.url_path = url_path
        url = url_of.get_url(current_site=site)
        tekst = raw_stream_plain_text(stream)
        found[pk] = Treffer(pk, soort, nummer, titel, url, in_scope, vastgepind=pinned, tekst=tekst)
    return found
