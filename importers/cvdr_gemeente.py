"""Which gemeente `cvdr_bijwerken` works for: a gemeente of this installation (models/gemeente.py),
with its name as CVDR writes it and its CBS code."""

from __future__ import annotations

from dataclasses import dataclass

from regelgeving.models.gemeente import Gemeente

from .errors import PublicatieFout


@dataclass(frozen=True)
class CvdrGemeente:
    naam: str  # as CVDR files its regelingen (dcterms.creator): "Heemstede"
    cbs_code: str  # "gm0397": the key of what was brought in step
    gemeente_id: int  # where its regelingen are filed

    def is_maker(self, creator: str) -> bool:
        """Whether a record's creator is this gemeente (the service matches words, not the whole name)."""
        return " ".join(creator.split()).casefold() == " ".join(self.naam.split()).casefold()

    @property
    def gemeente(self) -> Gemeente:
        return Gemeente.objects.select_related("site").get(pk=self.gemeente_id)


def gemeente_voor(aanduiding: str) -> CvdrGemeente:
    """The gemeente that `--gemeente` names (its slug, name or CBS code)."""
    gemeente = Gemeente.zoek(aanduiding)
    if gemeente is None:
        raise PublicatieFout(
            f"Geen gemeente '{aanduiding}' in deze installatie; voeg haar toe met gemeente_toevoegen."
        )
    if not gemeente.cbs_code:
        raise PublicatieFout(
            f"{gemeente} heeft nog geen CBS-code; vul die in bij de instellingen van de gemeente."
        )
    return van_gemeente(gemeente)


def van_gemeente(gemeente: Gemeente) -> CvdrGemeente:
    return CvdrGemeente(naam=gemeente.naam, cbs_code=gemeente.cbs_code, gemeente_id=gemeente.pk)
