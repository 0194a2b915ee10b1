"""Joining and leaving the panel: double opt-in, and leaving that deletes every personal datum."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from .. import mail_files
from ..crypto import blind_index
from ..flows.inwonerspanel import InwonerspanelFlow
from ..models import Bericht, PanelContact, Panellid, Uitnodiging
from ..tasks import send_after_commit
from . import links, mail


def email_index(email: str) -> str:
    """The keyed hash that recognises a second sign-up with this address."""
    return blind_index("panel-email", email)


def sign_up(gemeente, email: str, leeftijdsgroep: str, kern: str, relaties: list[str], token: str) -> str:
    """Store an unconfirmed member and mail the confirmation link; returns a reference for the
    confirmation page. An address that is already known gets a mail, never a second member,
    and the page says the same either way (nobody learns who is a member)."""
    existing = (
        PanelContact.objects.select_related("lid")
        .filter(gemeente=gemeente, email_index=email_index(email))
        .first()
    )
    if existing is not None:
        lid = existing.lid
        with transaction.atomic():
            if not lid.bevestigd:
                # A new link with a full period: the purge counts from this sign-up, not the first.
                lid.aangemeld_op = timezone.now()
                lid.leeftijdsgroep, lid.kern, lid.relaties = leeftijdsgroep, kern, relaties
                lid.save(update_fields=["aangemeld_op", "leeftijdsgroep", "kern", "relaties"])
            bericht = mail.already_member(lid, email) if lid.bevestigd else mail.confirm_signup(lid, email)
            bericht.save()
            send_after_commit([bericht.pk])
        return InwonerspanelFlow.new_reference()
    try:
        with transaction.atomic():
            lid = Panellid.objects.create(
                gemeente=gemeente,
                referentie=InwonerspanelFlow.new_reference(),
                leeftijdsgroep=leeftijdsgroep,
                kern=kern,
                relaties=relaties,
                aanmeldtoken=token,
            )
            PanelContact.objects.create(
                lid=lid, gemeente=gemeente, email=email, email_index=email_index(email)
            )
            bericht = mail.confirm_signup(lid, email)
            bericht.save()
            send_after_commit([bericht.pk])
    except IntegrityError:
        # A double click raced this one: the other request stored the member.
        earlier = Panellid.objects.filter(aanmeldtoken=token).values_list("referentie", flat=True).first()
        if earlier:
            return earlier
        return sign_up(gemeente, email, leeftijdsgroep, kern, relaties, token)
    return lid.referentie


@dataclass
class Uitkomst:
    lid: Panellid | None
    status: str  # vraag, bevestigd, al_bevestigd, verlopen, ongeldig


def member_for_link(token: str, doel: str, gemeente, max_age=None) -> tuple[Panellid | None, str]:
    """The member of this gemeente a signed link names (None when there is none, e.g. after
    leaving) and the link's own state: "geldig", "verlopen" or "ongeldig"."""
    pseudoniem, status = links.check(token, doel, gemeente, max_age=max_age)
    if pseudoniem is None:
        return None, status
    return Panellid.objects.filter(pseudoniem=pseudoniem, gemeente=gemeente).first(), status


def confirmation_link(token: str, gemeente) -> Uitkomst:
    """What a confirmation link stands for now: "vraag" (still to confirm), "al_bevestigd",
    "verlopen" or "ongeldig"."""
    lid, status = member_for_link(token, links.CONFIRM, gemeente, links.confirm_max_age())
    if lid is None:
        return Uitkomst(None, "verlopen" if status == "verlopen" else "ongeldig")
    return Uitkomst(lid, "al_bevestigd" if lid.bevestigd else "vraag")


def confirm(token: str, gemeente) -> Uitkomst:
    uitkomst = confirmation_link(token, gemeente)
    if uitkomst.status != "vraag":
        return uitkomst
    Panellid.objects.filter(pk=uitkomst.lid.pk, bevestigd_op__isnull=True).update(bevestigd_op=timezone.now())
    return Uitkomst(uitkomst.lid, "bevestigd")


def leave(lid: Panellid) -> None:
    """Delete the member, their e-mail address, their waiting mail and their mail files. Answers
    already given stay: they were never linked to the member. Open invitations can no longer be
    used."""
    with transaction.atomic():
        Uitnodiging.objects.filter(lid=lid, status=Uitnodiging.UITGENODIGD).update(
            status=Uitnodiging.VERVALLEN
        )
        Bericht.objects.filter(panellid=lid).delete()
        lid.delete()  # the contact row goes with it; invitations keep their counts without a member
    mail_files.remove_for([lid.referentie])
