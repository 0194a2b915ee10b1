"""PostgreSQL: each page's index entry names the subtrees it lies in, so a search narrows in the index.

With many gemeenten on one installation, a site's search filtered by tree path after the index
had found the matches of every gemeente: at 20 gemeenten a search read about 20 times the
entries it showed (p95 3 to 14 times the figure of a Lochem-only database). Now every page's
entry carries one lexeme per ancestor from depth 2 down to the page itself ("zoekboom" + that
ancestor's path: the site's home page, the regelgeving, the regeling, the version ...), in a
column of its own that the stored vector of 0007 includes. A search on a subtree requires its
lexeme (regelgeving/search/postgres.py), so the index itself keeps to the site or version.

A trigger fills the column from the page's path whenever Wagtail writes an entry, in the same
row write (a second UPDATE would add every new entry to the RUM index twice); moves are handled
in regelgeving/signals.py. The lexemes are never ranked: the rank reads the title and body
vectors, and the RUM distance the query without them. Existing entries are filled here, and
the stored vector is rebuilt with its index (RUM where 0009 made one, GIN otherwise): a rewrite
of the index table, 6 s at 15,000 pages. Nothing happens on other databases."""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
COLUMN = "regelgeving_zoekboom"
VECTOR = "regelgeving_zoekvector"
RUM_INDEX = "regelgeving_zoekvector_rum"  # 0009's
GIN_INDEX = "regelgeving_zoekvector_gin"  # 0007's

# Page.steplen is 4; depth 1 (Wagtail's root) is in every path and says nothing.
LEXEMES_FUNCTION = """
CREATE OR REPLACE FUNCTION regelgeving_zoekboom(path text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_to_tsvector(ARRAY(
        SELECT 'zoekboom' || substr(path, 1, 4 * k) FROM generate_series(2, length(path) / 4) AS k
    ))
$$
"""
# A page's entry is stored under its id as text and a page type (its own; the base Page where a
# page was indexed as one); other indexed models (national laws) have no place in the tree.
PAGE_OF_ENTRY = """
    SELECT p.path FROM wagtailcore_page p
    WHERE p.id = NEW.object_id::integer
      AND EXISTS (SELECT 1 FROM wagtailcore_page t WHERE t.content_type_id = NEW.content_type_id)
"""
TRIGGER_FUNCTION = f"""
CREATE OR REPLACE FUNCTION regelgeving_zoekboom_invullen() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.{COLUMN} := ''::tsvector;
    IF NEW.object_id ~ '^[0-9]{{1,9}}$' THEN
        NEW.{COLUMN} := coalesce(
            (SELECT regelgeving_zoekboom(path) FROM ({PAGE_OF_ENTRY}) AS page), ''::tsvector
        );
    END IF;
    RETURN NEW;
END
$$
"""
FILL_EXISTING = f"""
UPDATE {TABLE} e SET {COLUMN} = regelgeving_zoekboom(p.path)
FROM wagtailcore_page p
WHERE e.object_id ~ '^[0-9]{{1,9}}$' AND p.id = e.object_id::integer
  AND e.content_type_id IN (SELECT DISTINCT content_type_id FROM wagtailcore_page)
"""


def _had_rum_index(schema_editor) -> bool:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", [RUM_INDEX])
        return cursor.fetchone() is not None


def _rebuild_vector(schema_editor, expression: str, rum: bool) -> None:
    # PostgreSQL 15 cannot change a generated column's expression: drop it (and its index) and
    # add it again.
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {VECTOR}")
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN {VECTOR} tsvector GENERATED ALWAYS AS ({expression}) STORED")
    if rum:
        schema_editor.execute(f"CREATE INDEX {RUM_INDEX} ON {TABLE} USING rum ({VECTOR} rum_tsvector_ops)")
    else:
        schema_editor.execute(f"CREATE INDEX {GIN_INDEX} ON {TABLE} USING gin ({VECTOR})")
    schema_editor.execute(f"ANALYZE {TABLE}")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    rum = _had_rum_index(schema_editor)
    schema_editor.execute(LEXEMES_FUNCTION)
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD COLUMN IF NOT EXISTS {COLUMN} tsvector NOT NULL DEFAULT ''")
    schema_editor.execute(FILL_EXISTING)
    schema_editor.execute(TRIGGER_FUNCTION)
    schema_editor.execute(
        f"CREATE TRIGGER regelgeving_zoekboom BEFORE INSERT OR UPDATE ON {TABLE} "
        "FOR EACH ROW EXECUTE FUNCTION regelgeving_zoekboom_invullen()"
    )
    _rebuild_vector(schema_editor, f"title || body || {COLUMN}", rum)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    rum = _had_rum_index(schema_editor)
    schema_editor.execute(f"DROP TRIGGER IF EXISTS regelgeving_zoekboom ON {TABLE}")
    _rebuild_vector(schema_editor, "title || body", rum)
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS {COLUMN}")
    schema_editor.execute("DROP FUNCTION IF EXISTS regelgeving_zoekboom_invullen()")
    schema_editor.execute("DROP FUNCTION IF EXISTS regelgeving_zoekboom(text)")


class Migration(migrations.Migration):
    dependencies = [("regelgeving", "0020_synoniem_per_gemeente")]

    operations = [migrations.RunPython(create, drop)]
