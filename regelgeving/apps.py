from django.apps import AppConfig


class RegelgevingConfig(AppConfig):
    name = "regelgeving"
    verbose_name = "Regelgeving"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import admin_widgets, signals

        signals.connect(self)
        admin_widgets.without_inline_scripts()
