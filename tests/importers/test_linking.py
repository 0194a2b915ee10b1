"""Reference detection on real sentences of the Lochem verordening (no database)."""

import pytest

from importers.linking import Law, Link, Linker, Term, term_forms
from importers.tree import SourceRef
from regelgeving.known_laws import KNOWN_LAWS


def linker(**kwargs):
    laws = [Law(a, [a, n, *aliases], bwb) for a, n, bwb, aliases in KNOWN_LAWS]
    defaults = dict(
        artikelen={"3.1", "3.3.10", "5.2.1"},
        hoofdstukken={"6", "7", "9", "11"},
        bijlagen={"1"},
        laws=laws,
        terms=[
            Term("mantelzorger", term_forms("Mantelzorger(s)")),
            Term("voorziening", term_forms("Voorziening(en)")),
            Term("kind", term_forms("Kind(eren)")),
        ],
    )
    defaults.update(kwargs)
    result = Linker(**defaults)
    result.scope("artikel 1")
    return result


def links(segments):
    return [s for s in segments if isinstance(s, Link)]


def test_inflected_forms_of_terms():
    assert term_forms("Mantelzorger(s)") == ["Mantelzorger", "Mantelzorgers"]
    assert term_forms("Kind(eren)") == ["Kind", "Kinderen"]
    assert term_forms("Melding") == ["Melding", "Meldingen"]
    assert term_forms("Wet") == ["Wet", "Wetten"]  # not "weten", a different word
    assert term_forms("Verwerend orgaan") == ["Verwerend orgaan", "Verwerend organen"]


def test_internal_article_reference_with_lid():
    segs = linker().segments("bedoeld voor inwoners benoemd in artikel 3.1 lid 1 van deze verordening.")
    assert links(segs) == [Link("artikel", "3.1", "artikel 3.1 lid 1 van deze verordening", lid="1")]


def test_law_article_references_become_jci_links():
    text = (
        "als bedoeld in artikel 9 van de Participatiewet, artikel 37 van de IOAW en "
        "artikel 17, eerste lid, van de Participatiewet (art. 121 Gemeentewet)"
    )
    found = links(linker().segments(text))
    assert [(x.key, x.artikel) for x in found] == [
        ("PW", "9"),
        ("IOAW", "37"),
        ("PW", "17"),
        ("Gemeentewet", "121"),
    ]


def test_terms_link_once_per_article_in_plural_form():
    lk = linker()
    first = links(lk.segments("De gemeente waardeert de inzet van mantelzorgers."))
    again = links(lk.segments("Elke mantelzorger kan een compliment aanvragen."))
    assert first == [Link("begrip", "mantelzorger", "mantelzorgers")]
    assert again == []
    lk.scope("artikel 2")
    assert links(lk.segments("Elke mantelzorger")) == [Link("begrip", "mantelzorger", "mantelzorger")]


def test_missing_targets_are_reported_not_dropped():
    lk = linker()
    segs = lk.segments("zie artikel 3.3.1 van deze verordening en hoofdstuk 6 en bijlage 4")
    assert [x.key for x in links(segs)] == ["6"]
    unresolved = [(r.kind, r.target) for r in lk.references if not r.resolved]
    assert unresolved == [("artikel", "3.3.1"), ("bijlage", "4")]


def test_two_chapters_in_one_phrase():
    segs = linker().segments("Voor de toepassing van de hoofdstukken 9 en 11 wordt")
    assert [(x.key, x.text) for x in links(segs)] == [("9", "hoofdstukken 9"), ("11", "11")]


def test_law_names_beat_words_inside_them():
    segs = linker().segments("de Wet maatschappelijke ondersteuning 2015 en de Jeugdwet")
    assert [x.key for x in links(segs)] == ["Wmo", "Jeugdwet"]


def plain(segments):
    return "".join(s if isinstance(s, str) else s.text for s in segments)


# -- references into other laws ------------------------------------------------------------------


def heemstede(**kwargs):
    """A linker for the Heemstede verordening: articles 1-21, the Awb known, "wet" a begrip."""
    return linker(
        artikelen={str(n) for n in range(1, 22)},
        terms=[Term("wet", term_forms("wet")), Term("commissie", term_forms("commissie"))],
        **kwargs,
    )


@pytest.mark.parametrize(
    "text",
    [
        "artikel 2:1, tweede lid;",
        "artikel 6:6, wat betreft de indiener stellen onder termijn;",
        "artikel 7:4, tweede lid;",
    ],
)
def test_awb_numbers_never_link_to_the_regulations_own_article_nor_count_as_missing(text):
    lk = heemstede()
    segs = lk.segments(text)
    assert links(segs) == [] and plain(segs) == text
    assert lk.references == []


