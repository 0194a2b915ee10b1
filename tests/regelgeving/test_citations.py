"""The citation grammar on sentences from real regulations (no database): what a reference is,
which words a link on it covers, and what it points into."""

import pytest

from regelgeving.citations import (
    ELSEWHERE,
    LAW,
    OWN,
    PREVIOUS_LAW,
    Citation,
    CitationGrammar,
    typed_citation,
)

KNOWN = ["Algemene wet bestuursrecht", "Awb", "Participatiewet", "IOAW", "Gemeentewet", "Wmo"]


def cited(text, laws=KNOWN):
    """(kind, [(number, linked words, lid)], points_to, law) of each reference in `text`."""
    return [
        (c.kind, [(p.nummer, text[p.start : p.end], p.lid) for p in c.parts], c.points_to, c.law)
        for c in CitationGrammar(laws).citations(text)
    ]


# -- numbers are never cut -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, nummer",
    [
        ("gelet op artikel 7:13 van de Algemene wet bestuursrecht;", "7:13"),
        ("artikel 6:6, wat betreft de indiener", "6:6"),
        ("In afwijking van artikel 1:8 kan de vergunning", "1:8"),
        ("artikel 2.1.4a, lid 4", "2.1.4a"),
        ("zie artikel 3.3.10.", "3.3.10"),
        ("Artikel 3: begrippen", "3"),
    ],
)
def test_article_numbers_are_read_whole(text, nummer):
    ((_kind, parts, _to, _law),) = cited(text)
    assert parts[0][0] == nummer


def test_awb_numbers_are_marked_as_such():
    (citation,) = CitationGrammar().citations("artikel 2:1, tweede lid;")
    assert citation.awb_style and citation.parts[0].lid == "2"
    (citation,) = CitationGrammar().citations("artikel 2.1")
    assert not citation.awb_style


# -- what a reference points into ------------------------------------------------------------


def test_a_law_after_the_reference_is_named_with_the_lid():
    assert cited("artikel 7:6, vierde lid, van de Algemene wet bestuursrecht opdragen") == [
        ("artikel", [("7:6", "artikel 7:6, vierde lid, van de Algemene wet bestuursrecht", "4")], LAW,
         "Algemene wet bestuursrecht"),
    ]  # fmt: skip
    assert cited("(art. 121 Gemeentewet)")[0][2:] == (LAW, "Gemeentewet")
    assert cited("op grond van artikel 2.1.4a, lid 4, Wmo.")[0][2:] == (LAW, "Wmo")
    assert cited("Gemeentewet, art. 149")[0][2:] == (LAW, "Gemeentewet")  # the law just before


@pytest.mark.parametrize(
    "text",
    [
        "artikel 5.3 Erfgoedwet",
        "hoofdstuk 3 van het Besluit activiteiten leefomgeving",
        "bijlage I bij de vogelrichtlijn",
        "als bedoeld in artikel 7.3, derde lid, van de Wet open overheid.",
        "artikel 5:42 Burgerlijk Wetboek",
        "artikel 6 AVG",
        "artikel 3 van de wet",  # "wet" not known as a law: another text, not this one
    ],
)
def test_a_reference_into_an_unknown_law_points_elsewhere(text):
    ((_kind, _parts, points_to, _law),) = cited(text)
    assert points_to == ELSEWHERE


def test_a_defined_term_known_as_a_law_is_a_law_after_the_reference():
    assert cited("artikel 7:3 van de wet.", laws=[*KNOWN, "wet"])[0][2:] == (LAW, "wet")


def test_die_wet_points_to_the_law_named_before():
    ((_kind, parts, points_to, _law),) = cited("artikel 3 van die wet")
    assert points_to == PREVIOUS_LAW and parts == [("3", "artikel 3 van die wet", "")]
    grammar = CitationGrammar(KNOWN)
    text = "de Erfgoedwet en de Wmo; artikel 3 van die wet"
    assert [name for _s, _e, name in grammar.laws_named(text)] == ["", "Wmo"]


@pytest.mark.parametrize(
    "text, words",
    [
        ("benoemd in artikel 3.1 lid 1 van deze verordening.", "artikel 3.1 lid 1 van deze verordening"),
        ("zie hoofdstuk 7 van deze verordening", "hoofdstuk 7 van deze verordening"),
        ("bijlage 2 bij deze regeling", "bijlage 2 bij deze regeling"),
        ("artikel 4 van de verordening.", "artikel 4 van de verordening"),
        ("zie artikel 4 en paragraaf 2.3", "artikel 4"),
    ],
)
def test_references_to_this_regulation(text, words):
    (_kind, parts, points_to, _law) = cited(text)[0]
    assert points_to == OWN and parts[0][1] == words


