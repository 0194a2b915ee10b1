"""The CVDR search client against recorded answers served over HTTP on 127.0.0.1: the question it
asks, the pages it follows, what it tries again, and what it tells the editor when it gives up."""

from datetime import date

import pytest

from importers.cvdr_sru.client import CvdrZoekdienst
from importers.cvdr_sru.errors import ZoekdienstFout
from importers.cvdr_sru.query import gewijzigde_regelingen
from tests.importers.cvdr_server import ZOEKPAD, CvdrServer, document_pad


@pytest.fixture
def server():
    with CvdrServer() as server:
        yield server


@pytest.fixture
def pauzes():
    return []


@pytest.fixture
def zoekdienst(server, pauzes):
    # Short pauses are asked for and written down, not slept: the back-off is checked, not waited.
    return CvdrZoekdienst(url=server.zoek_url, timeout=1.0, pauze=1.5, per_pagina=2, slapen=pauzes.append)


def test_the_question_names_the_gemeente_and_the_date_it_asks_from():
    assert gewijzigde_regelingen("Heemstede", date(2024, 1, 1)) == (
        'dcterms.creator="Heemstede" and dcterms.modified>=2024-01-01'
    )
    assert gewijzigde_regelingen("  Bergen  (NH) ") == 'dcterms.creator="Bergen (NH)"'
    assert gewijzigde_regelingen('Zo"n \\ gemeente') == 'dcterms.creator="Zo\\"n \\\\ gemeente"'


def test_all_pages_are_followed_by_their_next_record_position(server, zoekdienst):
    records = zoekdienst.gewijzigd_sinds("Heemstede", date(2022, 1, 1))

    assert [r.identifier for r in records] == ["CVDR621050_2", "CVDR999001_1", "CVDR999002_1"]
    asked = server.zoekvragen()
    assert [q["startRecord"] for q in asked] == ["1", "3"]
    assert all(q["x-connection"] == "cvdr" and q["maximumRecords"] == "2" for q in asked)
    assert asked[0]["query"] == 'dcterms.creator="Heemstede" and dcterms.modified>=2022-01-01'


def test_a_record_gives_the_version_its_title_date_and_where_its_xml_is(server, zoekdienst):
    eerste = zoekdienst.gewijzigd_sinds("Heemstede", None)[0]

    assert eerste.identifier == "CVDR621050_2"
    assert eerste.titel.endswith("(Verordening commissie bezwaarschriften Heemstede 2022)")
    assert eerste.gemeente == "Heemstede"
    assert eerste.gewijzigd == date(2022, 7, 16)
    assert eerste.xml_url == server.base + document_pad("CVDR621050_2")
    assert zoekdienst.document(eerste).lstrip().startswith(b"<cvdr")


def test_nothing_changed_is_an_empty_list(server, zoekdienst):
    server.paginas = {1: "leeg.xml"}
    assert zoekdienst.gewijzigd_sinds("Heemstede", date(2030, 1, 1)) == []


def test_a_server_error_is_tried_again_after_a_pause_that_doubles(server, zoekdienst, pauzes):
    server.storing(ZOEKPAD, 503, 503)

    assert len(zoekdienst.gewijzigd_sinds("Heemstede", None)) == 3
    assert pauzes == [1.5, 3.0]
    assert [q["startRecord"] for q in server.zoekvragen()] == ["1", "1", "1", "3"]


def test_a_server_that_keeps_failing_ends_in_one_dutch_sentence(server, zoekdienst):
    server.storing(ZOEKPAD, 503, 502, 503)

    with pytest.raises(ZoekdienstFout) as fout:
        zoekdienst.gewijzigd_sinds("Heemstede", None)
    assert str(fout.value) == "De zoekdienst mislukt na 3 pogingen: de server antwoordde met HTTP 503."


def test_an_answer_that_does_not_come_in_time_is_asked_again(server, zoekdienst, pauzes):
    server.storing(ZOEKPAD, "traag")

    assert len(zoekdienst.gewijzigd_sinds("Heemstede", None)) == 3
    assert pauzes == [1.5]

    server.storing(ZOEKPAD, "traag")
    zoekdienst.pogingen = 1
    with pytest.raises(ZoekdienstFout, match="mislukt na 1 poging: geen antwoord binnen 1 seconde"):
        zoekdienst.gewijzigd_sinds("Heemstede", None)


def test_a_diagnostic_is_reported_in_the_services_words_and_not_asked_again(server, zoekdienst, pauzes):
    server.paginas = {1: "diagnostiek.xml"}

    with pytest.raises(ZoekdienstFout) as fout:
        zoekdienst.gewijzigd_sinds("Heemstede", None)
    assert (
        str(fout.value) == "De zoekdienst meldt een fout in de vraag: 'Query syntax error' (dcterms.modifed)."
    )
    assert len(server.zoekvragen()) == 1 and pauzes == []


def test_a_missing_document_is_not_asked_again(server, zoekdienst, pauzes):
    ontbreekt = zoekdienst.gewijzigd_sinds("Heemstede", None)[1]

    with pytest.raises(ZoekdienstFout, match=r"CVDR999001_1\.xml mislukt: HTTP 404 \(niet gevonden\)\."):
        zoekdienst.document(ontbreekt)
    assert [p for p, _q in server.vragen].count(document_pad("CVDR999001_1")) == 1 and pauzes == []


def test_an_answer_that_is_no_search_result_says_so(server, zoekdienst):
    server.paginas = {1: "../cvdr_sru/documenten/CVDR999002_1.xml"}

    with pytest.raises(ZoekdienstFout, match="gaf geen zoekresultaat maar <cvdr>"):
        zoekdienst.gewijzigd_sinds("Heemstede", None)


def test_no_server_at_the_address_is_a_connection_failure(pauzes):
    with CvdrServer() as weg:
        url = weg.zoek_url  # the port is free again once the server has stopped
    zoekdienst = CvdrZoekdienst(url=url, timeout=0.5, pogingen=2, slapen=pauzes.append)

    with pytest.raises(ZoekdienstFout, match="mislukt na 2 pogingen: geen verbinding"):
        zoekdienst.gewijzigd_sinds("Heemstede", None)
