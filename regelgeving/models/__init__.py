from .pages import (
    ArtikelPage,
    BegripPage,
    BegrippenIndexPage,
    BijlagePage,
    DivisiePage,
    HomePage,
    RegelgevingIndexPage,
    RegelingPage,
    RegelingVersiePage,
)
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
    "Wet",
]
