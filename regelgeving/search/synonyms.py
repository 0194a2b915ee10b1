"""The synonym pairs a search expands a query with, and the names of laws, read from the database.

Editors keep synonyms (`Synoniem`, e.g. pgb = persoonsgebonden budget) and every law (`Wet`)
names itself several ways (afkorting, naam, aliases). Both become pairs of folded word
tuples, in both directions, which the pure query expansion (expansion.build_clauses) takes.
The names of laws also tell the expansion where a typed word may only be part of a name.
"""

from __future__ import annotations

import re

from django.db.models import Q

from ..analysis import fold, words
from ..models import Synoniem, Wet

YEAR_SUFFIX = re.compile(r"\s+(?:19|20)\d\d$")


def _law_groups() -> list[list[str]]:
    """Every law's names: afkorting, naam and aliases, and those without their year."""
    groups = []
    for wet in Wet.objects.all():
        names = [wet.afkorting, wet.naam] + [a for a in wet.aliassen.splitlines() if a.strip()]
        # "Wet maatschappelijke ondersteuning 2015" is usually typed without its year.
        names += [YEAR_SUFFIX.sub("", n) for n in names if n and YEAR_SUFFIX.search(n)]
        groups.append([n for n in names if n])
    return groups


def _key(name: str) -> tuple[str, ...]:
    return tuple(fold(w) for w in words(name))


def synonym_pairs(site_path: str = "") -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Both directions of every editor synonym (the shared ones and those of the gemeente whose
    site's root has this tree path; "": all) and of every law's afkorting, naam and aliases."""
    pairs = []
    synoniemen = Synoniem.objects.all()
    if site_path:
        synoniemen = synoniemen.filter(Q(gemeente=None) | Q(gemeente__site__root_page__path=site_path))
    groups = [[s.term, s.synoniem] for s in synoniemen] + _law_groups()
    for group in groups:
        keys = [k for k in dict.fromkeys(_key(name) for name in group) if k]
        for a in keys:
            for b in keys:
                if a != b:
                    pairs.append((a, b))
    return pairs


def law_names() -> list[tuple[str, ...]]:
    """The names of laws of more than one word, as folded words, without their year: a mention
    of "Wet maatschappelijke ondersteuning 2015" holds "Wet maatschappelijke ondersteuning"."""
    names = (_key(YEAR_SUFFIX.sub("", name)) for group in _law_groups() for name in group)
    return [name for name in dict.fromkeys(names) if len(name) > 1]