def test_awb_numbers_with_their_law_link_to_that_law_with_the_lid():
    lk = heemstede()
    text = "gelet op artikel 7:13 van de Algemene wet bestuursrecht (Awb);"
    assert [(x.kind, x.key, x.artikel, x.text) for x in links(lk.segments(text))] == [
        ("wet", "Awb", "7:13", "artikel 7:13 van de Algemene wet bestuursrecht"),
        ("wet", "Awb", "", "Awb"),
    ]
    found = links(lk.segments("artikel 6:162, eerste lid, Awb"))
    assert [(x.key, x.artikel, x.lid) for x in found] == [("Awb", "6:162", "1")]


def test_van_de_wet_goes_to_the_law_the_regulation_defines_as_de_wet():
    lk = heemstede()
    lk.scope("artikel 1")
    lk.segments("In deze verordening wordt verstaan onder:")
    definition = links(lk.segments("wet: Algemene wet bestuursrecht"))
    assert definition == [Link("wet", "Awb", "Algemene wet bestuursrecht")]  # not the begrip itself
    lk.scope("artikel 7")
    text = "met uitzondering van de bevoegdheid ingevolge artikel 7:6, vierde lid, van de wet opdragen"
    assert [(x.key, x.artikel, x.lid, x.text) for x in links(lk.segments(text))] == [
        ("Awb", "7:6", "4", "artikel 7:6, vierde lid, van de wet")
    ]


def test_van_de_wet_without_such_a_definition_stays_plain():
    lk = heemstede()
    segs = lk.segments("De voorzitter beslist over de toepassing van artikel 7:3 van de wet.")
    assert [x.kind for x in links(segs)] == ["begrip"]  # "wet", the term, not article 7 of this one
    assert lk.references == []


@pytest.mark.parametrize(
    "text",
    [
        "zoals bedoeld in artikel 5.3 Erfgoedwet",
        "hoofdstuk 3 van het Besluit activiteiten leefomgeving",
        "de soorten in bijlage 1 bij de vogelrichtlijn",
        "als bedoeld in artikel 3.1, derde lid, van de Wet open overheid.",
        "het college kan de Erfgoedwet toepassen. Daarbij geldt artikel 3.1 van die wet.",
    ],
)
def test_references_into_unknown_laws_stay_plain_and_are_not_missing(text):
    lk = linker()  # this regulation has artikel 3.1, hoofdstuk 6-11 and bijlage 1 too
    segs = lk.segments(text)
    assert [x for x in links(segs) if x.kind != "wet"] == [] and plain(segs) == text
    assert lk.references == []


def test_die_wet_is_the_law_named_last_before_it_in_the_article():
    lk = linker()
    lk.segments("Het college verleent bijstand op grond van de Participatiewet.")
    found = links(lk.segments("Artikel 18, tweede lid, van die wet is van toepassing."))
    assert [(x.kind, x.key, x.artikel, x.lid) for x in found] == [("wet", "PW", "18", "2")]
    lk.scope("artikel 2")
    assert links(lk.segments("Artikel 18 van die wet is van toepassing.")) == []


def test_a_regulation_that_numbers_its_own_articles_awb_style_links_them():
    lk = linker(artikelen={"2:1", "2:10"})
    found = links(lk.segments("Het bepaalde in artikel 2:10 is van overeenkomstige toepassing."))
    assert found == [Link("artikel", "2:10", "artikel 2:10")]


def test_references_to_missing_own_parts_are_still_reported():
    lk = linker()
    lk.segments("zie artikel 9.9 van deze verordening, artikel 3 van de Wet open overheid, artikel 7:13 Awb")
    assert [(r.kind, r.target, r.resolved) for r in lk.references] == [("artikel", "9.9", False)]


# -- leden -----------------------------------------------------------------------------------------


def test_a_lid_inside_an_article_links_to_that_lid():
    lk = linker(artikelen={"2.2"})
    lk.scope("artikel 2.2")
    lk.set_leden(["1", "2", "3", "4"])
    text = "een aanvraag als bedoeld in lid 4 van dit artikel. Indien een advies uit lid 2 ontbreekt"
    assert links(lk.segments(text)) == [
        Link("artikel", "2.2", "lid 4 van dit artikel", lid="4"),
        Link("artikel", "2.2", "lid 2", lid="2"),
    ]
    assert links(lk.segments("in afwijking van het eerste tot en met het derde lid")) == [
        Link("artikel", "2.2", "het eerste", lid="1"),
        Link("artikel", "2.2", "het derde lid", lid="3"),
    ]


