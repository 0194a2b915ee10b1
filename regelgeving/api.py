"""JSON for other municipal systems, through Wagtail's API, with a peildatum filter.

/api/v2/pages/?type=regelgeving.ArtikelPage&nummer=7.4&peildatum=2027-03-01&fields=tekst
returns article 7.4 as it applied on that date. `search` is the site's own text search
(api_search.py); `offset` and `limit` are bounded (api_paging.py).

Like Wagtail's, the API answers with the pages of the host's site, that is of one gemeente.
A re-user asks for other gemeenten of this installation on any host with
`?gemeente=gm0397` (CBS codes, slugs or names, several separated by commas); every item says
in `meta.van_gemeente` whose it is. (A version's own field `gemeente` is the organisation its
publication names; it is shown, but `?gemeente=` chooses gemeenten, it does not filter on it.)
"""

from functools import cached_property, reduce
from operator import or_

from django.db.models import Q
from rest_framework.fields import Field
from wagtail.api import APIField
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page, PageViewRestriction, Site

from . import validity
from .api_paging import BoundedPagination
from .api_search import SiteSearchFilter
from .gemeenten import gemeenten_genoemd
from .models import (
    ArtikelPage,
    BegripPage,
    BijlagePage,
    DivisiePage,
    RegelingVersiePage,
    ToelichtingPage,
)
from .models.gemeente import Gemeente
from .search.published import published
from .search.scope import versions_in_scope

IN_VERSIE = (ArtikelPage, BegripPage, BijlagePage, DivisiePage, ToelichtingPage)


class GemeenteField(Field):
    """`meta.van_gemeente`: the name and CBS code of the gemeente whose site holds the page."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        gemeente = self.context["view"].gemeente_van(page)
        return {"naam": gemeente.naam, "cbs_code": gemeente.cbs_code} if gemeente else None


class RegelgevingPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [
        SiteSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["peildatum", "gemeente"])
    meta_fields = [
        *PagesAPIViewSet.meta_fields,
        APIField("van_gemeente", serializer=GemeenteField(read_only=True)),
    ]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "van_gemeente"]

    @classmethod
    def get_available_fields(cls, model, db_fields_only=False):
        fields = super().get_available_fields(model, db_fields_only)
        # `?gemeente=` chooses the gemeenten answered for (see `sites`), also for versions.
        return [f for f in fields if f != "gemeente"] if db_fields_only else fields

    @cached_property
    def sites(self) -> list[Site]:
        """The sites answered for: those of the gemeenten named by ?gemeente=, else the host's."""
        if "gemeente" not in self.request.GET:
            site = Site.find_for_request(self.request)
            return [site] if site is not None else []
        try:
            return [g.site for g in gemeenten_genoemd(self.request.GET["gemeente"])]
        except ValueError as exc:
            raise BadRequestError(str(exc)) from None

    @cached_property
    def _gemeenten_by_root(self) -> list[tuple[str, Gemeente]]:
        # Every gemeente with the tree path of its site's root, in one query per request.
        gemeenten = Gemeente.objects.select_related("site__root_page").exclude(naam="")
        return [(g.site.root_page.path, g) for g in gemeenten]

    def gemeente_van(self, page) -> Gemeente | None:
        return next((g for root, g in self._gemeenten_by_root if page.path.startswith(root)), None)

    def get_root_page(self):
        """The page `child_of=root` means: the root of the (first) site answered for."""
        if not self.sites:
            raise BadRequestError("Op dit adres staat geen gemeente.")
        return self.sites[0].root_page

    def get_base_queryset(self):
        if "gemeente" not in self.request.GET:
            return super().get_base_queryset()
        # As Wagtail's get_public_pages_queryset, with the gemeenten's sites for the host's.
        queryset = Page.objects.live()
        for restriction in PageViewRestriction.objects.select_related("page"):
            if not restriction.accept_request(self.request):
                queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
        return queryset.filter(on_sites(self.sites))

    def get_queryset(self):
        queryset = super().get_queryset()
        if not self.sites:
            return queryset.none()
        # A part is public only with its version (an editor may publish one inside a draft).
        drafts = RegelingVersiePage.objects.filter(on_sites(self.sites), live=False).only("path", "depth")
        for versie in drafts:
            queryset = queryset.not_descendant_of(versie)
        value = self.request.GET.get("peildatum")
        if not value:
            return queryset
        try:
            peildatum = validity.parse_peildatum(value)
        except ValueError as exc:
            raise BadRequestError(str(exc)) from None
        # The version in force per regeling, as search and the regeling's pages work it out.
        ids = [
            versie_id
            for site in self.sites
            for versie_id in versions_in_scope(peildatum, loaded=published(site.root_page.path))
        ]
        model = queryset.model
        if issubclass(model, RegelingVersiePage):
            return queryset.filter(pk__in=ids)
        if issubclass(model, IN_VERSIE):
            return queryset.filter(versie_id__in=ids)
        raise BadRequestError(
            "Gebruik peildatum samen met type=regelgeving.RegelingVersiePage, "
            "ArtikelPage, DivisiePage, BijlagePage, ToelichtingPage of BegripPage."
        )


def on_sites(sites: list[Site]) -> Q:
    """Pages of these sites, by the tree path of their root page (an index-friendly prefix)."""
    return reduce(or_, (Q(path__startswith=site.root_page.path) for site in sites))


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", RegelgevingPagesAPIViewSet)
