"""PostgreSQL: room in the search index's table pages, so indexing a page updates it in place.

Wagtail's backend inserts every index entry with title_norm 1.0 and then sets it in an UPDATE;
re-indexing an unchanged page writes the same vectors again. When the row's table page is full,
PostgreSQL writes the new row version elsewhere and adds it to every index on the table: the RUM
index of 0009 costs about a millisecond per row for that (0.45 s for a 650-page import). With
30 % of each table page left free, such an update stays on the same page ("HOT") and touches no
index, as no indexed column changed. Rows written before this take effect when they are next
updated or the table is rewritten. Nothing happens on other databases."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"


def leave_room(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET (fillfactor = 70)")


def fill_up(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET (fillfactor)")


class Migration(migrations.Migration):
    dependencies = [("regelgeving", "0010_nummer_indexen"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(leave_room, fill_up)]
