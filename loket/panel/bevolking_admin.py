"""The panel's population shares (Bevolkingsaandeel) in the admin: the loket's staff keep those of
the gemeenten they work for (loket/toegang.py), and see no other gemeente's."""

from __future__ import annotations

from wagtail.admin.panels import ObjectList

from regelgeving.per_gemeente_admin import PerGemeenteForm, PerGemeenteViewSet

from ..models import Bevolkingsaandeel


class BevolkingsaandeelViewSet(PerGemeenteViewSet):
    model = Bevolkingsaandeel
    icon = "group"
    list_display = ["__str__", "dimensie", "gemeente"]
    list_filter = ["dimensie"]
    edit_handler = ObjectList(Bevolkingsaandeel.panels, base_form_class=PerGemeenteForm)
