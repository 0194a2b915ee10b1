"""Django settings. Every deployment choice comes from the environment; see README."""

import os
from pathlib import Path

import dj_database_url

from regelgeving.search.elasticsearch import DUTCH_ANALYSIS

from . import keys
from .environment import DEBUG, env_bool, env_int
from .security import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent.parent

_KEYS = keys.read(os.environ, debug=DEBUG)
SECRET_KEY = _KEYS.secret_key
# ".localhost": every gemeente of the demo on its own name (heemstede.localhost) on this machine.
_DEV_HOSTS = "localhost,.localhost,127.0.0.1,[::1],testserver"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", _DEV_HOSTS).split(",")
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "regelgeving",
    "importers",
    "loket",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A statement stopped by WEB_STATEMENT_TIMEOUT_SECONDS or a database lock: a Dutch 503, not a 500.
    "config.database.DatabaseTooBusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regelgeving.context_processors.gemeente",
                "regelgeving.context_processors.verklaringen",
            ],
        },
    },
]

# Form widgets render through TEMPLATES too, so site/templates can override a widget's template
# (Wagtail's date pickers, which would otherwise start with an inline script the CSP forbids).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# SQLite by default; PostgreSQL (or another engine) when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60)
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Many residents at once on the embedded default: readers never wait for the writer (WAL), a
    # writer waits its turn (busy timeout) and takes the write lock when its transaction begins
    # (IMMEDIATE), so two transactions never both read and then fail to upgrade ("database is locked").
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
# PostgreSQL: a web request's statement stops after this many seconds (config/database.py); imports,
# the task worker and management commands are not limited.
WEB_STATEMENT_TIMEOUT_SECONDS = env_int("WEB_STATEMENT_TIMEOUT_SECONDS", 30)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Wagtail's database search backend by default; Elasticsearch/OpenSearch when SEARCH_URL is set.
SEARCH_URL = os.environ.get("SEARCH_URL", "")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.elasticsearch9"),
            "URLS": [SEARCH_URL],
            "INDEX": os.environ.get("SEARCH_INDEX", "regelgeving"),
            "TIMEOUT": 5,
            "INDEX_SETTINGS": DUTCH_ANALYSIS,
        }
    }
else:
    # SEARCH_CONFIG is PostgreSQL's text search configuration; SQLite ignores it and gets its
    # Dutch stems from regelgeving.analysis instead.
    WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "regelgeving.search.backend", "SEARCH_CONFIG": "dutch"}
    }

# Tasks run at once, inside the request, by default (`make run`, tests). TASK_BACKEND=database puts
# them in the database for `manage.py db_worker` processes (as many as needed, on any machine).
TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[os.environ.get("TASK_BACKEND", "immediate")]}}

# In-process caches by default. "paginas" keeps rendered public pages (regelgeving/page_cache.py):
# their keys change with every publication, so an entry is never stale, only unused; entries
# also expire after PAGE_CACHE_SECONDS (a deployment with new templates is seen within that time).
# With REDIS_URL every process shares one cache: rate limits, login throttling and the search
# structure hold across gunicorn workers and machines; rendered pages are kept once for all.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "regelgeving"),
        },
        "paginas": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "regelgeving") + "-paginas",
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "paginas": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "paginas",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGE_CACHE_ENTRIES", "2000"))},
        },
    }
RATELIMIT_USE_CACHE = "default"
PAGE_CACHE = "paginas"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))

# Loket: encryption keys for personal data (comma-separated Fernet keys, newest first; see
# loket/crypto.py) and the key of its recognition hashes (config/settings/keys.py), abuse limits,
# and the group whose members see submissions.
LOKET_ENCRYPTION_KEYS = _KEYS.encryption_keys
LOKET_INDEX_KEY = _KEYS.index_key
LOKET_MIN_FILL_SECONDS = int(os.environ.get("LOKET_MIN_FILL_SECONDS", "8"))
LOKET_RATE_LIMITS = {
    "stap": os.environ.get("LOKET_RATE_STAP", "120/h"),
    "versturen": os.environ.get("LOKET_RATE_VERSTUREN", "10/h"),
}
# The inwonerspanel: days a sign-up confirmation link works; unconfirmed sign-ups go after that.
LOKET_PANEL_CONFIRM_DAYS = int(os.environ.get("LOKET_PANEL_CONFIRM_DAYS", "7"))
# Minutes without activity after which the (encrypted) answers of an unfinished flow are gone and
# an anonymous visitor's session expires; `clearsessions` then deletes it from the database.
LOKET_FLOW_TIMEOUT_MINUTES = int(os.environ.get("LOKET_FLOW_TIMEOUT_MINUTES", "30"))
# Minutes before that moment a page of the flow warns and offers more time (WCAG 2.2.1, with
# JavaScript: site/static/js/verloop.js). Tests set both to fractions of a minute.
LOKET_FLOW_WARNING_MINUTES = int(os.environ.get("LOKET_FLOW_WARNING_MINUTES", "5"))

# `manage.py cvdr_bijwerken`: the CVDR search service (SRU) it asks, and whether what it imports
# waits as a draft for an editor (as with --concept) rather than showing at once.
CVDR_ZOEKDIENST_URL = os.environ.get("CVDR_ZOEKDIENST_URL", "https://zoekservice.overheid.nl/sru/Search")
CVDR_BIJWERKEN_ALS_CONCEPT = env_bool("CVDR_BIJWERKEN_ALS_CONCEPT", False)
# Whether the planner runs it for every gemeente with a CBS code, daily (off: a development machine
# does not call the real service).
CVDR_BIJWERKEN_PLANNEN = env_bool("CVDR_BIJWERKEN_PLANNEN", False)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
WHITENOISE_USE_FINDERS = True  # serve from the apps in development without collectstatic
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024

WAGTAIL_SITE_NAME = "Regelgeving"  # the admin's name; each site names its gemeente itself
# The site's one canonical address: permanent links, citations, PDFs, e-mails and API URLs are built
# from it, and `migrate` and `setup_demo` give Wagtail's default site this host and port.
# (WAGTAILADMIN_BASE_URL is the older name, still read.) Set it in every deployment: without it
# the default site keeps the host it has, and links in e-mails point to the development address.
SITE_URL_CONFIGURED = bool(os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL"))
SITE_URL = (
    os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILDOCS_EXTENSIONS = ["pdf", "xml", "html", "txt"]

# E-mail: SMTP when EMAIL_HOST is set; otherwise each message is written as a file to var/mail/
# (not to the console: mails carry personal data and the console is the server log).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    # One file per message, readable by the owner only; purges delete them (loket/mail_files.py).
    EMAIL_BACKEND = "loket.mail_files.EmailBackend"
    EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", EMAIL_BACKEND)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
