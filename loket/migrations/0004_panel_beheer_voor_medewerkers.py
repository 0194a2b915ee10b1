"""Staff of 't Baken manage Lochem spreekt too (panel overview, invitations, results)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Medewerkers 't Baken"


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("loket")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(Permission.objects.get(content_type__app_label="loket", codename="beheer_panel"))


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(content_type__app_label="loket", codename="beheer_panel"))


class Migration(migrations.Migration):
    dependencies = [("loket", "0003_lochem_spreekt")]

    operations = [migrations.RunPython(forwards, backwards)]
