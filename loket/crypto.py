"""Encryption at rest for personal data in submissions and outgoing mail.

Fernet (AES-128-CBC with HMAC-SHA256) from `cryptography`. Keys come from LOKET_ENCRYPTION_KEYS
(comma-separated, newest first, so keys can be rotated); without it a key is derived from
SECRET_KEY, which is fine for development only. The keyed hashes that recognise a person use
their own key, LOKET_INDEX_KEY, so rotating either key leaves the other's work intact;
`manage.py sleutels_vernieuwen` re-encrypts and re-hashes after a rotation.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

from .identity import normalise


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(k.encode()) for k in keys])
    except ValueError as exc:
        raise ImproperlyConfigured(f"LOKET_ENCRYPTION_KEYS bevat een ongeldige sleutel: {exc}") from None


def _keys() -> tuple[str, ...]:
    keys = tuple(k.strip() for k in settings.LOKET_ENCRYPTION_KEYS if k.strip())
    if keys:
        return keys
    derived = hashlib.sha256(b"loket-encryption:" + settings.SECRET_KEY.encode()).digest()
    return (base64.urlsafe_b64encode(derived).decode(),)


def encrypt(text: str) -> str:
    return _fernet(_keys()).encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return _fernet(_keys()).decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured("Versleutelde gegevens passen bij geen van de sleutels.") from None


def _index_key() -> bytes:
    """LOKET_INDEX_KEY; in development (where it may be empty) one derived from SECRET_KEY."""
    if settings.LOKET_INDEX_KEY:
        return settings.LOKET_INDEX_KEY.encode()
    return hashlib.sha256(b"loket-index:" + settings.SECRET_KEY.encode()).digest()


def decrypt_recent(token: str, max_age_seconds: int) -> str | None:
    """The text of a token encrypted at most `max_age_seconds` ago; None when it is older or no
    key fits (then what it held is as good as gone)."""
    try:
        return _fernet(_keys()).decrypt(token.encode(), ttl=max_age_seconds).decode()
    except InvalidToken:
        return None


def rotate(token: str) -> str:
    """`token` encrypted anew with the newest key (after a new key was put first)."""
    try:
        return _fernet(_keys()).rotate(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured("Versleutelde gegevens passen bij geen van de sleutels.") from None


def blind_index(*parts: str) -> str:
    """A keyed hash to find equal values (one compliment per mantelzorger a year) without
    storing them readably. Each part is normalised first (loket/identity.py), so a name typed
    with look-alike or invisible characters gives the same hash."""
    message = "\x1f".join(normalise(p) for p in parts).encode()
    return hmac.new(_index_key(), message, hashlib.sha256).hexdigest()


class EncryptedJSONField(models.TextField):
    """A JSON value stored encrypted; the database only ever sees ciphertext."""

    def from_db_value(self, value, expression, connection):
        if value is None:
            return value
        return json.loads(decrypt(value))

    def get_prep_value(self, value):
        if value is None:
            return None
        return encrypt(json.dumps(value, ensure_ascii=False, default=str))
