"""Search in the regelgeving (/zoeken/ and /api/zoeken/): what an inwoner or a consulent notices.

The Lochem verordening is the session's demo site; every test runs in a transaction of its own
that is rolled back (the `db` fixture), so what a test changes is gone for the next one. The tests
with a 2027 version share that version, written once for their class (tests/regelgeving/conftest.py).
"""

import json
import re

import pytest
from django.db import transaction

from regelgeving.analysis import index_forms, query_form, words
from regelgeving.models import ArtikelPage, BegripPage, BijlagePage, DivisiePage, Synoniem, Wet
from regelgeving.rich_text import stream_plain_text
from regelgeving.search.expansion import build_clauses
from regelgeving.search.query import parse_query
from regelgeving.search.service import PAGE_SIZE, Zoekvraag, zoek
from regelgeving.search.tasks import reindex_pages

ZOEKEN = "/zoeken/"
API = "/api/zoeken/"
RESULTAAT_LINK = re.compile(r'<h3 class="utrecht-heading-3"><a class="utrecht-link" href="([^"]+)">')


# -- shared data -----------------------------------------------------------------


@pytest.fixture
def v2026(lochem):
    """The Lochem Verordening Sociaal Domein 2026 of the session's demo site."""
    return lochem


# -- helpers ---------------------------------------------------------------------


def zoeken(q, **kwargs):
    return zoek(Zoekvraag(q=q, **kwargs))


def alle_treffers(q, **kwargs):
    """Every result over all result pages."""
    eerste = zoeken(q, **kwargs)
    treffers = list(eerste.resultaten)
    for pagina in range(2, eerste.paginas + 1):
        treffers += zoeken(q, pagina=pagina, **kwargs).resultaten
    assert len(treffers) == eerste.aantal
    return treffers


def sleutels(treffers):
    """(soort, nummer or begrip name) of each result, e.g. ("artikel", "5.2.1"), ("begrip", "Llv")."""
    return [(t.soort, t.nummer or t.titel) for t in treffers]


def tekst(page):
    page = page.specific
    if isinstance(page, BegripPage):
        return f"{page.term} {stream_plain_text(page.definitie)}"
    if isinstance(page, DivisiePage):
        return f"{page.title} {stream_plain_text(page.intro)}"
    return f"{page.title} {stream_plain_text(page.body)}"


def woorden(page):
    return set(words(tekst(page)))


def artikel(nummer, versie=None):
    pages = ArtikelPage.objects.filter(nummer=nummer)
    return (pages.filter(versie=versie) if versie else pages).get()


def html(client, params, status=200):
    response = client.get(ZOEKEN, params)
    assert response.status_code == status, params
    return response.content.decode()


def resultaat_links(page_html):
    return RESULTAAT_LINK.findall(page_html)


def herschrijf(page, oud, nieuw):
    """An editor changes a word in an article and publishes the revision."""
    page = ArtikelPage.objects.get(pk=page.pk)
    raw = json.dumps(list(page.body.raw_data), ensure_ascii=False)
    assert oud in raw
    page.body = raw.replace(oud, nieuw)
    page.save_revision().publish()


# -- 1. citations ----------------------------------------------------------------


@pytest.mark.parametrize(
    "q, doel",
    [
        ("art. 2.2", "hoofdstuk-2/artikel-2-2/"),
        ("artikel 2.2", "hoofdstuk-2/artikel-2-2/"),
        ("Artikel 2.2", "hoofdstuk-2/artikel-2-2/"),
        ("artikel 5.2.1 lid 2", "hoofdstuk-5/paragraaf-5-2/artikel-5-2-1/#lid-2"),
        ("hoofdstuk 7", "hoofdstuk-7/"),
        ("bijlage 2", "bijlage-2/"),
        ("bijlage II", "bijlage-2/"),
        ("3.5", "hoofdstuk-3/paragraaf-3-5/"),
        ("par. 8.3", "hoofdstuk-8/paragraaf-8-3/"),
    ],
)
def test_a_citation_goes_straight_to_its_place(client, v2026, q, doel):
    response = client.get(ZOEKEN, {"q": q})
    assert response.status_code == 302
    assert response["Location"] == v2026.url + doel
    page = client.get(response["Location"].split("#")[0])
    assert page.status_code == 200
    if "#lid-2" in doel:
        assert 'id="lid-2"' in page.content.decode()


