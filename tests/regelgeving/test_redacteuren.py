"""Editors belong to their gemeente: an editor of Heemstede edits Heemstede's pages and
synoniemen, and gets nowhere with Lochem's (the admin refuses, or does not find them). The
national laws (`Wet`) are shared by every gemeente and only the installation's administrators
edit them."""

import pytest
from django.contrib.auth.models import User

from regelgeving.models import ArtikelPage, Synoniem, Wet
from tests.factories import lochem_gemeente

SYNONIEMEN = "/admin/snippets/regelgeving/synoniem/"
API = "/api/zoeken/"
HEEMSTEDE = {"HTTP_HOST": "heemstede.localhost"}


@pytest.fixture
def redacteur_heemstede(heemstede, db, client):
    """An editor of Heemstede (in the group ensure_gemeente made), logged in."""
    user = User.objects.create_user("redacteur-heemstede", "r@heemstede.example", "geheim-wachtwoord")
    user.groups.add(heemstede.redacteuren)
    client.force_login(user)
    return user


def refused(response) -> bool:
    """Wagtail's admin answers a page without permission with a redirect to its dashboard."""
    return response.status_code in (302, 403, 404) and response.get("Location", "/admin/") == "/admin/"


def test_an_editor_edits_their_own_gemeentes_pages_only(client, heemstede, redacteur_heemstede):
    lochem_home = lochem_gemeente().site.root_page
    artikel = ArtikelPage.objects.filter(path__startswith=lochem_home.path).first()
    assert client.get(f"/admin/pages/{heemstede.site.root_page.pk}/edit/").status_code == 200
    assert refused(client.get(f"/admin/pages/{lochem_home.pk}/edit/"))
    assert refused(client.get(f"/admin/pages/{artikel.pk}/edit/"))
    assert refused(client.post(f"/admin/pages/{artikel.pk}/edit/", {"title": "Overgenomen"}))
    assert ArtikelPage.objects.get(pk=artikel.pk).title != "Overgenomen"


def test_the_page_explorer_leads_an_editor_to_their_own_gemeente(client, heemstede, redacteur_heemstede):
    lochem_home = lochem_gemeente().site.root_page
    eigen = f"/admin/pages/{heemstede.site.root_page.pk}/"
    assert client.get("/admin/pages/")["Location"] == eigen
    # Asked for Lochem's home page, the explorer shows Heemstede's.
    assert client.get(f"/admin/pages/{lochem_home.pk}/")["Location"] == eigen
    html = client.get(eigen).content.decode()
    assert "Verordening Sociaal Domein" not in html


def test_an_editor_keeps_synoniemen_of_their_own_gemeente(client, heemstede, redacteur_heemstede):
    lochem = lochem_gemeente()
    van_lochem = Synoniem.objects.create(term="baken", synoniem="loket", gemeente=lochem)
    gedeeld = Synoniem.objects.create(term="wmo-loket", synoniem="sociaal team")
    # The form offers Heemstede only; Lochem's is refused as a choice.
    form = client.get(f"{SYNONIEMEN}add/").content.decode()
    assert "Gemeente Heemstede" in form and "Gemeente Lochem" not in form
    response = client.post(
        f"{SYNONIEMEN}add/", {"gemeente": lochem.pk, "term": "raadhuis", "synoniem": "gemeentehuis"}
    )
    assert response.status_code == 200 and not Synoniem.objects.filter(term="raadhuis").exists()
    response = client.post(
        f"{SYNONIEMEN}add/", {"gemeente": heemstede.pk, "term": "raadhuis", "synoniem": "gemeentehuis"}
    )
    assert response.status_code == 302
    assert Synoniem.objects.get(term="raadhuis").gemeente == heemstede
    # The listing shows its own; Lochem's and the shared ones are not found.
    listing = client.get(SYNONIEMEN).content.decode()
    assert "raadhuis" in listing and "baken" not in listing and "wmo-loket" not in listing
    for synoniem in (van_lochem, gedeeld):
        for view in ("edit", "delete", "history", "usage"):
            assert client.get(f"{SYNONIEMEN}{view}/{synoniem.pk}/").status_code == 404, view
        assert client.post(f"{SYNONIEMEN}delete/{synoniem.pk}/").status_code == 404
        assert Synoniem.objects.filter(pk=synoniem.pk).exists()


def test_a_gemeentes_synoniem_works_in_its_own_search_only(client, db, heemstede):
    # "hoorzitting" is in Heemstede's regeling; "zitting van de commissie" is a local name for it.
    Synoniem.objects.create(term="commissiezitting", synoniem="hoorzitting", gemeente=heemstede)
    assert client.get(API, {"q": "commissiezitting"}, **HEEMSTEDE).json()["aantal"] > 0
    assert client.get(API, {"q": "commissiezitting", "gemeente": "lochem"}).json()["aantal"] == 0
    # Lochem's synoniem leaves Heemstede's search as it was.
    Synoniem.objects.create(term="hoorzitting", synoniem="mantelzorger", gemeente=lochem_gemeente())
    assert client.get(API, {"q": "mantelzorger"}, **HEEMSTEDE).json()["aantal"] == 0


def test_the_national_laws_are_for_administrators_only(client, redacteur_heemstede):
    wet = Wet.objects.first()
    assert refused(client.get(f"/admin/snippets/regelgeving/wet/edit/{wet.pk}/"))
    assert refused(client.get("/admin/snippets/regelgeving/wet/add/"))
