"""Renewing what the keys protect, after a key was rotated or names are normalised another way.

- `reencrypt` encrypts every encrypted value (EncryptedJSONField) anew with the newest key of
  LOKET_ENCRYPTION_KEYS, so the older keys can then be dropped;
- `recompute_recognition_keys` computes every keyed hash that recognises a person (a
  submission's yearly keys, a panel member's e-mail index) anew from the decrypted data with the
  current LOKET_INDEX_KEY and normalisation. No old index key is needed.

Both take an app registry: `manage.py sleutels_vernieuwen` passes Django's, a data migration
its historical one, so the migration runs the very code the command runs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import TextField, Value
from django.db.models.functions import Cast

from .crypto import EncryptedJSONField, rotate
from .flows import FLOWS
from .panel.membership import email_index


@dataclass
class Renewal:
    """What a renewal did, for the operator."""

    versleuteld: int = 0  # encrypted values encrypted anew
    inzendingen: int = 0  # submissions whose yearly keys were computed anew
    panelleden: int = 0  # e-mail indexes computed anew
    onleesbaar: int = 0  # values no key decrypts: left as they were
    # Submissions that now share a key with an earlier one of the same year (kept without it).
    dubbel: list[str] = field(default_factory=list)


def _encrypted_fields(apps):
    for model in apps.get_app_config("loket").get_models():
        for model_field in model._meta.get_fields():
            if isinstance(model_field, EncryptedJSONField):
                yield model, model_field.attname


def reencrypt(apps, renewal: Renewal) -> None:
    # The ciphertext as text (Cast bypasses the field's decryption); rotate() decrypts it with
    # any key and encrypts it with the first.
    for model, name in _encrypted_fields(apps):
        raw = model._base_manager.exclude(**{name: None}).values_list("pk", Cast(name, TextField()))
        for pk, token in raw.iterator():
            try:
                renewed = rotate(token)
            except ImproperlyConfigured:
                renewal.onleesbaar += 1
                continue
            model._base_manager.filter(pk=pk).update(**{name: Value(renewed, output_field=TextField())})
            renewal.versleuteld += 1


def _submission_keys(apps, renewal: Renewal) -> None:
    Inzending = apps.get_model("loket", "Inzending")
    InzendingSleutel = apps.get_model("loket", "InzendingSleutel")
    computed: list[tuple[object, tuple[str, ...]]] = []
    kept: set[tuple[str, int, str]] = set()
    submissions = Inzending._base_manager.filter(jaar__isnull=False, flow__in=list(FLOWS)).order_by(
        "ingediend_op", "pk"
    )
    for inzending in submissions.iterator():
        flow = FLOWS[inzending.flow]()
        try:
            keys = flow.stored_yearly_keys(inzending.gegevens)
        except (ImproperlyConfigured, KeyError, TypeError, AttributeError):
            renewal.onleesbaar += 1
            keys = ()
        if keys:
            computed.append((inzending, keys))
        else:
            # A flow without keys, or answers that cannot be read: their keys stay as they are.
            stored = InzendingSleutel._base_manager.filter(inzending=inzending)
            kept.update(stored.values_list("flow", "jaar", "sleutel"))
    rows = []
    for inzending, keys in computed:
        for key in dict.fromkeys(keys):
            if (inzending.flow, inzending.jaar, key) in kept:
                # Look-alike spellings made two submissions of one year one person: the earlier
                # keeps the key; staff see the later one listed.
                renewal.dubbel.append(inzending.referentie)
                continue
            kept.add((inzending.flow, inzending.jaar, key))
            rows.append(
                InzendingSleutel(inzending=inzending, flow=inzending.flow, jaar=inzending.jaar, sleutel=key)
            )
    InzendingSleutel._base_manager.filter(inzending__in=[i for i, _ in computed]).delete()
    InzendingSleutel._base_manager.bulk_create(rows, batch_size=500)
    renewal.inzendingen = len(computed)
    renewal.dubbel = list(dict.fromkeys(renewal.dubbel))


def _panel_keys(apps, renewal: Renewal) -> None:
    PanelContact = apps.get_model("loket", "PanelContact")
    new: dict[int, str] = {}
    # An address is unique per gemeente (one member per panel): indexes are taken per gemeente.
    taken: set[tuple[int, str]] = set()
    # (An earlier migration runs this on contact rows from before they had a gemeente.)
    per_gemeente = any(f.name == "gemeente" for f in PanelContact._meta.get_fields())
    velden = ("pk", "email", "email_index") + (("gemeente_id",) if per_gemeente else ())
    contacts = list(PanelContact._base_manager.order_by("pk").only(*velden))
    for contact in contacts:
        try:
            new[contact.pk] = email_index(contact.email)
        except (ImproperlyConfigured, TypeError, AttributeError):
            renewal.onleesbaar += 1
            taken.add((getattr(contact, "gemeente_id", None), contact.email_index))
    changed = {}
    for contact in contacts:
        index = new.get(contact.pk)
        gemeente = getattr(contact, "gemeente_id", None)
        if index is None or (gemeente, index) in taken:
            continue  # unreadable, or the same address as an earlier member: keeps its own index
        taken.add((gemeente, index))
        if index != contact.email_index:
            changed[contact.pk] = index
    # Two passes, so that no row takes an index another row still holds for a moment.
    for pk in changed:
        PanelContact._base_manager.filter(pk=pk).update(email_index=f"vernieuwen-{pk}")
    for pk, index in changed.items():
        PanelContact._base_manager.filter(pk=pk).update(email_index=index)
    renewal.panelleden = len(changed)


def recompute_recognition_keys(apps, renewal: Renewal) -> None:
    _submission_keys(apps, renewal)
    _panel_keys(apps, renewal)


def renew(apps) -> Renewal:
    """Both renewals in one transaction: after it, the old encryption keys may go."""
    renewal = Renewal()
    with transaction.atomic():
        reencrypt(apps, renewal)
        recompute_recognition_keys(apps, renewal)
    return renewal
