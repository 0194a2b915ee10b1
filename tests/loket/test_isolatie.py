"""Staff belong to their gemeente: a consulent of one gemeente cannot reach another gemeente's
submissions, exports, panel, invitations or results, and the panel of each gemeente keeps to
itself. Each test looks from the other side: a user of gemeente B asking for A's objects.

Heemstede (the `heemstede` fixture) is gemeente B beside the session's Lochem.
"""

from __future__ import annotations

import uuid
from urllib.parse import urlsplit

import pytest
from django.test import Client

from loket.flows import get_flow
from loket.models import Bevolkingsaandeel, FlowPage, Panellid, PeilingPage
from loket.panel import links, membership
from loket.pipeline import submit
from tests import factories

ADMIN = "/admin/inzendingen/"
PANEL = "/admin/inwonerspanel/"

pytestmark = pytest.mark.usefixtures("heemstede")


def _consulent(django_user_model, gemeente, naam: str) -> Client:
    user = django_user_model.objects.create_user(naam, f"{naam}@example.nl", "geheim-wachtwoord")
    user.groups.add(gemeente.medewerkers)
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def lochem_gemeente(db):
    return factories.lochem_gemeente()


@pytest.fixture
def consulent_heemstede(django_user_model, heemstede) -> Client:
    return _consulent(django_user_model, heemstede, "hanna")


@pytest.fixture
def consulent_lochem(django_user_model, lochem_gemeente) -> Client:
    return _consulent(django_user_model, lochem_gemeente, "lotte")


def _melding_in(gemeente):
    page = FlowPage.objects.descendant_of(gemeente.site.root_page).get(flow="melding")
    return submit(page, get_flow("melding"), factories.MELDING_ANTWOORDEN, token=uuid.uuid4().hex)


def _peiling_van(gemeente) -> PeilingPage:
    return PeilingPage.objects.descendant_of(gemeente.site.root_page).live().first()


def test_every_gemeente_has_its_own_staff_group(heemstede, lochem_gemeente):
    assert heemstede.medewerkers.name == "Medewerkers gemeente heemstede"
    assert heemstede.medewerkers != lochem_gemeente.medewerkers


def test_a_consulent_of_another_gemeente_gets_404_for_a_submission(consulent_heemstede):
    inzending = factories.inzending()  # Lochem's melding
    assert consulent_heemstede.get(f"{ADMIN}{inzending.pk}/").status_code == 404
    response = consulent_heemstede.post(f"{ADMIN}{inzending.pk}/status/", {"status": "afgehandeld"})
    assert response.status_code == 404
    inzending.refresh_from_db()
    assert inzending.status == "ontvangen"


def test_the_list_and_the_csv_export_hold_only_the_own_gemeentes_submissions(
    consulent_heemstede, consulent_lochem, heemstede
):
    van_lochem = factories.inzending()
    van_heemstede = _melding_in(heemstede)

    lijst = consulent_heemstede.get(ADMIN).content.decode()
    export = consulent_heemstede.get(f"{ADMIN}export/").content.decode("utf-8-sig")
    assert van_heemstede.referentie in lijst and van_heemstede.referentie in export
    assert van_lochem.referentie not in lijst and van_lochem.referentie not in export

    lijst = consulent_lochem.get(ADMIN).content.decode()
    export = consulent_lochem.get(f"{ADMIN}export/").content.decode("utf-8-sig")
    assert van_lochem.referentie in lijst and van_lochem.referentie in export
    assert van_heemstede.referentie not in lijst and van_heemstede.referentie not in export


def test_a_consulent_reads_a_submission_of_their_own_gemeente(consulent_heemstede, heemstede):
    inzending = _melding_in(heemstede)
    assert consulent_heemstede.get(f"{ADMIN}{inzending.pk}/").status_code == 200


def test_a_superuser_sees_every_gemeente(admin_client, heemstede):
    van_lochem, van_heemstede = factories.inzending(), _melding_in(heemstede)
    lijst = admin_client.get(ADMIN).content.decode()
    assert van_lochem.referentie in lijst and van_heemstede.referentie in lijst


def test_panel_results_invitations_and_release_of_another_gemeente_are_not_found(
    consulent_heemstede, lochem_gemeente
):
    peiling = _peiling_van(lochem_gemeente)
    base = f"{PANEL}peiling/{peiling.pk}/"
    assert consulent_heemstede.get(f"{base}resultaten/").status_code == 404
    assert consulent_heemstede.get(f"{base}uitnodigen/").status_code == 404
    assert consulent_heemstede.post(f"{base}uitnodigen/", {"bekijk": "1"}).status_code == 404
    assert consulent_heemstede.post(f"{base}open-antwoorden/", {}).status_code == 404
    assert consulent_heemstede.post(f"{base}vrijgeven/", {}).status_code == 404


def test_the_panel_overview_counts_and_lists_only_the_own_gemeente(
    consulent_heemstede, heemstede, lochem_gemeente
):
    factories.panellid("lochemmer@example.nl")
    html = consulent_heemstede.get(PANEL).content.decode()
    assert "0 bevestigde leden" in html
    assert _peiling_van(heemstede).title in html
    assert _peiling_van(lochem_gemeente).title not in html
    assert "Merlenhoven" in html and "Gorssel" not in html  # the kernen of Heemstede only


