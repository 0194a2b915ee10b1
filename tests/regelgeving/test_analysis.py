"""Dutch analysis and query parsing behind the search (pure, no database)."""

import pytest

from regelgeving.analysis import (
    STOP_WORDS,
    compound_parts,
    fold,
    index_forms,
    query_form,
    stem,
    word_forms,
    words,
)
from regelgeving.search.query import MAX_QUERY_LENGTH, MAX_WORDS, Citation, normalized, parse_query


def test_words_and_folding_ignore_case_punctuation_and_diacritics():
    assert words("Cliënt-ervaringsonderzoeken (Wmo), 2015!") == [
        "cliënt",
        "ervaringsonderzoeken",
        "wmo",
        "2015",
    ]
    assert fold("Cliënt") == fold("client") == "client"
    assert fold("Ideeënmakelaar") == "ideeenmakelaar"
    assert normalized("  Persoonsgebonden   BUDGET ") == "persoonsgebonden budget"


@pytest.mark.parametrize(
    "a, b",
    [("voorzieningen", "voorziening"), ("bewoners", "bewoner"), ("mantelzorgers", "mantelzorger")],
)
def test_plural_and_singular_share_one_stem(a, b):
    assert stem(a) == stem(b)
    assert query_form(a) == query_form(b)


@pytest.mark.parametrize(
    "compound, parts",
    [
        ("mantelzorgcompliment", {"mantelzorg", "compliment"}),
        ("mantelzorgwoning", {"mantelzorg", "woning"}),
        ("vervoersvoorziening", {"vervoer", "voorziening"}),
        ("leerlingenvervoer", {"vervoer"}),
        ("mantelzorger", {"mantelzorg"}),
        ("medebewoners", {"bewoners"}),
    ],
)
def test_compounds_are_split_into_dutch_words(compound, parts):
    assert parts <= set(compound_parts(compound))


def test_words_that_only_look_like_compounds_stay_whole():
    assert not {"wet", "houder"} & set(compound_parts("wethouder"))
    assert compound_parts("zorg") == compound_parts("woning") == ()
    assert "mantelzorg" not in compound_parts("mantelzorg")


def test_a_query_word_matches_the_forms_indexed_for_a_compound():
    indexed = set(index_forms("Het leerlingenvervoer en de vervoersvoorziening voor mantelzorgers").split())
    assert query_form("vervoer") in indexed
    assert query_form("voorzieningen") in indexed
    assert query_form("mantelzorg") in indexed
    assert query_form("mantelzorger") in indexed
    assert query_form("fiets") not in indexed


def test_index_forms_drop_stop_words_and_list_each_form_once():
    forms = index_forms("de mantelzorger en de mantelzorgers van het dorp").split()
    assert not {"de", "en", "van", "het"} & set(forms)
    assert len(forms) == len(set(forms))
    assert word_forms("mantelzorgers") <= set(forms)


@pytest.mark.parametrize(
    "raw, citation",
    [
        ("art. 2.2", Citation("artikel", "2.2")),
        ("artikel 2.2", Citation("artikel", "2.2")),
        ("Art 2.2", Citation("artikel", "2.2")),
        ("artikel 5.2.1 lid 2", Citation("artikel", "5.2.1", "2")),
        ("art. 3.1, lid 1", Citation("artikel", "3.1", "1")),
        ("hoofdstuk 7", Citation("hoofdstuk", "7")),
        ("hfst. 7", Citation("hoofdstuk", "7")),
        ("paragraaf 8.3", Citation("paragraaf", "8.3")),
        ("par. 8.3", Citation("paragraaf", "8.3")),
        ("§ 8.3", Citation("paragraaf", "8.3")),
        ("bijlage 2", Citation("bijlage", "2")),
        ("bijlage II", Citation("bijlage", "2")),
        ("3.5", Citation("nummer", "3.5")),
        ("2.3.2", Citation("nummer", "2.3.2")),
    ],
)
def test_citations_are_recognised(raw, citation):
    parsed = parse_query(raw)
    assert parsed.citation == citation
    assert not parsed.has_text


def test_citation_labels_read_as_dutch():
    assert parse_query("2.3.2").citation.label() == "artikel 2.3.2"
    assert parse_query("art. 5.2.1 lid 2").citation.label() == "artikel 5.2.1 lid 2"
    assert parse_query("bijlage II").citation.label() == "bijlage 2"


@pytest.mark.parametrize("raw", ["mantelzorger", "wet 2015", "artikelen over wonen", "Wmo 2015", "hulp"])
def test_plain_words_are_no_citation(raw):
    assert parse_query(raw).citation is None


def test_a_citation_with_words_keeps_both():
    parsed = parse_query("artikel 8.3.4 pgb")
    assert parsed.citation == Citation("artikel", "8.3.4")
    assert parsed.words == ["pgb"]
    assert parsed.has_text


def test_quoted_phrases_words_and_stop_words():
    parsed = parse_query('"eigen bijdrage" de hoogte van het "pgb" hoogte')
    assert parsed.phrases == [["eigen", "bijdrage"]]
    assert parsed.words == ["pgb", "hoogte"]  # a quoted single word is a word; stop words and repeats go
    assert parsed.text == "eigen bijdrage pgb hoogte"


def test_a_forgotten_closing_quote_still_searches_the_words():
    assert parse_query('"eigen bijdrage').all_words == ["eigen", "bijdrage"]
    assert parse_query('pgb "hoogte').all_words == ["pgb", "hoogte"]


def test_only_stop_words_leave_nothing_to_search():
    parsed = parse_query("de het van een")
    assert {"de", "het", "van", "een"} <= STOP_WORDS
    assert not parsed.has_text and parsed.citation is None


def test_long_queries_are_cut_off():
    parsed = parse_query(" ".join(f"woord{i}" for i in range(100)))
    assert len(parsed.raw) <= MAX_QUERY_LENGTH
    assert len(parsed.words) == MAX_WORDS
    assert parse_query("   ").raw == "" and parse_query(None).raw == ""
