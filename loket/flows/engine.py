"""The one flow engine: start, steps, summary, consent, confirmation. Works without JavaScript.

Every view takes the FlowPage and reads the flow's definition from it; all answers live in
the session (state.py) and are validated again before the summary and the submission.
"""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from .. import abuse
from ..intake import intake_for
from ..pipeline import DuplicateSubmission
from .base import Ineligible, display_value
from .state import FlowState

SUMMARY_PARAM = "terug"


class ConsentForm(forms.Form):
    toestemming = forms.BooleanField(
        error_messages={"required": "Geef toestemming om uw verzoek te kunnen versturen."},
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, flow, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["toestemming"].label = flow.consent_label


def _url(page, route: str = "", **kwargs) -> str:
    return page.url + page.reverse_subpage(route, kwargs=kwargs) if route else page.url


def _validate(flow, state: FlowState):
    """(cleaned answers per step, applicable steps, first step still to do or None)."""
    cleaned: dict[str, dict] = {}
    todo = None
    steps = flow.applicable_steps(cleaned)
    for step in flow.steps:
        steps = flow.applicable_steps(cleaned)
        if step not in steps:
            continue
        data = state.data_for(step.slug)
        form = step.form_class(data=data) if data is not None else None
        if form is None or not form.is_valid():
            todo = todo or step
            continue
        cleaned[step.slug] = form.cleaned_data
    return cleaned, flow.applicable_steps(cleaned), todo


def _context(page, flow, state=None, **extra):
    urgent = flow.urgent(state.answers) if state is not None else False
    return {"page": page, "self": page, "flow": flow, "urgent": urgent} | extra


def _progress(steps, current_index: int) -> dict:
    total = len(steps) + 2  # + controleren + versturen
    return {"nummer": current_index + 1, "totaal": total}


def start(request, page):
    flow = page.get_flow()
    state = FlowState(request, page)
    closed = flow.closed_message(page, timezone.localdate())
    if not state.is_new and not closed:
        _, steps, todo = _validate(flow, state)
        return redirect(_url(page, "stap", stap=todo.slug) if todo else _url(page, "controleren"))
    return TemplateResponse(
        request,
        "loket/flow_page.html",
        _context(
            page,
            flow,
            None,
            eerste_stap=_url(page, "stap", stap=flow.steps[0].slug),
            gesloten=closed,
            **intake_for(flow).start_context(page),
        ),
    )


def step(request, page, stap: str):
    flow = page.get_flow()
    state = FlowState(request, page)
    if flow.closed_message(page, timezone.localdate()):
        return redirect(page.url)
    cleaned, steps, todo = _validate(flow, state)
    slugs = [s.slug for s in steps]
    if stap not in slugs:
        # A step that does not apply (any more) or does not exist: back to where the inwoner is.
        if stap not in {s.slug for s in flow.steps}:
            raise Http404("Deze stap bestaat niet.")
        return redirect(_url(page, "stap", stap=todo.slug) if todo else _url(page, "controleren"))
    index = slugs.index(stap)
    current = steps[index]
    if todo and slugs.index(todo.slug) < index:
        return redirect(_url(page, "stap", stap=todo.slug))
    back_to_summary = request.GET.get(SUMMARY_PARAM) == "controleren"

    if request.method == "POST":
        form = current.form_class(data=request.POST)
        limited = abuse.rate_limited(request, "stap")
        if limited:
            return limited
        if form.is_valid():
            state.store(current.slug, request.POST, form.fields)
            cleaned[current.slug] = form.cleaned_data
            try:
                flow.check(page, cleaned)
            except Ineligible:
                return redirect(_url(page, "niet_mogelijk"))
            cleaned, steps, todo = _validate(flow, state)
            if back_to_summary and todo is None:
                return redirect(_url(page, "controleren"))
            if todo is not None:
                return redirect(_url(page, "stap", stap=todo.slug))
            return redirect(_url(page, "controleren"))
        status = 400
    elif request.method == "GET":
        form = current.form_class(initial=None, data=None)
        stored = state.data_for(current.slug)
        if stored is not None:
            form = current.form_class(initial=_initial(current.form_class, stored))
        status = 200
    else:
        return HttpResponseNotAllowed(["GET", "POST"])

    back = (
        _url(page, "controleren")
        if back_to_summary
        else (_url(page, "stap", stap=steps[index - 1].slug) if index > 0 else page.url)
    )
    return TemplateResponse(
        request,
        "loket/stap.html",
        _context(
            page,
            flow,
            state,
            stap=current,
            form=form,
            terug=back,
            voortgang=_progress(steps, index),
            actie=request.get_full_path(),
        ),
        status=status,
    )


def _initial(form_class, data) -> dict:
    """Stored raw values as form initial data (lists for multiple choice)."""
    form = form_class()
    initial = {}
    for name, field in form.fields.items():
        if isinstance(field, forms.MultipleChoiceField):
            initial[name] = data.getlist(name)
        elif name in data:
            initial[name] = data.get(name)
    return initial


def _ready_to_send(flow, page, state):
    """(cleaned answers, steps, None) when every step is answered and the flow may be sent
    today; otherwise a redirect to where the inwoner has to go instead."""
    if flow.closed_message(page, timezone.localdate()):
        return None, None, redirect(page.url)
    cleaned, steps, todo = _validate(flow, state)
    try:
        flow.check(page, cleaned)
    except Ineligible:
        return cleaned, steps, redirect(_url(page, "niet_mogelijk"))
    if todo is not None:
        return cleaned, steps, redirect(_url(page, "stap", stap=todo.slug))
    return cleaned, steps, None


def summary(request, page):
    flow = page.get_flow()
    state = FlowState(request, page)
    cleaned, steps, detour = _ready_to_send(flow, page, state)
    if detour:
        return detour
    groups = []
    for s in steps:
        form = s.form_class(data=state.data_for(s.slug))
        form.is_valid()
        rows = [
            (bf.label, display_value(bf, cleaned[s.slug].get(bf.name))) for bf in form if not bf.is_hidden
        ]
        wijzig = _url(page, "stap", stap=s.slug) + f"?{SUMMARY_PARAM}=controleren"
        groups.append({"stap": s, "rijen": rows, "wijzig": wijzig})
    return TemplateResponse(
        request,
        "loket/controleren.html",
        _context(
            page,
            flow,
            state,
            groepen=groups,
            voortgang=_progress(steps, len(steps)),
            terug=_url(page, "stap", stap=steps[-1].slug),
            verder=_url(page, "versturen"),
        ),
    )


def consent(request, page):
    flow = page.get_flow()
    state = FlowState(request, page)
    intake = intake_for(flow)

    if request.method == "POST":
        token = request.POST.get("token", "")
        # A second click, a refresh or a replay of this POST: show the first confirmation.
        earlier = state.reference_for_token(token) or (
            intake.reference_for_token(page, token) if token else None
        )
        if earlier:
            if token == state.token:
                # A concurrent second click loaded the answers before the first click cleared them.
                state.finish(earlier)
            else:
                state.remember(earlier)
            return redirect(_url(page, "bevestiging", referentie=earlier))

    cleaned, steps, detour = _ready_to_send(flow, page, state)
    if detour:
        return detour

    if request.method == "POST":
        form = ConsentForm(data=request.POST, flow=flow)
        refusal = abuse.check_submission(request, state)
        if refusal:
            return refusal
        if form.is_valid() and form.cleaned_data["token"] == state.token:
            try:
                flow.check(page, cleaned)
                referentie = intake.submit(page, flow, cleaned, token=state.token)
            except Ineligible:
                return redirect(_url(page, "niet_mogelijk"))
            except DuplicateSubmission as exc:
                return TemplateResponse(
                    request,
                    "loket/dubbel.html",
                    _context(page, flow, melding=exc.message),
                    status=409,
                )
            state.finish(referentie)
            return redirect(_url(page, "bevestiging", referentie=referentie))
        if form.is_valid():
            # A token from another (older) session of this browser: start from the summary again.
            return redirect(_url(page, "controleren"))
        status = 400
    else:
        form = ConsentForm(initial={"token": state.token}, flow=flow)
        status = 200
    state.save()
    return TemplateResponse(
        request,
        "loket/versturen.html",
        _context(
            page,
            flow,
            form=form,
            voortgang=_progress(steps, len(steps) + 1),
            terug=_url(page, "controleren"),
            honeypot=abuse.HONEYPOT_FIELD,
        ),
        status=status,
    )


def confirmation(request, page, referentie: str):
    flow = page.get_flow()
    state = FlowState(request, page)
    if referentie not in state.submitted:
        raise Http404("Deze bevestiging hoort niet bij deze browsersessie.")
    extra = intake_for(flow).confirmation_context(page, flow, referentie)
    if extra is None:
        raise Http404("Onbekend referentienummer.")
    return TemplateResponse(request, flow.confirmation_template, _context(page, flow, **extra))


def not_eligible(request, page):
    flow = page.get_flow()
    state = FlowState(request, page)
    cleaned, _, _ = _validate(flow, state)
    try:
        flow.check(page, cleaned)
    except Ineligible as exc:
        return TemplateResponse(
            request,
            "loket/niet_mogelijk.html",
            _context(
                page,
                flow,
                melding=exc.message,
                link=exc.link,
                terug=_url(page, "stap", stap=flow.steps[0].slug),
            ),
        )
    return redirect(page.url)
