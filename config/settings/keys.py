"""The keys a deployment must bring, read from the environment and checked before Django starts.

With DJANGO_DEBUG=1 a development key stands in for each missing one. With debug off the site
refuses to start (and `manage.py check --deploy` refuses too) while a key is missing, is the
public development key, or cannot be used; the message names each problem and where to read more.

Three keys, each with its own job, so that rotating one never invalidates what another protects:
- DJANGO_SECRET_KEY signs sessions, CSRF tokens and links (Django's own use);
- LOKET_ENCRYPTION_KEYS (Fernet, comma-separated, newest first) encrypts personal data at rest;
- LOKET_INDEX_KEY keys the hashes that recognise a person again (one compliment a year, one
  panel membership per address) without storing who it is.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_SECRET_KEY = "alleen-voor-ontwikkeling-niet-in-productie"
MINIMUM_SECRET_LENGTH = 50
MINIMUM_INDEX_KEY_LENGTH = 32


@dataclass(frozen=True)
class Keys:
    secret_key: str
    encryption_keys: list[str]
    index_key: str


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _is_fernet_key(key: str) -> bool:
    try:
        return len(base64.urlsafe_b64decode(key.encode())) == 32
    except (binascii.Error, ValueError):
        return False


def problems(environ: Mapping[str, str]) -> list[str]:
    """What stops this environment from running with debug off, one line each (Dutch, then English)."""
    found = []
    secret = environ.get("DJANGO_SECRET_KEY", "").strip()
    if not secret:
        found.append("DJANGO_SECRET_KEY ontbreekt / is missing.")
    elif secret == DEVELOPMENT_SECRET_KEY:
        found.append("DJANGO_SECRET_KEY is de openbare ontwikkelsleutel / is the public development key.")
    elif len(secret) < MINIMUM_SECRET_LENGTH or len(set(secret)) < 5:
        found.append(
            f"DJANGO_SECRET_KEY is te zwak (minstens {MINIMUM_SECRET_LENGTH} willekeurige tekens) "
            "/ is too weak."
        )
    encryption_keys = _split(environ.get("LOKET_ENCRYPTION_KEYS", ""))
    if not encryption_keys:
        found.append("LOKET_ENCRYPTION_KEYS ontbreekt / is missing.")
    elif not all(_is_fernet_key(k) for k in encryption_keys):
        found.append(
            "LOKET_ENCRYPTION_KEYS bevat een sleutel die geen Fernet-sleutel is / is not a Fernet key."
        )
    index_key = environ.get("LOKET_INDEX_KEY", "").strip()
    if not index_key:
        found.append("LOKET_INDEX_KEY ontbreekt / is missing.")
    elif len(index_key) < MINIMUM_INDEX_KEY_LENGTH:
        found.append(
            f"LOKET_INDEX_KEY is te kort (minstens {MINIMUM_INDEX_KEY_LENGTH} tekens) / is too short."
        )
    elif index_key == secret:
        found.append("LOKET_INDEX_KEY moet anders zijn dan DJANGO_SECRET_KEY / must differ from it.")
    return found


def read(environ: Mapping[str, str], debug: bool) -> Keys:
    """The keys to run with; raises ImproperlyConfigured (with every problem) when debug is off."""
    if not debug:
        found = problems(environ)
        if found:
            raise ImproperlyConfigured(
                "De site start niet zonder echte sleutels (DJANGO_DEBUG staat uit). "
                "The site will not start without real keys (debug is off):\n"
                + "\n".join(f"  - {line}" for line in found)
                + "\nMaak ze zoals README.md, 'In productie', beschrijft "
                "/ make them as README.md, 'In productie', describes."
            )
    return Keys(
        secret_key=environ.get("DJANGO_SECRET_KEY", "").strip() or DEVELOPMENT_SECRET_KEY,
        encryption_keys=_split(environ.get("LOKET_ENCRYPTION_KEYS", "")),
        index_key=environ.get("LOKET_INDEX_KEY", "").strip(),
    )
