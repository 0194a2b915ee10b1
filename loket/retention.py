"""How long the loket keeps personal data, and the purges that enforce it.

Submissions go when their flow page's retention period (FlowPage.bewaartermijn_dagen) has
passed, with their e-mails; sign-ups for Lochem spreekt that were not confirmed within the
confirmation period go with their address. Run daily, as commands or tasks (loket/tasks.py).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import FlowPage, Inzending, Panellid


def purge_submissions(now=None) -> dict[str, int]:
    """Delete submissions (with their messages) older than their flow page's retention period;
    returns the number deleted per flow."""
    now = now or timezone.now()
    deleted: dict[str, int] = {}
    with transaction.atomic():
        for page in FlowPage.objects.all():
            cutoff = now - timedelta(days=page.bewaartermijn_dagen)
            _, per_model = Inzending.objects.filter(pagina=page, ingediend_op__lt=cutoff).delete()
            # Only the submissions count; their e-mails go with them.
            deleted[page.flow] = deleted.get(page.flow, 0) + per_model.get("loket.Inzending", 0)
    return deleted


def purge_unconfirmed_members(now=None) -> int:
    """Sign-ups never confirmed within the confirmation period are deleted with their address."""
    # The same period as the confirmation link in the sign-up mail works (panel/links.py).
    cutoff = (now or timezone.now()) - timedelta(days=settings.LOKET_PANEL_CONFIRM_DAYS)
    _, per_model = Panellid.objects.filter(bevestigd_op__isnull=True, aangemeld_op__lt=cutoff).delete()
    return per_model.get("loket.Panellid", 0)
