"""Text whose place is a guess: where a source lost headings, say so instead of publishing it as fact.

A text capture (and any source that lost headings) runs the text of an article whose heading was
lost on into the article before it. Nothing in the text says where one ends, so the importer keeps
the text where it stands but notes, per article, why it may belong elsewhere:

- text after the article's last lid or list (leden and lists survive; loose paragraphs after them
  are often the next article's);
- a sentence ending in ":" with no list after it (the list that followed was lost, or this is
  the start of another part);
- a next article whose number skips parts the numbering implies (2.2 followed by 3.3.10): the
  text of those parts, headings lost, may be at the end of this article.

Pure: works on the neutral tree.
"""

from __future__ import annotations

import re

from .tree import Alinea, Artikel, Document, Lid, Lijst

_NUMBER = re.compile(r"^\d+(?:\.\d+)*$")


def flag_doubtful_text(document: Document) -> None:
    """Fill `twijfels` of each article whose text may not all belong to it."""
    artikelen = document.artikelen()
    for index, artikel in enumerate(artikelen):
        volgende = artikelen[index + 1] if index + 1 < len(artikelen) else None
        artikel.twijfels = [
            *_after_last_structure(artikel),
            *_colon_without_list(artikel),
            *_gap_before(artikel, volgende),
        ]


def _after_last_structure(artikel: Artikel) -> list[str]:
    last = max((i for i, b in enumerate(artikel.blocks) if isinstance(b, Lid | Lijst)), default=None)
    if last is None:
        return []
    loose = [b for b in artikel.blocks[last + 1 :] if isinstance(b, Alinea)]
    if not loose:
        return []
    return [
        f"Na het laatste lid of de laatste opsomming volgen nog {len(loose)} alinea('s); "
        "die horen mogelijk bij een artikel waarvan de kop in de bron ontbreekt."
    ]


def _colon_without_list(artikel: Artikel) -> list[str]:
    blocks = artikel.blocks
    for i, block in enumerate(blocks):
        if isinstance(block, Alinea) and block.text.rstrip().endswith(":"):
            following = blocks[i + 1] if i + 1 < len(blocks) else None
            if not isinstance(following, Lijst | Lid):
                zin = block.text.strip()
                return [
                    f"De zin '{zin[:80]}{'…' if len(zin) > 80 else ''}' eindigt met een dubbele punt "
                    "zonder opsomming erna; de opsomming ontbreekt in de bron, of de tekst erna hoort bij "
                    "iets anders."
                ]
    return []


def _gap_before(artikel: Artikel, volgende: Artikel | None) -> list[str]:
    if volgende is None or not _NUMBER.match(artikel.nummer) or not _NUMBER.match(volgende.nummer):
        return []
    if _parts(volgende.nummer) in _possible_next(_parts(artikel.nummer)):
        return []
    return [
        f"Na dit artikel volgt artikel {volgende.nummer}; de onderdelen daartussen ontbreken in de bron. "
        "Tekst aan het eind van dit artikel hoort mogelijk bij een daarvan."
    ]


def _parts(nummer: str) -> tuple[int, ...]:
    return tuple(int(p) for p in nummer.split("."))


def _possible_next(current: tuple[int, ...]) -> set[tuple[int, ...]]:
    """Numbers that may follow `current` with nothing left out: the next at any level, or the
    first of a deeper level (5.2.1 → 5.2.2, 5.3, 5.3.1, 6.1, 6.1.1, …)."""
    possible = set()
    for level in range(len(current)):
        following = current[:level] + (current[level] + 1,)
        for deeper in range(3):
            possible.add(following + (1,) * deeper)
    return possible
