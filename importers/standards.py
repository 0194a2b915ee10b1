"""Names fixed by the official publication standards (KOOP OP, CVDR, STOP).

Pure data and the one rule that reads it, shared by format detection, the parsers and the
writer; it imports nothing from the project.
"""

import re

CVDR_NS = "http://standaarden.overheid.nl/cvdr/terms/"
STOP_NS_PREFIX = "https://standaarden.overheid.nl/"

# The blad elements of an officiele-publicatie and the title of each blad.
OP_BLADEN = {
    "gemeenteblad": "Gemeenteblad",
    "provinciaalblad": "Provinciaal blad",
    "bladgemeenschappelijkeregeling": "Blad gemeenschappelijke regeling",
    "staatsblad": "Staatsblad",
    "staatscourant": "Staatscourant",
    "waterschapsblad": "Waterschapsblad",
}

# The language and date of an AKN expression: "…/reg456/nld@2019-01-01;2".
_AKN_EXPRESSION_PART = re.compile(r"/[a-z]{3}@[^/]*$")


def akn_work(expression: str) -> str:
    """The work of an AKN expression: "/akn/nl/act/gm0297/2019/reg456/nld@1" -> "…/reg456";
    "" for an identifier that is not AKN."""
    expression = expression.strip()
    return _AKN_EXPRESSION_PART.sub("", expression) if expression.startswith("/akn/") else ""
