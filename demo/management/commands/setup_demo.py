from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page, Site

from demo import LOCHEM_PUBLICATIE, LOCHEM_REGELING
from demo.verklaringen import ensure_verklaringen
from importers.errors import PublicatieFout
from importers.pipeline import format_report, import_source
from loket.demo import ensure_loket
from regelgeving.site_setup import ensure_site, sync_default_site


class Command(BaseCommand):
    help = (
        "Zet de demosite op: startpagina, regelgeving, de Lochemse verordening, het loket en de "
        "toegankelijkheids- en privacyverklaring (herhaalbaar)."
    )

    def handle(self, *args, **options):
        index = ensure_site()
        _home_is_the_site_root(index.get_parent())
        sync_default_site(force=True)
        try:
            result = import_source(str(LOCHEM_PUBLICATIE), regeling_slug=LOCHEM_REGELING)
        except PublicatieFout as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(format_report(result.report))
        loket = ensure_loket(index.get_parent().specific, result.versie.get_parent().specific)
        self.stdout.write(f"Loket: {loket.url}")
        for page in ensure_verklaringen(index.get_parent().specific):
            self.stdout.write(f"{page.title}: {page.url}")


def _home_is_the_site_root(home: Page) -> None:
    """The demo's home page is the root of the default site, and Wagtail's placeholder page is gone
    (a database restored from Wagtail's initial data brings both back)."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    # Only Wagtail's own placeholder: a plain page, without children, under the root.
    Page.objects.filter(
        depth=2, numchild=0, slug__in=["home", "welkom-oud"], content_type__app_label="wagtailcore",
        content_type__model="page",
    ).delete()
