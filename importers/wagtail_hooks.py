from django.conf import settings
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from regelgeving.planning import DAG, PERIODIEK_WERK, Periodiek

from . import tasks, views


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


@hooks.register(PERIODIEK_WERK)
def periodiek_werk():
    """Every gemeente's regelingen in step with CVDR, daily: only where CVDR_BIJWERKEN_PLANNEN is
    on, so that a development machine's planner does not ask the real search service."""
    if not settings.CVDR_BIJWERKEN_PLANNEN:
        return []
    return [Periodiek("cvdr_bijwerken", tasks.cvdr_alle_gemeenten, DAG, "regelingen bijwerken uit CVDR")]
