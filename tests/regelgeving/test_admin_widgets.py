"""The Wagtail admin runs under a Content-Security-Policy without inline scripts: every edit view
an editor uses starts its widgets (date pickers, inline panels, choosers) from data, not from an
inline <script> the browser would refuse (regelgeving/admin_widgets.py, site/templates/wagtailadmin/)."""

import re

import pytest
from wagtail.models import Page

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)

EDIT_VIEWS_OF = ["RegelingVersiePage", "ArtikelPage", "BegripPage", "FlowPage", "PeilingPage", "HomePage"]


@pytest.fixture
def redacteur_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redacteur", "r@example.nl", "x"))
    return client


def _page_of_type(name: str) -> Page:
    return next(p for p in Page.objects.filter(depth__gt=1).specific() if type(p).__name__ == name)


@pytest.mark.parametrize("page_type", EDIT_VIEWS_OF)
def test_a_page_edit_view_has_no_inline_script(redacteur_client, page_type):
    response = redacteur_client.get(f"/admin/pages/{_page_of_type(page_type).pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert INLINE_SCRIPT.findall(html) == []
    # The widgets still start: their calls are there as data for the admin's own script file.
    assert "data-csp-init" in html
    assert "admin-zonder-inline-script.js" in html


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/users/", "/admin/workflows/add/"])
def test_admin_listings_have_no_inline_script(redacteur_client, url):
    response = redacteur_client.get(url, follow=True)
    assert response.status_code == 200
    assert INLINE_SCRIPT.findall(response.content.decode()) == []


def test_the_admin_is_served_with_a_policy_that_forbids_inline_scripts(redacteur_client):
    policy = redacteur_client.get("/admin/")["Content-Security-Policy"]
    script_src = next(d for d in policy.split(";") if d.strip().startswith("script-src"))
    assert "'unsafe-inline'" not in script_src and "'self'" in script_src
