"""Plain functions behind the regeling's routes: peildatum, current article, comparison.

The page models reach them through regelgeving/routes.py (registered in wagtail_hooks.py).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format

from . import validity
from .comparison import changed_first, compare_articles, summarize, word_diff_html
from .models import ArtikelPage, BegripPage


def _melding(request, regeling, titel: str, tekst: str, status: int = 200, **extra):
    context = {
        "page": regeling,
        "self": regeling,
        "titel": titel,
        "tekst": tekst,
        "tijdlijn": [(g, validity.status(g, timezone.localdate())) for g in reversed(regeling.tijdlijn())],
        **extra,
    }
    return TemplateResponse(request, "regelgeving/melding.html", context, status=status)


def _peildatum(request, regeling, value: str | None):
    """(date, None) or (None, error response) for the peildatum in the query string."""
    if not value:
        return timezone.localdate(), None
    try:
        return validity.parse_peildatum(value), None
    except ValueError as exc:
        return None, _melding(request, regeling, "Ongeldige peildatum", str(exc), status=400)


def regeling_op_peildatum(request, regeling, value: str):
    peildatum, fout = _peildatum(request, regeling, value)
    if fout:
        return fout
    versie = regeling.versie_op(peildatum)
    if versie is None:
        return _melding(
            request,
            regeling,
            "Geen versie op deze datum",
            f"Op {peildatum:%d-%m-%Y} gold geen versie van {regeling.title}. "
            "Hieronder staat welke versie wanneer gold.",
        )
    # The version's page says which date was asked for (templates/regelgeving/peildatum_melding.html).
    return redirect(f"{versie.get_url(request)}?{urlencode({'peildatum': peildatum.isoformat()})}")


def artikel_op_peildatum(request, regeling, nummer: str, value: str | None):
    peildatum, fout = _peildatum(request, regeling, value)
    if fout:
        return fout
    versie = regeling.versie_op(peildatum)
    op_datum = "nu" if not value else f"op {date_format(peildatum, 'j F Y')}"
    if versie is None:
        return _melding(
            request,
            regeling,
            f"Artikel {nummer}",
            f"{op_datum.capitalize()} geldt geen versie van {regeling.title}, dus ook geen artikel {nummer}.",
        )
    artikel = ArtikelPage.objects.live().filter(versie=versie, nummer=nummer).first()
    if artikel is not None:
        return artikel.specific.serve(request)
    andere = list(
        ArtikelPage.objects.live()
        .filter(versie__in=regeling.versies(), nummer=nummer)
        .select_related("versie")
        .order_by("-versie__in_werking_op")
    )
    nu, sinds = _hernummerd(regeling, andere, versie)
    if nu is not None:
        sinds_tekst = f" sinds {date_format(sinds, 'j F Y')}" if sinds else ""
        tekst = (
            f"Artikel {nummer} heet{sinds_tekst} artikel {nu.nummer}, "
            f"in {versie.title}, de versie die {op_datum} geldt."
        )
        return _melding(request, regeling, f"Artikel {nummer}", tekst, status=404, hernummerd=nu)
    return _melding(
        request,
        regeling,
        f"Artikel {nummer}",
        f"Artikel {nummer} bestaat niet in {versie.title}, de versie die {op_datum} geldt.",
        status=404,
        artikelen_elders=andere,
    )


def _hernummerd(regeling, met_nummer: list, versie):
    """(the article in `versie` that an article with this number in an earlier version became,
    the date from which it has its new number), or (None, None)."""
    lijn = [g.versie for g in regeling.tijdlijn()]  # oldest first
    eerder = {v.pk for v in lijn[: lijn.index(versie)]} if versie in lijn else set()
    werk_ids = {a.werk_id for a in met_nummer if a.werk_id and a.versie_id in eerder}
    nu = ArtikelPage.objects.live().filter(versie=versie, werk_id__in=werk_ids).first() if werk_ids else None
    if nu is None:
        return None, None
    # The first version, going back from the one in force, in which it already had its new number.
    zelfde = {
        a.versie_id: a.nummer for a in ArtikelPage.objects.live().filter(werk_id=nu.werk_id, versie__in=lijn)
    }
    sinds = versie
    for eerdere in reversed(lijn[: lijn.index(versie)]):
        if zelfde.get(eerdere.pk) != nu.nummer:
            break
        sinds = eerdere
    return nu, sinds.in_werking_op


def vergelijk_versies(oud, nieuw) -> dict:
    """Everything the comparison page shows for two versions: articles and begrippen."""
    artikelen = compare_articles(oud.artikel_teksten(), nieuw.artikel_teksten())
    # Begrippen are matched by their term only: a renamed term is a new term.
    begrippen = compare_articles(oud.begrip_teksten(), nieuw.begrip_teksten(), threshold=1.01)
    pages = {
        p.pk: p for p in ArtikelPage.objects.filter(versie__in=[oud, nieuw]).only("id", "url_path", "title")
    } | {p.pk: p for p in BegripPage.objects.filter(versie__in=[oud, nieuw]).only("id", "url_path", "term")}

    def rows(changes):
        out = []
        for change in changes:
            diff = ""
            if change.oud and change.nieuw and (change.status == "gewijzigd" or change.tekst_gewijzigd):
                diff = word_diff_html(
                    f"{change.oud.titel}\n{change.oud.tekst}".strip(),
                    f"{change.nieuw.titel}\n{change.nieuw.tekst}".strip(),
                )
            out.append(
                {
                    "change": change,
                    "oud_page": pages.get(change.oud.key) if change.oud else None,
                    "nieuw_page": pages.get(change.nieuw.key) if change.nieuw else None,
                    "anker": f"artikel-{(change.nieuw or change.oud).nummer}",
                    "titel": (change.nieuw or change.oud).titel,
                    "diff": diff,
                }
            )
        return out

    gewijzigd, ongewijzigd = changed_first(artikelen)
    return {
        "oud": oud,
        "nieuw": nieuw,
        "artikelen": rows(gewijzigd),
        "ongewijzigde_artikelen": rows(ongewijzigd),
        "samenvatting": summarize(artikelen),
        "begrippen": [r for r in rows(begrippen) if r["change"].status != "ongewijzigd"],
        "begrippen_samenvatting": summarize(begrippen),
    }


def vergelijking(request, regeling, van: str | None, naar: str | None):
    versies = list(regeling.versies())
    by_slug = {v.slug: v for v in versies}
    if len(versies) < 2:
        return _melding(
            request, regeling, "Versies vergelijken", "Er is maar één versie; er valt niets te vergelijken."
        )
    if (van and van not in by_slug) or (naar and naar not in by_slug):
        return _melding(
            request, regeling, "Versies vergelijken", "Die versie bestaat niet (meer).", status=404
        )
    nieuw = by_slug.get(naar) or regeling.huidige_versie() or versies[0]
    ouder = [v for v in versies if v.pk != nieuw.pk]
    oud = by_slug.get(van) or next(
        (v for v in ouder if (v.in_werking_op or date.min) < (nieuw.in_werking_op or date.max)), ouder[0]
    )
    context = {"page": regeling, "self": regeling, "versies": versies, **vergelijk_versies(oud, nieuw)}
    return TemplateResponse(request, "regelgeving/vergelijking.html", context)
