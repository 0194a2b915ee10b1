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
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from ..models import ArtikelPage, BegripPage, BijlagePage, DivisiePage, RegelingPage, Wet
from ..rich_text import stream_plain_text
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
from .published import published
from .query import Citation, ParsedQuery, parse_query
from .scope import Scope, VersieInScope, versions_in_scope

PAGE_SIZE = 10
MAX_PAGE = 100
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
    page: Page
    soort: str
    nummer: str
    titel: str
    url: str
    scope: VersieInScope
    fragment: SafeString = field(default_factory=lambda: mark_safe(""))
    vastgepind: str = ""  # why it is first: "verwijzing" or "begrip"

    @property
    def soort_label(self) -> str:
        return SOORT_LABELS.get(self.soort, self.soort.capitalize())

    def as_json(self) -> dict:
        versie, geldigheid = self.scope.versie, self.scope.geldigheid
        return {
            "id": self.page.pk,
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
        treffer.fragment = _fragment_of(treffer.page, marks)

    if clauses:
        base = _searchable(vraag, scope).exclude(pk__in=[t.page.pk for t in uitkomst.vastgepind])
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


def _describe(page: Page, scope: dict[int, VersieInScope], pinned: str = "") -> Treffer | None:
    in_scope = scope.get(getattr(page, "versie_id", None))
    if in_scope is None:
        return None
    if isinstance(page, BegripPage):
        soort, nummer, titel = "begrip", "", page.term
    elif isinstance(page, DivisiePage):
        soort, nummer, titel = page.soort, page.nummer, page.opschrift or page.title
    else:
        soort = "bijlage" if isinstance(page, BijlagePage) else "artikel"
        nummer, titel = page.nummer, page.opschrift or page.title
    return Treffer(page, soort, nummer, titel, page.url, in_scope, vastgepind=pinned)


def _text_of(page: Page) -> str:
    if isinstance(page, BegripPage):
        return stream_plain_text(page.definitie)
    if isinstance(page, DivisiePage):
        return stream_plain_text(page.intro)
    return stream_plain_text(page.body)


def _fragment_of(page: Page, marks) -> SafeString:
    text = _text_of(page)
    if not text:
        return mark_safe("")
    html, _ = fragment(text, marks)
    return html


# What a result line and its fragment read of each kind of page; the rest is not loaded.
RESULT_FIELDS = ("title", "url_path", "path", "depth", "content_type")
RESULT_TEXT_FIELDS = {
    ArtikelPage: ("nummer", "opschrift", "body", "versie"),
    BijlagePage: ("nummer", "opschrift", "body", "versie"),
    DivisiePage: ("soort", "nummer", "opschrift", "intro", "versie"),
    BegripPage: ("term", "definitie", "versie"),
}
_RELATIONS = {model._meta.model_name: fields for model, fields in RESULT_TEXT_FIELDS.items()}


def _load_shown(pks) -> dict[int, Page]:
    """The specific pages of result lines by id, in one query (each kind's table joined to the
    page table), loading only what a result line and its fragment read."""
    only = [*RESULT_FIELDS, *(f"{rel}__{f}" for rel, fields in _RELATIONS.items() for f in fields)]
    found = {}
    for page in Page.objects.filter(pk__in=pks).select_related(*_RELATIONS).only(*only):
        specific = next((s for s in (getattr(page, rel, None) for rel in _RELATIONS) if s), None)
        if specific is not None:
            found[page.pk] = specific
    return found


def _treffers(pages: list[Page], scope, marks) -> list[Treffer]:
    specific = _load_shown([p.pk for p in pages])
    treffers = []
    for page in pages:
        treffer = _describe(specific[page.pk], scope) if page.pk in specific else None
        if treffer:
            treffer.fragment = _fragment_of(treffer.page, marks)
            treffers.append(treffer)
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
        if citation.lid and isinstance(treffer.page, ArtikelPage):
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
    pinned = {t.page.pk for t in uitkomst.vastgepind}
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
    loaded = _load_shown(first) if first else {}
    treffers = [t for t in (_describe(loaded[pk], scope, pinned=why) for pk in first if pk in loaded) if t]
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