def test_a_citation_with_words_pins_the_article_first_and_does_not_redirect(client, v2026):
    page_html = html(client, {"q": "artikel 8.3.4 pgb"})
    links = resultaat_links(page_html)
    assert links[0] == artikel("8.3.4").url
    assert len(links) > 1 and links.count(artikel("8.3.4").url) == 1
    assert "Gevraagd onderdeel" in page_html.split('<li class="zoek-treffer')[1]
    uitkomst = zoeken("artikel 8.3.4 pgb")
    assert uitkomst.resultaten[0].vastgepind == "verwijzing" and not uitkomst.doorverwijzing


def test_a_citation_of_an_article_that_does_not_exist_says_so(client, v2026):
    assert not ArtikelPage.objects.filter(nummer="2.3.2").exists()
    page_html = html(client, {"q": "art. 2.3.2"})
    assert "Artikel 2.3.2 staat niet in de versies die op de peildatum golden." in page_html
    assert "Geen resultaten" in page_html
    api = client.get(API, {"q": "art. 2.3.2"})
    assert api.status_code == 200 and api.json()["aantal"] == 0
    assert api.json()["meldingen"] == [
        "Artikel 2.3.2 staat niet in de versies die op de peildatum golden. Zoek eventueel in alle versies."
    ]


# -- 2. begrippen ----------------------------------------------------------------


@pytest.mark.parametrize("q", ["mantelzorger", "Mantelzorger", "mantelzorgers"])
def test_a_begrip_name_puts_its_begrip_first(client, v2026, q):
    begrip = BegripPage.objects.get(slug="mantelzorger")
    uitkomst = zoeken(q)
    assert uitkomst.resultaten[0].page.pk == begrip.pk
    assert uitkomst.resultaten[0].vastgepind == "begrip"
    assert len(uitkomst.resultaten) > 1  # the articles that use it follow
    page_html = html(client, {"q": q})
    assert resultaat_links(page_html)[0] == begrip.url
    assert "Begrip uit de regeling" in page_html


def test_words_that_are_no_begrip_pin_nothing(v2026):
    assert not any(t.vastgepind for t in zoeken("vervoer").resultaten)


# -- 3. phrases ------------------------------------------------------------------


def test_a_quoted_phrase_only_finds_the_words_side_by_side(v2026):
    # Article 10.9 gets "eigen" and "bijdrage" in one sentence, but not next to each other.
    tien_negen = artikel("10.9")
    herschrijf(tien_negen, "meningen en bijdrage", "eigen meningen en bijdrage")
    assert {"eigen", "bijdrage"} <= woorden(artikel("10.9"))

    los = alle_treffers("eigen bijdrage")
    assert ("artikel", "10.9") in sleutels(los)
    zin = alle_treffers('"eigen bijdrage"')
    assert ("artikel", "10.9") not in sleutels(zin)
    assert {"6.4", "8.4.3"} <= {t.nummer for t in zin}
    for treffer in zin:
        assert re.search(r"<mark>eigen</mark>\s*<mark>bijdrage</mark>", str(treffer.fragment), re.IGNORECASE)


# -- 4. compounds and stems ------------------------------------------------------


def test_mantelzorg_finds_mantelzorger_and_the_mantelzorg_compounds(v2026):
    assert {"mantelzorgcompliment", "mantelzorgwoning"} <= woorden(artikel("5.2.1"))
    assert "mantelzorg" not in woorden(artikel("3.5.1"))  # it only says "mantelzorger"
    found = sleutels(alle_treffers("mantelzorg"))
    assert {("artikel", "5.2.1"), ("artikel", "3.5.1"), ("begrip", "Mantelzorger")} <= set(found)
    # A part of the compound alone finds it too.
    assert ("artikel", "5.2.1") in sleutels(alle_treffers("compliment"))


def test_vervoer_finds_leerlingenvervoer_and_vervoersvoorziening(v2026):
    treffers = alle_treffers("vervoer")
    found = set(sleutels(treffers))
    assert {("artikel", "6.4"), ("artikel", "6.7")} <= found
    # Begrippen that only use the compounds.
    for naam in ("Llv", "Peiljaar"):
        begrip = BegripPage.objects.get(term=naam)
        assert "vervoer" not in woorden(begrip)
        assert ("begrip", naam) in found
    llv = next(t for t in treffers if t.titel == "Llv")
    assert "<mark>leerlingenvervoer</mark>" in llv.fragment


@pytest.mark.parametrize("q", ["bewoner", "bewoners"])
def test_singular_and_plural_find_the_same_pages(v2026, q):
    hoofdstuk_1 = DivisiePage.objects.get(soort="hoofdstuk", nummer="1")
    assert "medebewoners" in woorden(hoofdstuk_1)
    assert ("hoofdstuk", "1") in sleutels(zoeken(q).resultaten)


