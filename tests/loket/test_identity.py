"""How a name, address or e-mail address is written before it is hashed to recognise a person."""

import pytest

from loket.identity import normalise


@pytest.mark.parametrize(
    "getypt, zo",
    [
        ("Renée de Vries", "renée de vries"),
        ("Rene\u0301e de Vries", "renée de vries"),  # decomposed é is composed é
        ("Anna\u200b de\u200d Vries\u00ad", "anna de vries"),  # zero-width, joiner, soft hyphen
        ("Ａｎｎａ ｄｅ Ｖｒｉｅｓ", "anna de vries"),  # fullwidth
        ("\u0410nn\u0430 d\u0435 Vri\u0435s", "anna de vries"),  # Cyrillic А, а, е
        ("ΑΝΝΑ DE VRIES", "anna de vries"),  # Greek capitals
        ("\u0399ngrid", "ingrid"),  # Greek capital iota reads as I, not as l
        ("Ann\u0251", "anna"),  # Latin alpha
        ("  anna\tde\n vries ", "anna de vries"),
        ("Straße", "strasse"),
        ("\u0132sbrand", "ijsbrand"),  # the ĳ ligature
        ("Jürgen Müller", "jürgen müller"),  # accents stay
    ],
)
def test_look_alike_spellings_are_written_one_way(getypt, zo):
    assert normalise(getypt) == zo


@pytest.mark.parametrize("een, ander", [("Renée", "Renee"), ("Jürgen", "Jurgen"), ("Ingrid", "lngrid")])
def test_real_differences_stay(een, ander):
    assert normalise(een) != normalise(ander)
