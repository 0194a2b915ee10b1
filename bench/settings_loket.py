"""Settings for the loket benchmark (bench/loket_load.py) only: the site's own settings plus a
minimal baseline view (bench/loket_baseline.py). E-mail never leaves the process."""

from config.settings.base import *  # noqa: F403

ROOT_URLCONF = "bench.loket_baseline"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
