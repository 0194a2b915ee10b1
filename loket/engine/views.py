"""The views of the flow engine, one per FlowPage route: start, step, summary, consent,
confirmation, "not possible", "stop and wipe" and "more time".

Every view takes the FlowPage and reads the flow's declaration from it; all answers live in
the session (state.py) and are validated again (progress.py) before the summary and the
submission. What consent stores is the intake's work (loket/intake.py).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from .. import abuse
from ..flows.base import Ineligible, display_value
from ..intake import intake_for
from ..pipeline import DuplicateSubmission
from .progress import Progress, initial_data, validate
from .state import FlowState, warning_seconds

SUMMARY_PARAM = "terug"
EXPIRED_PARAM = "verlopen"
WIPED_PARAM = "gewist"
RESTART_FIELD = "opnieuw"  # "Opnieuw beginnen" on the start page: wipe, then the first step


class ConsentForm(forms.Form):
    toestemming = forms.BooleanField(
        error_messages={"required": "Geef toestemming om uw verzoek te kunnen versturen."},
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, flow, page, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["toestemming"].label = flow.consent(page)


# -- shared helpers ------------------------------------------------------------------------------


def _here(page) -> str:
    """The page's address on its own site, without the host: requests come to that site, and a
    host in a redirect could send the resident to another alias of it (without their session)."""
    return page.relative_url(page.get_site())


def _url(page, route: str = "", **kwargs) -> str:
    return _here(page) + page.reverse_subpage(route, kwargs=kwargs) if route else _here(page)


def _step_url(page, step) -> str:
    return _url(page, "stap", stap=step.slug)


def _continue_url(page, progress: Progress) -> str:
    """The first step still to answer, or the summary when every step is answered."""
    return _step_url(page, progress.todo) if progress.todo else _url(page, "controleren")


def _context(page, flow, state=None, **extra):
    urgent = flow.urgent(state.answers) if state is not None else False
    return {
        "page": page,
        "self": page,
        "flow": flow,
        "urgent": urgent,
        # Every page of a flow says how long answers are kept and offers to stop and wipe them.
        "bewaar_minuten": settings.LOKET_FLOW_TIMEOUT_MINUTES,
        "stoppen": _url(page, "stoppen"),
        "verloop": _timeout_warning(page, state),
    } | extra


def _timeout_warning(page, state) -> dict | None:
    """What site/static/js/verloop.js needs to warn before the answers time out and to offer
    more time (WCAG 2.2.1); None on a page with no answers to lose."""
    seconds_left = state.seconds_left() if state is not None else None
    if seconds_left is None:
        return None
    return {
        "seconden": seconds_left,
        "waarschuwing": warning_seconds(),
        "waarschuwing_minuten": settings.LOKET_FLOW_WARNING_MINUTES,
        "verlengen": _url(page, "verlengen"),
    }


def _progress_bar(steps, current_index: int) -> dict:
    total = len(steps) + 2  # + controleren + versturen
    return {"nummer": current_index + 1, "totaal": total}


def _ineligible(flow, page, cleaned) -> bool:
    try:
        flow.check(page, cleaned)
    except Ineligible:
        return True
    return False


def _start_over(page, state) -> HttpResponseRedirect | None:
    """To the start page, which says why, when the answers were wiped for inactivity."""
    if state.expired and state.is_new:
        return redirect(f"{_here(page)}?{EXPIRED_PARAM}=1")
    return None


def _ready_to_send(flow, page, state) -> tuple[Progress | None, HttpResponseRedirect | None]:
    """(progress, None) when every step is answered and the flow may be sent today; otherwise
    (progress, a redirect to where the inwoner has to go instead)."""
    if flow.closed_message(page, timezone.localdate()):
        return None, redirect(_here(page))
    progress = validate(flow, state)
    if _ineligible(flow, page, progress.cleaned):
        return progress, redirect(_url(page, "niet_mogelijk"))
    if progress.todo is not None:
        return progress, redirect(_step_url(page, progress.todo))
    return progress, None


# -- start -----------------------------------------------------------------------------------------


def start(request, page):
    """The flow's page; to someone who started it already it offers to carry on or begin again."""
    flow = page.get_flow()
    state = FlowState(request, page)
    closed = flow.closed_message(page, timezone.localdate())
    verdergaan = None if state.is_new or closed else _continue_url(page, validate(flow, state))
    return TemplateResponse(
        request,
        "loket/flow_page.html",
        _context(
            page,
            flow,
            None,
            eerste_stap=_step_url(page, flow.steps[0]),
            gesloten=closed,
            verdergaan=verdergaan,
            verlopen_na=settings.LOKET_FLOW_TIMEOUT_MINUTES if request.GET.get(EXPIRED_PARAM) else None,
            gewist=bool(request.GET.get(WIPED_PARAM)),
            **intake_for(flow).start_context(page),
        ),
    )