def test_voorzieningen_finds_pages_that_only_say_voorziening(v2026):
    fraude = BegripPage.objects.get(term="Fraude")
    assert "voorziening" in woorden(fraude) and "voorzieningen" not in woorden(fraude)
    treffers = alle_treffers("voorzieningen")
    assert ("begrip", "Fraude") in sleutels(treffers)
    assert "<mark>voorziening</mark>" in next(t for t in treffers if t.titel == "Fraude").fragment


def test_gezin_does_not_find_pages_that_only_say_zin(v2026):
    for treffer in alle_treffers("gezin"):
        assert any(w.startswith("gezin") for w in woorden(treffer.page)), treffer.titel


# -- 5. synonyms -----------------------------------------------------------------


def test_pgb_and_persoonsgebonden_budget_find_each_other(v2026):
    paragraaf = DivisiePage.objects.get(soort="paragraaf", nummer="8.3")
    assert paragraaf.opschrift == "Persoonsgebonden budget (Pgb)"
    assert ("paragraaf", "8.3") in sleutels(alle_treffers("pgb"))
    voluit = alle_treffers("persoonsgebonden budget")
    # Pages with neither word are found through the synonym (pages with one of the words may
    # follow those with both: the words keep their own clauses).
    alleen_pgb = [t for t in voluit if not {"persoonsgebonden", "budget"} & woorden(t.page)]
    assert ("artikel", "2.2") in sleutels(alleen_pgb)
    assert all("<mark>pgb</mark>" in t.fragment.lower() for t in alleen_pgb)


def test_wmo_and_the_name_of_the_law_find_each_other(v2026):
    wmo = Wet.objects.get(afkorting="Wmo")
    assert "10.7" in {t.nummer for t in alle_treffers(wmo.naam)}  # 10.7 only says "Wmo"
    assert "wet" not in woorden(artikel("10.7"))
    wet = BegripPage.objects.get(term="Wet")  # lists "Wet maatschappelijke ondersteuning 2015"
    assert "wmo" not in woorden(wet)
    assert ("begrip", "Wet") in sleutels(alle_treffers("wmo"))


def test_the_name_of_the_wmo_without_its_year_finds_the_wmo(v2026):
    assert "10.7" in {t.nummer for t in alle_treffers("wet maatschappelijke ondersteuning")}


def test_a_synonym_added_by_an_editor_works_at_once(client, v2026):
    assert zoeken("keukentafelgesprek").aantal == 0
    Synoniem.objects.create(term="keukentafelgesprek", synoniem="gesprek")
    found = alle_treffers("keukentafelgesprek")
    assert ("artikel", "2.2") in sleutels(found)
    assert artikel("2.2").url in resultaat_links(html(client, {"q": "keukentafelgesprek"}))


def volledige_treffers(q):
    """Pinned results and the text results that hold every word of the query (or its synonym)."""
    eerste = zoeken(q)
    return alle_treffers(q)[: len(eerste.vastgepind) + eerste.aantal_volledig]


def letterlijk(treffer, woord):
    """Whether a result holds `woord` as typed: itself, its stem or a compound holding it."""
    return query_form(woord) in set(index_forms(tekst(treffer.page)).split())


@pytest.mark.parametrize(
    "q",
    [
        "huishoudelijke hulp",  # a synonym of two words: "hulp bij het huishouden"
        "hulp bij het huishouden",  # the same, typed with stop words
        "maatschappelijke opvang",  # = dakloos, thuisloos
        "persoonsgebonden budget",
        "aanpassing van de woning",  # = woningaanpassing, and woning = huis
        "rolstoel aanvragen",
        "schuldhulpverlening",  # = schulden; found as typed only in the name of a law
        "taxi voor mijn kind naar school",
    ],
)
def test_a_synonym_widens_a_query_and_never_empties_it(v2026, q):
    met = alle_treffers(q)
    Synoniem.objects.all().delete()
    zonder = volledige_treffers(q)
    assert zonder, f"{q!r} should find pages with all its words"
    assert set(sleutels(zonder)) <= set(sleutels(met))