# -- kinds, lists and leden ------------------------------------------------------------------


def test_every_kind_of_part():
    text = "zie § 2.3, afdeling 4, paragraaf 1.2, hoofdstuk IV, bijlage A en artikel I."
    assert [(kind, parts[0][0]) for kind, parts, _to, _law in cited(text)] == [
        ("paragraaf", "2.3"),
        ("afdeling", "4"),
        ("paragraaf", "1.2"),
        ("hoofdstuk", "IV"),
        ("bijlage", "A"),
        ("artikel", "I"),
    ]


def test_a_list_after_a_plural_links_each_number():
    assert cited("de artikelen 3.1, 3.2 en 3.4 van deze verordening")[0][1] == [
        ("3.1", "artikelen 3.1", ""),
        ("3.2", "3.2", ""),
        ("3.4", "3.4 van deze verordening", ""),
    ]
    assert cited("de hoofdstukken 9 en 11")[0][1] == [("9", "hoofdstukken 9", ""), ("11", "11", "")]
    # After a singular, "en 4 weken" is no second reference.
    assert cited("artikel 3 en 4 weken later")[0][1] == [("3", "artikel 3", "")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("als bedoeld in lid 4.", [("4", "lid 4", "4")]),
        ("als bedoeld in lid 4 van dit artikel.", [("4", "lid 4 van dit artikel", "4")]),
        ("op grond van het tweede lid besluit", [("2", "het tweede lid", "2")]),
        ("van het eerste tot en met het derde lid.", [("1", "het eerste", "1"), ("3", "het derde lid", "3")]),
        ("de leden 2 en 3", [("2", "leden 2", "2"), ("3", "3", "3")]),
    ],
)
def test_a_lid_on_its_own_is_a_lid_of_this_article(text, expected):
    assert cited(text) == [("lid", expected, OWN, "")]


def test_a_lid_of_another_article():
    assert cited("het tweede lid van artikel 5.2.1 is van toepassing") == [
        ("artikel", [("5.2.1", "het tweede lid van artikel 5.2.1", "2")], OWN, ""),
    ]
    assert cited("het eerste lid van artikel 6:2 van de Awb")[0][1:] == (
        [("6:2", "het eerste lid van artikel 6:2 van de Awb", "1")],
        LAW,
        "Awb",
    )


@pytest.mark.parametrize("text", ["een tweede lid van de commissie", "ieder lid van de raad", "het lid is"])
def test_a_member_is_no_lid(text):
    assert cited(text) == []


# -- typed citations (the search box) --------------------------------------------------------


@pytest.mark.parametrize(
    "raw, citation",
    [
        ("artikel 7:13", Citation("artikel", "7:13")),  # not article 7
        ("art. 6:6 awb", Citation("artikel", "6:6")),
        ("artikel 5.2.1 tweede lid", Citation("artikel", "5.2.1", "2")),
        ("artikel 2.1.4a", Citation("artikel", "2.1.4a")),
        ("bijlage iv", Citation("bijlage", "4")),
        ("afd. 3.2", Citation("afdeling", "3.2")),
    ],
)
def test_typed_citations(raw, citation):
    assert typed_citation(raw)[0] == citation


def test_the_rest_of_a_typed_query_stays():
    citation, rest = typed_citation("art. 6:6 awb")
    assert citation.label() == "artikel 6:6" and rest.split() == ["awb"]


@pytest.mark.parametrize(
    "words, lid",
    [
        ("artikel 3.4, tweede lid, onder a, 1°, van de Wmo", "2"),
        ("artikel 3, onder a en b, van de Wmo", ""),
        ("artikel 5, derde lid, aanhef en onder a, van de Participatiewet", "3"),
        ("artikel 2.3, eerste en tweede lid", "1"),
    ],
)
def test_a_link_covers_the_reference_with_its_details(words, lid):
    assert cited(f"bedoeld in {words}, is")[0][1][0][1:] == (words, lid)
    assert cited("artikel 3 onder andere")[0][1][0][1] == "artikel 3"


def test_a_lid_right_after_a_reference_into_a_law_is_that_laws_lid_not_this_articles():
    found = cited("artikel 2.3 van de Wmo, eerste lid")
    kinds = [(kind, points_to) for kind, _parts, points_to, _law in found]
    assert kinds == [("artikel", LAW)]  # no bare "eerste lid" of the article in scope


def test_a_noun_after_bij_de_is_no_other_text():
    assert cited("Een verzoek als bedoeld in artikel 2.3 bij de aanvraag wordt getoetst.")[0][2] == OWN
    assert cited("bijlage I bij de vogelrichtlijn")[0][2] == ELSEWHERE
    assert cited("artikel 4 van de Algemene Plaatselijke Verordening")[0][2] == ELSEWHERE
