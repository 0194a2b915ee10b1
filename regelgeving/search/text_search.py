"""One page of text results: every word first, then most of them; titles that match rank first.

The words (clauses, see expansion.py) go to Wagtail's search backend as one query. When fewer
than a page of results holds every clause, pages holding all but one follow ("ruimer"), then
all but two, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .expansion import Clause, search_query_at_least
from .paging import PAGE_SIZE
from .title_ranking import by_title

if TYPE_CHECKING:
    from wagtail.models import Page

# The first this many results are put in order by how much of the query their title holds;
# further pages follow the backend's own ranking.
RANKED = 50


@dataclass
class TextPage:
    """The text results on one page, and the counts the result page shows."""

    pages: list[Page] = field(default_factory=list)  # as the backend returns them, not yet specific
    aantal_tekst: int = 0  # text results to page through
    aantal_volledig: int = 0  # text results holding every word
    meer_dan: bool = False  # more text results than max_results: the counts are that maximum
    ruimer: bool = False  # after the results with every word follow results with most of them


def text_page(base, clauses: list[Clause], pagina: int, max_results: int) -> TextPage:
    """Page `pagina` of the text results for `clauses` among `base` (see searchable.py), counting
    no further than `max_results` (the search service passes its MAX_RESULTS)."""
    start, end = (pagina - 1) * PAGE_SIZE, pagina * PAGE_SIZE
    n = len(clauses)
    outcome = TextPage()
    results = base.search(search_query_at_least(clauses, n))
    # Fetch before counting: fewer than RANKED results are their own count, and a backend
    # that counts while fetching (see postgres.py) answers count() without another query.
    fetched = list(results[start:end] if start >= RANKED else results[:RANKED])
    total = len(fetched) if start < RANKED and len(fetched) < RANKED else results.count()
    # A backend may stop counting just past MAX_RESULTS (postgres.COUNT_LIMIT); no page shows more.
    outcome.meer_dan = total > max_results
    total = min(total, max_results)
    outcome.aantal_volledig = total
    if total >= PAGE_SIZE or n == 1:
        outcome.aantal_tekst = total
        outcome.pages = fetched if start >= RANKED else by_title(fetched, clauses)[start:end]
        return outcome
    found = by_title(fetched if start < RANKED else list(results[:total]), clauses)
    for k in range(n - 1, 0, -1):
        seen = {p.pk for p in found}
        more = [p for p in base.search(search_query_at_least(clauses, k))[:RANKED] if p.pk not in seen]
        found += by_title(more, clauses)
        if len(found) >= PAGE_SIZE:
            break
    outcome.aantal_tekst = len(found)
    outcome.ruimer = len(found) > total
    outcome.pages = found[start:end]
    return outcome
