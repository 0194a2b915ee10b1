"""Toelichtingen placed where readers look for them. Pure: no database."""

import pytest

from importers.explanations import (
    ExplanationPart,
    add_explanation,
    article_numbers,
    opens_explanation,
    parts_from_blocks,
)
from importers.tree import Alinea, Artikel, Divisie, Document, Tussenkop


@pytest.mark.parametrize(
    "heading, numbers",
    [
        ("Artikel 2.10", ["2.10"]),
        ("Toelichting artikel 2.10", ["2.10"]),
        ("Toelichting op artikel 4 Aanvraag", ["4"]),
        ("Bij artikel 7:13", ["7:13"]),
        ("Artikel 3. Begripsbepalingen", ["3"]),
        ("Artikelen 2.3 en 2.4", ["2.3", "2.4"]),
        ("Artikelen 3, 4 en 5a", ["3", "4", "5a"]),
        ("Artikel 3 t/m 6", ["3", "4", "5", "6"]),
        ("Artikel 2.1 tot en met 2.3", ["2.1", "2.2", "2.3"]),
        ("Artikel IV", ["IV"]),
        ("Artikelsgewijze toelichting", []),
        ("Artikel 3 regelt de aanvraag.", ["3"]),
        ("In artikel 3 staat", []),
        ("Hoofdstuk 3", []),
    ],
)
def test_article_numbers_of_a_heading(heading, numbers):
    assert article_numbers(heading) == numbers


@pytest.mark.parametrize(
    "heading, after_text, opens",
    [
        ("Algemene toelichting", False, True),
        ("Artikelsgewijze toelichting", False, True),
        ("Nota van toelichting", False, True),
        ("Toelichting op de verordening", False, True),
        ("TOELICHTING", False, True),
        ("Toelichting", True, True),
        ("Toelichting", False, False),  # may be a sub-heading inside an article
        ("Toelichting bij artikel 5", False, False),
        ("Toelichtingen worden gegeven door het college.", False, False),
    ],
)
def test_what_opens_the_toelichting(heading, after_text, opens):
    assert opens_explanation(heading, after_text) is opens


def test_flat_explanation_splits_at_article_headings():
    blocks = [
        Tussenkop("Algemeen"),
        Alinea("Waarom deze regels er zijn."),
        Alinea("Artikelsgewijze toelichting"),
        Alinea("Artikel 1"),
        Alinea("Uitleg bij 1."),
        Tussenkop("Eerste lid"),  # a sub-heading inside an article's part stays there
        Alinea("Meer uitleg bij 1."),
        Alinea("Hoofdstuk 2 Aanvraag"),
        Alinea("Over het hele hoofdstuk."),
        Alinea("Artikel 2.1"),
        Alinea("Uitleg bij 2.1."),
    ]
    general, parts = parts_from_blocks(blocks)
    assert general == [Tussenkop("Algemeen"), Alinea("Waarom deze regels er zijn.")]
    assert [(p.heading, p.numbers) for p in parts] == [
        ("Artikel 1", ["1"]),
        ("Hoofdstuk 2 Aanvraag", []),
        ("Artikel 2.1", ["2.1"]),
    ]
    assert parts[0].blocks == [Alinea("Uitleg bij 1."), Tussenkop("Eerste lid"), Alinea("Meer uitleg bij 1.")]


def test_a_sentence_is_no_heading():
    sentence = Alinea("Artikel 3 regelt wat een aanvraag is en hoe die gaat.")
    general, parts = parts_from_blocks([sentence, Alinea("x")])
    assert parts == [] and len(general) == 2


def document(*numbers):
    return Document(body=[Divisie("hoofdstuk", "1", children=[Artikel(n) for n in numbers])])


def test_parts_go_to_their_articles_and_the_rest_to_the_general_part():
    doc = document("1", "2", "")
    parts = [
        ExplanationPart("Artikel 1", [Alinea("Bij 1.")], ["1"]),
        ExplanationPart("Artikelen 1 en 2", [Alinea("Bij 1 en 2.")], ["1", "2"]),
        ExplanationPart("Hoofdstuk 1", [Alinea("Over het hoofdstuk.")]),
        ExplanationPart("Artikel 9", [Alinea("Bij een artikel dat er niet is.")], ["9"]),
        ExplanationPart("Artikel 2", [], ["2"]),  # a heading with nothing under it
    ]
    add_explanation(doc, [Alinea("Algemeen deel.")], parts, titel="Toelichting")
    een, twee, zonder = doc.artikelen()
    assert een.toelichting == [Alinea("Bij 1."), Tussenkop("Artikelen 1 en 2"), Alinea("Bij 1 en 2.")]
    assert twee.toelichting == [Tussenkop("Artikelen 1 en 2"), Alinea("Bij 1 en 2.")]
    assert zonder.toelichting == []
    assert doc.toelichting.blocks == [
        Alinea("Algemeen deel."),
        Tussenkop("Artikelsgewijze toelichting"),
        Tussenkop("Hoofdstuk 1"),
        Alinea("Over het hoofdstuk."),
        Tussenkop("Artikel 9"),
        Alinea("Bij een artikel dat er niet is."),
    ]
    assert doc.warnings == [
        "De toelichting 'Artikel 9' hoort niet bij één artikel van de regeling; "
        "ze staat in de algemene toelichting."
    ]


def test_a_number_two_articles_share_is_not_guessed():
    doc = document("3", "3")
    add_explanation(doc, [], [ExplanationPart("Artikel 3", [Alinea("Welke?")], ["3"])])
    assert [a.toelichting for a in doc.artikelen()] == [[], []]
    assert doc.toelichting.blocks[-1] == Alinea("Welke?")


def test_a_second_explanation_keeps_its_title():
    doc = document("1")
    add_explanation(doc, [Alinea("Eerste.")], [], titel="Toelichting")
    add_explanation(doc, [Alinea("Tweede.")], [], titel="Toelichting bij het besluit")
    assert doc.toelichting.titel == "Toelichting"
    assert doc.toelichting.blocks == [
        Alinea("Eerste."),
        Tussenkop("Toelichting bij het besluit"),
        Alinea("Tweede."),
    ]


def test_nothing_to_say_leaves_no_toelichting():
    doc = document("1")
    add_explanation(doc, [], [ExplanationPart("Artikel 1", [Alinea("Bij 1.")], ["1"])])
    assert doc.toelichting is None
