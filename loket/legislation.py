"""What the loket reads from regelgeving: the regeling a flow applies, its version in force on a
day, its articles and its begrippen.

The one place loket reads regelgeving's pages, so the flows can point to the rules without
knowing how regelgeving stores them. (loket depends on regelgeving, never the reverse.)

Every link resolves by regelgeving's one rule for "which version applies"
(`RegelingPage.versie_op`): on the flow pages the version in force today, on a confirmation the
version in force on the day of the submission. A version that only starts tomorrow, or that is
not live, is never linked; an article that version lacks gets no link rather than a wrong one.
Labels are what the version itself says: the article's own number and title.
"""

from __future__ import annotations

from datetime import date

from regelgeving.models import ArtikelPage, BegripPage, RegelingPage


def regeling(ref: RegelingPage | str | None) -> RegelingPage | None:
    """The live regeling, given as a page or by its slug (None: a flow page that cites none)."""
    if ref is None:
        return None
    if isinstance(ref, RegelingPage):
        return ref if ref.live else None
    return RegelingPage.objects.live().filter(slug=ref).first()


def version_in_force(regeling_ref: RegelingPage | str | None, day: date | None = None):
    """The version of the regeling in force on `day` (today), via regelgeving's one rule."""
    found = regeling(regeling_ref)
    return found.versie_op(day) if found else None


def artikel(
    regeling_ref: RegelingPage | str | None, nummer: str, day: date | None = None
) -> ArtikelPage | None:
    """Article `nummer` in the version in force on `day` (today), or None when that version lacks it."""
    versie = version_in_force(regeling_ref, day)
    if versie is None:
        return None
    return ArtikelPage.objects.live().filter(versie=versie, nummer=nummer.strip()).first()


def artikel_link(
    regeling_ref: RegelingPage | str | None, nummer: str, peildatum: date | None = None
) -> tuple[str, str] | None:
    """(label, url) of article `nummer` as it reads on `peildatum` (today when None), or None.

    The label is the article's own number and title in that day's version. The url is the
    regeling's stable address of the article, which resolves by the same rule: without a date
    it shows the text in force when it is opened, with `?peildatum=` the rules of that day, also
    years later and from an e-mail.
    """
    found = regeling(regeling_ref)
    gevonden = artikel(found, nummer, peildatum) if found else None
    if gevonden is None:
        return None
    url = found.artikel_url(gevonden.nummer)
    if peildatum is not None:
        url = f"{url}?peildatum={peildatum.isoformat()}"
    return gevonden.title, url


def artikel_in_any_version(regeling_ref: RegelingPage | str, nummer: str) -> bool:
    """Whether some live version of the regeling has article `nummer` (to catch a typed number)."""
    found = regeling(regeling_ref)
    if found is None:
        return False
    return ArtikelPage.objects.live().filter(versie__in=found.versies(), nummer=nummer.strip()).exists()


def begrip(regeling_ref: RegelingPage | str | None, term: str, day: date | None = None) -> BegripPage | None:
    """The definition of `term` in the version of the regeling in force on `day` (today)."""
    versie = version_in_force(regeling_ref, day)
    if versie is None:
        return None
    return BegripPage.objects.live().filter(versie=versie, term__iexact=term).first()
