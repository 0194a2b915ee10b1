"""The fixed vocabularies that models, forms and flows share: the statuses of a submission and
the groups Lochem spreekt describes its members by.

Kept apart from the models so a flow declaration (loket/flows/) can use them without importing
a model. The values are stored in the database and named in migrations: change them only
together with a migration.
"""

from __future__ import annotations

from django.db import models


class Status(models.TextChoices):
    """Every status a submission can have; each flow says which of them apply (Flow.statuses)."""

    ONTVANGEN = "ontvangen", "Ontvangen"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    AFGEHANDELD = "afgehandeld", "Afgehandeld"
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    UITBETAALD = "uitbetaald", "Uitbetaald"


# -- Lochem spreekt: how a member describes themselves (anonymously) ----------------------------

LEEFTIJDSGROEPEN = [
    ("16-24", "16 tot en met 24 jaar"),
    ("25-44", "25 tot en met 44 jaar"),
    ("45-64", "45 tot en met 64 jaar"),
    ("65-74", "65 tot en met 74 jaar"),
    ("75+", "75 jaar of ouder"),
]
KERNEN = [
    ("lochem", "Lochem"),
    ("gorssel", "Gorssel"),
    ("eefde", "Eefde"),
    ("epse", "Epse"),
    ("laren", "Laren"),
    ("harfsen", "Harfsen"),
    ("barchem", "Barchem"),
    ("almen", "Almen"),
    ("buitengebied", "Buitengebied"),
]
RELATIES = [
    ("woont", "Ik woon in de gemeente Lochem"),
    ("werkt", "Ik werk in de gemeente Lochem"),
    ("onderneemt", "Ik heb een bedrijf in de gemeente Lochem"),
]
# The two ways the panel is compared with the population.
DIMENSIES = [("leeftijdsgroep", "Leeftijdsgroep"), ("kern", "Kern")]


def groups_of(dimensie: str) -> list[tuple[str, str]]:
    """The groups of a dimension: the age groups, or the kernen."""
    return LEEFTIJDSGROEPEN if dimensie == "leeftijdsgroep" else KERNEN
