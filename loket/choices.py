"""The fixed vocabularies that models, forms and flows share: the statuses of a submission and
the groups the inwonerspanel describes its members by (its kernen are each gemeente's own).

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


# -- the inwonerspanel: how a member describes themselves (anonymously) -------------------------

LEEFTIJDSGROEPEN = [
    ("16-24", "16 tot en met 24 jaar"),
    ("25-44", "25 tot en met 44 jaar"),
    ("45-64", "45 tot en met 64 jaar"),
    ("65-74", "65 tot en met 74 jaar"),
    ("75+", "75 jaar of ouder"),
]
RELATIES = [
    ("woont", "Ik woon in {gemeente}"),
    ("werkt", "Ik werk in {gemeente}"),
    ("onderneemt", "Ik heb een bedrijf in {gemeente}"),
]
# The two ways the panel is compared with the population.
DIMENSIES = [("leeftijdsgroep", "Leeftijdsgroep"), ("kern", "Kern")]


def groups_of(dimensie: str, gemeente) -> list[tuple[str, str]]:
    """The groups of a dimension: the age groups, or the gemeente's kernen."""
    if dimensie == "leeftijdsgroep":
        return LEEFTIJDSGROEPEN
    return gemeente.kern_keuzes() if gemeente is not None else []
