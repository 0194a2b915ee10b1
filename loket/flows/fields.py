"""Form fields the flows share: Dutch names, addresses, dates of birth, phone numbers, IBAN.

Text fields clean control characters before they validate (regelgeving.form_fields): a NUL or
another invisible character pasted into a name or a question is gone, the same on every
database, instead of stored or refused with a message about a character nobody sees.
"""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator

from regelgeving.form_fields import CleanCharField

from ..gemeente import de_gemeente, hoofdletter  # noqa: F401 (flows use them through f.)

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]

POSTCODE = RegexValidator(r"^\s*[1-9][0-9]{3}\s?[A-Za-z]{2}\s*$", "Vul een postcode in als 1234 AB.")
TELEFOON = RegexValidator(
    r"^\+?[0-9 ()-]{10,16}$", "Vul een telefoonnummer in van 10 cijfers, bijvoorbeeld 06 1234 5678."
)


def text(label, max_length=100, required=True, help_text="", autocomplete=""):
    attrs = {"autocomplete": autocomplete} if autocomplete else {}
    return CleanCharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.TextInput(attrs=attrs),
        error_messages={
            "required": f"Vul {label.lower()} in.",
            "max_length": f"{label} mag maximaal %(limit_value)d tekens hebben.",
        },
    )


def long_text(label, max_length=2000, required=True, help_text=""):
    return CleanCharField(
        label=label,
        max_length=max_length,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": f"Vul {label.lower()} in.",
            "max_length": f"{label} mag maximaal %(limit_value)d tekens hebben (nu %(show_value)d).",
        },
    )


def choice(label, choices, help_text="", required_message=""):
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={
            "required": required_message or f"Kies een antwoord bij ‘{label}’.",
            "invalid_choice": "Kies een van de antwoorden.",
        },
    )


GEMEENTE = "{gemeente}"  # in a label, help text or choice: "de gemeente Heemstede"


def in_gemeente(tekst, gemeente):
    """The text with {gemeente} read as "de gemeente <naam>" of this gemeente."""
    return tekst.replace(GEMEENTE, de_gemeente(gemeente)) if isinstance(tekst, str) else tekst


class GemeenteForm(forms.Form):
    """A step whose texts name the gemeente (`{gemeente}`) or that asks for one of its kernen
    (`kern_velden`): the flow is declared once, each gemeente's page reads its own."""

    kern_velden: tuple[str, ...] = ()

    def voor_gemeente(self, gemeente) -> GemeenteForm:
        for name, field in self.fields.items():
            field.label = in_gemeente(field.label, gemeente)
            field.help_text = in_gemeente(field.help_text, gemeente)
            field.error_messages = {k: in_gemeente(v, gemeente) for k, v in field.error_messages.items()}
            if name in self.kern_velden:
                field.choices = gemeente.kern_keuzes() if gemeente else []
            elif getattr(field, "choices", None):
                field.choices = [(value, in_gemeente(label, gemeente)) for value, label in field.choices]
        return self


class BirthDateField(forms.DateField):
    def __init__(self, label="Geboortedatum", **kwargs):
        super().__init__(
            label=label,
            input_formats=["%d-%m-%Y", "%Y-%m-%d", "%d/%m/%Y"],
            help_text="Bijvoorbeeld 31-01-1960.",
            widget=forms.DateInput(attrs={"autocomplete": "bday", "inputmode": "numeric"}),
            error_messages={
                "required": "Vul de geboortedatum in.",
                "invalid": "Vul de geboortedatum in als dag-maand-jaar, bijvoorbeeld 31-01-1960.",
            },
            **kwargs,
        )

    def validate(self, value):
        super().validate(value)
        if value and value > date.today():
            raise ValidationError("De geboortedatum moet in het verleden liggen.")
        if value and value.year < 1900:
            raise ValidationError("Controleer het geboortejaar.")


def postcode(label="Postcode"):
    field = text(label, max_length=7, autocomplete="postal-code")
    field.validators.append(POSTCODE)
    return field


def telefoon(required=False):
    field = text("Telefoonnummer", max_length=20, required=required, autocomplete="tel")
    field.validators.append(TELEFOON)
    field.widget.input_type = "tel"
    return field


def normalize_postcode(value: str) -> str:
    compact = value.replace(" ", "").upper()
    return f"{compact[:4]} {compact[4:]}"


def iban_is_valid(value: str) -> bool:
    """ISO 13616 check digits: move the first four characters to the end, letters to numbers,
    and the number modulo 97 must be 1."""
    iban = re.sub(r"\s+", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", iban):
        return False
    if iban.startswith("NL") and len(iban) != 18:
        return False
    digits = "".join(str(int(c, 36)) for c in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


class IbanField(CleanCharField):
    def __init__(self, **kwargs):
        super().__init__(
            label="IBAN (rekeningnummer)",
            max_length=42,
            help_text="Bijvoorbeeld NL91 ABNA 0417 1643 00.",
            widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
            error_messages={"required": "Vul het IBAN in."},
            **kwargs,
        )

    def clean(self, value):
        value = super().clean(value)
        if value and not iban_is_valid(value):
            raise ValidationError("Dit IBAN klopt niet. Controleer de letters en cijfers.")
        compact = re.sub(r"\s+", "", value).upper()
        return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
