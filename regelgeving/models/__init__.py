from .begrippen import BegripPage, BegrippenIndexPage
from .gemeente import Gemeente
from .informatie import InformatiePage
from .onderdelen import ArtikelPage, BijlagePage, DivisiePage
from .pdf_bestand import GerenderdePdf
from .regeling import RegelingPage, RegelingVersiePage
from .search_cache import SearchCacheKey
from .site import HomePage, RegelgevingIndexPage
from .synoniemen import Synoniem
from .toelichting import ToelichtingPage
from .wetten import Wet

__all__ = [
    "ArtikelPage",
    "BegripPage",
    "BegrippenIndexPage",
    "BijlagePage",
    "DivisiePage",
    "Gemeente",
    "GerenderdePdf",
    "HomePage",
    "InformatiePage",
    "RegelgevingIndexPage",
    "RegelingPage",
    "RegelingVersiePage",
    "SearchCacheKey",
    "Synoniem",
    "ToelichtingPage",
    "Wet",
]
