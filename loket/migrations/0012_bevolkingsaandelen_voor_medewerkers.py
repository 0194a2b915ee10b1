"""The loket's staff keep the panel's population shares of their own gemeente (before: only
administrators). Every gemeente's staff group gets the permissions; the admin shows each group
only its own gemeente's shares (loket/panel/bevolking_admin.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = [f"{action}_bevolkingsaandeel" for action in ("view", "add", "change", "delete")]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("loket")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="loket", codename__in=CODENAMES))
    for gemeente in apps.get_model("regelgeving", "Gemeente").objects.exclude(medewerkers=None):
        gemeente.medewerkers.permissions.add(*permissions)


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = list(Permission.objects.filter(content_type__app_label="loket", codename__in=CODENAMES))
    for gemeente in apps.get_model("regelgeving", "Gemeente").objects.exclude(medewerkers=None):
        gemeente.medewerkers.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("loket", "0011_gemeente_als_huurder")]

    operations = [migrations.RunPython(forwards, backwards)]
