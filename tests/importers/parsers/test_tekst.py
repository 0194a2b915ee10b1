"""The plain-text capture parser on the Lochem seed (no database)."""

from datetime import date

import pytest

from importers.errors import PublicatieFout
from importers.formats import parse_publicatie
from importers.tree import Alinea, Artikel, Divisie, Lid, Lijst, block_text
from tests.paths import LOCHEM


@pytest.fixture(scope="module")
def doc():
    return parse_publicatie(LOCHEM.read_bytes(), str(LOCHEM))


def test_metadata_from_the_capture(doc):
    m = doc.metadata
    assert m.identifier == "gmb-2025-538386"
    assert m.citeertitel == "Verordening Sociaal Domein 2026"
    assert m.gemeente == "Lochem"
    assert m.organisatie == "gemeente Lochem"
    assert m.bevoegd_orgaan == "gemeenteraad"
    assert m.vastgesteld_op == date(2025, 11, 10)
    assert m.in_werking_op == date(2026, 1, 1)
    assert m.formaat == "tekst"
    assert m.bron == "https://zoek.officielebekendmakingen.nl/gmb-2025-538386.html"


def test_eleven_chapters_including_the_one_the_capture_lost(doc):
    chapters = [d for d in doc.body if isinstance(d, Divisie)]
    assert [c.nummer for c in chapters] == [str(n) for n in range(1, 12)]
    zes = chapters[5]
    assert zes.inferred and zes.opschrift == ""
    assert [a.nummer for a in zes.children] == ["6.4", "6.7"]
    assert any("Hoofdstuk 6 ontbreekt" in w for w in doc.warnings)


def test_numbering_decides_paragraaf_or_artikel(doc):
    by_nr = {n.nummer: n for n, _ in doc.iter_nodes()}
    assert isinstance(by_nr["3.3"], Divisie) and by_nr["3.3"].soort == "paragraaf"
    assert isinstance(by_nr["3.3.10"], Artikel)
    assert isinstance(by_nr["2.2"], Artikel)
    assert by_nr["9.1"].inferred  # only 9.1.2 survived in the capture
    assert len(doc.artikelen()) == 34
    numbers = [a.nummer for a in doc.artikelen()]
    assert numbers.index("3.3.10") < numbers.index("3.3.11") < numbers.index("3.5.1")


def test_law_tags_after_headings_and_on_their_own_line(doc):
    by_nr = {n.nummer: n for n, _ in doc.iter_nodes()}
    assert by_nr["2.2"].wetten[:7] == ["Jeugdwet", "Wmo", "PW", "IOAW", "IOAZ", "Wgs", "Llv"]
    assert by_nr["2"].wetten == ["Jeugdwet", "Wmo", "PW", "IOAW", "IOAZ", "Wgs", "Wvggz", "Llv"]
    assert by_nr["3"].wetten == ["PW", "IOAW", "IOAZ"]  # "Gebaseerd op [Participatiewet (PW), …]"
    assert by_nr["3.3.10"].opschrift == "Ondersteuning bij het leren van de Nederlandse taal"


def test_leden_and_inline_lists_stay_structure(doc):
    art = {a.nummer: a for a in doc.artikelen()}["5.2.1"]
    leden = [b for b in art.blocks if isinstance(b, Lid)]
    assert [lid.nr for lid in leden] == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
    ]  # "2. … 3. …" on one line split
    lijst = next(b for b in leden[3].blocks if isinstance(b, Lijst))
    assert [i.nr for i in lijst.items] == ["a.", "b."]
    assert block_text(lijst.items[1].blocks) == "aanpassing(en) van de woning."


def test_lost_list_markers_become_a_list(doc):
    bijlage = doc.bijlagen[0]
    lists = [b for b in bijlage.blocks if isinstance(b, Lijst)]
    assert lists and block_text(lists[0].items[0].blocks) == "de aard van de relatie met de huisgenoot;"


def test_all_81_begrippen_including_the_glued_ones(doc):
    terms = [b.term for b in doc.begrippen]
    assert len(terms) == 81
    for glued in ("Awb", "Instelling(en)", "Anw-uitkering", "Aow-leeftijd"):
        assert glued in terms
    inwoner = next(b for b in doc.begrippen if b.term == "Inwoner(s)")
    assert "hoofdstukken 9 en 11" in block_text(inwoner.definitie)  # continuation line kept


def test_bijlagen(doc):
    assert [(b.nummer, b.opschrift) for b in doc.bijlagen] == [
        ("1", "Gebruikelijke hulp (Wmo)"),
        ("2", "Eigen kracht (Jeugdwet)"),
    ]


CAPTURE = """Gemeenteblad van Voorbeeld
Verordening toets Voorbeeld 2026
Hoofdstuk 1 Algemeen
1.1 Aanvraag
Een aanvraag is schriftelijk.
1.2 Vervallen
Hoofdstuk 2 Beroep
2.1 Termijn
De termijn is zes weken.
Hoofdstuk 2 Nog een hoofdstuk 2
Tekst van het tweede hoofdstuk 2.
Aldus vastgesteld op 1 december 2025.
Toelichting
Deze verordening regelt de aanvraag.
Artikel 1.1 Aanvraag
Schriftelijk is ook per e-mail.
Artikel 2.1
Zes weken, zoals in de Awb.
"""


@pytest.fixture(scope="module")
def toets():
    return parse_publicatie(CAPTURE.encode(), "toets.txt")


def test_capture_toelichting_after_the_closing_formula(toets):
    assert [a.nummer for a in toets.artikelen()] == ["1.1", "1.2", "2.1"]
    assert toets.artikelen()[0].toelichting == [Alinea("Schriftelijk is ook per e-mail.")]
    assert toets.artikelen()[2].toelichting == [Alinea("Zes weken, zoals in de Awb.")]
    assert (toets.toelichting.titel, toets.toelichting.blocks) == (
        "Toelichting",
        [Alinea("Deze verordening regelt de aanvraag.")],
    )


def test_capture_keeps_chapters_that_share_a_number_apart(toets):
    chapters = [d for d in toets.body if isinstance(d, Divisie)]
    assert [(c.nummer, c.opschrift) for c in chapters] == [
        ("1", "Algemeen"),
        ("2", "Beroep"),
        ("2", "Nog een hoofdstuk 2"),
    ]
    assert chapters[2].blocks == [Alinea("Tekst van het tweede hoofdstuk 2.")]


def test_capture_repealed_article_keeps_its_number(toets):
    vervallen = toets.artikelen()[1]
    assert (vervallen.nummer, vervallen.opschrift, vervallen.status) == ("1.2", "", "vervallen")


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "leeg"),
        (b"   \n\n", "leeg"),
        (b"Boodschappenlijst\nmelk\nbrood\n", "Geen (titel|hoofdstukken)"),
        (b"\x00\x01\x02binary", "Onbekend bestandstype"),
    ],
)
def test_text_that_is_no_regulation_is_refused(data, message):
    with pytest.raises(PublicatieFout, match=message):
        parse_publicatie(data, "x.txt")
