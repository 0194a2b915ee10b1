"""Public pages of the inwonerspanel: confirm, leave, answer a peiling, results. Thin views; the
work is in membership.py, answers.py and results.py."""

from __future__ import annotations

from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Site

from regelgeving.gemeenten import gemeente_van_request

from ..flows.inwonerspanel import InwonerspanelFlow
from ..models import FlowPage, Uitnodiging
from . import answers, links, membership, results
from .invitations import invitation_for

# -- membership ---------------------------------------------------------------------------


def bevestigen(request, token: str):
    """GET shows a button (mail scanners open links), POST confirms the sign-up."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    gemeente = gemeente_van_request(request)
    if request.method == "GET":
        uitkomst = membership.confirmation_link(token, gemeente)
    else:
        uitkomst = membership.confirm(token, gemeente)
    return _page(request, "loket/panel/bevestigen.html", uitkomst.status)


@csrf_exempt  # the signed link is the proof; mail programs POST here for one-click leaving (RFC 8058)
def afmelden(request, token: str):
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    lid, link = membership.member_for_link(token, links.LEAVE, gemeente_van_request(request))
    if lid is None:
        # A good signature without a member: this member left already.
        return _page(request, "loket/panel/afmelden.html", "al_afgemeld" if link == "geldig" else "ongeldig")
    if request.method == "GET":
        return _page(request, "loket/panel/afmelden.html", "vraag")
    membership.leave(lid)
    return _page(request, "loket/panel/afmelden.html", "afgemeld")


def oude_link(request, panel: str, doel: str, token: str):
    """A link from a mail sent before the panel's address was neutral: /<panel naam>/<doel>/...
    goes on to /inwonerspanel/<doel>/... on the same site (307 keeps a one-click POST a POST).
    Only the panel name of the host's own gemeente is such an address; anything else is 404."""
    gemeente = gemeente_van_request(request)
    if gemeente is None or not gemeente.panel_naam or slugify(gemeente.panel_naam) != panel:
        raise Http404("Deze pagina bestaat niet.")
    return HttpResponseRedirect(reverse(f"panel_{doel}", args=[token]), status=307)


STATUS_CODES = {"ongeldig": 404, "verlopen": 410}


def _page(request, template: str, status: str, **context):
    site = Site.find_for_request(request)
    signups = FlowPage.objects.live().filter(flow=InwonerspanelFlow.slug)
    signup = signups.descendant_of(site.root_page).first() if site else None
    context = {"status": status, "aanmelden_url": signup.get_url(request) if signup else "/", **context}
    return TemplateResponse(request, template, context, status=STATUS_CODES.get(status, 200))


# -- a peiling (routes of PeilingPage) -----------------------------------------------------


STOPPED_PARAM = "gestopt"


def _subpage(peiling, route: str, token: str) -> str:
    return peiling.url + peiling.reverse_subpage(route, kwargs={"token": token})


def peiling_overzicht(request, peiling):
    openbaar = peiling.resultaten_openbaar()
    return TemplateResponse(
        request,
        "loket/peiling_page.html",
        {
            "page": peiling,
            "self": peiling,
            "uitslag": results.uitslag(peiling) if openbaar else None,
            "vrijgave": peiling.vrijgave_of_none(),
            "vandaag": timezone.localdate(),
            "gestopt": bool(request.GET.get(STOPPED_PARAM)),
        },
    )


def peiling_invullen(request, peiling, token: str):
    uitnodiging = invitation_for(peiling, token)
    context = {"page": peiling, "self": peiling, "stoppen": _subpage(peiling, "stoppen", token)}
    if uitnodiging is None:
        return TemplateResponse(
            request, "loket/panel/invullen_niet.html", context | {"reden": "onbekend"}, status=404
        )
    if request.method == "POST" and uitnodiging.status == Uitnodiging.UITGENODIGD:
        if not peiling.is_open():
            return _not_open(request, peiling, context)
        if "niet_meedoen" in request.POST:
            try:
                answers.decline(peiling, token)
            except answers.AlGebruikt:
                pass
            return redirect(request.path)
        form = answers.form_class(peiling)(data=request.POST)
        if form.is_valid():
            try:
                answers.answer(peiling, token, form.cleaned_data)
            except answers.AlGebruikt:
                pass  # a second click: the first one stored the answers
            return redirect(request.path)
        return TemplateResponse(request, "loket/panel/invullen.html", context | {"form": form}, status=400)
    if request.method == "POST":
        reden = uitnodiging.status
        return TemplateResponse(
            request, "loket/panel/invullen_niet.html", context | {"reden": reden}, status=409
        )
    if uitnodiging.status != Uitnodiging.UITGENODIGD:
        return TemplateResponse(
            request, "loket/panel/invullen_niet.html", context | {"reden": uitnodiging.status}
        )
    if not peiling.is_open():
        return _not_open(request, peiling, context)
    form = answers.form_class(peiling)()
    return TemplateResponse(request, "loket/panel/invullen.html", context | {"form": form})


def peiling_stoppen(request, peiling, token: str):
    """ "Stoppen en gegevens wissen" under the questions, as in the flows: GET asks first, POST
    leaves for the peiling's page, which says so. Unlike "Ik doe deze keer niet mee" the
    invitation stays open. A peiling keeps nothing before "Verstuur mijn antwoorden" (the form
    goes in one POST into an encrypted Respons): the session holds nothing of this invitation,
    so what is wiped is what the inwoner typed, which leaving the form discards."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    uitnodiging = invitation_for(peiling, token)
    if uitnodiging is None:
        context = {"page": peiling, "self": peiling, "reden": "onbekend"}
        return TemplateResponse(request, "loket/panel/invullen_niet.html", context, status=404)
    invullen = _subpage(peiling, "invullen", token)
    if uitnodiging.status != Uitnodiging.UITGENODIGD or not peiling.is_open():
        return redirect(invullen)  # nothing to stop: that page says why
    if request.method == "POST":
        return redirect(f"{peiling.url}?{STOPPED_PARAM}=1")
    return TemplateResponse(
        request, "loket/panel/stoppen.html", {"page": peiling, "self": peiling, "terug": invullen}
    )


def _not_open(request, peiling, context):
    reden = "nog_niet_open" if timezone.localdate() < peiling.open_vanaf else "gesloten"
    return TemplateResponse(request, "loket/panel/invullen_niet.html", context | {"reden": reden}, status=403)


def peiling_resultaten_vooraf(request, peiling, sleutel: str):
    """The participant's own link from the results e-mail: works before the embargo ends."""
    value = links.read_results_key(sleutel, peiling.get_parent().specific.gemeente())
    vrijgave = peiling.vrijgave_of_none()
    if not value or value.get("p") != peiling.pk or vrijgave is None:
        return TemplateResponse(
            request, "loket/panel/invullen_niet.html", {"page": peiling, "reden": "onbekend"}, status=404
        )
    return TemplateResponse(
        request,
        "loket/peiling_page.html",
        {
            "page": peiling,
            "self": peiling,
            "uitslag": results.uitslag(peiling),
            "vrijgave": vrijgave,
            "vooraf": not peiling.resultaten_openbaar(),
            "vandaag": timezone.localdate(),
        },
    )