# -- one question step -----------------------------------------------------------------------------


def step(request, page, stap: str):
    flow = page.get_flow()
    state = FlowState(request, page)
    if flow.closed_message(page, timezone.localdate()):
        return redirect(_here(page))
    expired = _start_over(page, state)
    if expired:
        return expired
    progress = validate(flow, state)
    detour = _detour_from_step(page, flow, progress, stap)
    if detour is not None:
        return detour
    current = progress.steps[progress.slugs.index(stap)]
    if request.method == "POST":
        return _answer_step(request, page, flow, state, progress, current)
    if request.method == "GET":
        return _show_step(request, page, flow, state, progress, current, _stored_form(page, current, state))
    return HttpResponseNotAllowed(["GET", "POST"])


def _detour_from_step(page, flow, progress: Progress, stap: str):
    """A redirect when the inwoner cannot be at `stap` now, else None."""
    if stap not in progress.slugs:
        # A step that does not apply (any more) or does not exist: back to where the inwoner is.
        if stap not in {s.slug for s in flow.steps}:
            raise Http404("Deze stap bestaat niet.")
        return redirect(_continue_url(page, progress))
    if progress.todo and progress.slugs.index(progress.todo.slug) < progress.slugs.index(stap):
        # An earlier step is still to answer.
        return redirect(_step_url(page, progress.todo))
    return None


def _answer_step(request, page, flow, state, progress: Progress, current):
    form = current.form(page.gemeente(), data=request.POST)
    limited = abuse.rate_limited(request, "stap")
    if limited:
        return limited
    if not form.is_valid():
        return _show_step(request, page, flow, state, progress, current, form, status=400)
    state.store(current.slug, request.POST, form.fields)
    if _ineligible(flow, page, progress.cleaned | {current.slug: form.cleaned_data}):
        return redirect(_url(page, "niet_mogelijk"))
    # On to the next step still to answer, or back to the summary (also after a "wijzig" link).
    return redirect(_continue_url(page, validate(flow, state)))


def _stored_form(page, current, state):
    """The step's form, filled in with what the inwoner answered before (if anything)."""
    stored = state.data_for(current.slug)
    if stored is None:
        return current.form(page.gemeente(), initial=None, data=None)
    return current.form(page.gemeente(), initial=initial_data(current.form_class, stored))


def _show_step(request, page, flow, state, progress: Progress, current, form, status: int = 200):
    index = progress.steps.index(current)
    return TemplateResponse(
        request,
        "loket/stap.html",
        _context(
            page,
            flow,
            state,
            stap=current,
            stap_intro=current.intro_voor(page.gemeente()),
            form=form,
            terug=_back_url(request, page, progress.steps, index),
            voortgang=_progress_bar(progress.steps, index),
            actie=request.get_full_path(),
        ),
        status=status,
    )


def _back_url(request, page, steps, index: int) -> str:
    """Back to the summary when the inwoner came from its "wijzig" link, else the step before."""
    if request.GET.get(SUMMARY_PARAM) == "controleren":
        return _url(page, "controleren")
    return _step_url(page, steps[index - 1]) if index > 0 else _here(page)


# -- summary ---------------------------------------------------------------------------------------


def summary(request, page):
    flow = page.get_flow()
    state = FlowState(request, page)
    expired = _start_over(page, state)
    if expired:
        return expired
    progress, detour = _ready_to_send(flow, page, state)
    if detour:
        return detour
    steps = progress.steps
    groups = []
    for s in steps:
        form = progress.forms[s.slug]  # every step is answered, and already validated
        rows = [
            (bf.label, display_value(bf, form.cleaned_data.get(bf.name))) for bf in form if not bf.is_hidden
        ]
        wijzig = _step_url(page, s) + f"?{SUMMARY_PARAM}=controleren"
        groups.append({"stap": s, "rijen": rows, "wijzig": wijzig})
    return TemplateResponse(
        request,
        "loket/controleren.html",
        _context(
            page,
            flow,
            state,
            groepen=groups,
            voortgang=_progress_bar(steps, len(steps)),
            terug=_step_url(page, steps[-1]),
            verder=_url(page, "versturen"),
        ),
    )


# -- consent: the final POST -----------------------------------------------------------------------


