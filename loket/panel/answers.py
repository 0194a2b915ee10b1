"""Answering a peiling with a personal one-time invitation: answer once, or decline."""

from __future__ import annotations

from django import forms
from django.db import transaction
from django.utils import timezone

from regelgeving.form_fields import CleanCharField

from ..models import Respons, Uitnodiging
from .invitations import token_hash

SHORT_TEXT, LONG_TEXT = 200, 2000


class AlGebruikt(Exception):
    """The invitation was used already (answered, declined, or the member left)."""

    def __init__(self, status: str):
        super().__init__(status)
        self.status = status


def field_name(block) -> str:
    return f"v_{block.id}"


def _field(block) -> forms.Field:
    value = block.value
    common = {
        "label": value["vraag"],
        "help_text": value.get("toelichting") or "",
        "required": bool(value.get("verplicht")),
    }
    kind = block.block_type
    if kind in ("enkele_keuze", "meerkeuze"):
        choices = [(o, o) for o in value["opties"]]
        if kind == "enkele_keuze":
            return forms.ChoiceField(
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": f"Kies een antwoord bij: {value['vraag']}"},
                **common,
            )
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages={"required": f"Kies minstens één antwoord bij: {value['vraag']}"},
            **common,
        )
    if kind == "schaal":
        n = value["punten"]
        choices = [(str(i), scale_label(i, n, value)) for i in range(1, n + 1)]
        return forms.ChoiceField(
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={"required": f"Kies een punt op de schaal bij: {value['vraag']}"},
            **common,
        )
    max_length = SHORT_TEXT if kind == "korte_tekst" else LONG_TEXT
    return CleanCharField(  # control characters cleaned, the same on every database
        max_length=max_length,
        widget=forms.Textarea if kind == "lange_tekst" else forms.TextInput,
        error_messages={
            "required": f"Vul een antwoord in bij: {value['vraag']}",
            "max_length": f"Gebruik hoogstens {max_length} tekens bij: {value['vraag']}",
        },
        **common,
    )


def scale_label(i: int, n: int, value) -> str:
    """How a point of a scale question reads: its number, with the end labels at the ends."""
    if i == 1:
        return f"1 ({value['laag']})"
    if i == n:
        return f"{n} ({value['hoog']})"
    return str(i)


def form_class(peiling) -> type[forms.Form]:
    fields = {field_name(block): _field(block) for block in peiling.vragen}
    return type("PeilingForm", (forms.Form,), fields)


def _claim(peiling, token: str, status: str) -> Uitnodiging:
    uitnodiging = (
        Uitnodiging.objects.select_for_update().filter(peiling=peiling, token_hash=token_hash(token)).first()
    )
    if uitnodiging is None:
        raise AlGebruikt("onbekend")
    if uitnodiging.status != Uitnodiging.UITGENODIGD or uitnodiging.lid_id is None:
        raise AlGebruikt(uitnodiging.status)
    uitnodiging.status = status
    uitnodiging.beantwoord_op = timezone.localdate()
    uitnodiging.save(update_fields=["status", "beantwoord_op"])
    return uitnodiging


@transaction.atomic
def answer(peiling, token: str, cleaned: dict) -> None:
    """Store the answers without any link to the member, and use up the invitation."""
    uitnodiging = _claim(peiling, token, Uitnodiging.BEANTWOORD)
    lid = uitnodiging.lid
    antwoorden = {}
    for block in peiling.vragen:
        value = cleaned.get(field_name(block))
        if value not in (None, "", []):
            antwoorden[block.id] = value
    Respons.objects.create(
        peiling=peiling, antwoorden=antwoorden, leeftijdsgroep=lid.leeftijdsgroep, kern=lid.kern
    )


@transaction.atomic
def decline(peiling, token: str) -> None:
    _claim(peiling, token, Uitnodiging.AFGESLAGEN)