def test_huishoudelijke_hulp_finds_the_annex_on_help_in_the_household(client, v2026):
    bijlage = BijlagePage.objects.get(nummer="1")
    assert {"hulp", "huishouden"} <= woorden(bijlage) and "huishoudelijke" not in woorden(bijlage)
    uitkomst = zoeken("huishoudelijke hulp")
    assert sleutels(uitkomst.resultaten)[0] == ("bijlage", "1")
    assert uitkomst.aantal_volledig >= 1 and uitkomst.ruimer  # pages with one of the words follow
    page_html = html(client, {"q": "huishoudelijke hulp"})
    assert "alle zoekwoorden; daarna volgen teksten met een deel ervan" in page_html


@pytest.mark.parametrize("q", ["rolstoel", "vervoersvoorziening", "taxi", "huis"])
def test_pages_with_the_word_as_typed_come_before_pages_found_through_a_synonym(v2026, q):
    # rolstoel = vervoersvoorziening, taxi = vervoer, huis = woning (Synoniemen voor zoeken)
    treffers = [t for t in alle_treffers(q) if not t.vastgepind]
    letterlijke = [t for t in treffers if letterlijk(t, q)]
    assert letterlijke and len(letterlijke) < len(treffers)  # found both ways
    assert treffers[: len(letterlijke)] == letterlijke


def test_paging_keeps_pages_with_the_word_as_typed_first(v2026, monkeypatch):
    from regelgeving.search import text_search

    gewoon = [t.page.pk for t in alle_treffers("taxi")]
    monkeypatch.setattr(text_search, "RANKED", 2)  # pages past the ranked head, in both tiers
    treffers = alle_treffers("taxi")
    assert len(treffers) > 2 * PAGE_SIZE - 5 and sorted(t.page.pk for t in treffers) == sorted(gewoon)
    letterlijke = [t for t in treffers if letterlijk(t, "taxi")]
    assert len(letterlijke) > 2 and treffers[: len(letterlijke)] == letterlijke


def test_a_literal_rolstoel_comes_first(v2026):
    paragraaf = DivisiePage.objects.get(soort="paragraaf", nummer="5.2")
    assert "rolstoel" in woorden(paragraaf)
    eerste = sleutels(zoeken("rolstoel").resultaten[:2])
    assert ("paragraaf", "5.2") in eerste
    assert all(nummer not in ("6.4", "6.7") for _, nummer in eerste)  # only their synonym, in the title


def test_the_rarer_word_of_a_query_counts_first_when_not_every_word_is_found(v2026):
    # Paragraph 5.2 mentions a rolstoel but not aanvragen; pages that only say "aanvraag"
    # (in their title, too) come after it.
    assert "rolstoel" in woorden(DivisiePage.objects.get(soort="paragraaf", nummer="5.2"))
    treffers = zoeken("rolstoel aanvragen").resultaten
    assert ("paragraaf", "5.2") in sleutels(treffers[:3])


def test_a_word_found_only_in_the_name_of_a_law_does_not_push_down_its_synonym(v2026):
    # "schuldhulpverlening" only occurs in "Wet gemeentelijke schuldhulpverlening"; its synonym
    # "schulden" names hoofdstuk 7.
    hoofdstuk = DivisiePage.objects.get(soort="hoofdstuk", nummer="7")
    assert "schuldhulpverlening" not in woorden(hoofdstuk) and "schulden" in woorden(hoofdstuk)
    for treffer in alle_treffers("schuldhulpverlening"):
        if "schuldhulpverlening" in woorden(treffer.page):
            assert "wet gemeentelijke schuldhulpverlening" in " ".join(words(tekst(treffer.page)))
    assert sleutels(zoeken("schuldhulpverlening").resultaten)[0] == ("hoofdstuk", "7")


@pytest.mark.parametrize("q", ["hulp bij de boodschappen", '"hulp bij de boodschappen"'])
def test_a_synonym_with_stop_words_is_found_as_it_is_typed(v2026, q):
    assert not zoeken(q).aantal_volledig  # nothing says "boodschappen"
    Synoniem.objects.create(term="hulp bij de boodschappen", synoniem="gebruikelijke hulp")
    uitkomst = zoeken(q)
    assert uitkomst.aantal_volledig and sleutels(uitkomst.resultaten)[0] == ("bijlage", "1")


def test_overlapping_synonyms_each_count():
    pairs = [(("woningaanpassing",), ("aanpassing", "van", "de", "woning"))]
    pairs += [(b, a) for a, b in pairs] + [(("huis",), ("woning",)), (("woning",), ("huis",))]
    clauses = build_clauses(parse_query("aanpassing van mijn woning"), pairs)
    assert [(c.literal, c.synonyms) for c in clauses] == [
        (("aanpassing",), [("woningaanpassing",)]),
        (("woning",), [("woningaanpassing",), ("huis",)]),
    ]


