"""Settings for the test suite: the base settings with fast, in-process stand-ins where speed matters.

Only what makes tests fast or isolated differs from what runs in production; the database comes
from DATABASE_URL as always (SQLite by default, PostgreSQL in `make test`'s second run).
"""

from .base import *  # noqa: F401,F403
from .base import BASE_DIR

# Hashing a password the production way costs ~0.3 s per login; tests log in hundreds of times.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# The suite runs as a site that has its canonical address configured (the development default).
SITE_URL_CONFIGURED = True
# Files written by tests (uploads) stay out of the working tree.
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
