"""Where an inwoner is in a flow, found by validating every stored answer again: the summary and
the submission never rely on what a step said earlier."""

from __future__ import annotations

from dataclasses import dataclass

from django import forms

from ..flows.base import Flow, Step
from .state import FlowState


@dataclass
class Progress:
    forms: dict[str, forms.Form]  # the validated form of each step answered validly
    steps: list[Step]  # the steps that apply to these answers, in order
    todo: Step | None  # the first step still to answer; None when every step is answered

    @property
    def cleaned(self) -> dict[str, dict]:
        """The valid answers, per step."""
        return {slug: form.cleaned_data for slug, form in self.forms.items()}

    @property
    def slugs(self) -> list[str]:
        return [s.slug for s in self.steps]


def validate(flow: Flow, state: FlowState) -> Progress:
    gemeente = state.page.gemeente()
    valid: dict[str, forms.Form] = {}
    cleaned: dict[str, dict] = {}
    todo = None
    for step in flow.steps:
        # Whether a step applies depends on the answers before it, so ask again at each step.
        if step not in flow.applicable_steps(cleaned):
            continue
        data = state.data_for(step.slug)
        form = step.form(gemeente, data=data) if data is not None else None
        if form is None or not form.is_valid():
            todo = todo or step
            continue
        valid[step.slug], cleaned[step.slug] = form, form.cleaned_data
    return Progress(valid, flow.applicable_steps(cleaned), todo)


def initial_data(form_class: type[forms.Form], data) -> dict:
    """Stored raw values as form initial data (lists for multiple choice)."""
    initial = {}
    for name, field in form_class().fields.items():
        if isinstance(field, forms.MultipleChoiceField):
            initial[name] = data.getlist(name)
        elif name in data:
            initial[name] = data.get(name)
    return initial
