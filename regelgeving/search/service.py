"""One search for the page, the JSON API and the benchmark: filters, citations, begrippen, text.

`zoek(vraag)` takes validated parameters and returns plain results; with a law and no words it
lists the articles based on that law (`op_grond_van`). Citations and a begrip
named by the query are looked up in the database and put first ("vastgepind", pins.py); the
rest comes from Wagtail's search backend (database, PostgreSQL or Elasticsearch alike,
text_search.py). This module only composes the steps; each lives in a module of its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from wagtail.models import Site

from ..models import RegelingPage, Wet
from .expansion import Marks, build_clauses, highlight_terms, search_query_at_least
from .kinds import kinds_searched
from .paging import MAX_RESULTS, PAGE_SIZE
from .pins import Pinned, pin_begrippen, pin_citation
from .published import published
from .query import ParsedQuery, parse_query
from .result_lines import Treffer, add_fragments, result_lines
from .scope import versions_in_scope
from .searchable import searchable_pages
from .suggestions import suggesties
from .text_search import text_page


@dataclass
class Zoekvraag:
    """Validated search parameters (see forms.ZoekForm)."""

    q: str = ""
    peildatum: date | None = None
    alle_versies: bool = False
    regeling: RegelingPage | None = None
    wet: Wet | None = None
    soort: str = ""  # "" = every kind in kinds.SOORTEN
    pagina: int = 1
    site: Site | None = None  # the gemeente's site searched; None: every site (commands, benchmarks)

    @property
    def site_path(self) -> str:
        """The tree path every page of the searched site starts with ("" for every site)."""
        return self.site.root_page.path if self.site is not None else ""


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

    def pin(self, pinned: Pinned) -> None:
        """Put these result lines first, after those pinned before, with their messages."""
        self.vastgepind += pinned.treffers
        self.meldingen += pinned.meldingen


def zoek(vraag: Zoekvraag) -> Zoekuitkomst:
    parsed = parse_query(vraag.q)
    uitkomst = Zoekuitkomst(vraag=vraag, parsed=parsed)
    bladeren = not parsed.citation and not parsed.has_text  # no words: at most browse by law
    if bladeren and vraag.wet is None:
        return uitkomst

    peildatum = vraag.peildatum or timezone.localdate()
    loaded = published(vraag.site_path)
    scope = versions_in_scope(peildatum, vraag.alle_versies, vraag.regeling, loaded)
    if not scope:
        uitkomst.meldingen.append(
            f"Op {peildatum:%d-%m-%Y} gold geen versie"
            + (f" van {vraag.regeling.title}" if vraag.regeling else " van een regeling")
            + ". Kies een andere peildatum of zoek in alle versies."
        )
        return uitkomst

    if bladeren:
        return op_grond_van(uitkomst, scope)
    if parsed.citation:
        uitkomst.pin(pin_citation(parsed.citation, scope, vraag.alle_versies, vraag.regeling, vraag.site))
    clauses = build_clauses(parsed, loaded.synonym_pairs, loaded.law_names) if parsed.has_text else []
    marks = highlight_terms(clauses)
    kinds = kinds_searched(vraag.soort, vraag.wet)
    if parsed.has_text and "begrip" in kinds:
        already = {t.pk for t in uitkomst.vastgepind}
        uitkomst.pin(pin_begrippen(loaded.begrippen_named(parsed.text), scope, already, vraag.site))
    add_fragments(uitkomst.vastgepind, marks)

    if clauses:
        base = searchable_pages(kinds, vraag.wet, scope).exclude(pk__in=[t.pk for t in uitkomst.vastgepind])
        # MAX_RESULTS is read here, at call time, so one module attribute sets it (tests lower it).
        found = text_page(base, clauses, vraag.pagina, max_results=MAX_RESULTS)
        uitkomst.aantal_tekst, uitkomst.aantal_volledig = found.aantal_tekst, found.aantal_volledig
        uitkomst.meer_dan, uitkomst.ruimer = found.meer_dan, found.ruimer
        uitkomst.treffers = result_lines(found.pages, scope, vraag.site)
        add_fragments(uitkomst.treffers, marks)

    if not uitkomst.resultaten and vraag.pagina == 1:
        uitkomst.suggesties = suggesties(parsed, scope)
    if (
        len(uitkomst.vastgepind) == 1
        and uitkomst.vastgepind[0].vastgepind == "verwijzing"
        and not parsed.has_text
    ):
        uitkomst.doorverwijzing = uitkomst.vastgepind[0].url
    return uitkomst


def op_grond_van(uitkomst: Zoekuitkomst, scope) -> Zoekuitkomst:
    """Browsing by law (a law chosen, no words): every article in scope tagged with the law,
    in the order of the regulation (or every page of the chosen kind that carries tags)."""
    vraag = uitkomst.vraag
    pages = searchable_pages(kinds_searched(vraag.soort or "artikel", vraag.wet), vraag.wet, scope)
    pages = pages.order_by("path")
    uitkomst.aantal_tekst = pages.count()
    start = (vraag.pagina - 1) * PAGE_SIZE
    uitkomst.treffers = result_lines(list(pages[start : start + PAGE_SIZE]), scope, vraag.site)
    add_fragments(uitkomst.treffers, Marks())  # no words to mark: the text's first lines
    return uitkomst


def text_query(q: str, any_word: bool = False, site_path: str = ""):
    """The backend query the site searches for the text of `q`, for searches that are not a
    `zoek` (the Wagtail API's `search`): the same cleaning, bounds, stems and synonyms (those of
    the site with this root path), every word required (or, with `any_word`, any of them).
    None when `q` holds no word to search."""
    parsed = parse_query(q, citations=False)
    if not parsed.has_text:
        return None
    loaded = published(site_path)
    clauses = build_clauses(parsed, loaded.synonym_pairs, loaded.law_names)
    return search_query_at_least(clauses, 1 if any_word else len(clauses))
