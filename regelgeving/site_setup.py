"""The fixed top of the page tree: home page and regelgeving index, created when missing."""

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
        if site:
            site.root_page = home
            site.site_name = "Gemeente Lochem"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Gemeente Lochem",
            )
        if placeholder:
            placeholder.delete()
    index = RegelgevingIndexPage(title="Regelgeving", slug="regelgeving", intro=INDEX_INTRO)
    home.add_child(instance=index)
    return index
