"""Inviting members to a peiling: at most four invitations a member a calendar year.

The rule is enforced here (members who reached it are left out and counted) and by the
database (volgnummer 1 to 4, unique per member and year), so two editors inviting at the
same moment cannot push anyone to a fifth.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from ..gemeente import gemeente_van
from ..models import Bericht, PanelContact, Panellid, Uitnodiging
from ..models.panel import MAX_INVITATIONS_PER_YEAR
from ..tasks import send_waiting_after_commit
from . import mail

BATCH = 1000


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class Selectie:
    kernen: list[str] = field(default_factory=list)  # empty: every kern
    leeftijdsgroepen: list[str] = field(default_factory=list)  # empty: every age group

    def members(self, peiling):
        """The selected confirmed members of the peiling's own gemeente (never another's)."""
        members = Panellid.objects.filter(gemeente=gemeente_van(peiling), bevestigd_op__isnull=False)
        if self.kernen:
            members = members.filter(kern__in=self.kernen)
        if self.leeftijdsgroepen:
            members = members.filter(leeftijdsgroep__in=self.leeftijdsgroepen)
        return members


@dataclass
class Ronde:
    geselecteerd: int = 0
    uitgenodigd: int = 0
    al_uitgenodigd: int = 0  # for this peiling, earlier
    maximum_bereikt: int = 0  # four invitations this year already


def _plan(peiling, selectie: Selectie, jaar: int):
    members = selectie.members(peiling)
    ids = list(members.values_list("pk", flat=True))
    already = set(
        Uitnodiging.objects.filter(peiling=peiling, lid__in=members).values_list("lid_id", flat=True)
    )
    used = dict(
        Uitnodiging.objects.filter(jaar=jaar, lid__in=members)
        .values("lid_id")
        .annotate(n=Max("volgnummer"))
        .values_list("lid_id", "n")
    )
    ronde = Ronde(geselecteerd=len(ids))
    todo = []
    for pk in ids:
        if pk in already:
            ronde.al_uitgenodigd += 1
        elif used.get(pk, 0) >= MAX_INVITATIONS_PER_YEAR:
            ronde.maximum_bereikt += 1
        else:
            todo.append((pk, used.get(pk, 0) + 1))
    ronde.uitgenodigd = len(todo)
    return ronde, todo


def preview(peiling, selectie: Selectie, now=None) -> Ronde:
    """What invite() would do now, without doing it (for the editor's check)."""
    return _plan(peiling, selectie, timezone.localdate(now or timezone.now()).year)[0]


def invite(peiling, selectie: Selectie, now=None) -> Ronde:
    """Invite the selected members who may still be invited this year; mail them after commit."""
    now = now or timezone.now()
    jaar = timezone.localdate(now).year
    with transaction.atomic():
        # Lock the members (PostgreSQL): a concurrent round waits and then sees these invitations.
        list(selectie.members(peiling).select_for_update().values_list("pk", flat=True))
        ronde, todo = _plan(peiling, selectie, jaar)
        members = Panellid.objects.only("pk", "pseudoniem").in_bulk([pk for pk, _ in todo])
        for start in range(0, len(todo), BATCH):
            chunk = todo[start : start + BATCH]
            emails = dict(
                PanelContact.objects.filter(lid_id__in=[pk for pk, _ in chunk]).values_list("lid_id", "email")
            )
            uitnodigingen, berichten = [], []
            for pk, volgnummer in chunk:
                token = secrets.token_urlsafe(24)
                uitnodigingen.append(
                    Uitnodiging(
                        peiling=peiling,
                        lid_id=pk,
                        jaar=jaar,
                        volgnummer=volgnummer,
                        token_hash=token_hash(token),
                        uitgenodigd_op=now,
                    )
                )
                berichten.append(mail.invitation(members[pk], emails[pk], peiling, token))
            Uitnodiging.objects.bulk_create(uitnodigingen)
            Bericht.objects.bulk_create(berichten)
        if todo:
            send_waiting_after_commit()
    return ronde


def invitation_for(peiling, token: str) -> Uitnodiging | None:
    return Uitnodiging.objects.filter(peiling=peiling, token_hash=token_hash(token)).first()
