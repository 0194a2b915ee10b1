"""Which regeling a publication belongs to: the work it is a version of, never its title alone.

A CVDR publication names its work (CVDR621050 for CVDR621050_1, _2, …), a STOP publication its
AKN work (/akn/nl/act/gm0397/2020/…, its expression without the language and date). A Gemeenteblad
publication or a text capture names neither: its work is the publishing organisation together with
the citeertitel without its year. Two organisations never share a regeling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.text import slugify

from .tree import Metadata

_CVDR_EXPRESSION = re.compile(r"^(CVDR\d+)(?:_\d+)?$", re.I)
_AKN_EXPRESSION = re.compile(r"^(/akn/[^@]+?)/[a-z]{3}@")
_YEAR_SUFFIX = re.compile(r"\s+\d{4}$")


@dataclass(frozen=True)
class Werk:
    key: str  # "cvdr:CVDR621050", "akn:/akn/nl/act/gm9920/2020/X", "titel:lochem:verordening-sociaal-domein"
    organisatie: str
    titel: str  # the citeertitel without its year: the regeling's name
    uitleg: str  # how the work was recognised, for the report (Dutch)


def werk_van(meta: Metadata) -> Werk:
    titel = _YEAR_SUFFIX.sub("", meta.citeertitel or meta.titel).strip()[:200] or meta.identifier
    organisatie = (meta.organisatie or meta.gemeente or "").strip()
    werk_id = meta.werk_id
    cvdr = _CVDR_EXPRESSION.match(meta.cvdr_id or meta.identifier or "")
    akn = _AKN_EXPRESSION.match(werk_id or meta.identifier or "")
    if cvdr:
        key = cvdr.group(1).upper()
        return Werk(f"cvdr:{key}", organisatie, titel, f"CVDR-werk {key}")
    if werk_id.startswith("/akn/") or akn:
        key = werk_id if werk_id.startswith("/akn/") else akn.group(1)
        return Werk(f"akn:{key}", organisatie, titel, f"STOP-werk {key}")
    door = f"{organisatie}, " if organisatie else ""
    return Werk(
        f"titel:{organisation_key(organisatie)}:{slugify(titel)}",
        organisatie,
        titel,
        f"{door}citeertitel zonder jaartal '{titel}'",
    )


_KIND = re.compile(
    r"^(?:de\s+)?(?:gemeente|provincie|waterschap|hoogheemraadschap|gemeenschappelijke regeling)\s+", re.I
)


def organisation_key(organisatie: str) -> str:
    """One spelling of an organisation: a TOOI URI by its code ("/tooi/id/gemeente/gm0397" →
    "gm0397"), a name without its kind ("gemeente Lochem" → "lochem")."""
    organisatie = organisatie.strip()
    if organisatie.startswith("/tooi/"):
        return organisatie.rstrip("/").rsplit("/", 1)[-1].lower()
    return slugify(_KIND.sub("", organisatie))


def same_organisation(a: str, b: str) -> bool:
    """Whether two organisations are the same one (an unknown one matches any)."""
    return not a or not b or organisation_key(a) == organisation_key(b)
