"""One page of text results: every word first, then most of them; words as typed before synonyms.

The words (clauses, see expansion.py) go to Wagtail's search backend as one query, and where
a synonym applies, one more for the pages found only through it. When fewer
than a page of results holds every clause, pages holding all but one follow ("ruimer"), then
all but two, and so on; at each of these steps the pages holding the rarer words come first
(expansion.fewer_clauses). Everywhere the pages that hold the words as typed come before
those found only through a synonym (a literal "rolstoel" before a page that only says what
an editor made its synonym); within each, titles that hold the query rank first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .expansion import (
    Clause,
    fewer_clauses,
    has_synonyms,
    search_query_at_least,
    search_query_by_synonym_only,
)
from .paging import PAGE_SIZE
from .title_ranking import by_title

if TYPE_CHECKING:
    from wagtail.models import Page

# The first this many results of each tier are put in order by how much of the query their
# title holds; further pages follow the backend's own ranking.
RANKED = 50


@dataclass
class TextPage:
    """The text results on one page, and the counts the result page shows."""

    pages: list[Page] = field(default_factory=list)  # as the backend returns them, not yet specific
    aantal_tekst: int = 0  # text results to page through
    aantal_volledig: int = 0  # text results holding every word (as typed or by a synonym)
    meer_dan: bool = False  # more text results than max_results: the counts are that maximum
    ruimer: bool = False  # after the results with every word follow results with most of them


class Tier:
    """The pages that match one query, in the order shown: the first RANKED by their titles,
    the rest as the backend ranks them. Fetched and counted only as far as a page needs."""

    def __init__(self, base, query, clauses: list[Clause]):
        self.results = base.search(query)
        self.clauses = clauses

    @cached_property
    def head(self) -> list[Page]:
        return by_title(list(self.results[:RANKED]), self.clauses)

    def slice(self, lo: int, hi: int) -> list[Page]:
        """The pages at positions lo..hi (hi excluded) of this tier."""
        pages = self.head[lo:hi] if lo < RANKED else []
        if hi > RANKED:
            pages += list(self.results[max(lo, RANKED) : hi])
        return pages

    def count(self) -> int:
        # Fewer than RANKED fetched are their own count; a backend that counts while fetching
        # (see postgres.py) answers count() after a slice without another query.
        if "head" in self.__dict__ and len(self.head) < RANKED:
            return len(self.head)
        return self.results.count()


def tiers(base, clauses: list[Clause], k: int) -> list[Tier]:
    """The pages matching at least k clauses: first with the words as typed, then those that
    match only through a synonym (a query of its own, so each tier pages on the backend)."""
    found = [Tier(base, search_query_at_least(clauses, k, literal=True), clauses)]
    if has_synonyms(clauses):
        found.append(Tier(base, search_query_by_synonym_only(clauses, k), clauses))
    return found


def text_page(base, clauses: list[Clause], pagina: int, max_results: int) -> TextPage:
    """Page `pagina` of the text results for `clauses` among `base` (see searchable.py), counting
    no further than `max_results` (the search service passes its MAX_RESULTS)."""
    start, end = (pagina - 1) * PAGE_SIZE, pagina * PAGE_SIZE
    n = len(clauses)
    outcome = TextPage()
    every_clause = tiers(base, clauses, n)
    pages: list[Page] = []
    total = 0  # pages in the tiers before this one: where this tier starts
    for tier in every_clause:
        if total > max_results:
            break  # a search shows no more than max_results: later tiers are never reached
        if end > total:
            pages += tier.slice(max(start - total, 0), end - total)
        total += tier.count()
    # A backend may stop counting just past MAX_RESULTS (postgres.COUNT_LIMIT); no page shows more.
    outcome.meer_dan = total > max_results
    total = min(total, max_results)
    outcome.aantal_volledig = total
    if total >= PAGE_SIZE or n == 1:
        outcome.aantal_tekst = total
        outcome.pages = pages
        return outcome
    # Fewer than a page: every tier was fetched whole.
    found = with_most_clauses(base, clauses, [p for tier in every_clause for p in tier.head])
    outcome.aantal_tekst = len(found)
    outcome.ruimer = len(found) > total
    outcome.pages = found[start:end]
    return outcome


def with_most_clauses(base, clauses: list[Clause], found: list[Page]) -> list[Page]:
    """`found` followed by the pages holding all but one clause, then all but two ..., until
    they fill a page of results."""
    for k in range(len(clauses) - 1, 0, -1):
        for group in fewer_clauses(clauses, k):
            for tier in tiers(base, group, k):
                seen = {p.pk for p in found}
                found = found + by_title([p for p in tier.results[:RANKED] if p.pk not in seen], clauses)
            if len(found) >= PAGE_SIZE:
                return found
    return found
