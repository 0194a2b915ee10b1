"""One rule for control characters in text that people or publications send us. Pure.

PostgreSQL refuses a NUL in text where SQLite stores it, and the other control characters
(bell, escape, form feed, the C1 range ...) are invisible noise in a search, a form answer or
an article. Search, the loket forms and the importers all clean text with `strip_control_characters`,
so the same input gives the same outcome on both databases: a NUL is removed, every other
control character becomes a space, and tab, newline and carriage return stay as they are
(callers that fold whitespace fold them).
"""

from __future__ import annotations

from types import MappingProxyType

KEPT = "\t\n\r"

# Unicode category Cc: U+0000-U+001F and U+007F-U+009F.
_CONTROL = [*range(0x00, 0x20), *range(0x7F, 0xA0)]
_TRANSLATION = MappingProxyType(
    {0: None} | {code: " " for code in _CONTROL if code and chr(code) not in KEPT}
)


def strip_control_characters(text: str) -> str:
    """`text` without NUL, with every other control character but tab/newline/CR as a space."""
    return text.translate(_TRANSLATION)


def has_control_characters(text: str) -> bool:
    """Whether `strip_control_characters` would change `text`."""
    return strip_control_characters(text) != text
