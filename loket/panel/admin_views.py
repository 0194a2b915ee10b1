"""Staff area of the inwonerspanel in the Wagtail admin: the panel overview, inviting members to a
peiling, choosing open answers and releasing results. Every action goes to the audit log.

Staff see the panels of their own gemeenten only (loket/toegang.py): a peiling of another
gemeente is not found."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.log_actions import log

from ..choices import LEEFTIJDSGROEPEN
from ..gemeente import gemeente_van
from ..models import Panellid, PeilingPage
from ..toegang import gekozen_gemeente, gemeenten_van, zichtbaar
from . import invitations, overview, results

BEHEER = "loket.beheer_panel"


def _require(request):
    if not request.user.has_perm(BEHEER):
        raise PermissionDenied


def _peiling(request, pk: int) -> PeilingPage:
    """The peiling, when it belongs to one of the user's gemeenten; else 404."""
    return get_object_or_404(zichtbaar(request.user, PeilingPage.objects.all(), "path"), pk=pk)


def panel(request):
    _require(request)
    gemeente = gekozen_gemeente(request)
    if gemeente is None:
        raise PermissionDenied
    leden = Panellid.objects.filter(gemeente=gemeente)
    return TemplateResponse(
        request,
        "loket/admin/panel.html",
        {
            "panel_gemeente": gemeente,
            "gemeenten": gemeenten_van(request.user),
            "leden": leden.filter(bevestigd_op__isnull=False).count(),
            "onbevestigd": leden.filter(bevestigd_op__isnull=True).count(),
            "naar_leeftijd": overview.composition("leeftijdsgroep", gemeente),
            "naar_kern": overview.composition("kern", gemeente),
            "uitnodigingen": overview.invitations_this_year(gemeente),
            "peilingen": PeilingPage.objects.descendant_of(gemeente.site.root_page).order_by("-open_vanaf"),
            "jaar": timezone.localdate().year,
        },
    )


class SelectieForm(forms.Form):
    kernen = forms.MultipleChoiceField(
        label="Kernen",
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Niets aangevinkt: alle kernen.",
    )
    leeftijdsgroepen = forms.MultipleChoiceField(
        label="Leeftijdsgroepen",
        choices=LEEFTIJDSGROEPEN,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Niets aangevinkt: alle leeftijden.",
    )

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kernen"].choices = gemeente.kern_keuzes() if gemeente else []

    def selectie(self) -> invitations.Selectie:
        return invitations.Selectie(
            kernen=self.cleaned_data["kernen"], leeftijdsgroepen=self.cleaned_data["leeftijdsgroepen"]
        )


def uitnodigen(request, pk: int):
    _require(request)
    peiling = _peiling(request, pk)
    # "bekijk" marks a submitted form: with nothing ticked it means the whole panel.
    data = request.POST if request.method == "POST" else request.GET
    form = SelectieForm(data if "bekijk" in data else None, gemeente=gemeente_van(peiling))
    closed = peiling.is_gesloten() or not peiling.live
    if request.method == "POST" and form.is_valid() and not closed:
        ronde = invitations.invite(peiling, form.selectie())
        log(
            instance=peiling,
            action="loket.uitgenodigd",
            user=request.user,
            data={"uitgenodigd": ronde.uitgenodigd, "maximum_bereikt": ronde.maximum_bereikt},
        )
        messages.success(request, _summary(ronde, done=True))
        return redirect(f"{reverse('panel_overzicht')}?gemeente={gemeente_van(peiling).pk}")
    preview = invitations.preview(peiling, form.selectie()) if form.is_bound and form.is_valid() else None
    return TemplateResponse(
        request,
        "loket/admin/uitnodigen.html",
        {
            "peiling": peiling,
            "form": form,
            "preview": preview,
            "samenvatting": _summary(preview, done=False) if preview else "",
            "gesloten": closed,
        },
    )


def _summary(ronde, done: bool) -> str:
    verb = "kregen een uitnodiging" if done else "krijgen een uitnodiging"
    text = f"{ronde.uitgenodigd} leden {verb}."
    if ronde.maximum_bereikt:
        text += (
            f" {ronde.maximum_bereikt} leden {'zijn' if done else 'worden'} overgeslagen: "
            "zij kregen dit jaar al vier uitnodigingen."
        )
    if ronde.al_uitgenodigd:
        text += f" {ronde.al_uitgenodigd} leden waren al uitgenodigd voor deze peiling."
    return text


class VrijgaveForm(forms.Form):
    embargo_datum = forms.DateField(
        label="Openbaar vanaf (datum)",
        # A date input takes and shows only ISO dates; the Dutch 08-12-2026 would show it empty.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text="Deelnemers krijgen de resultaten nu per e-mail; de openbare pagina volgt op dit moment.",
    )
    embargo_tijd = forms.TimeField(
        label="Tijd", initial=time(9, 0), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def embargo(self) -> datetime:
        return datetime.combine(
            self.cleaned_data["embargo_datum"],
            self.cleaned_data["embargo_tijd"],
            timezone.get_current_timezone(),
        )


def resultaten(request, pk: int):
    _require(request)
    peiling = _peiling(request, pk)
    vrijgave_form = VrijgaveForm(initial={"embargo_datum": timezone.localdate() + timedelta(days=2)})
    return TemplateResponse(
        request,
        "loket/admin/peiling_resultaten.html",
        {
            "peiling": peiling,
            "page": peiling,
            "uitslag": results.uitslag(peiling),
            "open_antwoorden": results.open_answers(peiling),
            "vrijgave": peiling.vrijgave_of_none(),
            "vrijgave_form": vrijgave_form,
            "gesloten": peiling.is_gesloten(),
        },
    )


@require_POST
def open_antwoorden_kiezen(request, pk: int):
    _require(request)
    peiling = _peiling(request, pk)
    chosen = set()
    for value in request.POST.getlist("uitgelicht"):
        respons, _, vraag = value.partition(":")
        if respons.isdigit() and vraag:
            chosen.add((int(respons), vraag))
    results.select_open_answers(peiling, chosen)
    log(instance=peiling, action="loket.antwoorden_gekozen", user=request.user, data={"aantal": len(chosen)})
    messages.success(request, "De keuze van open antwoorden is opgeslagen.")
    return redirect("panel_resultaten", pk=peiling.pk)


@require_POST
def vrijgeven(request, pk: int):
    _require(request)
    peiling = _peiling(request, pk)
    form = VrijgaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Vul een geldige datum en tijd in voor de openbare publicatie.")
        return redirect("panel_resultaten", pk=peiling.pk)
    try:
        gemaild = results.release(peiling, form.embargo())
    except results.KanNietVrijgeven as exc:
        messages.error(request, str(exc))
        return redirect("panel_resultaten", pk=peiling.pk)
    log(
        instance=peiling,
        action="loket.vrijgegeven",
        user=request.user,
        data={"deelnemers_gemaild": gemaild, "openbaar_vanaf": form.embargo().isoformat()},
    )
    messages.success(
        request,
        f"Resultaten vrijgegeven: {gemaild} deelnemers krijgen ze per e-mail. De openbare pagina volgt op "
        f"{timezone.localtime(form.embargo()):%d-%m-%Y %H:%M}.",
    )
    return redirect("panel_resultaten", pk=peiling.pk)
