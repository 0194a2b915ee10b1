"""What every search reads of the published structure, kept in memory between searches.

The live regelingen with the timeline of their live versions, the synonym pairs, and the
names of live begrippen change only when editors publish, import or edit them. Loading
them took five queries per search; now a search reads one row (`SearchCacheKey`) and
reuses what this process loaded under the same key. Every change to them renews the key in
the same transaction (regelgeving/signals.py), so the next search in any process loads
again: a search never uses a version, begrip or synonym that is no longer so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import validity
from ..analysis import query_form
from ..models import BegripPage, RegelingPage, RegelingVersiePage, SearchCacheKey
from .query import normalized
from .synonyms import law_names, synonym_pairs


@dataclass(frozen=True)
class Regeling:
    """What a result line needs of a regeling (plain rows: a search may span 100 of them)."""

    pk: int
    title: str
    slug: str


@dataclass(frozen=True)
class Versie:
    """What a result line and the timeline need of a version."""

    pk: int
    title: str
    path: str
    in_werking_op: object
    uitgewerkt_op: object


@dataclass(frozen=True)
class GenoemdBegrip:
    pk: int
    versie_id: int | None
    path: str


def name_keys(name: str) -> tuple[str, tuple[str, ...]]:
    """The two ways a query names a begrip: its words as written (normalised), or their stems."""
    words = normalized(name)
    return words, tuple(query_form(w) for w in words.split())


@dataclass
class Published:
    # Each live regeling with the timeline of its live versions (validity.tijdlijn).
    regelingen: list[tuple[Regeling, list[validity.Geldigheid]]] = field(default_factory=list)
    live_versions: int = 0  # also those under a regeling that is not live
    synonym_pairs: list = field(default_factory=list)
    law_names: list = field(default_factory=list)
    begrippen: dict[object, list[GenoemdBegrip]] = field(default_factory=dict)

    def begrippen_named(self, text: str) -> list[GenoemdBegrip]:
        """Live begrippen whose term or a form of it is `text`, word for word or stem for stem."""
        words, stems = name_keys(text)
        if not words:
            return []
        found = self.begrippen.get(("woorden", words), []) + self.begrippen.get(("stammen", stems), [])
        return list(dict.fromkeys(found))


def published() -> Published:
    key = SearchCacheKey.current()
    return _load() if key is None else _loaded_under(key)


@lru_cache(maxsize=1)
def _loaded_under(key: str) -> Published:
    return _load()


def _load() -> Published:
    by_path = {
        path: Regeling(pk, title, slug)
        for pk, title, slug, path in RegelingPage.objects.live().values_list("pk", "title", "slug", "path")
    }
    versies = RegelingVersiePage.objects.live().filter(depth__gt=1)
    live = [
        Versie(*row) for row in versies.values_list("pk", "title", "path", "in_werking_op", "uitgewerkt_op")
    ]
    grouped: dict[str, list[Versie]] = {}
    for versie in live:
        parent_path = versie.path[: -RegelingVersiePage.steplen]
        if parent_path in by_path:  # not under a regeling that is not live
            grouped.setdefault(parent_path, []).append(versie)
    begrippen: dict[object, list[GenoemdBegrip]] = {}
    rows = BegripPage.objects.live().values_list("pk", "term", "vormen", "versie_id", "path")
    for pk, term, vormen, versie_id, path in rows:
        begrip = GenoemdBegrip(pk, versie_id, path)
        for name in dict.fromkeys([term, *(vormen or [])]):
            words, stems = name_keys(name)
            if words:
                begrippen.setdefault(("woorden", words), []).append(begrip)
                begrippen.setdefault(("stammen", stems), []).append(begrip)
    return Published(
        regelingen=[(by_path[path], validity.tijdlijn(group)) for path, group in grouped.items()],
        live_versions=len(live),
        synonym_pairs=synonym_pairs(),
        law_names=law_names(),
        begrippen=begrippen,
    )
