"""Making a gemeente: its Wagtail Site on its own host name, the home page and regelgeving index,
the Gemeente setting and the editors' group that may edit only these pages. The loket adds its
part through the `gemeente_aangemaakt` signal (regelgeving does not know the loket)."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.dispatch import Signal
from django.utils.text import slugify
from wagtail.models import GroupPagePermission, Page, Site

from .models import HomePage, RegelgevingIndexPage
from .models.gemeente import Gemeente

# Sent inside the transaction that made a gemeente, with `gemeente`: apps add their pages and groups.
gemeente_aangemaakt = Signal()

INDEX_INTRO = (
    "<p>Alle regelingen met hun artikelen en begrippen. Bij elke regeling ziet u welke versie nu geldt.</p>"
)
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Beside the pages: importing publications (the importer's upload asks for the first) and the
# gemeente's own synoniemen (synoniemen_admin.py limits these to the editor's gemeenten).
EDITOR_MODEL_PERMISSIONS = (
    "add_regelingversiepage",
    "view_synoniem",
    "add_synoniem",
    "change_synoniem",
    "delete_synoniem",
)


def home_intro(naam: str) -> str:
    return (
        f"<p>Hier leest u de regels van de gemeente {naam}: wat u kunt aanvragen, hoe het gaat "
        "en wat de begrippen betekenen.</p>"
    )


@transaction.atomic
def ensure_gemeente(naam: str, cbs_code: str, hostname: str, port: int = 80) -> Gemeente:
    """The gemeente with this CBS code, made with its site and pages when it is not there yet.
    The first gemeente of an installation takes over Wagtail's default site."""
    cbs_code = cbs_code.lower()
    gemeente = Gemeente.objects.select_related("site").filter(cbs_code=cbs_code).first()
    if gemeente is None:
        site = _site_for_new_gemeente(naam, hostname, port)
        gemeente, _ = Gemeente.objects.update_or_create(
            site=site, defaults={"naam": naam, "cbs_code": cbs_code}
        )
        gemeente.full_clean()
        gemeente.redacteuren = _editors_group(gemeente)
        gemeente.save()
        regelgeving_index(gemeente)
        gemeente_aangemaakt.send(sender=Gemeente, gemeente=gemeente)
    else:
        regelgeving_index(gemeente)
    return gemeente


def _site_for_new_gemeente(naam: str, hostname: str, port: int) -> Site:
    root = Page.get_first_root_node()
    default = Site.objects.filter(is_default_site=True).first()
    first = not Gemeente.objects.exclude(naam="").exists()
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=getattr(default, "pk", None)).exists():
        raise ValueError(f"Het adres {hostname}:{port} hoort al bij een andere site.")
    # A home page of this name without a gemeente (a database put back to the rows its migrations
    # made, over the pages that were there) is this gemeente's: its site is set up again around it.
    home = HomePage.objects.child_of(root).filter(slug=slugify(naam) or "gemeente").first()
    if home is None or Site.objects.filter(root_page=home).exclude(pk=getattr(default, "pk", None)).exists():
        home = HomePage(title=f"Gemeente {naam}", slug=_free_home_slug(root, naam), intro=home_intro(naam))
        root.add_child(instance=home)
    if first and default is not None:
        # Wagtail's initial migration leaves a placeholder "Welcome" page as the default site's root.
        placeholder = default.root_page
        default.hostname, default.port, default.root_page = hostname, port, home
        default.site_name = home.title
        default.save()
        if (
            placeholder.content_type.model_class() is Page
            and placeholder.depth == 2
            and not placeholder.numchild
        ):
            placeholder.delete()
        return default
    return Site.objects.create(
        hostname=hostname, port=port, root_page=home, is_default_site=default is None, site_name=home.title
    )


def _free_home_slug(root: Page, naam: str) -> str:
    slug = slugify(naam) or "gemeente"
    taken = set(root.get_children().values_list("slug", flat=True))
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _editors_group(gemeente: Gemeente) -> Group:
    """Editors of this gemeente: the admin, and these pages only (Wagtail's page permissions)."""
    group, _ = Group.objects.get_or_create(name=f"Redacteuren {gemeente.volledige_naam.lower()}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="regelgeving", codename__in=EDITOR_MODEL_PERMISSIONS
        )
    )
    for codename in EDITOR_PAGE_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.get_or_create(
            group=group, page=gemeente.site.root_page, permission=permission
        )
    return group


def regelgeving_index(gemeente: Gemeente) -> RegelgevingIndexPage:
    """The gemeente's regelgeving index, made when missing."""
    home = gemeente.site.root_page
    index = RegelgevingIndexPage.objects.child_of(home).first()
    if index is None:
        index = RegelgevingIndexPage(title="Regelgeving", slug="regelgeving", intro=INDEX_INTRO)
        home.add_child(instance=index)
    return index


def site_address(url: str | None = None) -> tuple[str, int]:
    """The host name and port of a URL (SITE_URL by default), as Wagtail's Site stores them."""
    parts = urlsplit(url or settings.SITE_URL)
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
