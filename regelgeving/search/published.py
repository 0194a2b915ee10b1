"""What every search reads of the published structure, kept in memory between searches.

The live regelingen with the timeline of their live versions, the synonym pairs, and the
names of live begrippen change only when editors publish, import or edit them. Loading
them took five queries per search; now a search reads one row (`SearchCacheKey`) and
reuses what this process loaded under the same key. Every change to them renews the key in
the same transaction (regelgeving/signals.py), so the next search in any process loads
again: a search never uses a version, begrip or synonym that is no longer so.

Each gemeente's site searches only its own pages, so what is loaded is that site's: the pages
whose tree path starts with its root page's (`site_path`, an index-friendly prefix), loaded and
kept per site. Loading one site costs the same however many gemeenten the installation serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .. import validity
from ..analysis import query_form
from ..models import BegripPage, RegelingPage, RegelingVersiePage, SearchCacheKey
from .kinds import SOORTEN, TAGGED_KINDS
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
    # Every version page of the site, live or not, also under a regeling that is not live: what a
    # search may have to leave out (scope.py).
    version_paths: tuple[str, ...] = ()
    synonym_pairs: list = field(default_factory=list)
    law_names: list = field(default_factory=list)
    begrippen: dict[object, list[GenoemdBegrip]] = field(default_factory=dict)
    wet_ids: frozenset[int] = frozenset()  # the laws that live pages of the site are tagged with

    def begrippen_named(self, text: str) -> list[GenoemdBegrip]:
        """Live begrippen whose term or a form of it is `text`, word for word or stem for stem."""
        words, stems = name_keys(text)
        if not words:
            return []
        found = self.begrippen.get(("woorden", words), []) + self.begrippen.get(("stammen", stems), [])
        return list(dict.fromkeys(found))


def published(site_path: str = "") -> Published:
    """What is published on the site whose root page has this tree path ("": every site)."""
    key = SearchCacheKey.current()
    return _load(site_path) if key is None else _loaded_under(key, site_path)


# One entry per site searched since the last change (a change renews the key, so older entries
# are never read again and fall out as new ones come in).
@lru_cache(maxsize=64)
def _loaded_under(key: str, site_path: str) -> Published:
    return _load(site_path)


def _load(site_path: str) -> Published:
    live_on_site = {"live": True, **({"path__startswith": site_path} if site_path else {})}
    by_path = {
        path: Regeling(pk, title, slug)
        for pk, title, slug, path in RegelingPage.objects.filter(**live_on_site).values_list(
            "pk", "title", "slug", "path"
        )
    }
    on_site = {"path__startswith": site_path} if site_path else {}
    versies = RegelingVersiePage.objects.filter(**on_site, depth__gt=1).values_list(
        "pk", "title", "path", "in_werking_op", "uitgewerkt_op", "live"
    )
    rows = list(versies)
    version_paths = tuple(row[2] for row in rows)
    live = [Versie(*row[:5]) for row in rows if row[5]]
    grouped: dict[str, list[Versie]] = {}
    for versie in live:
        parent_path = versie.path[: -RegelingVersiePage.steplen]
        if parent_path in by_path:  # not under a regeling that is not live
            grouped.setdefault(parent_path, []).append(versie)
    begrippen: dict[object, list[GenoemdBegrip]] = {}
    rows = BegripPage.objects.filter(**live_on_site).values_list("pk", "term", "vormen", "versie_id", "path")
    for pk, term, vormen, versie_id, path in rows:
        begrip = GenoemdBegrip(pk, versie_id, path)
        for name in dict.fromkeys([term, *(vormen or [])]):
            words, stems = name_keys(name)
            if words:
                begrippen.setdefault(("woorden", words), []).append(begrip)
                begrippen.setdefault(("stammen", stems), []).append(begrip)
    return Published(
        regelingen=[(by_path[path], validity.tijdlijn(group)) for path, group in grouped.items()],
        version_paths=version_paths,
        synonym_pairs=synonym_pairs(site_path),
        law_names=law_names(),
        begrippen=begrippen,
        wet_ids=_tagged_laws(live_on_site),
    )


def _tagged_laws(live_on_site: dict) -> frozenset[int]:
    """The ids of the laws that live pages of the site are tagged with (the law filter's choices)."""
    found = set()
    for kind in TAGGED_KINDS:
        pages = SOORTEN[kind].objects.filter(**live_on_site).order_by()
        found |= set(pages.values_list("wetten", flat=True).distinct())
    return frozenset(found - {None})
