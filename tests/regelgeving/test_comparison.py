"""Comparing two versions of a regulation (regelgeving.comparison); pure Python, no database."""

import re
from dataclasses import replace
from html import unescape

import pytest
from django.utils.safestring import SafeString

from regelgeving.comparison import (
    GEWIJZIGD,
    ONGEWIJZIGD,
    STATUSES,
    TOEGEVOEGD,
    VERPLAATST,
    VERWIJDERD,
    ArticleChange,
    ArticleText,
    changed_first,
    compare_articles,
    summarize,
    word_diff_html,
)
from tests.paths import LOCHEM

_HEADING = re.compile(r"^(\d+(?:\.\d+)+)\s+(.*)$")

DEL = '<del><span class="visually-hidden">verwijderd: </span>'
INS = '<ins><span class="visually-hidden">toegevoegd: </span>'


def lochem_articles() -> list[ArticleText]:
    """The numbered articles of the Lochem Verordening Sociaal Domein 2026 capture.

    A numbered heading ("2.2 FASE 2: …") starts an article; the lines up to the next
    heading are its text. Some ("3.3.11 Kinderopvang …") have no text.
    """
    articles: list[tuple[str, str, list[str]]] = []
    current = None
    for line in LOCHEM.read_text(encoding="utf-8-sig").splitlines():
        if line.startswith("Bijlage"):
            break
        if m := _HEADING.match(line):
            current = (m.group(1), m.group(2), [])
            articles.append(current)
        elif line.startswith("Hoofdstuk"):
            current = None
        elif current is not None:
            current[2].append(line)
    return [
        ArticleText(f"p{i}", nummer, titel, "\n".join(body))
        for i, (nummer, titel, body) in enumerate(articles)
    ]


ARTICLES = lochem_articles()


def article(nummer: str) -> ArticleText:
    return next(a for a in ARTICLES if a.nummer == nummer)


def edited(articles: list[ArticleText], which: str, **changes) -> list[ArticleText]:
    """The articles with the one numbered `which` replaced by a changed copy."""
    return [replace(a, **changes) if a.nummer == which else a for a in articles]


def statuses(changes: list[ArticleChange]) -> list[tuple[str, str]]:
    """(status, number) per change; the old number for removed articles."""
    return [(c.status, (c.nieuw or c.oud).nummer) for c in changes]


def only_change(changes: list[ArticleChange]) -> ArticleChange:
    [change] = [c for c in changes if c.status != ONGEWIJZIGD]
    return change


def test_capture_gives_realistic_articles():
    numbers = [a.nummer for a in ARTICLES]
    assert {"2.2", "3.3.10", "11.5"} <= set(numbers)
    assert len(numbers) == len(set(numbers))
    assert article("3.3.11").tekst == ""
    assert "Jeugdstem" in article("11.5").tekst


# compare_articles ------------------------------------------------------------------


def test_identical_versions_are_all_unchanged():
    changes = compare_articles(ARTICLES, list(ARTICLES))
    assert [c.status for c in changes] == [ONGEWIJZIGD] * len(ARTICLES)
    assert [c.nieuw for c in changes] == ARTICLES
    assert all(c.oud == c.nieuw and c.similarity == 1.0 and not c.tekst_gewijzigd for c in changes)


def test_whitespace_differences_are_not_a_change():
    old = article("2.2")
    new = replace(old, key="other", titel=f"  {old.titel} ", tekst=old.tekst.replace(" ", "  \n"))
    [change] = compare_articles([old], [new])
    assert change.status == ONGEWIJZIGD
    assert change.similarity == 1.0


def test_one_changed_word_is_gewijzigd_with_exactly_that_word_marked():
    old_text = article("2.2").tekst
    assert old_text.count("telefonisch") == 1
    new = edited(ARTICLES, "2.2", tekst=old_text.replace("telefonisch", "digitaal"))

    changes = compare_articles(ARTICLES, new)
    change = only_change(changes)
    assert (change.status, change.oud.nummer, change.nieuw.nummer) == (GEWIJZIGD, "2.2", "2.2")
    assert change.tekst_gewijzigd and not change.titel_gewijzigd
    assert 0.9 < change.similarity < 1.0
    assert summarize(changes)[GEWIJZIGD] == 1

    html = word_diff_html(change.oud.tekst, change.nieuw.tekst)
    assert html.count("<del>") == 1 and html.count("<ins>") == 1
    assert f"{DEL}telefonisch</del>{INS}digitaal</ins>" in html
    assert "het gesprek " + DEL in html  # the surrounding text is plain
    assert "</ins> te voeren." in html


