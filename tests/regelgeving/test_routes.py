"""Page routes find exactly one view; none, or two, is a configuration error raised at once."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from regelgeving import routes


def test_every_route_of_the_page_models_has_its_one_view():
    for name in (
        routes.REGELING_OP_PEILDATUM,
        routes.ARTIKEL_OP_PEILDATUM,
        routes.VERGELIJKING,
        routes.VERSIE_PDF,
        routes.ARTIKEL_PDF,
    ):
        assert callable(routes.view(name))


def test_a_route_without_a_view_or_with_two_is_refused():
    with pytest.raises(ImproperlyConfigured, match="found 0"):
        routes.view("regelgeving_bestaat_niet")
    with hooks.register_temporarily(routes.VERGELIJKING, lambda request, page: None):
        with pytest.raises(ImproperlyConfigured, match="found 2"):
            routes.view(routes.VERGELIJKING)
