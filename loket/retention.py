"""How long the loket keeps personal data, and the purges that enforce it.

Submissions go when their flow page's retention period (FlowPage.bewaartermijn_dagen) has
passed, or their flow's default period (Flow.bewaartermijn_dagen) when the page was deleted,
with their e-mails and the development mail files (loket/mail_files.py); sign-ups for the
inwonerspanel that were not confirmed within the confirmation period go with their address. Run
daily, as commands or tasks (loket/tasks.py).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import mail_files
from .flows import FLOWS
from .flows.base import DEFAULT_BEWAARTERMIJN_DAGEN
from .models import FlowPage, Inzending, Panellid


def _expired_submissions(now):
    """(flow, submissions past their period) per flow page, then per flow for deleted pages."""
    for page in FlowPage.objects.all():
        cutoff = now - timedelta(days=page.bewaartermijn_dagen)
        yield page.flow, Inzending.objects.filter(pagina=page, ingediend_op__lt=cutoff)
    orphans = Inzending.objects.filter(pagina__isnull=True)
    for flow in orphans.values_list("flow", flat=True).distinct().order_by("flow"):
        flow_class = FLOWS.get(flow)
        days = flow_class.bewaartermijn_dagen if flow_class else DEFAULT_BEWAARTERMIJN_DAGEN
        yield flow, orphans.filter(flow=flow, ingediend_op__lt=now - timedelta(days=days))


def purge_submissions(now=None) -> dict[str, int]:
    """Delete submissions (with their messages and mail files) older than their retention period;
    returns the number deleted per flow."""
    now = now or timezone.now()
    deleted: dict[str, int] = {}
    referenties: list[str] = []
    with transaction.atomic():
        for flow, expired in _expired_submissions(now):
            referenties += expired.values_list("referentie", flat=True)
            _, per_model = expired.delete()
            # Only the submissions count; their e-mails go with them.
            deleted[flow] = deleted.get(flow, 0) + per_model.get("loket.Inzending", 0)
    mail_files.remove_for(referenties)  # only once the rows are gone for good
    return deleted


def purge_unconfirmed_members(now=None) -> int:
    """Sign-ups never confirmed within the confirmation period are deleted with their address
    and their mail files."""
    # The same period as the confirmation link in the sign-up mail works (panel/links.py).
    cutoff = (now or timezone.now()) - timedelta(days=settings.LOKET_PANEL_CONFIRM_DAYS)
    with transaction.atomic():
        expired = Panellid.objects.filter(bevestigd_op__isnull=True, aangemeld_op__lt=cutoff)
        referenties = list(expired.values_list("referentie", flat=True))
        _, per_model = expired.delete()
    mail_files.remove_for(referenties)
    return per_model.get("loket.Panellid", 0)
