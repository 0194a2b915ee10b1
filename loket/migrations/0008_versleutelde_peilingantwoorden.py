"""The answers to a peiling, open answers included, are stored encrypted like submissions.

A new encrypted column takes each row's answers, then replaces the plain JSON column.
"""

from django.db import migrations

import loket.crypto


def encrypt_answers(apps, schema_editor):
    Respons = apps.get_model("loket", "Respons")
    for respons in Respons.objects.only("pk", "antwoorden").iterator():
        Respons.objects.filter(pk=respons.pk).update(antwoorden_versleuteld=respons.antwoorden)


def decrypt_answers(apps, schema_editor):
    Respons = apps.get_model("loket", "Respons")
    for respons in Respons.objects.only("pk", "antwoorden_versleuteld").iterator():
        Respons.objects.filter(pk=respons.pk).update(antwoorden=respons.antwoorden_versleuteld or {})


class Migration(migrations.Migration):
    dependencies = [("loket", "0007_herkenningssleutels")]

    operations = [
        migrations.AddField(
            model_name="respons",
            name="antwoorden_versleuteld",
            field=loket.crypto.EncryptedJSONField(null=True),
        ),
        migrations.RunPython(encrypt_answers, decrypt_answers),
        migrations.RemoveField(model_name="respons", name="antwoorden"),
        migrations.RenameField(model_name="respons", old_name="antwoorden_versleuteld", new_name="antwoorden"),
        migrations.AlterField(
            model_name="respons",
            name="antwoorden",
            field=loket.crypto.EncryptedJSONField(default=dict),
        ),
    ]
