"""Under which gemeente a publication is filed: the one that published it (OWMS `creator`, the
TOOI/AKN code in STOP, the organ named in the text), or the one the editor chose (the command's
--gemeente, the admin upload's gemeente)."""

from __future__ import annotations

from regelgeving.models.gemeente import Gemeente

from .errors import PublicatieFout
from .regeling_identity import _kind_and_name, organisation_name


def gemeente_van_organisatie(organisatie: str) -> Gemeente | None:
    """The gemeente of this installation that an organisation string names, by CBS code or name."""
    kind, name = _kind_and_name(organisatie)
    if not name or kind not in ("", "gemeente"):
        return None
    gemeenten = Gemeente.objects.select_related("site").exclude(naam="")
    return next((gemeente for gemeente in gemeenten if gemeente.heet(name)), None)


def kies_gemeente(organisatie: str, gekozen: Gemeente | None = None) -> tuple[Gemeente, str]:
    """The gemeente to file under and, when it is not the publisher's own, why (for the report).

    Without a choice the publisher decides, and a publisher this installation does not serve is
    refused. A choice files the publication there (a gemeenschappelijke regeling, a province, a
    gemeente without a site here), except a publication of another gemeente of this installation:
    that one has its own site."""
    eigen = gemeente_van_organisatie(organisatie) if organisatie else None
    if gekozen is None:
        if eigen is not None:
            return eigen, ""
        alle = list(Gemeente.objects.select_related("site").exclude(naam="")[:2])
        if not organisatie and len(alle) == 1:
            return alle[0], ""
        if not alle:
            raise PublicatieFout(
                "Er is nog geen gemeente in deze installatie; maak er een met gemeente_toevoegen."
            )
        wie = organisation_name(organisatie) if organisatie else "een onbekende organisatie"
        raise PublicatieFout(
            f"De publicatie is van {wie}, geen gemeente van deze installatie; kies er een met --gemeente."
        )
    if eigen is not None and eigen.pk != gekozen.pk:
        raise PublicatieFout(
            f"De publicatie is van de gemeente {eigen.naam}, niet van de gemeente {gekozen.naam}."
        )
    if organisatie and eigen is None:
        return gekozen, f"Gepubliceerd door {organisation_name(organisatie)}; op verzoek bij {gekozen} gezet."
    return gekozen, ""
