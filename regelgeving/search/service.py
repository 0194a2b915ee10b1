"""One search for the page, the JSON API and the benchmark: filters, citations, begrippen, text.

`zoek(vraag)` takes validated parameters and returns plain results. Citations and a begrip
named by the query are looked up in the database and put first ("vastgepind"); the rest
comes from Wagtail's search backend (database, PostgreSQL or Elasticsearch alike).
"""

from __future__ import annotations

import difflib
import math
import os
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, reduce
from operator import or_

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from ..models import ArtikelPage, BegripPage, BijlagePage, DivisiePage, RegelingPage, Wet
from ..rich_text import raw_stream_plain_text
from .analysis import fold, index_forms
from .expansion import (
    Clause,
    build_clauses,
    clause_matches,
    highlight_terms,
    informativeness,
    search_query_at_least,
)
from .highlight import fragment
from .paging import MAX_RESULTS, PAGE_SIZE
from .published import published
from .query import Citation, ParsedQuery, parse_query
from .scope import Scope, VersieInScope, versions_in_scope

# What a search can return; hoofdstukken and paragrafen have text of their own too.
SOORTEN = {"artikel": ArtikelPage, "begrip": BegripPage, "bijlage": BijlagePage, "onderdeel": DivisiePage}
SOORT_LABELS = {
    "artikel": "Artikel",
    "begrip": "Begrip",
    "bijlage": "Bijlage",
    "hoofdstuk": "Hoofdstuk",
    "paragraaf": "Paragraaf",
    "afdeling": "Afdeling",
}


@dataclass
class Zoekvraag:
    """Validated search parameters (see forms.ZoekForm)."""

    q: str = ""
    peildatum: date | None = None
    alle_versies: bool = False
    regeling: RegelingPage | None = None
    wet: Wet | None = None
    soort: str = ""  # "" = every kind in SOORTEN
    pagina: int = 1


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


@dataclass
class Zoekuitkomst:
    vraag: Zoekvraag
    parsed: ParsedQuery
    vastgepind: list[Treffer] = field(default_factory=list)
    treffers: list[Treffer] = field(default_factory=list)
    aantal_tekst: int = 0
    ruimer: bool = False  # after the pages with every word follow pages with most of them
    aantal_volledig: int = 0  # text results holding every word
    meer_dan: bool = False  # more text results than MAX_RESULTS: aantal_tekst is that maximum
    meldingen: list[str] = field(default_factory=list)
    suggesties: list[str] = field(default_factory=list)
    doorverwijzing: str = ""  # a citation that names exactly one place: go there

    @property
    def aantal(self) -> int:
        return len(self.vastgepind) + self.aantal_tekst

    @property
    def paginas(self) -> int:
        return max(1, math.ceil(self.aantal_tekst / PAGE_SIZE))

    @property
    def resultaten(self) -> list[Treffer]:
        return (self.vastgepind if self.vraag.pagina == 1 else []) + self.treffers


def zoek(vraag: Zoekvraag) -> Zoekuitkomst:
    parsed = parse_query(vraag.q)
    uitkomst = Zoekuitkomst(vraag=vraag, parsed=parsed)
    if not parsed.citation and not parsed.has_text:
        return uitkomst

    peildatum = vraag.peildatum or timezone.localdate()
    loaded = published()
    scope = versions_in_scope(peildatum, vraag.alle_versies, vraag.regeling, loaded)
    if not scope:
        uitkomst.meldingen.append(
            f"Op {peildatum:%d-%m-%Y} gold geen versie"
            + (f" van {vraag.regeling.title}" if vraag.regeling else " van een regeling")
            + ". Kies een andere peildatum of zoek in alle versies."
        )
        return uitkomst

    if parsed.citation:
        _pin_citation(uitkomst, parsed.citation, scope, bare=not parsed.has_text)
    clauses = build_clauses(parsed, loaded.synonym_pairs) if parsed.has_text else []
    marks = highlight_terms(clauses)
    if parsed.has_text and _kinds(vraag) and "begrip" in _kinds(vraag):
        _pin_begrip(uitkomst, loaded.begrippen_named(parsed.text), scope)
    for treffer in uitkomst.vastgepind:
        treffer.fragment = _fragment(treffer.tekst, marks)

    if clauses:
        base = _searchable(vraag, scope).exclude(pk__in=[t.pk for t in uitkomst.vastgepind])
        pages = _text_search(uitkomst, base, clauses, vraag.pagina)
        uitkomst.treffers = _treffers(pages, scope, marks)

    if not uitkomst.resultaten and vraag.pagina == 1:
        uitkomst.suggesties = suggesties(parsed, scope)
    if (
        len(uitkomst.vastgepind) == 1
        and uitkomst.vastgepind[0].vastgepind == "verwijzing"
        and not parsed.has_text
    ):
        uitkomst.doorverwijzing = uitkomst.vastgepind[0].url
    return uitkomst


# -- text search: every word first, then most of them; titles that match rank first --

