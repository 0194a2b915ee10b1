"""Dutch dates as they appear in prose: "1 januari 2026", "10-11-2025", "2025-11-10"."""

import re
from datetime import date

MONTHS = {
    m: i
    for i, m in enumerate(
        "januari februari maart april mei juni juli augustus september oktober november december".split(),
        start=1,
    )
}
_PROSE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def find_date(text: str) -> date | None:
    """The first date in a piece of text, or None."""
    candidates = []
    for m in _PROSE.finditer(text or ""):
        candidates.append((m.start(), (int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))))
    for m in _NUMERIC.finditer(text or ""):
        candidates.append((m.start(), (int(m.group(3)), int(m.group(2)), int(m.group(1)))))
    for m in _ISO.finditer(text or ""):
        candidates.append((m.start(), (int(m.group(1)), int(m.group(2)), int(m.group(3)))))
    for _, (y, mo, d) in sorted(candidates):
        try:
            return date(y, mo, d)
        except ValueError:
            continue
    return None


def parse_iso(value: str | None) -> date | None:
    """An ISO date from metadata ("2019-08-30", "2019-08-30+02:00"), else None."""
    m = _ISO.search(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
