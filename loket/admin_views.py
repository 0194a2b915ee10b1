"""The loket's staff area in the Wagtail admin: submissions per flow, detail, status, CSV.

Only staff (each gemeente's `medewerkers` group, through its permissions) get in, and they see
the submissions of their own gemeenten only (loket/toegang.py): another gemeente's submission
is not found, and is in no list or export. Every view of a submission and every export is
written to Wagtail's audit log with the user.
"""

from __future__ import annotations

import csv
from datetime import datetime, time

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Q, Value, When
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from .choices import Status
from .flows import get_flow, statuses_of, submission_flows
from .flows.base import display_value
from .gemeente import gemeente_van
from .models import Inzending
from .toegang import zichtbaar

# Statuses in which a submission still waits for the loket; the rest is handled.
OPEN_STATUSES = (Status.ONTVANGEN, Status.IN_BEHANDELING)

VIEW, CHANGE, EXPORT = "loket.view_inzending", "loket.change_inzending", "loket.export_inzending"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


class FilterForm(forms.Form):
    flow = forms.ChoiceField(
        label="Formulier",
        choices=[("", "Alle")] + [(declared.slug, declared.label) for declared in submission_flows()],
        required=False,
    )
    status = forms.ChoiceField(label="Status", choices=[("", "Alle")] + Status.choices, required=False)
    vanaf = forms.DateField(
        label="Ingediend vanaf", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    tot = forms.DateField(
        label="Ingediend tot en met", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    referentie = forms.CharField(label="Referentienummer", required=False, max_length=40)
    spoed = forms.ChoiceField(
        label="Dringend",
        choices=[("", "Alle"), ("ja", "Alleen dringend"), ("nee", "Niet dringend")],
        required=False,
    )

    def filter(self, queryset):
        if not self.is_valid():
            return queryset.none()
        data = self.cleaned_data
        if data["flow"]:
            queryset = queryset.filter(flow=data["flow"])
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        tz = timezone.get_current_timezone()
        if data["vanaf"]:
            queryset = queryset.filter(ingediend_op__gte=datetime.combine(data["vanaf"], time.min, tz))
        if data["tot"]:
            queryset = queryset.filter(ingediend_op__lte=datetime.combine(data["tot"], time.max, tz))
        if data["referentie"]:
            queryset = queryset.filter(referentie__iexact=data["referentie"].strip())
        if data["spoed"]:
            queryset = queryset.filter(spoed=data["spoed"] == "ja")
        return queryset


def urgent_open_first(queryset):
    """Urgent submissions that are not yet handled on top; within each part the newest first."""
    urgent_open = Q(spoed=True, status__in=OPEN_STATUSES)
    return queryset.annotate(
        voorrang=Case(When(urgent_open, then=Value(0)), default=Value(1), output_field=IntegerField())
    ).order_by("voorrang", "-ingediend_op")


def inzendingen(request):
    _require(request, VIEW)
    form = FilterForm(request.GET or None)
    queryset = _van_medewerker(request).select_related("pagina").defer("gegevens")
    if request.GET:
        queryset = form.filter(queryset)
    page = Paginator(urgent_open_first(queryset), 25).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "loket/admin/inzendingen.html",
        {
            "form": form,
            "page_obj": page,
            "query": query.urlencode(),
            "kan_exporteren": request.user.has_perm(EXPORT),
        },
    )


def _van_medewerker(request):
    """The submissions of the user's gemeenten (a submission whose page was deleted: superusers)."""
    return zichtbaar(request.user, Inzending.objects.all(), "pagina__path")


class StatusForm(forms.Form):
    status = forms.ChoiceField(label="Status")

    def __init__(self, *args, flow: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, s.label) for s in statuses_of(flow)]


def _answers(inzending, gemeente=None):
    """The stored answers as (step title, [(label, value)]) for reading, with the labels of the
    gemeente's page (its name, its kernen)."""
    flow = get_flow(inzending.flow)
    gemeente = gemeente or gemeente_van(inzending.pagina)
    groups = []
    for step in flow.steps:
        data = inzending.gegevens.get(step.slug)
        if data is None:
            continue
        form = step.form(gemeente)
        rows = [(bf.label, display_value(bf, _typed(data.get(bf.name)))) for bf in form if bf.name in data]
        groups.append((step.title, rows))
    return groups


def _typed(value):
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return datetime.strptime(value, "%Y-%m-%d").date()
        except ValueError:
            return value
    return value


def inzending(request, pk: int):
    _require(request, VIEW)
    item = get_object_or_404(_van_medewerker(request).select_related("pagina", "versie"), pk=pk)
    log(instance=item, action="loket.bekeken", user=request.user)
    history = ModelLogEntry.objects.for_instance(item).select_related("user").order_by("-timestamp")[:50]
    return TemplateResponse(
        request,
        "loket/admin/inzending.html",
        {
            "inzending": item,
            "antwoorden": _answers(item),
            "status_form": StatusForm(flow=item.flow, initial={"status": item.status}),
            "kan_wijzigen": request.user.has_perm(CHANGE),
            "geschiedenis": history,
            "berichten": item.berichten.order_by("aangemaakt_op"),
        },
    )


@require_POST
def status_wijzigen(request, pk: int):
    _require(request, CHANGE)
    item = get_object_or_404(_van_medewerker(request), pk=pk)
    form = StatusForm(request.POST, flow=item.flow)
    if form.is_valid():
        oud = item.status_label()
        item.status = form.cleaned_data["status"]
        item.save(update_fields=["status"])
        log(
            instance=item,
            action="loket.status",
            user=request.user,
            data={"van": oud, "naar": item.status_label()},
        )
        messages.success(request, f"Status van {item.referentie} is nu ‘{item.status_label()}’.")
    else:
        messages.error(request, "Deze status past niet bij dit formulier.")
    return redirect("loket_inzending", pk=item.pk)


def export_csv(request):
    _require(request, EXPORT)
    form = FilterForm(request.GET or None)
    queryset = _van_medewerker(request).select_related("pagina")
    if request.GET:
        queryset = form.filter(queryset)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="inzendingen-{stamp}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM correctly
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        ["referentie", "formulier", "ingediend_op", "status", "geldende_regeling", "vraag", "antwoord"]
    )
    gemeenten = {}  # per flow page: one look-up, not one per submission
    for item in queryset.iterator(chunk_size=200):
        if item.pagina_id not in gemeenten:
            gemeenten[item.pagina_id] = gemeente_van(item.pagina)
        for step_title, rows in _answers(item, gemeenten[item.pagina_id]):
            for label, value in rows:
                writer.writerow(
                    [
                        item.referentie,
                        item.flow,
                        timezone.localtime(item.ingediend_op).isoformat(timespec="minutes"),
                        item.status_label(),
                        item.versie_titel,
                        f"{step_title}: {label}",
                        _csv_safe(value),
                    ]
                )
        log(instance=item, action="loket.geexporteerd", user=request.user)
    return response


def _csv_safe(value: str) -> str:
    """Keep spreadsheet programs from running a formula an inwoner typed."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