def test_a_lid_the_article_lacks_is_reported_and_outside_an_article_a_lid_is_plain():
    lk = linker(artikelen={"2.2"})
    lk.scope("artikel 2.2")
    lk.set_leden(["1", "2"])
    assert links(lk.segments("zoals in lid 5 staat")) == []
    assert [(r.kind, r.target, r.resolved) for r in lk.references] == [("lid", "2.2 lid 5", False)]
    lk.scope("bijlage 1")
    assert links(lk.segments("zoals in lid 1 staat")) == []
    assert len(lk.references) == 1


def test_an_article_reference_names_its_lid_for_the_anchor():
    found = links(linker().segments("het tweede lid van artikel 5.2.1 en artikel 3.1, eerste lid, onder a"))
    assert [(x.key, x.lid, x.text) for x in found] == [
        ("5.2.1", "2", "het tweede lid van artikel 5.2.1"),
        ("3.1", "1", "artikel 3.1, eerste lid, onder a"),
    ]


# -- references the source marks ---------------------------------------------------------------


def test_a_source_reference_is_followed_as_given():
    lk = linker(bijlagen={"XV"}, artikelen={"1"})
    text = "Zie Bijlage 15 en het vorige lid; de mantelzorger en de mantelzorger; elke mantelzorger."
    refs = [
        SourceRef(4, 14, "cmp_XV", "bijlage", "XV"),
        SourceRef(18, 32, "art_1__para_1", "artikel", "1", "1"),
        SourceRef(37, 49, "item_1", "begrip", "Mantelzorger"),
        SourceRef(56, 68, "item_1", "begrip", "Mantelzorger"),
    ]
    assert links(lk.segments(text, refs)) == [
        Link("bijlage", "XV", "Bijlage 15"),
        Link("artikel", "1", "het vorige lid", lid="1"),
        Link("begrip", "mantelzorger", "mantelzorger"),
        Link("begrip", "mantelzorger", "mantelzorger"),  # as the source marks it, each time
    ]  # and the one it does not mark is not linked again


def test_a_source_reference_to_something_not_here_stays_plain_and_is_reported():
    lk = linker()
    segs = lk.segments("Zie Bijlage A van dit besluit.", [SourceRef(4, 13, "cmp_A")])
    assert links(segs) == []  # not this regulation's bijlage 1, nor anything else
    assert [(r.kind, r.target, r.resolved) for r in lk.references] == [("verwijzing", "cmp_A", False)]


# -- begrippen: where the words mean the term ------------------------------------------------------


def test_no_begrip_link_inside_the_regulations_own_name_or_other_names():
    lk = heemstede()
    lk.scope("aanhef")
    segs = lk.segments("de volgende verordening: Verordening commissie bezwaarschriften Heemstede 2022")
    assert links(segs) == []
    for text in [
        "op grond van de Wet waardering onroerende zaken;",
        "De COMMISSIE BEZWAARSCHRIFTEN vergadert.",
        "Zij is lid van de Commissie Bezwaarschriften.",
    ]:
        lk.scope("artikel 2")
        assert links(lk.segments(text)) == [], text
    lk.scope("artikel 3")
    assert links(lk.segments("De commissie adviseert de raad.")) == [Link("begrip", "commissie", "commissie")]


def test_no_begrip_link_in_the_terms_own_definition():
    lk = heemstede()
    lk.scope("artikel 1")
    assert links(lk.segments("commissie: vaste commissie van advies voor de bezwaarschriften;")) == []
    lk.scope("begrip commissie", skip_term="commissie")
    assert links(lk.segments("vaste commissie van advies voor de bezwaarschriften")) == []


LOCHEM_AANVRAAG = [Term("aanvraag", term_forms("Aanvraag"))]


@pytest.mark.parametrize(
    "text, linked",
    [
        ("Elke mantelzorger kan jaarlijks éénmalig een financieel mantelzorgcompliment aanvragen.", []),
        ("de zelfredzaamheid te versterken als zij extra ondersteuning aanvragen bij de gemeente.", []),
        ("Zij kunnen aanvragen indienen.", []),
        ("U voert dan een gesprek met een consulent. Deze aanvragen worden ingediend", ["aanvragen"]),
        ("Aanvragen worden binnen acht weken behandeld.", ["Aanvragen"]),
        ("De gemeente beslist op twee aanvragen tegelijk.", ["aanvragen"]),
        ("Het college beslist op een aanvraag.", ["aanvraag"]),
    ],
)
def test_a_verb_that_shares_the_terms_letters_is_not_the_term(text, linked):
    lk = linker(terms=LOCHEM_AANVRAAG)
    assert [x.text for x in links(lk.segments(text))] == linked


def test_plurals_that_are_never_verbs_keep_linking():
    lk = linker()
    found = links(lk.segments("met kinderen en voorzieningen"))
    assert [x.text for x in found] == ["kinderen", "voorzieningen"]
