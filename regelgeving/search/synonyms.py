"""The synonym pairs a search expands a query with, read from the database.

Editors keep synonyms (`Synoniem`, e.g. pgb = persoonsgebonden budget) and every law (`Wet`)
names itself several ways (afkorting, naam, aliases). Both become pairs of folded word
tuples, in both directions, which the pure query expansion (expansion.build_clauses) takes.
"""

from __future__ import annotations

import re

from ..analysis import fold, words
from ..models import Synoniem, Wet

YEAR_SUFFIX = re.compile(r"\s+(?:19|20)\d\d$")


def synonym_pairs() -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Both directions of every editor synonym and of every law's afkorting, naam and aliases."""
    pairs = []
    groups = [[s.term, s.synoniem] for s in Synoniem.objects.all()]
    for wet in Wet.objects.all():
        names = [wet.afkorting, wet.naam] + [a for a in wet.aliassen.splitlines() if a.strip()]
        # "Wet maatschappelijke ondersteuning 2015" is usually typed without its year.
        names += [YEAR_SUFFIX.sub("", n) for n in names if n and YEAR_SUFFIX.search(n)]
        groups.append([n for n in names if n])
    for group in groups:
        keys = [tuple(fold(w) for w in words(name)) for name in group]
        keys = [k for k in dict.fromkeys(keys) if k]
        for a in keys:
            for b in keys:
                if a != b:
                    pairs.append((a, b))
    return pairs
