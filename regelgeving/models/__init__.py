from .begrippen import BegripPage, BegrippenIndexPage
from .onderdelen import ArtikelPage, BijlagePage, DivisiePage
from .regeling import RegelingPage, RegelingVersiePage
from .search_cache import SearchCacheKey
from .site import HomePage, RegelgevingIndexPage
from .synoniemen import Synoniem
from .wetten import Wet

__all__ = [
    "ArtikelPage",
    "BegripPage",
    "BegrippenIndexPage",
    "BijlagePage",
    "DivisiePage",
    "HomePage",
    "RegelgevingIndexPage",
    "RegelingPage",
    "RegelingVersiePage",
    "SearchCacheKey",
    "Synoniem",
    "Wet",
]
