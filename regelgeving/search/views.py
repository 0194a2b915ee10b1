"""The search page (/zoeken/) and the JSON search API (/api/zoeken/): thin wrappers of `zoek`.

Both search the site of the host asked for; the API also searches another gemeente of this
installation when a re-user names it (`?gemeente=gm0397`), with full links to its pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET
from wagtail.models import Site

from ..gemeenten import gemeente_van_site, gemeenten_genoemd
from .forms import ZoekForm
from .service import zoek


def _query_string(data, **changes) -> str:
    params = {k: v for k, v in data.items() if v and k != "pagina"}
    params.update({k: v for k, v in changes.items() if v})
    return urlencode(params)


def _site(request) -> Site:
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("Op dit adres staat geen gemeente.")
    return site


@require_GET
def zoeken(request):
    form = ZoekForm(request.GET or None, site=_site(request))
    context = {"form": form, "uitkomst": None}
    if not request.GET:
        return TemplateResponse(request, "regelgeving/zoeken.html", context)
    if not form.is_valid():
        return TemplateResponse(request, "regelgeving/zoeken.html", context, status=400)
    uitkomst = zoek(form.zoekvraag())
    if uitkomst.doorverwijzing and "pagina" not in request.GET:
        return redirect(uitkomst.doorverwijzing)
    data, pagina = request.GET.dict(), uitkomst.vraag.pagina
    context.update(
        uitkomst=uitkomst,
        vorige=_query_string(data, pagina=str(pagina - 1)) if pagina > 1 else "",
        volgende=_query_string(data, pagina=str(pagina + 1)) if pagina < uitkomst.paginas else "",
        alle_versies_url=_query_string(data, versies="alle"),
    )
    return TemplateResponse(request, "regelgeving/zoeken.html", context)


@require_GET
def zoeken_api(request):
    """GET /api/zoeken/?q=…&regeling=…&peildatum=…&versies=alle&wet=…&soort=…&pagina=… (q or wet),
    and &gemeente=… to search another gemeente of this installation than the host's."""
    site = _site(request)
    if "gemeente" in request.GET:
        try:
            gemeenten = gemeenten_genoemd(request.GET["gemeente"])
        except ValueError as exc:
            fout = {"message": str(exc), "code": "invalid"}
            return JsonResponse({"fouten": {"gemeente": [fout]}}, status=400)
        if len(gemeenten) > 1:
            fout = {"message": "Zoek in één gemeente tegelijk.", "code": "invalid"}
            return JsonResponse({"fouten": {"gemeente": [fout]}}, status=400)
        gezocht = gemeenten[0].site
    else:
        gezocht = site
    form = ZoekForm(request.GET, site=gezocht)
    if not form.is_valid():
        return JsonResponse({"fouten": form.errors.get_json_data()}, status=400)
    if not form.cleaned_data.get("q") and not form.cleaned_data.get("wet"):
        # A law alone lists the articles based on it; nothing at all asks for nothing.
        fout = {"message": "Geef een zoekterm op.", "code": "required"}
        return JsonResponse({"fouten": {"q": [fout]}}, status=400)
    uitkomst = zoek(form.zoekvraag())
    vraag = uitkomst.vraag
    gemeente = gemeente_van_site(gezocht)
    return JsonResponse(
        {
            "vraag": {
                "q": vraag.q,
                "peildatum": vraag.peildatum.isoformat() if vraag.peildatum else None,
                "alle_versies": vraag.alle_versies,
                "regeling": vraag.regeling.slug if vraag.regeling else None,
                "wet": vraag.wet.afkorting if vraag.wet else None,
                "soort": vraag.soort or None,
                "verwijzing": uitkomst.parsed.citation.label() if uitkomst.parsed.citation else None,
            },
            "aantal": uitkomst.aantal,
            "meer_dan": uitkomst.meer_dan,  # there are more results than "aantal"; no page shows them
            "pagina": vraag.pagina,
            "paginas": uitkomst.paginas,
            "ruimer": uitkomst.ruimer,
            "meldingen": uitkomst.meldingen,
            "suggesties": uitkomst.suggesties,
            "doorverwijzing": _url(uitkomst.doorverwijzing, gezocht, site) or None,
            "gemeente": {"naam": gemeente.naam, "cbs_code": gemeente.cbs_code} if gemeente else None,
            "resultaten": [t.as_json() | {"url": _url(t.url, gezocht, site)} for t in uitkomst.resultaten],
        },
        json_dumps_params={"ensure_ascii": False},
    )


def _url(url: str, gezocht: Site, site: Site) -> str:
    """A link to a page of another site than the host's goes to that site's host; links to the
    host's own pages stay relative, as on its pages."""
    if gezocht.pk != site.pk and url.startswith("/"):
        return gezocht.root_url + url
    return url
