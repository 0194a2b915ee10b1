"""How the routes of the loket's Wagtail pages reach the views that answer them.

A page model owns its URLs (RoutablePageMixin), but the code that answers them belongs to the
view layer, which imports the models; a model importing a view would close an import cycle.
So a route method names what it needs and asks Wagtail's hooks registry for it, and the view
layer registers the function under that name in loket/wagtail_hooks.py:

    # loket/models/pages.py (model layer)
    def stap(self, request, stap):
        return routes.view(routes.FLOW_STEP)(request, self, stap)

    # loket/wagtail_hooks.py (view layer)
    hooks.register(routes.FLOW_STEP, engine.step)

Wagtail imports every app's wagtail_hooks module at the first lookup, so the views are
registered before the first request is routed. This is the one way a loket model reaches
upwards; everything else imports downwards only (flows and choices, models, services, views).
The lookup itself is regelgeving's (regelgeving/routes.py); this module names the loket's routes.
"""

from __future__ import annotations

from regelgeving.routes import view

__all__ = ["view"]

# FlowPage: the flow engine (loket/engine/views.py).
FLOW_START = "loket_flow_start"
FLOW_STEP = "loket_flow_step"
FLOW_SUMMARY = "loket_flow_summary"
FLOW_CONSENT = "loket_flow_consent"
FLOW_CONFIRMATION = "loket_flow_confirmation"
FLOW_NOT_ELIGIBLE = "loket_flow_not_eligible"
FLOW_STOP = "loket_flow_stop"
FLOW_EXTEND = "loket_flow_extend"

# PeilingPage: the public pages of the inwonerspanel (loket/panel/views.py).
PEILING_OVERVIEW = "loket_peiling_overview"
PEILING_ANSWER = "loket_peiling_answer"
PEILING_STOP = "loket_peiling_stop"
PEILING_RESULTS_EARLY = "loket_peiling_results_early"

