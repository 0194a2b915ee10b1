from django.apps import AppConfig


class ImportersConfig(AppConfig):
    name = "importers"
    verbose_name = "Importeren van publicaties"
    default_auto_field = "django.db.models.BigAutoField"