def test_same_number_with_a_rewritten_text_is_still_gewijzigd():
    new = edited(ARTICLES, "10.9", tekst="Dit artikel is vervallen.")
    change = only_change(compare_articles(ARTICLES, new))
    assert (change.status, change.nieuw.nummer) == (GEWIJZIGD, "10.9")
    assert change.similarity < 0.6


def test_renumbered_article_is_verplaatst_not_removed_and_added():
    new = edited(ARTICLES, "11.5", nummer="11.6", key="new-page")
    changes = compare_articles(ARTICLES, new)

    change = only_change(changes)
    assert change.status == VERPLAATST
    assert (change.oud.nummer, change.nieuw.nummer) == ("11.5", "11.6")
    assert change.oud.key == article("11.5").key and change.nieuw.key == "new-page"
    assert change.similarity == 1.0
    assert change.tekst_gewijzigd is False
    counts = summarize(changes)
    assert counts[VERWIJDERD] == counts[TOEGEVOEGD] == 0


def test_renumbered_and_edited_article_is_verplaatst_with_text_changed():
    old = article("11.5")
    text = old.tekst.replace("Jeugdstem zijn", "Jeugdstem en Zorgbelang zijn").replace(
        "(Veilig Thuis).", "(Veilig Thuis) en de Kindertelefoon."
    )
    new = edited(ARTICLES, "11.5", nummer="11.6", tekst=text)

    change = only_change(compare_articles(ARTICLES, new))
    assert (change.status, change.oud.nummer, change.nieuw.nummer) == (VERPLAATST, "11.5", "11.6")
    assert change.tekst_gewijzigd is True
    assert 0.6 <= change.similarity < 1.0
    html = word_diff_html(change.oud.tekst, change.nieuw.tekst)
    assert f"Jeugdstem {INS}en Zorgbelang</ins> zijn" in html


def test_renumbered_article_with_empty_text_matches_on_title():
    # "3.3.11 Kinderopvang …" has no text in the capture.
    new = edited(ARTICLES, "3.3.11", nummer="3.3.11a")
    change = only_change(compare_articles(ARTICLES, new))
    assert (change.status, change.oud.nummer, change.nieuw.nummer) == (VERPLAATST, "3.3.11", "3.3.11a")
    assert not change.tekst_gewijzigd


def test_added_and_removed_articles():
    removed = article("9.2.7")
    added = ArticleText(
        "new",
        "9.2.12",
        "Digitale meldingen",
        "Een melding kan ook worden gedaan via het digitale loket op de website van de gemeente.",
    )
    new = [a for a in ARTICLES if a is not removed]
    new.insert(new.index(article("9.2.11")) + 1, added)

    changes = compare_articles(ARTICLES, new)
    assert [(c.status, c.oud, c.nieuw) for c in changes if c.status != ONGEWIJZIGD] == [
        (VERWIJDERD, removed, None),
        (TOEGEVOEGD, None, added),
    ]
    assert summarize(changes) == {
        GEWIJZIGD: 0,
        VERPLAATST: 0,
        TOEGEVOEGD: 1,
        VERWIJDERD: 1,
        ONGEWIJZIGD: len(ARTICLES) - 1,
    }
    gone = next(c for c in changes if c.status == VERWIJDERD)
    assert gone.similarity == 0.0 and gone.tekst_gewijzigd


def test_inserted_article_does_not_turn_the_renumbered_ones_into_changes():
    # A new 11.5 is inserted and the old 10.9 … 11.5 tail shifts: 10.9 stays, 11.5 → 11.6.
    inserted = ArticleText(
        "new", "11.5", "Klachtenfunctionaris", "De gemeente heeft een onafhankelijke klachtenfunctionaris."
    )
    new = edited(ARTICLES, "11.5", nummer="11.6")
    new.insert(new.index(next(a for a in new if a.nummer == "11.6")), inserted)

    changes = compare_articles(ARTICLES, new)
    assert statuses([c for c in changes if c.status != ONGEWIJZIGD]) == [
        (TOEGEVOEGD, "11.5"),
        (VERPLAATST, "11.6"),
    ]


