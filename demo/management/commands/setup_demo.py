from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from demo.gemeenten import GEMEENTEN, LOCHEM, DemoGemeente
from demo.loket import loket_voor_demo
from demo.verklaringen import ensure_verklaringen
from importers.errors import PublicatieFout
from importers.pipeline import format_report, import_source
from regelgeving.models.gemeente import Gemeente
from regelgeving.site_setup import ensure_gemeente, site_address, sync_default_site


class Command(BaseCommand):
    help = (
        "Zet de demo op: de gemeenten Lochem (op het adres van SITE_URL) en Heemstede (op "
        "heemstede.localhost), elk met startpagina, regelgeving, hun publicatie, loket en de "
        "toegankelijkheids- en privacyverklaring (herhaalbaar)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--gemeente",
            action="append",
            choices=[demo.naam.lower() for demo in GEMEENTEN],
            help="Alleen deze gemeente (herhaalbaar); standaard allebei",
        )

    def handle(self, *args, **options):
        hostname, port = site_address()
        gekozen = options["gemeente"] or [demo.naam.lower() for demo in GEMEENTEN]
        for demo in (demo for demo in GEMEENTEN if demo.naam.lower() in gekozen):
            gemeente = ensure_gemeente(demo.naam, demo.cbs_code, demo.host or hostname, port)
            _instellingen(gemeente, demo)
            if demo is LOCHEM:
                sync_default_site(force=True)
            result = self._importeer(demo, gemeente)
            home = gemeente.site.root_page.specific
            # Lochem's verordening governs its flows; Heemstede's regeling (bezwaarschriften) does not.
            regeling = result.versie.get_parent().specific if demo.regeling else None
            loket = loket_voor_demo(gemeente, demo, regeling)
            self.stdout.write(f"Loket: {loket.full_url}")
            for page in ensure_verklaringen(home, gemeente):
                self.stdout.write(f"{page.title}: {page.full_url}")
        _no_placeholder_pages()

    def _importeer(self, demo: DemoGemeente, gemeente: Gemeente):
        try:
            result = import_source(str(demo.publicatie), regeling_slug=demo.regeling, gemeente=gemeente)
        except PublicatieFout as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(format_report(result.report))
        return result


def _instellingen(gemeente: Gemeente, demo: DemoGemeente) -> None:
    """The demo's values, where an editor has not filled in the field yet."""
    changed = False
    for veld, waarde in demo.instellingen.items():
        if getattr(gemeente, veld) in ("", None, Gemeente._meta.get_field(veld).default):
            setattr(gemeente, veld, waarde)
            changed = True
    if changed:
        gemeente.save()


def _no_placeholder_pages() -> None:
    """Wagtail's placeholder page is gone (a database restored from Wagtail's initial data brings
    it back)."""
    Page.objects.filter(
        depth=2,
        numchild=0,
        slug__in=["home", "welkom-oud"],
        content_type__app_label="wagtailcore",
        content_type__model="page",
    ).delete()
