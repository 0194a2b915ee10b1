"""PostgreSQL's planner statistics, renewed after a large change to the pages and their index.

After an import of hundreds of pages the statistics still describe the tables as they were
(autovacuum renews them later, at its own pace), and the planner may pick a plan for a tiny
table: a tester's search then ran past a minute. `renew_statistics` runs ANALYZE on the page
tables and the search index once such a change is committed and indexed (tasks.reindex_pages).
SQLite plans without them; nothing is done there.
"""

from __future__ import annotations

from django.apps import apps
from django.db import connection
from wagtail.models import Page
from wagtail.search.models import IndexEntry

# From this many pages written at once, the statistics are renewed.
ANALYZE_AFTER = 200


def page_and_search_tables() -> list[str]:
    """wagtailcore_page, the tables of this project's page types and Wagtail's search index."""
    models = [m for m in apps.get_app_config("regelgeving").get_models() if issubclass(m, Page)]
    return [Page._meta.db_table, *(m._meta.db_table for m in models), IndexEntry._meta.db_table]


def renew_statistics(pages_changed: int) -> bool:
    """ANALYZE the page and search tables on PostgreSQL after a large change; whether it ran.
    The threshold is read at call time, so one module attribute sets it (tests lower it)."""
    if connection.vendor != "postgresql" or pages_changed < ANALYZE_AFTER:
        return False
    with connection.cursor() as cursor:
        for table in page_and_search_tables():
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
    return True
