"""The key under which searches may keep published structure in memory between requests."""

import secrets

from django.db import connection, models


def _new_key() -> str:
    return secrets.token_hex(16)


class SearchCacheKey(models.Model):
    """One row whose random key is replaced, in the same transaction, whenever something a
    search keeps in memory changes: a regeling, version or begrip is saved, published,
    unpublished, moved or deleted, or a synoniem or wet is edited (see regelgeving/signals.py).

    Every process compares its loaded key with this row, one indexed read per search, so a
    change made by any process is seen by the next search everywhere. The key is random, not a
    counter: a rolled-back change leaves the earlier key, whose cached data is still right."""

    key = models.CharField(max_length=32, default=_new_key)

    class Meta:
        verbose_name = "sleutel van de zoekcache"

    @classmethod
    def current(cls) -> str | None:
        """The key now, None when the row is missing (then nothing is kept)."""
        # Read before every search: plain SQL, as compiling the ORM query took longer than the read.
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {quote('key')} FROM {quote(cls._meta.db_table)} WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else None

    @classmethod
    def renew(cls) -> None:
        if not cls.objects.filter(pk=1).update(key=_new_key()):
            cls.objects.get_or_create(pk=1)