# The first this many results are put in order by how much of the query their title holds;
# further pages follow the backend's own ranking.
RANKED = 50


def _text_search(uitkomst: Zoekuitkomst, base, clauses: list[Clause], pagina: int) -> list[Page]:
    """One page of text results (pages as the backend returns them, not yet specific). When
    fewer than a page of results holds every clause, pages holding all but one follow
    ("ruimer"), then all but two, and so on."""
    start, end = (pagina - 1) * PAGE_SIZE, pagina * PAGE_SIZE
    n = len(clauses)
    results = base.search(search_query_at_least(clauses, n))
    # Fetch before counting: fewer than RANKED results are their own count, and a backend
    # that counts while fetching (see postgres.py) answers count() without another query.
    fetched = list(results[start:end] if start >= RANKED else results[:RANKED])
    total = len(fetched) if start < RANKED and len(fetched) < RANKED else results.count()
    # A backend may stop counting just past MAX_RESULTS (postgres.COUNT_LIMIT); no page shows more.
    uitkomst.meer_dan = total > MAX_RESULTS
    total = min(total, MAX_RESULTS)
    uitkomst.aantal_volledig = total
    if total >= PAGE_SIZE or n == 1:
        uitkomst.aantal_tekst = total
        if start >= RANKED:
            return fetched
        return _by_title(fetched, clauses)[start:end]
    found = _by_title(fetched if start < RANKED else list(results[:total]), clauses)
    for k in range(n - 1, 0, -1):
        seen = {p.pk for p in found}
        more = [p for p in base.search(search_query_at_least(clauses, k))[:RANKED] if p.pk not in seen]
        found += _by_title(more, clauses)
        if len(found) >= PAGE_SIZE:
            break
    uitkomst.aantal_tekst = len(found)
    uitkomst.ruimer = len(found) > total
    return found[start:end]


def _by_title(pages: list[Page], clauses: list[Clause]) -> list[Page]:
    """Pages in order of how much of the query the title holds (stemmed, compounds split), rare
    words counting more than common ones; ties keep the backend's ranking."""
    weights = [informativeness(c) for c in clauses]

    def title_score(page: Page) -> float:
        forms = set(index_forms(page.title).split()) | {fold(w) for w in page.title.split()}
        return sum(w for c, w in zip(clauses, weights, strict=True) if clause_matches(c, forms))

    return sorted(pages, key=lambda p: -title_score(p))


# -- scope and kinds -----------------------------------------------------------


TAGGED_KINDS = ("artikel", "onderdeel")  # the pages that carry law tags


def _kinds(vraag: Zoekvraag) -> list[str]:
    kinds = [vraag.soort] if vraag.soort else list(SOORTEN)
    if vraag.wet is not None:
        kinds = [k for k in kinds if k in TAGGED_KINDS]
    return kinds


def _searchable(vraag: Zoekvraag, scope: Scope):
    """Live pages of the chosen kinds inside the versions in scope, as a Page queryset
    whose filters (content type, path, id) every Wagtail search backend can apply."""
    kinds = _kinds(vraag)
    if not kinds:
        return Page.objects.none()
    pages = Page.objects.live().type(*(SOORTEN[k] for k in kinds)).filter(_in_versions(scope))
    pages = pages.only("title", "content_type")  # what ranking by title reads; shown ones load later
    if vraag.wet is not None:
        tagged = [
            pk
            for model in (ArtikelPage, DivisiePage)
            for pk in model.objects.filter(wetten=vraag.wet, versie_id__in=list(scope)).values_list(
                "pk", flat=True
            )
        ]
        pages = pages.filter(pk__in=tagged)
    return pages


def _in_versions(scope: Scope) -> Q:
    """Pages inside the versions in scope, by path. When every live version is in scope (one
    version per regeling, or "alle versies") their common ancestor's path says the same in
    one condition instead of one per version, which the database checks far faster."""
    paths = [s.versie.path for s in scope.values()]
    if scope.every_live_version:
        common = os.path.commonprefix(paths)
        common = common[: len(common) - len(common) % Page.steplen]
        if common:
            return Q(path__startswith=common)
    return reduce(or_, (Q(path__startswith=p) for p in paths))


# -- results -------------------------------------------------------------------


def _fragment(text: str, marks) -> SafeString:
    return fragment(text, marks)[0] if text else mark_safe("")


# What a result line and its fragment read of each kind of page, from its own table.
SHOWN_FIELDS = {
    ArtikelPage: ("page_ptr", "versie", "nummer", "opschrift", "body"),
    BijlagePage: ("page_ptr", "versie", "nummer", "opschrift", "body"),
    DivisiePage: ("page_ptr", "versie", "nummer", "opschrift", "intro", "soort"),
    BegripPage: ("page_ptr", "versie", "term", "definitie"),
}
SHOWN_SOORT = {ArtikelPage: "artikel", BijlagePage: "bijlage", BegripPage: "begrip"}  # Divisie: soort


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


