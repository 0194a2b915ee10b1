"""The loket's place in Wagtail: the views that answer its pages' routes, the staff area's URLs
and menu items, and the actions it writes to the audit log."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from regelgeving import taken as regelgeving_taken
from regelgeving.planning import DAG, MINUUT, PERIODIEK_WERK, UUR, Periodiek

from . import admin_views, routes, taken, tasks
from .engine import views as engine
from .panel import admin_views as panel_views
from .panel import views as panel_public

# The views behind FlowPage and PeilingPage routes: the models look them up by these names
# (loket/routes.py explains why they do not import them).
hooks.register(routes.FLOW_START, engine.start)
hooks.register(routes.FLOW_STEP, engine.step)
hooks.register(routes.FLOW_SUMMARY, engine.summary)
hooks.register(routes.FLOW_CONSENT, engine.consent)
hooks.register(routes.FLOW_CONFIRMATION, engine.confirmation)
hooks.register(routes.FLOW_NOT_ELIGIBLE, engine.not_eligible)
hooks.register(routes.FLOW_STOP, engine.stop)
hooks.register(routes.FLOW_EXTEND, engine.extend)
hooks.register(routes.PEILING_OVERVIEW, panel_public.peiling_overzicht)
hooks.register(routes.PEILING_ANSWER, panel_public.peiling_invullen)
hooks.register(routes.PEILING_STOP, panel_public.peiling_stoppen)
hooks.register(routes.PEILING_RESULTS_EARLY, panel_public.peiling_resultaten_vooraf)

# The ways in: the home page leads to the flows, an article to the flows that apply it.
hooks.register(regelgeving_taken.TAKEN_OP_STARTPAGINA, taken.flows_on_home)
hooks.register(regelgeving_taken.TAKEN_BIJ_ARTIKEL, taken.flows_citing)


@hooks.register(PERIODIEK_WERK)
def periodiek_werk():
    """The loket's periodic work, for the planner (regelgeving/planning.py)."""
    return [
        # Also retried by their own deferred task; this catches what a stopped worker left behind.
        Periodiek("berichten", tasks.send_waiting_messages, 5 * MINUUT, "wachtende e-mails versturen"),
        Periodiek(
            "inzendingen", tasks.purge_submissions_task, DAG, "inzendingen na de bewaartermijn verwijderen"
        ),
        Periodiek(
            "panelleden", tasks.purge_unconfirmed_members_task, DAG, "onbevestigde aanmeldingen verwijderen"
        ),
        # Flow answers expire after LOKET_FLOW_TIMEOUT_MINUTES; their (encrypted) sessions go within the hour.
        Periodiek("sessies", tasks.clear_expired_sessions_task, UUR, "verlopen sessies verwijderen"),
    ]


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [
        path("inzendingen/", admin_views.inzendingen, name="loket_inzendingen"),
        path("inzendingen/export/", admin_views.export_csv, name="loket_export"),
        path("inzendingen/<int:pk>/", admin_views.inzending, name="loket_inzending"),
        path("inzendingen/<int:pk>/status/", admin_views.status_wijzigen, name="loket_status"),
        path("inwonerspanel/", panel_views.panel, name="panel_overzicht"),
        path("inwonerspanel/peiling/<int:pk>/uitnodigen/", panel_views.uitnodigen, name="panel_uitnodigen"),
        path("inwonerspanel/peiling/<int:pk>/resultaten/", panel_views.resultaten, name="panel_resultaten"),
        path(
            "inwonerspanel/peiling/<int:pk>/open-antwoorden/",
            panel_views.open_antwoorden_kiezen,
            name="panel_open_antwoorden",
        ),
        path("inwonerspanel/peiling/<int:pk>/vrijgeven/", panel_views.vrijgeven, name="panel_vrijgeven"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_staff_menu_item():
    return StaffMenuItem("Inzendingen loket", reverse("loket_inzendingen"), icon_name="form", order=260)


class PanelMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(panel_views.BEHEER)


@hooks.register("register_admin_menu_item")
def register_panel_menu_item():
    return PanelMenuItem("Inwonerspanel", reverse("panel_overzicht"), icon_name="group", order=261)


@hooks.register("register_log_actions")
def register_staff_log_actions(actions):
    actions.register_action("loket.bekeken", "Inzending bekeken", "Inzending bekeken")
    actions.register_action("loket.geexporteerd", "Inzending geëxporteerd", "Inzending geëxporteerd (CSV)")
    actions.register_action("loket.status", "Status gewijzigd", "Status van de inzending gewijzigd")
    actions.register_action(
        "loket.uitgenodigd", "Panelleden uitgenodigd", "Panelleden uitgenodigd voor de peiling"
    )
    actions.register_action("loket.antwoorden_gekozen", "Open antwoorden gekozen", "Open antwoorden gekozen")
    actions.register_action("loket.vrijgegeven", "Resultaten vrijgegeven", "Resultaten vrijgegeven")
