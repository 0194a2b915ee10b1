from .inzendingen import Bericht, Inzending
from .pages import ArtikelVerwijzing, FlowPage, LoketPage

__all__ = ["ArtikelVerwijzing", "Bericht", "FlowPage", "Inzending", "LoketPage"]
