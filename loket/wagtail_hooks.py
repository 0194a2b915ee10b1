from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_staff_urls():
    return [
        path("inzendingen/", admin_views.inzendingen, name="loket_inzendingen"),
        path("inzendingen/export/", admin_views.export_csv, name="loket_export"),
        path("inzendingen/<int:pk>/", admin_views.inzending, name="loket_inzending"),
        path("inzendingen/<int:pk>/status/", admin_views.status_wijzigen, name="loket_status"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_staff_menu_item():
    return StaffMenuItem("Inzendingen loket", reverse("loket_inzendingen"), icon_name="form", order=260)


@hooks.register("register_log_actions")
def register_staff_log_actions(actions):
    actions.register_action("loket.bekeken", "Inzending bekeken", "Inzending bekeken")
    actions.register_action("loket.geexporteerd", "Inzending geëxporteerd", "Inzending geëxporteerd (CSV)")
    actions.register_action("loket.status", "Status gewijzigd", "Status van de inzending gewijzigd")