# -- 6. filters ------------------------------------------------------------------


def test_filter_on_regeling(client, v2026):
    regeling = v2026.get_parent()
    page_html = html(client, {"q": "mantelzorger", "regeling": regeling.slug})
    assert len(resultaat_links(page_html)) == zoeken("mantelzorger").aantal
    fout = html(client, {"q": "mantelzorger", "regeling": "bestaat-niet"}, status=400)
    assert "Deze regeling bestaat niet." in fout and 'href="#id_regeling"' in fout
    api = client.get(API, {"q": "mantelzorger", "regeling": "bestaat-niet"})
    assert api.status_code == 400
    assert api.json()["fouten"]["regeling"][0]["message"] == "Deze regeling bestaat niet."


def test_filter_on_peildatum_without_a_version(client, v2026):
    page_html = html(client, {"q": "mantelzorger", "peildatum": "2020-01-01"})
    assert "Op 01-01-2020 gold geen versie van een regeling." in page_html
    assert resultaat_links(page_html) == []
    # The same peildatum with all versions finds the 2026 version again.
    assert resultaat_links(html(client, {"q": "mantelzorger", "peildatum": "2020-01-01", "versies": "alle"}))


def test_filter_on_wet(client, v2026):
    pw = Wet.objects.get(afkorting="PW")
    alles = alle_treffers("uitkering")
    gefilterd = alle_treffers("uitkering", wet=pw)
    assert gefilterd and len(gefilterd) < len(alles)
    assert any(t.soort == "begrip" for t in alles)
    for treffer in gefilterd:
        assert treffer.soort in ("artikel", "hoofdstuk", "paragraaf")
        assert pw in treffer.page.specific.wetten.all(), treffer.titel
    page_html = html(client, {"q": "uitkering", "wet": "PW"})
    assert resultaat_links(page_html) == [t.url for t in gefilterd][:PAGE_SIZE]
    assert "Deze wet is niet bekend." in html(client, {"q": "uitkering", "wet": "XYZ"}, status=400)


@pytest.mark.parametrize(
    "q, soort, soorten",
    [
        ("vervoer", "begrip", {"begrip"}),
        ("vervoer", "artikel", {"artikel"}),
        ("pgb", "onderdeel", {"hoofdstuk", "paragraaf"}),
    ],
)
def test_filter_on_soort(client, v2026, q, soort, soorten):
    treffers = alle_treffers(q, soort=soort)
    assert treffers and {t.soort for t in treffers} <= soorten
    assert len(treffers) < zoeken(q).aantal
    api = client.get(API, {"q": q, "soort": soort}).json()
    assert api["aantal"] == len(treffers)
    assert {r["soort"] for r in api["resultaten"]} <= soorten


def test_filter_on_soort_begrip_only_returns_begrippen(client, v2026):
    page_html = html(client, {"q": "mantelzorg", "soort": "begrip"})
    assert resultaat_links(page_html) == [BegripPage.objects.get(slug="mantelzorger").url]


