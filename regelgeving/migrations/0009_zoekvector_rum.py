"""PostgreSQL with the rum extension: an index that returns the best matches first.

Ranking with ts_rank reads the stored vector of every match: at 30,000 articles a common word
or synonym ("pgb") matches 5,600 of them, and ranking them took 100 ms. A RUM index keeps the
word positions in the index itself, so it answers phrases without reading the rows and hands
out matches by `<=>` distance: the first page of results reads only those rows (see
regelgeving/search/postgres.py, which uses it when it exists). The extension comes from the
`postgresql-<version>-rum` package (`make install` adds it where it can). It replaces 0007's GIN
index. Without the extension, nothing happens and searches rank with ts_rank as before.
Nothing happens on other databases."""

from django.db import DatabaseError, migrations, transaction

INDEX = "regelgeving_zoekvector_rum"
GIN_INDEX = "regelgeving_zoekvector_gin"  # migration 0007's


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'rum'")
        if cursor.fetchone() is None:
            return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'rum'")
        installed = cursor.fetchone() is not None
    if not installed:
        try:
            with transaction.atomic():  # a savepoint: a refusal must not end the migration
                schema_editor.execute("CREATE EXTENSION rum")
        except DatabaseError:
            return  # e.g. a database user without the right to add extensions: ts_rank stays
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
        "USING rum (regelgeving_zoekvector rum_tsvector_ops)"
    )
    # The RUM index answers every match too. With the GIN index beside it, PostgreSQL, which
    # underestimates how many pages hold several common words, chose GIN and then computed the
    # distance of every match itself (50 ms for "taxi voor mijn kind naar school").
    schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
    schema_editor.execute("ANALYZE wagtailsearch_indexentry")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON wagtailsearch_indexentry USING gin (regelgeving_zoekvector)"
        )
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("regelgeving", "0008_zoekcache_sleutel")]

    operations = [migrations.RunPython(create, drop)]
