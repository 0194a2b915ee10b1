"""Law tags that some gemeenten put after headings: "Beoordelen aanvraag [Jeugdwet, Wmo, Awb]"."""

import re

_TRAILING_TAGS = re.compile(r"\s*\[(?P<tags>[^\[\]]{1,400})\]\s*\.?\s*$")
_ONLY_TAGS = re.compile(r"^\s*(?:Gebaseerd op\s*:?\s*)?\[(?P<tags>[^\[\]]{1,400})\]\s*\.?\s*$", re.I)
_ABBR_IN_PARENS = re.compile(r"\(([^()]{1,15})\)")


def split_tags(tags: str) -> list[str]:
    """ "Participatiewet (PW), Wet … (IOAW) en Wet … (IOAZ)" -> ["PW", "IOAW", "IOAZ"]."""
    out: list[str] = []
    for part in tags.split(","):
        part = part.strip(" .;")
        abbreviations = _ABBR_IN_PARENS.findall(part)
        if abbreviations:  # long names with their abbreviation in brackets
            out.extend(a.strip() for a in abbreviations)
        elif part:
            out.append(part)
    return out


def split_heading(heading: str) -> tuple[str, list[str]]:
    """Split trailing law tags off a heading: ("FASE 2: Het gesprek", ["Jeugdwet", ...])."""
    m = _TRAILING_TAGS.search(heading)
    if not m or not _looks_like_tags(m.group("tags")):
        return heading.strip(), []
    return heading[: m.start()].strip(), split_tags(m.group("tags"))


def tags_line(line: str) -> list[str] | None:
    """The tags of a line that holds nothing but law tags, else None."""
    m = _ONLY_TAGS.match(line)
    if not m or not _looks_like_tags(m.group("tags")):
        return None
    return split_tags(m.group("tags"))


def _looks_like_tags(inner: str) -> bool:
    # Tags are short names separated by commas; "[Vervallen]" or a bracketed remark is not.
    words = [w.strip() for w in re.split(r",|\s+en\s+", inner) if w.strip()]
    if not words or inner.strip().lower() in {"vervallen", "gereserveerd"}:
        return False
    return all(len(w) <= 120 and not w.endswith(":") for w in words) and any(
        re.search(r"wet|^[A-Z][A-Za-z]{1,6}$|\([A-Z]", w, re.I) for w in words
    )
