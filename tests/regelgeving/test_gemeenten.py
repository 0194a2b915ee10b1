"""One installation, two gemeenten: each host shows its own gemeente (name, house style, contact,
regelingen), and a publication is filed under the gemeente that published it."""

import pytest
from django.core.exceptions import ValidationError

from importers.errors import PublicatieFout
from importers.pipeline import import_source
from regelgeving.models import Gemeente, RegelingPage
from tests.factories import lochem_gemeente
from tests.paths import SAMPLES

HEEMSTEDE_HOST = "heemstede.localhost"
HEEMSTEDE_XML = SAMPLES / "cvdr" / "derived" / "CVDR621050_2.namespace-stripped-reindented.xml"
KAMPEN_XML = SAMPLES / "cvdr" / "CVDR100394_2.xml"


def page(client, url: str, host: str | None = None) -> str:
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response.content.decode()


def test_each_host_shows_its_own_gemeente_in_header_footer_and_house_style(client, db, heemstede):
    lochem = page(client, "/")
    heemstede_html = page(client, "/", HEEMSTEDE_HOST)
    assert "<title>Gemeente Lochem | Gemeente Lochem</title>" in lochem
    assert '<a class="site-logo" href="/">Gemeente Heemstede</a>' in heemstede_html
    assert "--site-accent: #8a1538" in heemstede_html and "--site-accent: #8a1538" not in lochem
    assert 'href="tel:+31573289222">0573 289 222</a>' in lochem
    assert 'href="tel:14023">14 023</a>' in heemstede_html and "0573" not in heemstede_html
    assert "Lochem" not in heemstede_html


def test_each_host_lists_only_its_own_regelingen(client, db, heemstede):
    lochem = page(client, "/regelgeving/")
    heemstede_html = page(client, "/regelgeving/", HEEMSTEDE_HOST)
    assert "Verordening Sociaal Domein" in lochem and "commissie bezwaarschriften" not in lochem
    assert "commissie bezwaarschriften" in heemstede_html and "Sociaal Domein" not in heemstede_html
    regeling = RegelingPage.objects.get(werk_id="cvdr:CVDR621050")
    assert regeling.get_site() == heemstede.site
    assert client.get(regeling.relative_url(heemstede.site)).status_code == 404  # not on Lochem's host


def test_each_gemeente_has_its_own_statements(client, db, heemstede):
    assert "De gemeente Heemstede wil" in page(client, "/toegankelijkheid/", HEEMSTEDE_HOST)
    assert "De gemeente Lochem wil" in page(client, "/toegankelijkheid/")


def test_a_publication_goes_to_the_gemeente_that_published_it(db, heemstede):
    result = import_source(str(HEEMSTEDE_XML))  # no gemeente chosen: the publisher decides
    assert result.versie.get_site() == heemstede.site
    assert result.report["gemeente"] == "Heemstede"


def test_a_publication_of_another_gemeente_of_this_installation_is_refused(db, heemstede, rijen_per_tabel):
    voor = rijen_per_tabel()
    with pytest.raises(
        PublicatieFout, match="^De publicatie is van de gemeente Heemstede, niet van de gemeente Lochem.$"
    ):
        import_source(str(HEEMSTEDE_XML), gemeente=lochem_gemeente())
    assert rijen_per_tabel() == voor


def test_a_publisher_without_a_gemeente_here_needs_a_choice(db, heemstede):
    with pytest.raises(
        PublicatieFout, match="gemeente Kampen, geen gemeente van deze installatie; kies er een"
    ):
        import_source(str(KAMPEN_XML))
    result = import_source(str(KAMPEN_XML), gemeente=heemstede)
    assert result.versie.get_site() == heemstede.site
    assert (
        "Gepubliceerd door gemeente Kampen; op verzoek bij Gemeente Heemstede gezet."
        in result.report["regeling_reden"]
    )


def test_the_house_colour_must_carry_white_text(db):
    gemeente = lochem_gemeente()
    gemeente.kleur = "#ffcc00"
    with pytest.raises(ValidationError) as fout:
        gemeente.full_clean()
    assert "te weinig contrast" in str(fout.value.message_dict["kleur"])


def test_gemeente_is_found_by_name_slug_or_code(db, heemstede):
    assert Gemeente.zoek("Heemstede") == Gemeente.zoek("gm0397") == Gemeente.zoek("heemstede") == heemstede
    assert Gemeente.zoek("Zutphen") is None