def test_below_threshold_is_removed_and_added():
    old = article("11.5")
    rewritten = replace(old, nummer="11.6", tekst="Voor advies kunt u terecht bij een vertrouwenspersoon.")
    # No predecessor in the old version, so the removed article comes first.
    assert statuses(compare_articles([old], [rewritten])) == [(VERWIJDERD, "11.5"), (TOEGEVOEGD, "11.6")]
    # With a low enough threshold it counts as the same article.
    [change] = compare_articles([old], [rewritten], threshold=0.2)
    assert change.status == VERPLAATST and change.tekst_gewijzigd


def test_threshold_above_one_matches_by_number_only():
    # As for begrippen, where a renamed term is a new term even with the same definition.
    old = [
        ArticleText(1, "Aanvraag", "", "Een verzoek om ondersteuning."),
        ArticleText(2, "Melding", "", "Tekst."),
    ]
    new = [
        ArticleText(3, "Verzoek", "", "Een verzoek om ondersteuning."),
        ArticleText(4, "Melding", "", "Tekst!"),
    ]
    assert statuses(compare_articles(old, new, threshold=1.01)) == [
        (VERWIJDERD, "Aanvraag"),
        (TOEGEVOEGD, "Verzoek"),
        (GEWIJZIGD, "Melding"),
    ]


def test_order_follows_new_version_with_removed_after_their_old_predecessor():
    a1, a2, a3, a4, a5 = (article(n) for n in ("9.2.4", "9.2.7", "9.2.8", "9.2.11", "9.4"))
    added = ArticleText(
        "x", "9.2.9", "Nieuw artikel", "Het college kan nadere regels stellen over afspraken."
    )
    old = [a1, a2, a3, a4, a5]
    new = [replace(a4, nummer="9.2.1"), a1, added, a5]  # 9.2.11 moved to the front; 9.2.7, 9.2.8 removed

    assert statuses(compare_articles(old, new)) == [
        (VERPLAATST, "9.2.1"),
        (ONGEWIJZIGD, "9.2.4"),
        (VERWIJDERD, "9.2.7"),  # right after 9.2.4, its predecessor in the old version …
        (VERWIJDERD, "9.2.8"),  # … and after 9.2.7, keeping the old order
        (TOEGEVOEGD, "9.2.9"),
        (ONGEWIJZIGD, "9.4"),
    ]


def test_removed_first_articles_come_first():
    old = [article("2.2"), article("3.3"), article("3.3.10")]
    assert statuses(compare_articles(old, [article("3.3.10")])) == [
        (VERWIJDERD, "2.2"),
        (VERWIJDERD, "3.3"),
        (ONGEWIJZIGD, "3.3.10"),
    ]


def test_empty_versions():
    assert compare_articles([], []) == []
    assert statuses(compare_articles([], ARTICLES[:2])) == [(TOEGEVOEGD, a.nummer) for a in ARTICLES[:2]]
    assert statuses(compare_articles(ARTICLES[:2], [])) == [(VERWIJDERD, a.nummer) for a in ARTICLES[:2]]


def test_articles_with_empty_text():
    old = [ArticleText(1, "1.1", "Begrippen", ""), ArticleText(2, "1.2", "", "")]
    new = [
        ArticleText(3, "1.1", "Begrippen", ""),
        ArticleText(4, "1.2", "", ""),
        ArticleText(5, "1.3", "", ""),
    ]
    changes = compare_articles(old, new)
    assert statuses(changes) == [(ONGEWIJZIGD, "1.1"), (ONGEWIJZIGD, "1.2"), (TOEGEVOEGD, "1.3")]
    assert word_diff_html("", "") == ""
    assert word_diff_html("", "Nieuw") == f"{INS}Nieuw</ins>"


def test_duplicate_numbers_are_handled():
    first, second = article("7.4"), article("7.6")
    # The old version numbered two articles "7.4"; the new one fixed that to 7.4 and 7.5.
    old = [first, replace(second, nummer="7.4")]
    new = [first, replace(second, nummer="7.5", key="fixed")]
    changes = compare_articles(old, new)
    assert statuses(changes) == [(ONGEWIJZIGD, "7.4"), (VERPLAATST, "7.5")]
    assert changes[1].oud.tekst == second.tekst and not changes[1].tekst_gewijzigd

    # Duplicates on the new side: the first takes the number match, the second is new.
    new = [first, replace(first, key="copy", tekst=second.tekst)]
    assert statuses(compare_articles([first], new)) == [(ONGEWIJZIGD, "7.4"), (TOEGEVOEGD, "7.4")]


