"""Every part of a publication keeps its identity: parts without a number or sharing one each get
their own page with their own text, no number is invented, a toelichting is on the site (with its
article, in search and in the PDF), images become figures or are named, and reserved or expired
parts say so."""

import base64
from datetime import date

import pytest
from django.test import TestCase
from wagtail.images.models import Image
from wagtail.models import Page

from importers.tree import Alinea, Artikel, Bijlage, Divisie, Document, Figuur, Metadata, Toelichting
from importers.writer import write_document
from regelgeving.models import ArtikelPage, BijlagePage, DivisiePage, ToelichtingPage
from regelgeving.search.service import Zoekvraag, zoek
from tests.factories import lochem_gemeente

# A 1×1 transparent PNG: an image the publication holds.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)


def schrijf(*body, bijlagen=(), toelichting=None):
    document = Document(
        metadata=Metadata(
            identifier="gmb-2026-777",
            titel="Beleidsregels onderdelen 2026",
            citeertitel="Beleidsregels onderdelen 2026",
            in_werking_op=date(2026, 1, 1),
            formaat="tekst",
        ),
        body=list(body),
        bijlagen=list(bijlagen),
        toelichting=toelichting,
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        return write_document(document, regeling_slug="onderdelen", gemeente=lochem_gemeente())


def html(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def test_parts_without_a_number_or_sharing_one_each_keep_their_own_page_and_text(client, db):
    result = schrijf(
        Divisie(
            "paragraaf",
            "",
            "Paragraaf A. Aanvragen",
            children=[Artikel("", "Wie mag aanvragen", [Alinea("Tekst A.")])],
        ),
        Divisie(
            "paragraaf", "", "Paragraaf B. Beslissen", children=[Artikel("", "Termijn", [Alinea("Tekst B.")])]
        ),
        Divisie("paragraaf", "", "Paragraaf C. Betalen", children=[Artikel("", "", [Alinea("Tekst C.")])]),
        Artikel("3", "Eerste artikel drie", [Alinea("Het eerste.")]),
        Artikel("3", "Tweede artikel drie", [Alinea("Het tweede. Zie artikel 3.")]),
        bijlagen=[
            Bijlage("I", "Formulier", [Alinea("Eerste bijlage I.")]),
            Bijlage("I", "Tarieven", [Alinea("Tweede.")]),
        ],
    )
    versie = result.versie
    paragrafen = list(DivisiePage.objects.filter(versie=versie).order_by("path"))
    assert [p.title for p in paragrafen] == [
        "Paragraaf Paragraaf A. Aanvragen",
        "Paragraaf Paragraaf B. Beslissen",
        "Paragraaf Paragraaf C. Betalen",
    ]
    teksten = [html(client, a) for a in ArtikelPage.objects.filter(versie=versie).order_by("path")]
    for tekst, eigen in zip(
        teksten, ["Tekst A.", "Tekst B.", "Tekst C.", "Het eerste.", "Het tweede."], strict=True
    ):
        assert eigen in tekst
    assert "Tekst A." not in teksten[2] and "Het eerste." not in teksten[4]
    bijlagen = list(BijlagePage.objects.filter(versie=versie).order_by("path"))
    assert [b.title for b in bijlagen] == ["Bijlage I Formulier", "Bijlage I Tarieven"]
    assert "Tweede." in html(client, bijlagen[1]) and "Eerste bijlage I." not in html(client, bijlagen[1])
    # Counts in the report are the pages that exist; nothing was dropped as "komt twee keer voor".
    rapport = result.report
    assert rapport["aantallen"]["artikelen"] == ArtikelPage.objects.filter(versie=versie).count() == 5
    assert rapport["aantallen"]["bijlagen"] == len(bijlagen) == 2
    assert not any("komt twee keer voor" in w for w in rapport["waarschuwingen"])


def test_an_article_without_a_number_shows_none_and_is_no_target_of_artikel_n(client, db):
    versie = schrijf(
        Artikel("", "Inleiding", [Alinea("Deze regels gaan over subsidie.")]),
        Artikel("1", "Begrip", [Alinea("Zie artikel 1 en artikel 2.")]),
    ).versie
    inleiding = ArtikelPage.objects.get(versie=versie, opschrift="Inleiding")
    pagina = html(client, inleiding)
    assert "<h1" in pagina and ">Inleiding</h1>" in pagina and "Artikel 1" not in pagina.split("<h1")[1][:80]
    assert inleiding.nummer == "" and inleiding.slug == "artikel-inleiding"
    een = html(client, ArtikelPage.objects.get(versie=versie, nummer="1"))
    tekst = een.split('class="artikel-tekst"')[1].split("</div>")[0]
    assert "artikel 2" in tekst and f'href="{inleiding.url}"' not in tekst  # not the unnumbered one


def test_a_toelichting_is_on_the_site_with_its_article_in_search_and_in_the_table_of_contents(client, db):
    artikel = Artikel("1", "Doel", [Alinea("Het college verstrekt subsidie.")])
    artikel.toelichting = [Alinea("Dit artikel regelt de grondslag voor sportstimulering.")]
    versie = schrijf(
        artikel, toelichting=Toelichting("Algemene toelichting", [Alinea("Waarom deze regels er zijn.")])
    ).versie
    pagina = html(client, ArtikelPage.objects.get(versie=versie, nummer="1"))
    assert '<details class="toelichting"><summary>Toelichting</summary>' in pagina
    assert "sportstimulering" in pagina
    algemeen = ToelichtingPage.objects.get(versie=versie)
    assert "Waarom deze regels er zijn." in html(client, algemeen)
    assert f'href="{algemeen.url}"' in html(client, versie)  # in the table of contents
    treffers = zoek(Zoekvraag(q="sportstimulering", alle_versies=True)).resultaten
    assert [t.nummer for t in treffers] == ["1"]


def test_images_become_figures_or_are_named_where_they_stand(client, db):
    result = schrijf(
        Artikel(
            "1",
            "Kaart",
            [
                Figuur("kaart.png", bijschrift="Het gebied", alt="Kaart van het gebied", data=PNG),
                Figuur("logo.svg", bijschrift="Logo"),
            ],
        )
    )
    pagina = html(client, ArtikelPage.objects.get(versie=result.versie, nummer="1"))
    assert Image.objects.filter(title="Het gebied").exists()
    assert (
        "<img" in pagina
        and 'alt="Kaart van het gebied"' in pagina
        and "<figcaption>Het gebied</figcaption>" in pagina
    )
    assert "‘logo.svg’" in pagina  # named where it stood; the parsers name it in the report


def test_an_image_used_again_is_stored_once(db):
    kaart = Figuur("kaart.png", bijschrift="Het gebied", data=PNG)
    schrijf(Artikel("1", "Kaart", [kaart]), Artikel("2", "Dezelfde kaart", [kaart]))
    schrijf(Artikel("1", "Kaart", [kaart]))  # the next import of the same publication
    assert Image.objects.filter(title="Het gebied").count() == 1


@pytest.mark.parametrize(
    "onderdeel, kop",
    [
        (Artikel("4", "", status="gereserveerd"), "Dit artikel is gereserveerd."),
        (Divisie("hoofdstuk", "5", "Oud", status="vervallen"), "Dit onderdeel is vervallen."),
    ],
)
def test_reserved_and_expired_parts_say_so(client, db, onderdeel, kop):
    versie = schrijf(onderdeel, bijlagen=[Bijlage("2", "Oud", status="vervallen")]).versie
    pagina = next(
        p
        for p in Page.objects.descendant_of(versie).specific()
        if p.title.split()[0] in ("Artikel", "Hoofdstuk")
    )
    tekst = html(client, pagina)
    assert kop in tekst and "ontbreekt in de bron" not in tekst
    assert "Deze bijlage is vervallen." in html(client, BijlagePage.objects.get(versie=versie))
