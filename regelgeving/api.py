"""JSON for other municipal systems, through Wagtail's API, with a peildatum filter.

/api/v2/pages/?type=regelgeving.ArtikelPage&nummer=7.4&peildatum=2027-03-01&fields=tekst
returns article 7.4 as it applied on that date. `search` is the site's own text search
(api_search.py); `offset` and `limit` are bounded (api_paging.py).
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from . import validity
from .api_paging import BoundedPagination
from .api_search import SiteSearchFilter
from .models import (
    ArtikelPage,
    BegripPage,
    BijlagePage,
    DivisiePage,
    RegelingPage,
    RegelingVersiePage,
    ToelichtingPage,
)

IN_VERSIE = (ArtikelPage, BegripPage, BijlagePage, DivisiePage, ToelichtingPage)


class RegelgevingPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [
        SiteSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["peildatum"])

    def get_queryset(self):
        queryset = super().get_queryset()
        # A part is public only with its version (an editor may publish one inside a draft).
        for versie in RegelingVersiePage.objects.filter(live=False).only("path", "depth"):
            queryset = queryset.not_descendant_of(versie)
        value = self.request.GET.get("peildatum")
        if not value:
            return queryset
        try:
            peildatum = validity.parse_peildatum(value)
        except ValueError as exc:
            raise BadRequestError(str(exc)) from None
        versies = [r.versie_op(peildatum) for r in RegelingPage.objects.live()]
        ids = [v.pk for v in versies if v is not None]
        model = queryset.model
        if issubclass(model, RegelingVersiePage):
            return queryset.filter(pk__in=ids)
        if issubclass(model, IN_VERSIE):
            return queryset.filter(versie_id__in=ids)
        raise BadRequestError(
            "Gebruik peildatum samen met type=regelgeving.RegelingVersiePage, "
            "ArtikelPage, DivisiePage, BijlagePage, ToelichtingPage of BegripPage."
        )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", RegelgevingPagesAPIViewSet)
