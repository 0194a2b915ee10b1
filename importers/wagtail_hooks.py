from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("publicatie-importeren/", views.upload, name="importers_upload"),
        path("publicatie-importeren/<int:pk>/", views.status, name="importers_status"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.PERMISSION)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem("Publicatie importeren", reverse("importers_upload"), icon_name="upload", order=250)
