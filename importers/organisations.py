"""The publishing organisation as a stable string: its kind and its name.

"Utrecht" alone could be the municipality or the province; "gemeente Utrecht" and
"provincie Utrecht" cannot be confused. STOP names organisations by TOOI URI instead
(``/tooi/id/gemeente/gm0297``), which its parser keeps as given.
"""

from __future__ import annotations

from .tree import clean_text

_KINDS = {
    "gemeente": "gemeente",
    "provincie": "provincie",
    "waterschap": "waterschap",
    "hoogheemraadschap": "hoogheemraadschap",
    "gemeenschappelijkeregeling": "gemeenschappelijke regeling",
}


def organisation(kind: str, name: str) -> str:
    """("overheid:Gemeente", "Someren") -> "gemeente Someren"; an unknown kind keeps the name."""
    name = clean_text(name)
    if not name:
        return ""
    key = kind.rsplit(":", 1)[-1].rsplit(".", 1)[-1].replace(" ", "").lower()
    label = _KINDS.get(key, "")
    if not label or name.lower().startswith(label + " "):
        return name
    return f"{label} {name}"