class TestTweeVersies:
    """The 2026 version (in force today) and the derived 2027 version, published."""

    def test_default_peildatum_is_today_and_finds_the_2026_version(self, client, v2026, v2027):
        treffers = alle_treffers("mantelzorger")
        assert {t.scope.versie.pk for t in treffers} == {v2026.pk}
        page_html = html(client, {"q": "mantelzorger"})
        assert "Verordening Sociaal Domein 2026" in page_html
        assert "Verordening Sociaal Domein 2027" not in page_html

    def test_a_peildatum_in_2027_finds_the_2027_version_only(self, client, v2026, v2027):
        treffers = alle_treffers("mantelzorger", peildatum=v2027.in_werking_op.replace(month=3))
        assert treffers and {t.scope.versie.pk for t in treffers} == {v2027.pk}
        page_html = html(client, {"q": "mantelzorger", "peildatum": "2027-03-01"})
        assert all("/2027/" in link for link in resultaat_links(page_html))
        assert "geldig vanaf 1 januari 2027" in page_html and "(toekomstig)" in page_html

    def test_alle_versies_finds_both(self, client, v2026, v2027):
        treffers = alle_treffers("mantelzorger", alle_versies=True)
        assert {t.scope.versie.pk for t in treffers} == {v2026.pk, v2027.pk}
        api = client.get(API, {"q": "mantelzorger", "versies": "alle"}).json()
        assert {r["versie"]["geldig_vanaf"] for r in api["resultaten"]} == {"2026-01-01", "2027-01-01"}
        assert {r["versie"]["status"] for r in api["resultaten"]} == {"geldend", "toekomstig"}

    def test_words_of_one_version_are_found_in_that_version(self, v2026, v2027):
        # Article 10.4 (initiatiefnemer) is gone in 2027; article 10.10 (online bijeenkomst) is new.
        assert zoeken("initiatiefnemer", peildatum=v2027.in_werking_op).aantal == 0
        [oud] = zoeken("initiatiefnemer", alle_versies=True).resultaten
        assert (oud.nummer, oud.scope.versie.pk) == ("10.4", v2026.pk)
        assert zoeken("bijeenkomst").aantal == 0
        [nieuw] = zoeken("bijeenkomst", peildatum=v2027.in_werking_op).resultaten
        assert (nieuw.nummer, nieuw.scope.versie.pk) == ("10.10", v2027.pk)

    def test_a_citation_in_all_versions_lists_each_version(self, client, v2026, v2027):
        response = client.get(ZOEKEN, {"q": "artikel 7.4", "versies": "alle"})
        assert response.status_code == 200  # two places: no redirect
        assert resultaat_links(response.content.decode()) == [
            artikel("7.4", v2026).url,
            artikel("7.4", v2027).url,
        ]
        nieuw = client.get(ZOEKEN, {"q": "artikel 10.10", "peildatum": "2027-01-01"})
        assert nieuw.status_code == 302 and nieuw["Location"] == artikel("10.10").url
        assert "Artikel 10.10 staat niet in de versies" in html(client, {"q": "artikel 10.10"})

    # -- 7. keeping the index in step --------------------------------------------

    def test_an_unpublished_version_is_not_found_and_a_republished_one_is(
        self, v2026, v2027, django_capture_on_commit_callbacks, publiceer_nu
    ):
        assert zoeken("bijeenkomst", alle_versies=True).aantal == 1
        with django_capture_on_commit_callbacks(execute=True):
            v2027.unpublish()
        assert zoeken("bijeenkomst", alle_versies=True).aantal == 0
        assert zoeken("bijeenkomst", peildatum=v2027.in_werking_op).aantal == 0
        treffers = alle_treffers("mantelzorger", peildatum=v2027.in_werking_op)
        assert treffers and {t.scope.versie.pk for t in treffers} == {v2026.pk}  # 2026 applies again

        with django_capture_on_commit_callbacks(execute=True):
            publiceer_nu(v2027)
        [nieuw] = zoeken("bijeenkomst", peildatum=v2027.in_werking_op).resultaten
        assert nieuw.scope.versie.pk == v2027.pk

    def test_publishing_and_unpublishing_a_version_reindex_its_pages_after_commit(
        self, settings, v2027, django_capture_on_commit_callbacks, publiceer_nu
    ):
        from django_tasks import default_task_backend

        settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
        pagina_ids = set(v2027.get_descendants().values_list("pk", flat=True))
        assert len(pagina_ids) > 100

        def reindexed():
            return [
                r for r in default_task_backend.results if r.task.module_path == reindex_pages.module_path
            ]

        with django_capture_on_commit_callbacks(execute=True):
            v2027.unpublish()
            assert reindexed() == []  # not before the transaction commits
        [taak] = reindexed()
        assert set(taak.args[0]) == pagina_ids

        default_task_backend.clear()
        with django_capture_on_commit_callbacks(execute=True):
            publiceer_nu(v2027)
        [taak] = reindexed()
        assert set(taak.args[0]) == pagina_ids
        # What the task does, run by a worker: index those pages as they are now.
        assert reindex_pages.call(sorted(pagina_ids)) == len(pagina_ids)


# -- what searches keep in memory between requests (search/published.py) ------------------


def test_a_begrip_renamed_and_published_is_pinned_by_its_new_name_at_once(v2026):
    begrip = BegripPage.objects.get(slug="mantelzorger")
    assert zoeken("mantelzorger").vastgepind[0].page.pk == begrip.pk  # now kept in memory
    begrip.term, begrip.vormen = "zorgmaatje", []
    begrip.save_revision().publish()
    assert [t.page.pk for t in zoeken("zorgmaatje").vastgepind] == [begrip.pk]
    assert not zoeken("mantelzorger").vastgepind


