"""Everyday words for what the verordening names otherwise, so inwoners find it in their own
words; editors extend the list in the admin (Fragmenten > Synoniemen)."""

from django.db import migrations

SYNONIEMEN = [
    ("huis", "woning"),
    ("dakloos", "maatschappelijke opvang"),
    ("thuisloos", "maatschappelijke opvang"),
    ("schuldhulpverlening", "schulden"),
    ("schuldhulp", "schulden"),
    ("taxi", "vervoer"),
    ("meepraten", "inwonerparticipatie"),
]


def vullen(apps, schema_editor):
    Synoniem = apps.get_model("regelgeving", "Synoniem")
    for term, synoniem in SYNONIEMEN:
        Synoniem.objects.get_or_create(term=term, synoniem=synoniem)


def legen(apps, schema_editor):
    Synoniem = apps.get_model("regelgeving", "Synoniem")
    for term, synoniem in SYNONIEMEN:
        Synoniem.objects.filter(term=term, synoniem=synoniem).delete()


class Migration(migrations.Migration):
    dependencies = [("regelgeving", "0004_synoniemen_vullen")]

    operations = [migrations.RunPython(vullen, legen)]
