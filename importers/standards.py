"""Names fixed by the official publication standards (KOOP OP, CVDR, STOP).

Pure data, shared by format detection and the parsers; it imports nothing from the project.
"""

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
