"""Drafts imported before publishing changed carry a go-live date the importer set (the start of
their in-werking date): published, they would stay offline until that day. A next version now goes
public at once and is labelled toekomstig; only a date an editor set still schedules it. Clears
the importer's dates on versions never published and never scheduled by an editor."""

from datetime import time

from django.db import migrations
from django.utils import timezone


def clear_imported_go_live_dates(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Versie = apps.get_model("regelgeving", "RegelingVersiePage")
    drafts = Versie.objects.filter(
        live=False, first_published_at__isnull=True, go_live_at__isnull=False, in_werking_op__isnull=False
    )
    for versie in drafts:
        start = timezone.localtime(versie.go_live_at)
        if start.date() != versie.in_werking_op or start.time() != time.min:
            continue  # another moment: an editor's
        if Revision.objects.filter(object_id=str(versie.pk), approved_go_live_at__isnull=False).exists():
            continue  # scheduled by an editor publishing it
        Page.objects.filter(pk=versie.pk).update(go_live_at=None)


class Migration(migrations.Migration):
    dependencies = [("regelgeving", "0014_bron_onvolledig"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(clear_imported_go_live_dates, migrations.RunPython.noop)]
