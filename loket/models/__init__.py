from .inzendingen import Bericht, Inzending, InzendingSleutel
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
    "InzendingSleutel",
    "LoketPage",
    "PanelContact",
    "Panellid",
    "PeilingPage",
    "Respons",
    "UitgelichtAntwoord",
    "Uitnodiging",
    "Vrijgave",
]
