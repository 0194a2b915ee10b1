from django.apps import AppConfig


class RegelgevingConfig(AppConfig):
    name = "regelgeving"
    verbose_name = "Regelgeving"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy
        from wagtail.snippets.models import register_snippet

        from . import admin_widgets, signals
        from .models import Synoniem
        from .synoniemen_admin import SynoniemPermissionPolicy, SynoniemViewSet

        signals.connect(self)
        admin_widgets.without_inline_scripts()
        # Before wagtail.snippets registers the snippets (it comes later in INSTALLED_APPS).
        register_permission_policy(Synoniem, SynoniemPermissionPolicy(Synoniem))
        register_snippet(SynoniemViewSet)
