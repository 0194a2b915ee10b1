from django.apps import AppConfig


class RegelgevingConfig(AppConfig):
    name = "regelgeving"
    verbose_name = "Regelgeving"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_widgets, per_gemeente_admin, signals
        from .models.gemeente import Gemeente
        from .synoniemen_admin import SynoniemViewSet

        signals.connect(self)
        admin_widgets.without_inline_scripts()
        # Before wagtail.snippets registers the snippets (it comes later in INSTALLED_APPS).
        per_gemeente_admin.register(SynoniemViewSet, Gemeente.van_redacteur)
