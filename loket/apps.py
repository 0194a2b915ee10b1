from django.apps import AppConfig


class LoketConfig(AppConfig):
    name = "loket"
    verbose_name = "Loket"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every gemeente gets its loket when regelgeving makes it (regelgeving does not know us).
        from regelgeving import per_gemeente_admin
        from regelgeving.site_setup import gemeente_aangemaakt

        from .inrichting import bij_nieuwe_gemeente
        from .panel.bevolking_admin import BevolkingsaandeelViewSet
        from .toegang import gemeenten_van

        gemeente_aangemaakt.connect(bij_nieuwe_gemeente, dispatch_uid="loket-inrichting")
        # Before wagtail.snippets registers the snippets (it comes later in INSTALLED_APPS).
        per_gemeente_admin.register(BevolkingsaandeelViewSet, gemeenten_van)
