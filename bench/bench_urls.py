"""The site's URLs plus Django serving one static file through the whole middleware stack.

The baseline for page timings: what Django costs per request before any page work. WhiteNoise
answers /static/ early in the middleware, so the file is served here by Django's own static view
under another URL, passing the same middleware a page passes.
"""

from django.conf import settings
from django.urls import path
from django.views.static import serve

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path(
        "bench/statisch-bestand/",
        serve,
        {"path": "css/site.css", "document_root": settings.BASE_DIR / "site" / "static"},
    ),
    *site_urlpatterns,
]
