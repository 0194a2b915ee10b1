"""The site's URLs plus one view that fails, to see the page an inwoner gets after a server error."""

from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def kapot(request):
    raise RuntimeError("Een fout in een view, voor de test van de foutpagina.")


urlpatterns = [path("test-kapot/", kapot)] + site_urlpatterns