def test_a_change_rolled_back_is_never_shown_not_even_after_a_later_change(v2026):
    regeling = v2026.get_parent().specific
    with pytest.raises(RuntimeError), transaction.atomic():
        regeling.title = "Titel die niet doorgaat"
        regeling.save()
        assert zoeken("mantelzorger").resultaten[0].scope.regeling.title == "Titel die niet doorgaat"
        raise RuntimeError("editor cancels")
    assert zoeken("mantelzorger").resultaten[0].scope.regeling.title == "Verordening Sociaal Domein"
    regeling.refresh_from_db()
    regeling.title = "Nieuwe titel"
    regeling.save()
    assert zoeken("mantelzorger").resultaten[0].scope.regeling.title == "Nieuwe titel"


def test_a_deleted_regeling_is_no_longer_searched(v2026):
    assert zoeken("mantelzorger").aantal
    v2026.get_parent().delete()
    assert zoeken("mantelzorger").aantal == 0


def test_repeated_searches_do_not_reload_regelingen_versions_and_synonyms(v2026):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    Synoniem.objects.create(term="kaart", synoniem="pas")  # any change: the next search loads
    with CaptureQueriesContext(connection) as eerste:
        zoeken("mantelzorger")
    with CaptureQueriesContext(connection) as tweede:
        zoeken("mantelzorger")
    # regelingen, versions, begrippen, synoniemen and wetten: loaded once, then one key read
    assert len(tweede) <= len(eerste) - 5


def test_without_the_cache_key_row_searches_load_everything_each_time(v2026):
    from regelgeving.models import SearchCacheKey

    SearchCacheKey.objects.all().delete()  # as after a flush of the database
    assert zoeken("keukentafelgesprek").aantal == 0
    Synoniem.objects.filter(term="pgb").update(term="keukentafelgesprek")  # no signal sent
    assert zoeken("keukentafelgesprek").aantal > 0
    SearchCacheKey.renew()
    assert SearchCacheKey.current()


def test_an_edited_article_is_found_by_its_new_words_only(client, v2026):
    tien_negen = artikel("10.9")
    assert [t.nummer for t in zoeken("panellid").resultaten] == ["10.9"]
    assert zoeken("klankbordlid").aantal == 0
    herschrijf(tien_negen, "panellid", "klankbordlid")
    assert zoeken("panellid").aantal == 0
    assert [t.nummer for t in zoeken("klankbordlid").resultaten] == ["10.9"]
    assert "<mark>klankbordlid</mark>" in html(client, {"q": "klankbordlid"})


# -- 8. JSON API -----------------------------------------------------------------


def test_api_returns_results_as_json(client, v2026):
    response = client.get(API, {"q": "mantelzorger"})
    assert response.status_code == 200 and response["Content-Type"] == "application/json"
    data = response.json()
    assert data["aantal"] == len(data["resultaten"]) == 3
    assert data["vraag"]["q"] == "mantelzorger" and data["vraag"]["peildatum"]
    eerste = data["resultaten"][0]
    assert (eerste["soort"], eerste["titel"], eerste["vastgepind"]) == ("begrip", "Mantelzorger", "begrip")
    for resultaat in data["resultaten"]:
        assert {"soort", "nummer", "titel", "url", "regeling", "versie", "fragment"} <= set(resultaat)
        assert resultaat["url"].startswith(v2026.url)
        assert resultaat["regeling"]["titel"] == "Verordening Sociaal Domein"
        assert resultaat["versie"]["geldig_vanaf"] == "2026-01-01"
        assert resultaat["versie"]["status"] == "geldend"
    artikelen = [r for r in data["resultaten"] if r["soort"] == "artikel"]
    assert {r["nummer"] for r in artikelen} == {"3.5.1", "5.2.1"}
    assert all("<mark>mantelzorger</mark>" in r["fragment"] for r in artikelen)


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"soort": "begrip"}])
def test_api_without_a_query_is_a_bad_request(client, v2026, params):
    response = client.get(API, params)
    assert response.status_code == 400
    assert response.json()["fouten"]["q"][0]["message"] == "Geef een zoekterm op."


@pytest.mark.parametrize("peildatum", ["morgen", "2026-13-01", "1-1"])
def test_api_with_a_bad_peildatum_is_a_bad_request_in_dutch(client, v2026, peildatum):
    response = client.get(API, {"q": "mantelzorger", "peildatum": peildatum})
    assert response.status_code == 400
    [fout] = response.json()["fouten"]["peildatum"]
    assert fout["message"] == "Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-03-01."


# -- 9. the search page ----------------------------------------------------------


