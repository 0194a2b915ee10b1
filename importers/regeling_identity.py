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

from .standards import akn_work
from .tree import Metadata

_CVDR_EXPRESSION = re.compile(r"^(CVDR\d+)(?:_\d+)?$", re.I)
_YEAR_SUFFIX = re.compile(r"\s+\d{4}$")


@dataclass(frozen=True)
class Werk:
    key: str  # "cvdr:CVDR621050", "akn:/akn/nl/act/gm9920/2020/X", "titel:zutphen:verordening-sociaal-domein"
    organisatie: str
    titel: str  # the citeertitel without its year: the regeling's name
    uitleg: str  # how the work was recognised, for the report (Dutch)


def werk_van(meta: Metadata) -> Werk:
    titel = _YEAR_SUFFIX.sub("", meta.citeertitel or meta.titel).strip()[:200] or meta.identifier
    organisatie = (meta.organisatie or meta.gemeente or "").strip()
    cvdr = _CVDR_EXPRESSION.match(meta.cvdr_id or meta.identifier or "")
    akn = meta.werk_id if meta.werk_id.startswith("/akn/") else akn_work(meta.identifier or "")
    if cvdr:
        key = cvdr.group(1).upper()
        return Werk(f"cvdr:{key}", organisatie, titel, f"CVDR-werk {key}")
    if akn:
        return Werk(f"akn:{akn}", organisatie, titel, f"STOP-werk {akn}")
    door = f"{organisatie}, " if organisatie else ""
    return Werk(
        f"titel:{organisation_key(organisatie)}:{slugify(titel)}",
        organisatie,
        titel,
        f"{door}citeertitel zonder jaartal '{titel}'",
    )


_KIND = re.compile(
    r"^(?:de\s+)?(?P<kind>gemeente|provincie|waterschap|hoogheemraadschap|gemeenschappelijke regeling)\s+",
    re.I,
)
_TOOI = re.compile(r"^/tooi/id/(?P<kind>[\w-]+)/(?P<code>[\w-]+)/?$")
_CODE = re.compile(r"^(?:gm|pv|ws|mnre)\d+$", re.I)


def _kind_and_name(organisatie: str) -> tuple[str, str]:
    """("gemeente", "zutphen") for "gemeente Zutphen", ("gemeente", "gm0301") for its TOOI URI,
    ("", "zutphen") for a bare name."""
    organisatie = organisatie.strip()
    if m := _TOOI.match(organisatie):
        return m.group("kind").lower(), m.group("code").lower()
    if m := _KIND.match(organisatie):
        return slugify(m.group("kind")), slugify(organisatie[m.end() :])
    return "", slugify(organisatie)


def organisation_key(organisatie: str) -> str:
    """One spelling of an organisation, its kind kept: "gemeente Utrecht" is not "provincie
    Utrecht". A TOOI URI gives its code: "/tooi/id/gemeente/gm0397" → "gemeente-gm0397"."""
    kind, name = _kind_and_name(organisatie)
    return f"{kind}-{name}" if kind else name


def organisation_name(organisatie: str) -> str:
    """How to name an organisation to an editor: "gemeente gm0397" for a TOOI URI."""
    kind, name = _kind_and_name(organisatie)
    return f"{kind} {name}" if _TOOI.match(organisatie.strip()) else organisatie


def same_organisation(a: str, b: str) -> bool:
    """Whether two organisations may be the same one. An unknown one matches any; of one kind, a
    code ("gm0301") and a name ("Zutphen") cannot be told apart without a register and match."""
    if not a or not b:
        return True
    (kind_a, name_a), (kind_b, name_b) = _kind_and_name(a), _kind_and_name(b)
    if kind_a and kind_b and kind_a != kind_b:
        return False
    if name_a == name_b:
        return True
    return bool(_CODE.match(name_a)) != bool(_CODE.match(name_b))
