"""Which gemeente `cvdr_bijwerken` works for: its name as CVDR writes it, and its CBS code."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.text import slugify

from .errors import PublicatieFout

_CBS_CODE = re.compile(r"^gm\d{4}$", re.I)


@dataclass(frozen=True)
class CvdrGemeente:
    naam: str  # as CVDR files its regelingen (dcterms.creator): "Heemstede"
    cbs_code: str  # "gm0397": the key of what was brought in step

    def is_maker(self, creator: str) -> bool:
        """Whether a record's creator is this gemeente (the service matches words, not the whole name)."""
        return " ".join(creator.split()).casefold() == " ".join(self.naam.split()).casefold()


def gemeente_voor(aanduiding: str, naam: str = "", code: str = "") -> CvdrGemeente:
    """The gemeente record that `--gemeente` names (by slug or CBS code): its name and CBS code.

    The record is made from the name and code given with it (`--naam`, `--code`); a slug or code in
    `aanduiding` must agree with them. This function is the one place that knows where a gemeente
    record comes from.
    """
    aanduiding, naam, code = aanduiding.strip(), " ".join(naam.split()), code.strip().lower()
    if _CBS_CODE.match(aanduiding):
        if code and code != aanduiding.lower():
            raise PublicatieFout(
                f"--gemeente {aanduiding} en --code {code} noemen twee verschillende gemeenten."
            )
        code = aanduiding.lower()
    elif aanduiding and naam and slugify(aanduiding) != slugify(naam):
        raise PublicatieFout(f"--gemeente {aanduiding} past niet bij --naam {naam}.")
    if not naam:
        raise PublicatieFout(
            f"Gemeente '{aanduiding}' is onbekend; geef haar naam zoals CVDR die schrijft met --naam "
            "(bijvoorbeeld --naam Heemstede)."
        )
    if not code:
        raise PublicatieFout(f"Geef de CBS-code van {naam} met --code (bijvoorbeeld --code gm0397).")
    if not _CBS_CODE.match(code):
        raise PublicatieFout(f"'{code}' is geen CBS-gemeentecode; die heeft de vorm gm0397.")
    return CvdrGemeente(naam=naam, cbs_code=code)
