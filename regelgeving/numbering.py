"""How published part numbers sort: 2.2 < 2.10 < 3.3.1 < 10.1. Pure: no Django."""

import re

_NUMBER_PART = re.compile(r"(\d+)|([A-Za-z]+)")


def number_sort_key(nummer: str) -> str:
    """A string that sorts article numbers numerically: 2.2 < 2.10 < 3.3.1 < 10.1.

    Each numeric part is zero-padded; letters (``2a``, ``IV``) sort after digits.
    """
    parts = []
    for digits, letters in _NUMBER_PART.findall(nummer or ""):
        parts.append(digits.zfill(6) if digits else "~" + letters.lower())
    return ".".join(parts)
