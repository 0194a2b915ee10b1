"""Text results in order of how much of the query their title holds. Pure: reads only titles."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis import fold, index_forms
from .expansion import Clause, clause_matches, informativeness

if TYPE_CHECKING:  # only for annotations: any object with a `title` will do
    from wagtail.models import Page


def by_title(pages: list[Page], clauses: list[Clause]) -> list[Page]:
    """Pages in order of how much of the query the title holds (stemmed, compounds split), rare
    words counting more than common ones; ties keep the backend's ranking."""
    weights = [informativeness(c) for c in clauses]

    def title_score(page: Page) -> float:
        forms = set(index_forms(page.title).split()) | {fold(w) for w in page.title.split()}
        return sum(w for c, w in zip(clauses, weights, strict=True) if clause_matches(c, forms))

    return sorted(pages, key=lambda p: -title_score(p))
