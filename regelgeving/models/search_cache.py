"""The key of what is published: searches keep published structure in memory under it, and the
page cache keeps rendered pages under it."""

import secrets
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connection, models

# Set while a bulk change renews the key once at its end (see SearchCacheKey.renewed_once).
_renewal_deferred: ContextVar[list | None] = ContextVar("renewal_deferred", default=None)


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
        asked = _renewal_deferred.get()
        if asked is not None:
            asked.append(True)
            return
        if not cls.objects.filter(pk=1).update(key=_new_key()):
            cls.objects.get_or_create(pk=1)

    @classmethod
    @contextmanager
    def renewed_once(cls):
        """Within: renewals are noted and done once at the end. A bulk change (an import deletes
        and creates many rows, each sending signals) then writes the row, and takes its lock, only
        at its end, so a publish elsewhere does not wait for the whole import."""
        asked: list = []
        token = _renewal_deferred.set(asked)
        try:
            yield
        finally:
            _renewal_deferred.reset(token)
        if asked:
            cls.renew()
