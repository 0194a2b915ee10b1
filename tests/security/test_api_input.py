"""Hostile input to the Wagtail API (/api/v2/pages/): an answer, or a 400 that says why; never a 500."""

import pytest

from regelgeving.api_paging import MAX_OFFSET

PAGES = "/api/v2/pages/"
ARTIKELEN = {"type": "regelgeving.ArtikelPage"}


def titles(response) -> list[str]:
    return [item["title"] for item in response.json()["items"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "search",
    ['"', "\t", "\x00", "\x00\x00\x00", "'", "\\", "&|!:*()", "NEAR(", "pgb OR", "3. " * 500, "a" * 5000],
    ids=["quote", "tab", "nul", "nuls", "apostrophe", "backslash", "tsquery-operators", "fts5-near",
         "fts5-or", "500x-3.", "5000-chars"],
)
def test_any_search_text_answers(client, search):
    response = client.get(PAGES, {"search": search, **ARTIKELEN})
    assert response.status_code == 200, response.content[:300]
    assert "items" in response.json()


@pytest.mark.django_db
def test_search_finds_what_the_site_finds_with_control_characters_cleaned(client):
    clean = titles(client.get(PAGES, {"search": "mantelzorger", **ARTIKELEN}))
    assert clean, "the demo verordening has articles about mantelzorgers"
    # A NUL is removed, another control character is a space between words.
    assert sorted(titles(client.get(PAGES, {"search": "mantel\x00zorger\x07", **ARTIKELEN}))) == sorted(clean)


@pytest.mark.django_db
def test_search_operator_or_finds_more_than_and(client):
    both = titles(client.get(PAGES, {"search": "mantelzorger pgb", **ARTIKELEN, "limit": 20}))
    either = client.get(PAGES, {"search": "mantelzorger pgb", "search_operator": "or", **ARTIKELEN})
    assert either.status_code == 200
    assert either.json()["meta"]["total_count"] > len(both)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params,word",
    [
        ({"search": "pgb", "search_operator": "xor"}, "search_operator"),
        ({"search": "pgb", "search_operator": "\x00"}, "search_operator"),
        ({"offset": "1" * 20}, "offset"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "abc"}, "offset"),
        ({"offset": "1e3"}, "offset"),
        ({"offset": "\x00"}, "offset"),
        ({"offset": str(MAX_OFFSET + 1)}, "offset"),
        ({"limit": "1" * 20}, "limit"),
        ({"limit": "-5"}, "limit"),
        ({"limit": "21"}, "limit"),
        ({"search": "pgb", "offset": "9" * 20}, "offset"),
    ],
)
def test_bad_parameters_answer_400_in_dutch(client, params, word):
    response = client.get(PAGES, params)
    assert response.status_code == 400
    message = response.json()["message"]
    assert word in message
    assert "moet" in message  # Dutch: "... moet een geheel getal ... zijn"


@pytest.mark.django_db
def test_offset_and_limit_within_bounds_still_page(client):
    first = client.get(PAGES, {**ARTIKELEN, "limit": 2, "order": "id"}).json()["items"]
    second = client.get(PAGES, {**ARTIKELEN, "limit": 2, "offset": 1, "order": "id"}).json()["items"]
    assert second[0]["id"] == first[1]["id"]
    assert client.get(PAGES, {"offset": MAX_OFFSET}).json()["items"] == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"order": "\x00"}, {"fields": "\x00"}, {"type": "\x00"}, {"title": "a\x00"}, {"child_of": "9" * 20},
     {"search": "pgb", "order": "nummer"}, {**ARTIKELEN, "peildatum": "\x00"}],
)
def test_other_parameter_errors_stay_400(client, params):
    response = client.get(PAGES, params)
    assert response.status_code == 400
    assert response.json()["message"]
