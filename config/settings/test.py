"""Settings for the test suite: the base settings with fast, in-process stand-ins where speed matters.

Only what makes tests fast or isolated differs from what runs in production; the database comes
from DATABASE_URL as always (SQLite by default, PostgreSQL in `make test`'s second run).
"""

import os

# The suite runs with debug off, as production does, so it brings keys of its own (fixed, so that a
# stored value decrypts in every run; never used anywhere else).
os.environ.setdefault("DJANGO_SECRET_KEY", "tests-" + "x7Qp2LmZ9vR4sT8wY1bN6cF3hJ5kD0gA" * 2)
os.environ.setdefault("LOKET_ENCRYPTION_KEYS", "dGVzdHMtYWxsZWVuLXZvb3ItZGUtdGVzdHN1aXRlLTA=")
os.environ.setdefault("LOKET_INDEX_KEY", "tests-herkenningssleutel-alleen-voor-de-testsuite")

from .base import *  # noqa: E402,F401,F403
from .base import BASE_DIR  # noqa: E402

# Hashing a password the production way costs ~0.3 s per login; tests log in hundreds of times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite runs as a site that has its canonical address configured (the development default).
SITE_URL_CONFIGURED = True
# Files written by tests (uploads) stay out of the working tree.
# One folder per database: `make test` runs the SQLite and the PostgreSQL suite side by side.
MEDIA_ROOT = BASE_DIR / "var" / ("test-media-" + os.environ.get("DATABASE_URL", "sqlite").split(":", 1)[0])
# The test client and the live server speak plain http; every other HTTPS setting stays as in
# production (secure cookies, HSTS on secure requests), so the header tests see what production sends.
SECURE_SSL_REDIRECT = False
