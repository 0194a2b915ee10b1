"""Urgent meldingen are marked as such outside the encrypted answers, so staff can filter on them
and see the urgent open ones first. Meldingen already stored get the mark from their answers."""

from django.db import migrations, models


def mark_urgent(apps, schema_editor):
    Inzending = apps.get_model("loket", "Inzending")
    urgent = [
        item.pk
        for item in Inzending.objects.filter(flow="melding").only("pk", "gegevens").iterator(chunk_size=200)
        if (item.gegevens or {}).get("spoed", {}).get("spoed") == "ja"
    ]
    Inzending.objects.filter(pk__in=urgent).update(spoed=True)


class Migration(migrations.Migration):
    dependencies = [("loket", "0009_herkenningssleutels_genormaliseerd")]

    operations = [
        migrations.AddField(
            model_name="inzending",
            name="spoed",
            field=models.BooleanField(db_index=True, default=False, verbose_name="dringend"),
        ),
        migrations.RunPython(mark_urgent, migrations.RunPython.noop),
    ]
