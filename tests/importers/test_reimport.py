"""A corrected publication imported again updates its version in place: parts inserted before the
first article, between two, removed, reordered or moved to another chapter; pages that stay keep
their id, the page tree stays sound, and Wagtail's reference and search indexes hold exactly what
Wagtail itself would write for each page."""

from datetime import date

import pytest
from django.test import TestCase
from wagtail.models import Page, ReferenceIndex
from wagtail.search import index
from wagtail.search.models import IndexEntry

from importers.tree import Alinea, Artikel, Begrip, Divisie, Document, Metadata
from importers.writer import write_document
from regelgeving.models import ArtikelPage, RegelingVersiePage
from tests.factories import lochem_gemeente


def artikel(nummer: str, tekst: str = "") -> Artikel:
    tekst = tekst or f"Tekst van {nummer}."
    return Artikel(nummer=nummer, opschrift=f"Opschrift {nummer}", blocks=[Alinea(tekst)])


def hoofdstuk(nummer: str, *artikelen: Artikel) -> Divisie:
    return Divisie(soort="hoofdstuk", nummer=nummer, opschrift=f"Titel {nummer}", children=list(artikelen))


def publicatie(*body) -> Document:
    return Document(
        metadata=Metadata(
            identifier="gmb-2026-4242",
            titel="Verordening herimport 2026",
            citeertitel="Verordening herimport 2026",
            in_werking_op=date(2026, 1, 1),
            formaat="tekst",
        ),
        body=list(body),
        begrippen=[Begrip(term="Aanvrager", definitie=[Alinea("Wie een aanvraag doet.")])],
    )


def importeer(document: Document) -> RegelingVersiePage:
    with TestCase.captureOnCommitCallbacks(execute=True):  # the search index follows the commit
        return write_document(document, regeling_slug="herimport", gemeente=lochem_gemeente()).versie


def volgorde(versie) -> list[str]:
    """Every page below the version in tree order, as its slug path."""
    pages = Page.objects.descendant_of(versie).order_by("path")
    return [p.url_path.removeprefix(versie.url_path) for p in pages]


def ids(versie) -> dict[str, int]:
    return {a.nummer: a.pk for a in ArtikelPage.objects.filter(versie=versie)}


def referenties(pages) -> set[tuple]:
    return set(
        ReferenceIndex.objects.filter(object_id__in=[str(p.pk) for p in pages]).values_list(
            "object_id", "to_content_type_id", "to_object_id", "model_path", "content_path"
        )
    )


def zoekregels(pages) -> set[tuple]:
    return set(
        IndexEntry.objects.filter(object_id__in=[str(p.pk) for p in pages]).values_list(
            "object_id", "title", "autocomplete", "body"
        )
    )


EERSTE = publicatie(
    hoofdstuk("1", artikel("1.1", "Zie artikel 1.2."), artikel("1.2")),
    hoofdstuk("2", artikel("2.1", "Een aanvrager wacht op artikel 2.2."), artikel("2.2")),
)
GECORRIGEERD = publicatie(
    # Chapter 2 now comes first; 2.2 is gone and 1.2 moved into it.
    hoofdstuk("2", artikel("2.0"), artikel("2.1", "Een aanvrager wacht op artikel 1.2."), artikel("1.2")),
    # Inserted before the first article and between two; 1.1 cites the new article.
    hoofdstuk("1", artikel("1.0"), artikel("1.1", "Zie artikel 1.1a."), artikel("1.1a")),
)


@pytest.fixture
def twee_imports(db):
    versie = importeer(EERSTE)
    voor = ids(versie)
    versie = importeer(GECORRIGEERD)
    return versie, voor


def test_inserted_removed_reordered_and_moved_parts_follow_the_publication(twee_imports):
    versie, voor = twee_imports
    assert volgorde(versie) == [
        "hoofdstuk-2/",
        "hoofdstuk-2/artikel-2-0/",
        "hoofdstuk-2/artikel-2-1/",
        "hoofdstuk-2/artikel-1-2/",
        "hoofdstuk-1/",
        "hoofdstuk-1/artikel-1-0/",
        "hoofdstuk-1/artikel-1-1/",
        "hoofdstuk-1/artikel-1-1a/",
        "begrippen/",
        "begrippen/aanvrager/",
    ]
    na = ids(versie)
    assert na["1.1"] == voor["1.1"] and na["2.1"] == voor["2.1"]  # kept where they stayed
    assert "2.2" not in na and RegelingVersiePage.objects.filter(identifier="gmb-2026-4242").count() == 1
    assert versie.import_rapport["status"] == "bijgewerkt"


def test_the_page_tree_stays_sound(twee_imports):
    versie, _ = twee_imports
    assert Page.find_problems() == ([], [], [], [], [])
    for page in Page.objects.descendant_of(versie, inclusive=True):
        parent = page.get_parent()
        assert page.url_path == f"{parent.url_path}{page.slug}/"
        assert page.numchild == page.get_children().count()


def test_links_point_to_the_pages_the_corrected_text_cites(client, twee_imports):
    versie, _ = twee_imports
    een_een = ArtikelPage.objects.get(versie=versie, nummer="1.1")
    html = client.get(een_een.url).content.decode()
    assert f'href="{ArtikelPage.objects.get(versie=versie, nummer="1.1a").url}"' in html


def test_reference_and_search_indexes_are_what_wagtail_writes_per_page(twee_imports):
    versie, voor = twee_imports
    pages = [p.specific for p in Page.objects.descendant_of(versie, inclusive=True)]
    refs, zoek = referenties(pages), zoekregels(pages)
    assert refs and zoek
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
        index.insert_or_update_object(page)
    assert referenties(pages) == refs
    assert zoekregels(pages) == zoek
    # Nothing is left of the removed article in either index.
    weg = str(voor["2.2"])
    assert not ReferenceIndex.objects.filter(object_id=weg).exists()
    assert not IndexEntry.objects.filter(object_id=weg).exists()