def test_inviting_reaches_only_members_of_the_peilings_gemeente(consulent_heemstede, heemstede):
    factories.panellid("lochemmer@example.nl")
    factories.panellid("heemstedenaar@example.nl", kern="zuid", gemeente=heemstede)
    peiling = _peiling_van(heemstede)
    response = consulent_heemstede.post(f"{PANEL}peiling/{peiling.pk}/uitnodigen/", {"bekijk": "1"})
    assert response.status_code == 302
    assert set(peiling.uitnodigingen.values_list("lid__gemeente", flat=True)) == {heemstede.pk}


def test_one_address_may_join_the_panel_of_two_gemeenten(heemstede):
    factories.panellid("beide@example.nl")
    factories.panellid("beide@example.nl", kern="oost", gemeente=heemstede)
    assert Panellid.objects.filter(gemeente=heemstede).count() == 1


def test_panel_mails_link_to_the_members_own_site(heemstede):
    lid = factories.panellid("heemstedenaar@example.nl", kern="zuid", gemeente=heemstede, bevestigd=False)
    assert links.confirm_url(lid).startswith("http://heemstede.localhost:8000/inwonerspanel/bevestigen/")
    assert links.leave_url(lid).startswith("http://heemstede.localhost:8000/inwonerspanel/afmelden/")


def test_a_confirmation_link_works_only_on_the_members_own_site(client, heemstede):
    lid = factories.panellid("heemstedenaar@example.nl", kern="zuid", gemeente=heemstede, bevestigd=False)
    pad = urlsplit(links.confirm_url(lid)).path
    assert client.post(pad, HTTP_HOST="127.0.0.1:8000").status_code == 404
    assert client.post(pad, HTTP_HOST="heemstede.localhost:8000").status_code == 200
    lid.refresh_from_db()
    assert lid.bevestigd


def test_a_link_signed_under_the_panels_old_name_still_confirms(heemstede):
    from django.core import signing
    from django.utils.text import slugify

    lid = factories.panellid("oud@example.nl", kern="zuid", gemeente=heemstede, bevestigd=False)
    oud = signing.dumps(str(lid.pseudoniem), salt=f"{slugify(heemstede.panel_naam)}:bevestigen")
    assert membership.confirm(oud, heemstede).status == "bevestigd"


def test_a_link_from_a_mail_before_the_neutral_address_goes_on_to_the_panel(client):
    lid = factories.panellid("oud-adres@example.nl", bevestigd=False)
    token = urlsplit(links.leave_url(lid)).path.rstrip("/").rsplit("/", 1)[1]
    response = client.post(f"/lochem-spreekt/afmelden/{token}/")  # the demo's panel: Lochem spreekt
    assert response.status_code == 307 and response["Location"] == f"/inwonerspanel/afmelden/{token}/"
    assert client.post(f"/een-ander-panel/afmelden/{token}/").status_code == 404


AANDELEN = "/admin/snippets/loket/bevolkingsaandeel/"


def test_a_consulent_keeps_the_population_shares_of_their_own_gemeente_only(
    consulent_heemstede, heemstede, lochem_gemeente
):
    Bevolkingsaandeel.objects.filter(gemeente__in=[heemstede, lochem_gemeente]).delete()
    van_lochem = Bevolkingsaandeel.objects.create(
        gemeente=lochem_gemeente, dimensie="leeftijdsgroep", waarde="75+", aandeel="9.5"
    )
    # The form offers Heemstede only; Lochem is refused as a choice.
    form = consulent_heemstede.get(f"{AANDELEN}add/").content.decode()
    assert "Gemeente Heemstede" in form and "Gemeente Lochem" not in form
    nieuw = {"dimensie": "leeftijdsgroep", "waarde": "16-24", "aandeel": "12.5"}
    response = consulent_heemstede.post(f"{AANDELEN}add/", {"gemeente": lochem_gemeente.pk, **nieuw})
    assert response.status_code == 200
    assert not Bevolkingsaandeel.objects.filter(waarde="16-24").exists()
    response = consulent_heemstede.post(f"{AANDELEN}add/", {"gemeente": heemstede.pk, **nieuw})
    assert response.status_code == 302
    assert Bevolkingsaandeel.objects.get(waarde="16-24").gemeente == heemstede
    # The listing holds its own; Lochem's is not found in any view.
    listing = consulent_heemstede.get(AANDELEN).content.decode()
    assert "16 tot en met 24 jaar" in listing and "75 jaar of ouder" not in listing
    for view in ("edit", "delete", "history", "usage"):
        assert consulent_heemstede.get(f"{AANDELEN}{view}/{van_lochem.pk}/").status_code == 404, view
    assert consulent_heemstede.post(f"{AANDELEN}delete/{van_lochem.pk}/").status_code == 404
    assert Bevolkingsaandeel.objects.filter(pk=van_lochem.pk).exists()