def consent(request, page):
    flow = page.get_flow()
    state = FlowState(request, page)
    intake = intake_for(flow)
    if request.method == "POST":
        replay = _replayed_submission(request, page, intake, state)
        if replay is not None:
            return replay
    expired = _start_over(page, state)
    if expired:
        return expired
    progress, detour = _ready_to_send(flow, page, state)
    if detour:
        return detour
    if request.method == "POST":
        return _give_consent(request, page, flow, intake, state, progress)
    form = ConsentForm(initial={"token": state.token}, flow=flow, page=page)
    return _show_consent(request, page, flow, state, form, progress.steps)


def _replayed_submission(request, page, intake, state):
    """A second click, a refresh or a replay of this POST: a redirect to the first confirmation,
    or None when this token submitted nothing yet."""
    token = request.POST.get("token", "")
    earlier = state.reference_for_token(token) or (
        intake.reference_for_token(page, token) if token else None
    )
    if not earlier:
        return None
    if token == state.token:
        # A concurrent second click loaded the answers before the first click cleared them.
        state.finish(earlier)
    else:
        state.remember(earlier)
    return redirect(_url(page, "bevestiging", referentie=earlier))


def _give_consent(request, page, flow, intake, state, progress: Progress):
    form = ConsentForm(data=request.POST, flow=flow, page=page)
    limited = abuse.rate_limited(request, "versturen")
    if limited:
        return limited
    # What the person can correct comes first; the bot checks only look at a valid form.
    if not form.is_valid():
        return _show_consent(request, page, flow, state, form, progress.steps, status=400)
    if abuse.honeypot_filled(request):
        return abuse.honeypot_refusal(request, terug=_url(page, "controleren"))
    if form.cleaned_data["token"] != state.token:
        # A token from another (older) session of this browser: start from the summary again.
        return redirect(_url(page, "controleren"))
    if abuse.too_fast(state):
        # Perhaps a bot, perhaps a quick person: ask to check and send again, answers kept.
        form.add_error(None, abuse.TOO_FAST_MESSAGE)
        return _show_consent(request, page, flow, state, form, progress.steps, status=400)
    return _submit(request, page, flow, intake, state, progress.cleaned)


def _submit(request, page, flow, intake, state, cleaned):
    """Store the answers (checked once more) and show the confirmation."""
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


def _show_consent(request, page, flow, state, form, steps, status: int = 200):
    state.save()
    return TemplateResponse(
        request,
        "loket/versturen.html",
        _context(
            page,
            flow,
            state,
            form=form,
            voortgang=_progress_bar(steps, len(steps) + 1),
            terug=_url(page, "controleren"),
            honeypot=abuse.HONEYPOT_FIELD,
        ),
        status=status,
    )


# -- afterwards ------------------------------------------------------------------------------------


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
    try:
        flow.check(page, validate(flow, state).cleaned)
    except Ineligible as exc:
        return TemplateResponse(
            request,
            "loket/niet_mogelijk.html",
            _context(
                page,
                flow,
                melding=exc.message,
                link=exc.link,
                grondslag=exc.grondslag,
                terug=_step_url(page, flow.steps[0]),
            ),
        )
    return redirect(_here(page))


# -- stop and wipe ---------------------------------------------------------------------------------


def stop(request, page):
    """GET: ask whether to stop. POST: the answers of this flow are gone from the session, and
    the inwoner is on the start page with a notice, or (``opnieuw``) on the first step."""
    flow = page.get_flow()
    state = FlowState(request, page)
    if request.method == "POST":
        state.clear()
        if request.POST.get(RESTART_FIELD):
            return redirect(_step_url(page, flow.steps[0]))
        return redirect(f"{_here(page)}?{WIPED_PARAM}=1")
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    if state.is_new:
        return redirect(_here(page))  # nothing to wipe
    return TemplateResponse(
        request,
        "loket/stoppen.html",
        _context(page, flow, terug=_continue_url(page, validate(flow, state))),
    )


# -- more time -------------------------------------------------------------------------------------


def extend(request, page):
    """POST from the timeout warning's "Ik heb meer tijd nodig" (verloop.js): the answers are
    sealed again, so the inactivity timeout counts from now. JSON with the seconds the answers
    now have; 410 when there are none (they timed out, were wiped, or this session never had any)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    state = FlowState(request, page)  # opening the answers seals them again
    seconds_left = state.seconds_left()
    if seconds_left is None:
        return JsonResponse({"verlengd": False}, status=410)
    return JsonResponse({"verlengd": True, "seconden": seconds_left})
