from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from loket.panel.urls import oude_links as oude_panel_links
from regelgeving import page_cache
from regelgeving.api import api_router
from regelgeving.search.views import zoeken, zoeken_api

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("api/zoeken/", zoeken_api, name="zoeken_api"),
    path("zoeken/", zoeken, name="zoeken"),
    path("inwonerspanel/", include("loket.panel.urls")),
    path("", include(oude_panel_links)),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's front-end URLs, with its page view behind the page cache (regelgeving/page_cache.py).
urlpatterns += [p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"] + [
    re_path(wagtail_urls.serve_pattern, page_cache.serve, name="wagtail_serve"),
    # Wagtail's own pattern has no dots; article numbers do: /regelgeving/x/artikel/5.2.1/
    re_path(r"^((?:[\w\-.]+/)+)$", page_cache.serve, name="wagtail_serve_met_punten"),
]
