"""Reference detection on real sentences of the Lochem verordening (no database)."""

from importers.linking import Law, Link, Linker, Term, term_forms
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
    assert links(segs) == [Link("artikel", "3.1", "artikel 3.1 lid 1 van deze verordening")]


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
