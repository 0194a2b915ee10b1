"""How Dutch regulations word their headings and closing lines, as plain-text patterns.

Pure string work shared by the OP/CVDR body reader, its preamble fallback and its prose
metadata: no XML, no tree nodes.
"""

import re

from .tree import clean_text

# A heading label as published: keyword, number, rest ("Artikel 2.3a Reikwijdte", "§ 2", "IV.").
_KEYWORD = r"(?:artikel|art\.|hoofdstuk|afdeling|sub-?paragraaf|paragraaf|§|titeldeel|titel|deel|bijlage)"
_NUMBER = r"(?:\d+[a-z]?(?:[.:]\d+[a-z]?)*|[IVXLC]+|[A-Z])"
_LABEL = re.compile(rf"^(?:{_KEYWORD}\s*)?(?P<nr>{_NUMBER})(?!\w)\.?\s*[-–—:.]?\s*(?P<rest>.*)$", re.I | re.S)
_ONLY_KEYWORD = re.compile(rf"^{_KEYWORD}$", re.I)
# A title that opens with its own number: "A. Bibob-toets …", "Paragraaf B. Toetsing", "2) Doel".
_NUMBERED_TITLE = re.compile(
    rf"^(?:(?i:{_KEYWORD})\s*)?(?P<nr>[A-Z]|[IVXLC]+|\d+[a-z]?(?:\.\d+[a-z]?)*)[.)]\s+(?P<rest>\S.*)$",
    re.S,
)
_KEYWORD_THEN_SPACE = re.compile(rf"{_KEYWORD}\s", re.I)

# "Aldus vastgesteld in de openbare vergadering van …", "Vastgesteld door de raad op …"
CLOSING_LINE = re.compile(
    r"^(?:aldus\s+)?(?:vastgesteld|besloten)(?:\s+(?:in|door|op|te|bij|d\.d\.)\b|\s*[,.:]?\s*$)",
    re.I,
)


def strip_number(nr: str) -> str:
    """Published numbers lose a keyword and trailing dot: "Artikel 1." -> "1"."""
    nr = clean_text(nr)
    nr = re.sub(rf"^{_KEYWORD}\s*", "", nr, flags=re.I)
    return nr.rstrip(".").strip()


def split_label(text: str) -> tuple[str, str]:
    """ "Artikel 2 Reikwijdte" -> ("2", "Reikwijdte"); "1.Parkeren" -> ("1", "Parkeren")."""
    text = clean_text(text)
    m = _LABEL.match(text)
    if m:
        return m.group("nr").rstrip("."), m.group("rest").strip()
    if _ONLY_KEYWORD.match(text):
        return "", ""
    return "", text


def number_in_title(title: str) -> tuple[str, str]:
    """ "A. Bibob-toets" -> ("A", "Bibob-toets"): the number a title carries, when a heading
    has no number of its own; ("", title) when it carries none."""
    m = _NUMBERED_TITLE.match(clean_text(title))
    return (m.group("nr"), m.group("rest").strip()) if m else ("", title)


def starts_with_keyword(text: str) -> bool:
    """ "Artikel 3 Foo": the text opens with a heading keyword and a space."""
    return bool(_KEYWORD_THEN_SPACE.match(text))