def _load_shown(pks, scope, pinned: str = "") -> dict[int, Treffer]:
    """Result lines for the given pages in versions in scope, by page id, in one query."""
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
        else:
            nummer, titel = values["nummer"], values["opschrift"] or title
            stream = values.get("body", values.get("intro"))
        soort = SHOWN_SOORT.get(model) or values["soort"]
        url_of.url_path = url_path
        url = url_of.get_url()
        tekst = raw_stream_plain_text(stream)
        found[pk] = Treffer(pk, soort, nummer, titel, url, in_scope, vastgepind=pinned, tekst=tekst)
    return found


def _treffers(pages: list[Page], scope, marks) -> list[Treffer]:
    shown = _load_shown([p.pk for p in pages], scope)
    treffers = [shown[p.pk] for p in pages if p.pk in shown]
    for treffer in treffers:
        treffer.fragment = _fragment(treffer.tekst, marks)
    return treffers


# -- citations and begrippen ---------------------------------------------------


def _citation_targets(citation: Citation, versie_ids: list[int]):
    """The pages a citation names in the versions in scope (a queryset of one page type)."""
    nummer = citation.nummer
    if citation.kind in ("artikel", "nummer"):
        found = ArtikelPage.objects.live().filter(versie_id__in=versie_ids, nummer__iexact=nummer)
        if citation.kind == "artikel" or found.exists():
            return found
        return DivisiePage.objects.live().filter(versie_id__in=versie_ids, nummer=nummer)
    if citation.kind == "bijlage":
        return BijlagePage.objects.live().filter(versie_id__in=versie_ids, nummer__iexact=nummer)
    return DivisiePage.objects.live().filter(versie_id__in=versie_ids, soort=citation.kind, nummer=nummer)


def _pin_citation(uitkomst: Zoekuitkomst, citation: Citation, scope, bare: bool) -> None:
    targets = _citation_targets(citation, list(scope))
    rows = targets.values_list("pk", "versie_id", "path")
    pinned = _pin_first(uitkomst, rows, scope, "verwijzing", citation.label().capitalize())
    for treffer in pinned:
        if citation.lid and treffer.soort == "artikel":
            treffer.url += f"#lid-{citation.lid}"
    if not pinned:
        waar = "in de versies die op de peildatum golden"
        if uitkomst.vraag.alle_versies:
            waar = "in geen enkele versie"
        elif uitkomst.vraag.regeling:
            waar = f"in de versie van {uitkomst.vraag.regeling.title} die op de peildatum gold"
        uitkomst.meldingen.append(
            f"{citation.label().capitalize()} staat niet {waar}."
            + ("" if uitkomst.vraag.alle_versies else " Zoek eventueel in alle versies.")
        )


def _pin_begrip(uitkomst: Zoekuitkomst, named, scope) -> None:
    """Pin the begrippen the query names (GenoemdBegrip rows, see published.py) in scope."""
    pinned = {t.pk for t in uitkomst.vastgepind}
    rows = [(b.pk, b.versie_id, b.path) for b in named if b.versie_id in scope and b.pk not in pinned]
    _pin_first(uitkomst, rows, scope, "begrip", "Het begrip")


def _pin_first(uitkomst: Zoekuitkomst, rows, scope, why: str, what: str) -> list[Treffer]:
    """Pin the first pages of `rows` ((pk, versie id, path) of pages in versions in scope) in
    order of regeling, saying how many there are when more; only the pinned pages are loaded."""
    ordered = sorted((scope[versie_id].regeling.title, path, pk) for pk, versie_id, path in rows)
    if len(ordered) > PAGE_SIZE:
        # The same number or begrip in many regelingen: the first ones, and how to see the rest.
        uitkomst.meldingen.append(
            f"{what} staat in {len(ordered)} regelingen; hier de eerste {PAGE_SIZE}. "
            "Kies een regeling om daarin te zoeken."
        )
    first = [pk for _, _, pk in ordered[:PAGE_SIZE]]
    loaded = _load_shown(first, scope, pinned=why)
    treffers = [loaded[pk] for pk in first if pk in loaded]
    uitkomst.vastgepind += treffers
    return treffers


def suggesties(parsed: ParsedQuery, scope, limit: int = 5) -> list[str]:
    """Begrip names and article titles close to the query, for an empty result."""
    names = set(BegripPage.objects.live().filter(versie_id__in=list(scope)).values_list("term", flat=True))
    names |= set(
        ArtikelPage.objects.live().filter(versie_id__in=list(scope)).values_list("opschrift", flat=True)
    )
    names.discard("")
    by_key = {fold(n): n for n in names}
    wanted = fold(parsed.text or parsed.raw)
    close = difflib.get_close_matches(wanted, list(by_key), n=limit, cutoff=0.6)
    for word in parsed.all_words:
        close += difflib.get_close_matches(fold(word), list(by_key), n=2, cutoff=0.7)
        close += [k for k in by_key if fold(word) and fold(word)[:5] in k.split()[0:1]]
    return [by_key[k] for k in dict.fromkeys(close)][:limit]
