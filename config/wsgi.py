import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
try:
    application = get_wsgi_application()
except ImproperlyConfigured as refusal:
    # A clear refusal in the server's log, not a traceback (config/settings/keys.py).
    sys.exit(str(refusal))

from config.database import limit_web_requests  # noqa: E402 (needs the settings loaded)

limit_web_requests()
