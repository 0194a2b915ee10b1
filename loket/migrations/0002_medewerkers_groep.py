"""The group "Medewerkers 't Baken": the only non-superusers who see loket submissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Medewerkers 't Baken"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("loket", "view_inzending"),
    ("loket", "change_inzending"),
    ("loket", "export_inzending"),
]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("loket", "0001_eerste"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
