"""The demo installation: two gemeenten (see gemeenten.py), each with its publication imported
with the real importer, its loket and its statements."""

from .gemeenten import LOCHEM

# Kept for the tests and benchmarks that build on the Lochem verordening.
LOCHEM_PUBLICATIE = LOCHEM.publicatie
LOCHEM_REGELING = LOCHEM.regeling