def test_results_show_number_title_regeling_version_validity_and_marks(client, v2026):
    page_html = html(client, {"q": "mantelzorger"})
    assert "3 resultaten voor ‘mantelzorger’" in page_html
    treffer = page_html.split(f'href="{artikel("5.2.1").url}"')[1].split("</li>")[0]
    assert ">Artikel 5.2.1 Geschikte woning (woonvoorziening)" in treffer
    assert "Verordening Sociaal Domein · Verordening Sociaal Domein 2026" in treffer
    assert "geldig vanaf 1 januari 2026" in treffer and "(geldend)" in treffer
    assert "<mark>mantelzorgers</mark>" in treffer and "<mark>mantelzorger</mark>" in treffer


def test_more_than_ten_results_are_paged(client, v2026):
    uitkomst = zoeken("wmo")
    assert uitkomst.aantal > PAGE_SIZE
    eerste = html(client, {"q": "wmo"})
    # Ten found by their text, after the begrip Wmo, which is pinned on the first page.
    assert [t.titel for t in uitkomst.vastgepind] == ["Wmo"]
    assert len(resultaat_links(eerste)) == 1 + PAGE_SIZE
    assert 'rel="next" href="?q=wmo&amp;pagina=2">Volgende pagina</a>' in eerste
    assert "Vorige pagina" not in eerste
    tweede = html(client, {"q": "wmo", "pagina": "2"})
    assert "Pagina 2 van 2" in tweede and "Vorige pagina" in tweede and "Volgende pagina" not in tweede
    links = resultaat_links(eerste) + resultaat_links(tweede)
    assert len(links) == len(set(links)) == uitkomst.aantal


def test_past_the_most_a_search_shows_it_says_more_than_and_asks_to_narrow_down(client, v2026, monkeypatch):
    from regelgeving.search import service

    alle = zoeken("aanvraag").aantal
    monkeypatch.setattr(service, "MAX_RESULTS", 5)
    uitkomst = zoeken("aanvraag")
    assert alle > 5 and uitkomst.meer_dan and uitkomst.aantal_tekst == 5 and uitkomst.paginas == 1
    page_html = html(client, {"q": "aanvraag"})
    assert f"Meer dan {uitkomst.aantal} resultaten" in page_html
    assert "Maak uw zoekvraag specifieker" in page_html
    assert client.get(API, {"q": "aanvraag"}).json()["meer_dan"] is True
    monkeypatch.setattr(service, "MAX_RESULTS", alle + 1)
    assert client.get(API, {"q": "aanvraag"}).json()["meer_dan"] is False


def test_a_page_past_the_last_shows_no_results_and_no_error(client, v2026):
    assert zoeken("mantelzorger", pagina=20).resultaten == []
    assert client.get(ZOEKEN, {"q": "mantelzorger", "pagina": "20"}).status_code == 200


def test_no_results_show_tips(client, v2026):
    page_html = html(client, {"q": "xyzzyqq"})
    assert "Geen resultaten voor ‘xyzzyqq’" in page_html
    assert "Tips:" in page_html and "Controleer de spelling" in page_html
    assert "Bedoelt u misschien" not in page_html


def test_a_misspelling_suggests_the_begrip(client, v2026):
    page_html = html(client, {"q": "wonign"})
    assert "Bedoelt u misschien" in page_html
    assert '<a class="utrecht-link" href="?q=Woning">Woning</a>' in page_html


def test_an_invalid_peildatum_shows_an_error_summary_linking_to_the_field(client, v2026):
    page_html = html(client, {"q": "mantelzorger", "peildatum": "31-02-2026"}, status=400)
    summary = page_html.split('class="foutmelding-samenvatting"')[1].split("</div>")[0]
    assert 'href="#id_peildatum"' in summary
    assert "Vul een datum in als JJJJ-MM-DD" in summary
    assert 'id="id_peildatum"' in page_html
    assert resultaat_links(page_html) == []


def test_a_dutch_peildatum_is_accepted_too(client, v2026):
    assert len(resultaat_links(html(client, {"q": "mantelzorger", "peildatum": "01-03-2026"}))) == 3


def test_every_page_has_the_search_box_in_the_header(client, v2026):
    for url in [
        "/",
        v2026.url,
        artikel("5.2.1").url,
        BegripPage.objects.get(slug="mantelzorger").url,
        ZOEKEN,
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        header = response.content.decode().split("</header>")[0]
        assert re.search(r'<form class="site-zoek" method="get" action="/zoeken/" role="search">', header), (
            url
        )
        assert 'name="q"' in header.split('class="site-zoek"')[1]
