"""Where the test data lies, and the demo's own addresses. Constants only."""

from pathlib import Path

from demo import LOCHEM_PUBLICATIE

DATA = Path(__file__).parent / "data"
SAMPLES = DATA / "samples"
VERSIES = DATA / "versies"
# The Lochem capture (Gemeenteblad 2025, 538386) that `setup_demo` imports; stored once, in demo/.
LOCHEM = LOCHEM_PUBLICATIE
LOCHEM_IDENTIFIER = "gmb-2025-538386"
REGELING = "/regelgeving/verordening-sociaal-domein/"
LOCHEM_URL = f"{REGELING}2026/"
