"""How the routes of Wagtail page models reach the views that answer them.

A page model owns its URLs (RoutablePageMixin), but the code that answers them belongs to the
view layer, which imports the models; a model importing a view would close an import cycle.
So a route method names what it needs and asks Wagtail's hooks registry for it, and the view
layer registers the function under that name in its app's wagtail_hooks.py:

    # regelgeving/models/regeling.py (model layer)
    @path("vergelijk/", name="vergelijk")
    def vergelijk(self, request):
        return routes.view(routes.VERGELIJKING)(request, self)

    # regelgeving/wagtail_hooks.py (view layer)
    hooks.register(routes.VERGELIJKING, views.vergelijking)

Wagtail imports every app's wagtail_hooks module at the first lookup, so the views are
registered before the first request is routed. The loket uses the same helper for its pages.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

# RegelingPage: the URLs that hold across versions (regelgeving/views.py).
REGELING_OP_PEILDATUM = "regelgeving_regeling_op_peildatum"
ARTIKEL_OP_PEILDATUM = "regelgeving_artikel_op_peildatum"
VERGELIJKING = "regelgeving_vergelijking"

# RegelingVersiePage and ArtikelPage: their PDF (regelgeving/pdf.py).
VERSIE_PDF = "regelgeving_versie_pdf"
ARTIKEL_PDF = "regelgeving_artikel_pdf"


def view(name: str):
    """The one view registered for this route. None, or two, is a configuration error: raised
    at once rather than answered by no view or by the wrong one."""
    handlers = hooks.get_hooks(name)
    if len(handlers) != 1:
        raise ImproperlyConfigured(f"Expected one view registered for hook {name!r}, found {len(handlers)}.")
    return handlers[0]
