"""The two gemeenten of the demo, with what each says about itself. Everything that names a
gemeente lives here and in the demo's texts, never in the apps."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class DemoGemeente:
    naam: str
    cbs_code: str
    host: str  # "" for the host of SITE_URL (the default site)
    publicatie: Path
    regeling: str  # its slug under /regelgeving/
    instellingen: dict = field(default_factory=dict)


LOCHEM = DemoGemeente(
    naam="Lochem",
    cbs_code="gm1859",
    host="",
    # Gemeenteblad 2025, 538386: the Verordening Sociaal Domein 2026 (see data/README.md).
    publicatie=DATA / "gmb-2025-538386.txt",
    regeling="verordening-sociaal-domein",
    instellingen={
        "loket_naam": "'t Baken",
        "loket_omschrijving": "voor zorg, jeugd, werk en inkomen",
        "telefoon": "0573 289 222",
        "email": "tbaken@lochem.nl",
        "bezoekadres": "Hanzeweg 2, Lochem",
        "panel_naam": "Lochem spreekt",
        "kernen": "Lochem\nGorssel\nEefde\nEpse\nLaren\nHarfsen\nBarchem\nAlmen\nBuitengebied",
        "kleur": "#00558c",
        "kleur_donker": "#003b62",
    },
)

HEEMSTEDE = DemoGemeente(
    naam="Heemstede",
    cbs_code="gm0397",
    host="heemstede.localhost",
    # CVDR621050_2, the Verordening commissie bezwaarschriften Heemstede 2022 (see data/README.md).
    publicatie=DATA / "CVDR621050_2.xml",
    regeling="",
    instellingen={
        "loket_naam": "Loket Heemstede",
        "loket_omschrijving": "voor wonen, zorg en welzijn",
        "telefoon": "14 023",
        "email": "loket@heemstede.nl",
        "bezoekadres": "Raadhuisplein 1, Heemstede",
        "panel_naam": "Heemstede denkt mee",
        "kernen": "Centrum\nZuid\nMerlenhoven\nGeleerdenwijk\nOost",
        "kleur": "#8a1538",
        "kleur_donker": "#5e0e26",
    },
)

GEMEENTEN = (LOCHEM, HEEMSTEDE)
