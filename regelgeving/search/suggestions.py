"""What an empty result suggests instead: begrip names and article titles close to the query."""

from __future__ import annotations

import difflib

from ..analysis import fold
from ..models import ArtikelPage, BegripPage
from .query import ParsedQuery
from .scope import Scope


def suggesties(parsed: ParsedQuery, scope: Scope, limit: int = 5) -> list[str]:
    """Begrip names and article titles in the versions in scope close to the query: to the
    whole of it, to one of its words, or starting like one of them."""
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
