"""The demo site: the Lochem publication imported with the real importer, and the loket beside it."""

from pathlib import Path

# Gemeenteblad 2025, 538386: the Lochem Verordening Sociaal Domein 2026 (see data/README.md).
LOCHEM_PUBLICATIE = Path(__file__).resolve().parent / "data" / "gmb-2025-538386.txt"
LOCHEM_REGELING = "verordening-sociaal-domein"
