"""The fixed top of the page tree: home page and regelgeving index, created when missing."""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage, RegelgevingIndexPage

HOME_INTRO = (
    "<p>Hier leest u de regels van de gemeente Lochem voor zorg, jeugd, werk en inkomen: "
    "wat u kunt aanvragen, hoe het gaat en wat de begrippen betekenen.</p>"
)
INDEX_INTRO = (
    "<p>Alle regelingen met hun artikelen en begrippen. Bij elke regeling ziet u welke versie nu geldt.</p>"
)


@transaction.atomic
def ensure_site() -> RegelgevingIndexPage:
    """Return the regelgeving index, creating the home page and site on a fresh database."""
    index = RegelgevingIndexPage.objects.first()
    if index:
        return index
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's initial migration creates a placeholder "Welcome" page on the default site.
        placeholder = Page.objects.filter(depth=2, content_type__model="page").first()
        home = HomePage(title="Gemeente Lochem", slug="home", intro=HOME_INTRO)
        if placeholder:
            placeholder.slug = "welkom-oud"
            placeholder.save()
        root.add_child(instance=home)
        site = Site.objects.filter(is_default_site=True).first()
        hostname, port = site_address()
        if site:
            site.root_page = home
            site.site_name = "Gemeente Lochem"
            site.save()
        else:
            Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name="Gemeente Lochem",
            )
        if placeholder:
            placeholder.delete()
    index = RegelgevingIndexPage(title="Regelgeving", slug="regelgeving", intro=INDEX_INTRO)
    home.add_child(instance=index)
    return index


def site_address() -> tuple[str, int]:
    """The host name and port of SITE_URL, as Wagtail's Site stores them."""
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


def sync_default_site(force: bool = False, **kwargs) -> None:
    """Give Wagtail's default site the host and port of SITE_URL, so every full URL Wagtail builds
    (permanent links, citations, PDFs, the API) is the canonical one. Runs after `migrate` when
    SITE_URL is configured (a deployment without it keeps its site as it is), and in setup_demo."""
    if not (force or settings.SITE_URL_CONFIGURED):
        return
    hostname, port = site_address()
    for site in Site.objects.filter(is_default_site=True).exclude(hostname=hostname, port=port):
        site.hostname, site.port = hostname, port
        site.save()  # its post_save renews the key under which pages (with their links) are cached
