"""STOP toelichtingen read into the parts ``importers.explanations`` places.

A regulation's ``Toelichting`` holds an ``AlgemeneToelichting`` and an
``ArtikelgewijzeToelichting`` (either may also stand directly in the regulation). The
article-by-article part is a tree of ``Divisie`` and ``Divisietekst``; each piece names the
article it explains in its Kop ("Toelichting artikel 2.10") or links to it with an IntRef
(by eId or wId), in its Kop or in its first paragraph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..explanations import ExplanationPart, article_numbers, is_article_part_heading
from ..tree import Artikel, Block, Tussenkop
from ..xmlsafe import child, children, descendants, local, text_of

GENERAL = "AlgemeneToelichting"
BY_ARTICLE = "ArtikelgewijzeToelichting"
WHOLE = "Toelichting"
NAMES = (WHOLE, GENERAL, BY_ARTICLE)

# The reader's free-text content of a Divisie, Divisietekst or Inhoud (its own Kop left out).
ReadContent = Callable[[object], list[Block]]
# The text of a Kop element.
ReadHeading = Callable[[object], str]


@dataclass
class StopExplanation:
    """What one or more toelichting elements hold, ready for ``explanations.add_explanation``."""

    titel: str = ""
    general: list[Block] = field(default_factory=list)
    parts: list[ExplanationPart] = field(default_factory=list)


class ExplanationReader:
    def __init__(self, content: ReadContent, heading: ReadHeading, articles: dict[str, Artikel]):
        self.content = content
        self.heading = heading
        self.articles = articles  # by eId and by wId

    def read(self, elements) -> StopExplanation:
        found = StopExplanation()
        for el in elements:
            self._element(el, found)
        return found

    def _element(self, el, found: StopExplanation) -> None:
        name = local(el)
        heading = self.heading(child(el, "Kop"))
        if name == WHOLE:
            found.titel = found.titel or heading
            for part in el:
                if local(part) in (GENERAL, BY_ARTICLE):
                    self._element(part, found)
                elif local(part) in ("Divisie", "Divisietekst"):
                    self._loose(part, found)
        elif name == GENERAL:
            if not found.titel:
                found.titel = heading
            elif heading:
                found.general.append(Tussenkop(heading))
            found.general.extend(self.content(el))
        elif name == BY_ARTICLE:
            found.parts.extend(self.parts(el))

    def _loose(self, el, found: StopExplanation) -> None:
        """A Divisie directly in a Toelichting: an article part if it says so, else general."""
        heading = self.heading(child(el, "Kop"))
        if is_article_part_heading(heading):
            found.parts.extend(self.parts(el))
        elif article_numbers(heading) or self._linked(el):
            found.parts.extend(self.parts_of([el]))
        else:
            found.general.extend(([Tussenkop(heading)] if heading else []) + self.content(el))

    def parts(self, container) -> list[ExplanationPart]:
        return self.parts_of(children(container, "Divisie", "Divisietekst", "Inhoud"))

    def parts_of(self, elements) -> list[ExplanationPart]:
        out: list[ExplanationPart] = []
        for el in elements:
            if local(el) == "Inhoud":  # text before the first piece: explains no single article
                out.append(ExplanationPart("", self.content(el)))
                continue
            heading = self.heading(child(el, "Kop"))
            numbers = article_numbers(heading)
            targets = [] if numbers else self._linked(el)  # the heading's own words come first
            if numbers or targets or local(el) == "Divisietekst":
                out.append(ExplanationPart(heading, self.content(el), numbers, targets))
                continue
            inner = self.parts(el)  # a group ("Toelichting op hoofdstuk 2"): its pieces count
            for part in inner:
                if not part.heading and not part.numbers and not part.targets:
                    part.heading = heading
            out.extend(inner)
        return out

    def _linked(self, el) -> list[Artikel]:
        """Articles an IntRef points to: in the Kop, or in a piece's first paragraph when that
        opens by naming them ("Toelichting op artikel 2.10. …")."""
        kop = child(el, "Kop")
        refs = descendants(kop, "IntRef") if kop is not None else []
        if not refs and local(el) == "Divisietekst":
            first = next(iter(descendants(el, "Al")), None)
            if first is not None and article_numbers(text_of(first)):
                refs = descendants(first, "IntRef")
        targets: list[Artikel] = []
        for ref in refs:
            artikel = self.articles.get((ref.get("ref") or "").strip())
            if artikel is not None and all(a is not artikel for a in targets):
                targets.append(artikel)
        return targets
