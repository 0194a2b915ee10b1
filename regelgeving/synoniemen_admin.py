"""Synoniemen in the admin: an editor sees, adds, changes and deletes the synoniemen of the
gemeenten whose pages they edit, and no other gemeente's (per_gemeente_admin.py). Shared ones
(no gemeente: every gemeente's search uses them) are for the installation's administrators, as
are the national `Wet` records (shared by every gemeente; gemeente editors have no permission
on them)."""

from __future__ import annotations

from wagtail.admin.panels import FieldPanel, ObjectList

from .models import Synoniem
from .per_gemeente_admin import PerGemeenteForm, PerGemeenteViewSet


class SynoniemViewSet(PerGemeenteViewSet):
    model = Synoniem
    list_display = ["term", "synoniem", "gemeente"]
    edit_handler = ObjectList(
        [FieldPanel("gemeente"), FieldPanel("term"), FieldPanel("synoniem")], base_form_class=PerGemeenteForm
    )
