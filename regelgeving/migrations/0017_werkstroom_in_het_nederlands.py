"""The workflow Wagtail creates by default ("Moderators approval", with a task of the same name)
is what editors see when they send a version for approval: give it a Dutch name. Only the names
change; a workflow an editor renamed already is left alone."""

from django.db import migrations

ENGELS = "Moderators approval"
NEDERLANDS = "Goedkeuring door redactie"


def rename(apps, old: str, new: str) -> None:
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=old).update(name=new)
    apps.get_model("wagtailcore", "Task").objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("regelgeving", "0016_gemaakte_pdfs"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: rename(apps, ENGELS, NEDERLANDS),
            lambda apps, schema_editor: rename(apps, NEDERLANDS, ENGELS),
        )
    ]
