import os
import sys

from django.core.asgi import get_asgi_application
from django.core.exceptions import ImproperlyConfigured

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
try:
    application = get_asgi_application()
except ImproperlyConfigured as refusal:
    sys.exit(str(refusal))

from config.database import limit_web_requests  # noqa: E402

limit_web_requests()
