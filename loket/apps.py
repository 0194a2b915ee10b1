from django.apps import AppConfig


class LoketConfig(AppConfig):
    name = "loket"
    verbose_name = "Loket"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Every gemeente gets its loket when regelgeving makes it (regelgeving does not know us).
        from regelgeving.site_setup import gemeente_aangemaakt

        from .inrichting import bij_nieuwe_gemeente

        gemeente_aangemaakt.connect(bij_nieuwe_gemeente, dispatch_uid="loket-inrichting")
