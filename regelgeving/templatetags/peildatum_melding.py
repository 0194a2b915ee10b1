"""The date a person asked for with ?peildatum=, on the version (or article) that applied then.

`/regelgeving/<regeling>/?peildatum=…` redirects to the version in force on that date and
`/regelgeving/<regeling>/artikel/<nr>/?peildatum=…` shows the article of that version; both keep
the date in the query string, so the page can say "Op 15 oktober 2026 gold deze versie".
"""

from __future__ import annotations

from django import template
from django.utils import timezone

from .. import validity

register = template.Library()


@register.simple_tag(takes_context=True)
def gevraagde_peildatum(context) -> dict | None:
    """The well-formed ?peildatum= of this request when the version shown applied on it, else
    None: a date typed into the address of another version is not confirmed. `voorbij` tells
    whether the date has passed ("gold") or not ("geldt")."""
    request, info = context.get("request"), context.get("versie_info")
    value = request.GET.get("peildatum") if request is not None else None
    if not value or not info:
        return None
    try:
        peildatum = validity.parse_peildatum(value)
    except ValueError:
        return None
    vanaf, tot = info.get("vanaf"), info.get("tot")
    if (vanaf and peildatum < vanaf) or (tot and peildatum > tot):
        return None
    return {"datum": peildatum, "voorbij": peildatum < timezone.localdate()}
