from .inzendingen import Bericht, Inzending
from .pages import ArtikelVerwijzing, FlowPage, LoketPage
from .panel import (
    Bevolkingsaandeel,
    PanelContact,
    Panellid,
    Respons,
    UitgelichtAntwoord,
    Uitnodiging,
    Vrijgave,
)
from .peilingen import PeilingPage

__all__ = [
    "ArtikelVerwijzing",
    "Bericht",
    "Bevolkingsaandeel",
    "FlowPage",
    "Inzending",
    "LoketPage",
    "PanelContact",
    "Panellid",
    "PeilingPage",
    "Respons",
    "UitgelichtAntwoord",
    "Uitnodiging",
    "Vrijgave",
]
