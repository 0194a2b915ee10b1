"""The one row whose key searches compare with what they keep in memory (see SearchCacheKey)."""

import secrets

from django.db import migrations, models

import regelgeving.models.search_cache


def create_row(apps, schema_editor):
    apps.get_model("regelgeving", "SearchCacheKey").objects.get_or_create(
        pk=1, defaults={"key": secrets.token_hex(16)}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("regelgeving", "0007_zoekvector_postgresql"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchCacheKey",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(default=regelgeving.models.search_cache._new_key, max_length=32)),
            ],
            options={
                "verbose_name": "sleutel van de zoekcache",
            },
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
