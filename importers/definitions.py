"""Recognise definitions written as "term: definitie" (OP, CVDR and text captures)."""

import re

from .tree import Alinea, Begrip, Block, Lid, Lijst, ListItem, clean_text

# A term is short, starts with a capital or digit, and may carry an inflection in
# brackets ("Voorziening(en)") or a hyphen ("Wmo-ondersteuning").
_TERM = r"[A-ZÀ-Ý0-9'’][\w'’()\-/]*(?: [\w'’()\-/]+){0,4}"
DEFINITION = re.compile(rf"^(?P<term>{_TERM})\s*:\s+(?P<def>\S.*)$", re.S)
# Inside a definitions article terms are usually lower case ("college: het college …").
_TERM_ANY_CASE = _TERM.replace("[A-ZÀ-Ý0-9'’]", "[A-Za-zÀ-ÿ0-9'’]", 1)
DEFINITION_ANY_CASE = re.compile(rf"^(?P<term>{_TERM_ANY_CASE})\s*:\s+(?P<def>\S.*)$", re.S)
# A second definition glued onto the previous one after a full stop: ". Awb: Algemene ..."
_GLUED = re.compile(rf"(?<=[.;])\s+(?=(?:{_TERM}):\s+[a-zA-Z‘'(])")

# Phrases that end with a colon but introduce text, never define a term.
_NOT_A_TERM = re.compile(
    r"\b(verstaan|volgende|bijvoorbeeld|namelijk|gaat het om|als volgt|onder andere)\b", re.I
)

INTRO = re.compile(r"(wordt|worden) (in|voor) (deze|dit|de) .{0,80}verstaan onder\s*:?\s*$", re.I)


def split_definition(text: str, lowercase_terms: bool = False) -> tuple[str, str] | None:
    """Return (term, definition) for a line like "Aanvraag: een verzoek ...", else None.

    lowercase_terms also accepts "aanvraag: een verzoek ..."; use it only where the
    context says definitions follow ("wordt verstaan onder:").
    """
    text = clean_text(text)
    m = (DEFINITION_ANY_CASE if lowercase_terms else DEFINITION).match(text)
    if not m:
        return None
    term = m.group("term").strip()
    if _NOT_A_TERM.search(term) or len(term) > 60:
        return None
    return term, m.group("def").strip()


def split_glued(text: str) -> list[str]:
    """Split a line that holds several definitions ("… bedoeld. Instelling(en): een …")."""
    parts = _GLUED.split(clean_text(text))
    # Only split where the glued part really reads as a definition.
    out: list[str] = []
    for part in parts:
        if out and split_definition(part) is None:
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def begrippen_from_blocks(
    blocks: list[Block], defined_in: str, lowercase_terms: bool = False
) -> list[Begrip]:
    """Definitions from list items or leden that read "term: definitie".

    Used for articles whose text says "In deze verordening wordt verstaan onder:".
    """
    found: list[Begrip] = []

    def visit(item_blocks: list[Block]):
        if not item_blocks:
            return
        first = item_blocks[0]
        if isinstance(first, Alinea):
            for piece in split_glued(first.text):
                split = split_definition(piece, lowercase_terms)
                if split:
                    term, definition = split
                    found.append(Begrip(term, [Alinea(definition)], defined_in))
                elif found:
                    found[-1].definitie.append(Alinea(piece))
            if found:
                found[-1].definitie.extend(item_blocks[1:])

    for block in blocks:
        if isinstance(block, Lijst):
            for item in block.items:
                visit(item.blocks)
        elif isinstance(block, Lid):
            for inner in block.blocks:
                if isinstance(inner, Lijst):
                    for item in inner.items:
                        visit(item.blocks)
    return found


_BEGRIPPEN_TITLE = re.compile(r"\b(begrippen(lijst)?|begripsbepalingen|definities|woordenlijst)\b", re.I)


def begrippen_from_annexes(bijlagen, artikelen) -> list[Begrip]:
    """Definitions in an annex or article titled "Begrippenlijst" and the like.

    Some verordeningen (the demo's among them) close with a definitions list of their
    own instead of an article "Begripsbepalingen"; its items are list items or
    plain paragraphs that read "term: definitie".
    """
    found: list[Begrip] = []
    for part, label in [(b, f"bijlage {b.nummer}".strip()) for b in bijlagen] + [
        (a, f"artikel {a.nummer}") for a in artikelen
    ]:
        if not _BEGRIPPEN_TITLE.search(part.opschrift or ""):
            continue
        as_list = [Lijst([ListItem("", [b])]) if isinstance(b, Alinea) else b for b in part.blocks]
        found.extend(begrippen_from_blocks(as_list, label, lowercase_terms=True))
    return found