def test_identical_duplicates_pair_up_in_document_order():
    text = article("4.2")
    old = [replace(text, key=f"o{i}", nummer=f"4.{i}") for i in range(3)]
    new = [replace(text, key=f"n{i}", nummer=f"5.{i}") for i in range(3)]
    changes = compare_articles(old, new)
    assert [(c.status, c.oud.key, c.nieuw.key) for c in changes] == [
        (VERPLAATST, "o0", "n0"),
        (VERPLAATST, "o1", "n1"),
        (VERPLAATST, "o2", "n2"),
    ]


def test_best_similarity_wins():
    base = article("6.4")
    close = replace(base, key="close", nummer="6.5", tekst=base.tekst.replace("vervoers", "reis", 1))
    far = replace(
        base, key="far", nummer="6.6", tekst=" ".join(base.tekst.split()[: len(base.tekst.split()) * 3 // 4])
    )
    # The far one comes first in document order, but the close one is the better match.
    changes = compare_articles([base], [far, close])
    assert [(c.status, c.nieuw.key) for c in changes] == [(TOEGEVOEGD, "far"), (VERPLAATST, "close")]


def _tenfold(articles: list[ArticleText], offset: int) -> list[ArticleText]:
    """Ten copies of the regulation, as bench/synth.py builds them: chapter N of copy k is N + 11k."""
    out = []
    for k in range(10):
        for a in articles:
            chapter, _, rest = a.nummer.partition(".")
            out.append(replace(a, key=(k, a.key), nummer=f"{int(chapter) + 11 * k + offset}.{rest}"))
    return out


def test_tenfold_regulation_renumbered_throughout():
    old = _tenfold(ARTICLES, 0)
    new = _tenfold(ARTICLES, 200)  # every number differs, so everything goes through similarity
    assert len(old) > 340

    changes = compare_articles(old, new)
    assert summarize(changes)[VERPLAATST] == len(new)
    # Ten identical copies of each article: they pair up copy by copy.
    assert all(c.oud.key == c.nieuw.key for c in changes)
    assert [c.nieuw for c in changes] == new


def test_tenfold_regulation_with_edits():
    old = _tenfold(ARTICLES, 0)
    new = list(old)
    new[5] = replace(new[5], tekst=new[5].tekst + " Dit lid is toegevoegd.")
    del new[100]
    new.insert(200, ArticleText("new", "99.1", "Slotbepaling", "Deze verordening vervalt op 1 januari 2030."))

    changes = compare_articles(old, new)
    assert summarize(changes) == {
        GEWIJZIGD: 1,
        VERPLAATST: 0,
        TOEGEVOEGD: 1,
        VERWIJDERD: 1,
        ONGEWIJZIGD: len(old) - 2,
    }
    assert [c.nieuw for c in changes if c.nieuw] == new


# summarize -------------------------------------------------------------------------


def test_summarize_has_all_statuses():
    assert summarize([]) == dict.fromkeys(STATUSES, 0)
    assert set(STATUSES) == {"toegevoegd", "verwijderd", "gewijzigd", "ongewijzigd", "verplaatst"}
    changes = [
        ArticleChange(ONGEWIJZIGD, ARTICLES[0], ARTICLES[0], 1.0),
        ArticleChange(ONGEWIJZIGD, ARTICLES[1], ARTICLES[1], 1.0),
        ArticleChange(TOEGEVOEGD, None, ARTICLES[2], 0.0),
    ]
    assert summarize(changes) == {
        "gewijzigd": 0,
        "verplaatst": 0,
        "toegevoegd": 1,
        "verwijderd": 0,
        "ongewijzigd": 2,
    }


# word_diff_html --------------------------------------------------------------------


def test_diff_of_equal_texts_is_the_escaped_text():
    text = article("10.8").tekst
    html = word_diff_html(text, text)
    assert isinstance(html, SafeString)
    assert "<del>" not in html and "<ins>" not in html
    assert html == text.replace("\n", "<br>")


def test_consecutive_changes_are_grouped():
    old = "De aanvraag kan via de post worden gedaan."
    new = "De aanvraag kan via het digitale loket worden gedaan."
    html = word_diff_html(old, new)
    assert html == f"De aanvraag kan via {DEL}de post</del>{INS}het digitale loket</ins> worden gedaan."


def test_insertion_and_deletion_only():
    old = "Het gesprek vindt zo snel mogelijk na de melding plaats."
    new = "Het gesprek vindt zo snel mogelijk na de melding bij de gemeente plaats."
    assert word_diff_html(old, new) == (
        f"Het gesprek vindt zo snel mogelijk na de melding {INS}bij de gemeente</ins> plaats."
    )
    assert word_diff_html(new, old) == (
        f"Het gesprek vindt zo snel mogelijk na de melding {DEL}bij de gemeente</del> plaats."
    )
    assert (
        word_diff_html("Soms is het voldoende.", "is het voldoende.") == f"{DEL}Soms</del> is het voldoende."
    )
    assert word_diff_html("Soms is het voldoende.", "Soms is het") == f"Soms is het {DEL}voldoende.</del>"


def test_changes_separated_by_one_word_read_as_one_change():
    html = word_diff_html("binnen zes weken na de melding", "binnen acht weken na de aanvraag")
    assert html == f"binnen {DEL}zes</del>{INS}acht</ins> weken na de {DEL}melding</del>{INS}aanvraag</ins>"
    html = word_diff_html("de aanvraag wordt schriftelijk ingediend", "de melding wordt mondeling ingediend")
    assert html == f"de {DEL}aanvraag wordt schriftelijk</del>{INS}melding wordt mondeling</ins> ingediend"


def test_everything_is_escaped():
    old = "Zie artikel 1 & 2."
    new = 'Zie <script>alert("x")</script> artikel 1 & 2.'
    html = word_diff_html(old, new)
    assert "<script>" not in html
    assert f"Zie {INS}&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins> artikel 1 &amp; 2." == html
    assert "<script>" not in word_diff_html(new, old)
    assert "&lt;/script&gt;</del>" in word_diff_html(new, old)


def test_newlines_become_line_breaks():
    old = "Eerste lid.\nTweede lid."
    new = "Eerste lid.\nTweede lid.\nDerde lid\nmet twee regels."
    html = word_diff_html(old, new)
    assert html == f"Eerste lid.<br>Tweede lid.<br>{INS}Derde lid<br>met twee regels.</ins>"
    assert (
        word_diff_html(new, old) == f"Eerste lid.<br>Tweede lid.<br>{DEL}Derde lid<br>met twee regels.</del>"
    )
    assert "\n" not in html


@pytest.mark.parametrize("nummer", ["2.2", "3.3.10", "11.5"])
def test_diff_of_real_articles_reconstructs_both_texts(nummer):
    """Dropping the ins (or del) elements of the diff gives the old (or new) text back."""
    old = article(nummer).tekst
    words = old.split()
    new = " ".join(words[:3] + ["nieuwe", "woorden"] + words[5:-4] + ["slot."])

    html = word_diff_html(old, new)

    def text_without(tag: str) -> str:
        kept = re.sub(rf"<{tag}>.*?</{tag}>", " ", html)
        kept = re.sub(r'<span class="visually-hidden">.*?</span>', "", kept)
        kept = re.sub(r"</?(del|ins)>", "", kept).replace("<br>", " ")
        return " ".join(unescape(kept).split())

    assert text_without("ins") == " ".join(old.split())
    assert text_without("del") == " ".join(new.split())


def test_changed_first_puts_every_edit_before_the_unchanged_articles_in_reading_order():
    old = [
        ArticleText(1, "1", "Begrippen", "a b c"),
        ArticleText(2, "2", "Doel", "d e f"),
        ArticleText(3, "3", "Hulp", "g h i"),
        ArticleText(4, "4", "Slot", "j k l"),
    ]
    new = [old[0], ArticleText(5, "2", "Doel", "d e x"), ArticleText(6, "2a", "Nieuw", "p q r"), old[3]]
    changed, unchanged = changed_first(compare_articles(old, new))
    assert [(c.status, (c.nieuw or c.oud).nummer) for c in changed] == [
        (GEWIJZIGD, "2"),
        (VERWIJDERD, "3"),  # a removed article stays where it stood
        (TOEGEVOEGD, "2a"),
    ]
    assert [(c.status, c.nieuw.nummer) for c in unchanged] == [(ONGEWIJZIGD, "1"), (ONGEWIJZIGD, "4")]
