"""Form fields shared by the search form and the loket: text cleaned of control characters.

Django's CharField refuses a NUL with a validator; this field cleans before validating, so a
NUL or another control character pasted into a search box or a loket form is gone (see
control_characters.py) instead of being stored, or refused with a message about an invisible
character.
"""

from __future__ import annotations

from django import forms

from .control_characters import strip_control_characters


class CleanCharField(forms.CharField):
    def to_python(self, value):
        if isinstance(value, str):
            value = strip_control_characters(value)
        return super().to_python(value)
