"""How Dutch regulation text cites parts of itself and of other laws: one grammar, used by the
importer's linker (running text) and by the search box (a typed citation). Pure: no Django.

Running text: "artikel 5.2.1, tweede lid", "art. 7:13", "de artikelen 3.1 en 3.2", "hoofdstuk IV",
"paragraaf 2.3", "§ 4", "afdeling 3.4", "bijlage A", "lid 4", "het eerste tot en met het derde lid",
with what follows them: this regulation ("van deze verordening"), a law ("van de Wmo", "Erfgoedwet",
"van het Besluit activiteiten leefomgeving", "bij de vogelrichtlijn"), the law named before ("van
die wet") or some other text ("van het besluit van 3 mei"). Numbers are never cut: "7:13" is one
number (the Awb numbers its articles by chapter), not article 7.

Typed citations: the same words, plus what people type in a search box: "art 2.2", "hfst. 7",
"par. 8.3", "afd 3", a bare "2.3.2", "bijlage II" (a Roman annex number read as 2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from types import MappingProxyType

ORDINALS = MappingProxyType(
    {
        word: str(n)
        for n, word in enumerate(
            "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde "
            "dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende "
            "twintigste".split(),
            start=1,
        )
    }
)
_ORD = "|".join(sorted(ORDINALS, key=len, reverse=True))

# 2, 2a, 3.3.10, 2.1.4a, and the Awb's 7:13 or 2:1 (chapter:article), never cut at the colon.
NUMBER = r"\d+[a-z]?(?:[.:]\d+[a-z]?)*"
_ROMAN = r"(?-i:[IVXLC]+)"
_LETTER = r"(?-i:[A-Z])"
_END = r"(?![\w°]|[.:]\d)"

# Each kind: the words that name it in running text, and the numbers it takes.
_KINDS = (
    ("artikel", r"artikel(?:en)?|art\.", rf"{NUMBER}|{_ROMAN}"),
    ("hoofdstuk", r"hoofdstuk(?:ken)?", rf"{NUMBER}|{_ROMAN}"),
    ("afdeling", r"afdeling(?:en)?", rf"{NUMBER}|{_ROMAN}"),
    ("paragraaf", r"paragra(?:af|fen)|§", NUMBER),
    ("bijlage", r"bijlagen?", rf"{NUMBER}|{_ROMAN}|{_LETTER}"),
)
_PLURALS = ("artikelen", "hoofdstukken", "afdelingen", "paragrafen", "bijlagen")
_HEAD = re.compile(
    "|".join(
        rf"(?P<{kind}>(?<![\w§]){words})\s*(?P<{kind}_nr>(?:{numbers}){_END})"
        for kind, words, numbers in _KINDS
    ),
    re.IGNORECASE,
)
_LIST_SEPARATOR = r"\s*(?:,\s*|\s(?:en|of|tot\s+en\s+met|t/m|tot)\s+)"
_NEXT_NUMBER = {
    kind: re.compile(rf"{_LIST_SEPARATOR}(?P<nr>(?:{numbers}){_END})", re.IGNORECASE)
    for kind, _words, numbers in _KINDS
}
# Details after a number: "lid 2", "tweede lid", "het eerste en tweede lid", "onderdeel a",
# "aanhef en onder b", "onder a en b", "sub 2°", ", 1°", "eerste volzin". The first lid named is
# the lid cited.
_ORD_LIST = rf"(?:het\s+)?(?:{_ORD})(?:{_LIST_SEPARATOR}(?:het\s+)?(?:{_ORD}))*"
_SUBPART = r"(?:[a-z]|\d{1,2}°?|[ivx]{1,4})(?![\w°])"
_DETAIL = re.compile(
    r",?\s+(?:"
    rf"lid\.?\s*(?P<lid>\d+[a-z]?)(?!\w|[.:]\d)"
    rf"|(?P<ords>{_ORD_LIST})\s+(?:lid|leden)\b"
    rf"|(?:aanhef\s+en\s+)?(?:onderdelen|onderdeel|onder|sub)\s+{_SUBPART}(?:{_LIST_SEPARATOR}{_SUBPART})*"
    r"|\d{1,2}°"
    r"|aanhef\b"
    rf"|(?:{_ORD}|laatste)\s+volzin\b"
    r")",
    re.IGNORECASE,
)
# A lid on its own, inside an article: "lid 4", "het tweede lid", "de leden 2 en 3",
# "het eerste tot en met het derde lid". Not a member: "een tweede lid van de commissie".
_BARE_LID = re.compile(
    rf"(?<!\w)(?P<ords>(?:(?:het|de)\s+)?(?:{_ORD})(?:{_LIST_SEPARATOR}(?:het\s+)?(?:{_ORD}))*)\s+(?:lid|leden)\b"
    rf"|(?<!\w)(?:lid|leden)\s+(?P<nums>\d+[a-z]?(?:{_LIST_SEPARATOR}\d+[a-z]?)*)(?!\w|[.:]\d)",
    re.IGNORECASE,
)
_NOT_A_LID = re.compile(r"(?:\b(?:een|elk|ieder|iedere|geen|ander|nieuw)\s+)$", re.IGNORECASE)
_ORD_WORD = re.compile(rf"(?:het\s+)?(?P<w>{_ORD})\b", re.IGNORECASE)
_NUM_WORD = re.compile(r"\d+[a-z]?", re.IGNORECASE)
_ONLY_A_COMMA = re.compile(r"\s*,?\s*")
_SAME_ARTICLE = re.compile(r",?\s+van\s+dit\s+artikel\b", re.IGNORECASE)
_OF_ARTICLE = re.compile(r",?\s+van\s+(?=art(?:ikel\b|\.))", re.IGNORECASE)

# What follows a reference.
_PREPOSITION = r"(?:van|uit|bij|volgens|krachtens|ingevolge)"
_OWN = re.compile(
    rf",?\s*(?:{_PREPOSITION}|in)\s+(?:deze|dit|onderhavige)\s+"
    r"(?:verordening|regeling|besluit|beleidsregels?|reglement|nadere\s+regels|regels|beleid)\b"
    rf"|,?\s*{_PREPOSITION}\s+de\s+(?:verordening|regeling)(?=\s*(?:[,.;:)]|$))",
    re.IGNORECASE,
)
_PREVIOUS_LAW = re.compile(
    rf",?\s*{_PREPOSITION}\s+(?:(?:die|diezelfde|dezelfde|genoemde|voornoemde|laatstgenoemde|bedoelde)\s+"
    r"(?:wet|regeling|richtlijn|verordening|besluit|wetboek)|deze\s+(?:wet|richtlijn|wetboek))\b",
    re.IGNORECASE,
)
_LAW_LEAD = re.compile(rf",?\s*(?:{_PREPOSITION}\s+)?(?:(?:de|het|der)\s+)?", re.IGNORECASE)
# A name that reads as a law's even when the caller does not know it: "Erfgoedwet", "Wet open
# overheid", "Besluit activiteiten leefomgeving", "Burgerlijk Wetboek", "AVG", "BW".
LAW_LIKE = (
    r"(?-i:(?:[A-Z][\w-]*?(?:wet|wetboek|besluit|richtlijn|verdrag)|Wet|Besluit|Richtlijn|Verdrag"
    r"|Burgerlijk\s+Wetboek|Verordening\s+\(EU\)|[A-Z][a-z]*[A-Z][A-Za-z]*)(?![\w-]))"
)
_LAW_LIKE = re.compile(LAW_LIKE)
# Another text: a name after "van/bij de" (capitalised, or a word for a legal text: "de
# vogelrichtlijn"), or a law's name. "artikel 2.3 bij de aanvraag" is not one: that is this text.
_LEGAL_TEXT_WORD = r"[\w’'-]*(?:wet|wetboek|richtlijn|verordening|besluit|verdrag|reglement)"
_ELSEWHERE = re.compile(
    rf",?\s*(?:{_PREPOSITION}\s+(?:(?:de|het|der)\s+(?:(?-i:[A-Z][\w’'-]*)|{_LEGAL_TEXT_WORD})\b|{LAW_LIKE})"
    rf"|{LAW_LIKE})",
    re.IGNORECASE,
)
# A law named just before a reference: "Gemeentewet, art. 149", "de Wmo artikel 2.3.5".
_LAW_LIKE_BEFORE = re.compile(r"(?<![\w-])(?-i:[A-Z][\w-]*?wet(?:boek)?|[A-Z][a-z]*[A-Z][A-Za-z]*)\s*,?\s*$")
# Laws named in running text, for "die wet": a name that reads as a law's, or a lower-case
# directive ("de vogelrichtlijn").
_LAW_MENTION = re.compile(rf"(?<![\w-])(?:{LAW_LIKE}|(?-i:[a-z]+richtlijn)\b)")

OWN = "eigen"  # this regulation, said ("van deze verordening") or not
LAW = "wet"  # a law named after (or just before) the reference
PREVIOUS_LAW = "die wet"  # the law named last before it ("van die wet")
ELSEWHERE = "elders"  # another text the grammar cannot name ("van de Wet open overheid")


@dataclass(frozen=True)
class Cited:
    """One number of a reference, with the words a link on it covers."""

    nummer: str
    start: int
    end: int
    lid: str = ""  # the lid the text names for it: "2" for "tweede lid" or "lid 2"


@dataclass(frozen=True)
class TextCitation:
    """A reference in running text: its kind, its numbers, and what it points into."""

    kind: str  # artikel | hoofdstuk | afdeling | paragraaf | bijlage | lid (a lid of this article)
    parts: tuple[Cited, ...]
    start: int
    end: int  # with its details and what follows ("van deze verordening")
    points_to: str = OWN  # OWN | LAW | PREVIOUS_LAW | ELSEWHERE
    law: str = ""  # LAW: the law's name as written

    @property
    def awb_style(self) -> bool:
        """Numbered chapter:article, as the Awb and the BW number theirs ("7:13")."""
        return any(":" in part.nummer for part in self.parts)


def law_name_key(name: str) -> str:
    """How a law's name is compared: abbreviations as written ("PW"), longer names folded."""
    name = re.sub(r"\s+", " ", name.strip())
    return name if " " not in name and len(name) <= 6 else name.lower()


def law_name_pattern(names: Iterable[str]) -> re.Pattern | None:
    """A pattern for these law names in text: longest first, abbreviations case-sensitive ("PW",
    not "pw"), long names in any case, never inside a longer word."""
    names = sorted({n.strip() for n in names if n and len(n.strip()) >= 2}, key=len, reverse=True)
    if not names:
        return None
    alternatives = []
    for name in names:
        escaped = re.escape(name).replace(r"\ ", r"\s+")
        alternatives.append(escaped if " " not in name and len(name) <= 6 else f"(?i:{escaped})")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?!\w)")


class CitationGrammar:
    """Finds references in running text. `law_names`: the laws the caller can link to; any other
    law is still recognised as another text, so a reference into it never lands on this one."""

    def __init__(self, law_names: Iterable[str] = ()):
        self.laws = law_name_pattern(law_names)

    def citations(self, text: str) -> list[TextCitation]:
        """Every reference in `text`, in order; a bare lid only where no article claims it."""
        found: list[TextCitation] = []
        taken: list[tuple[int, int]] = []
        for m in _HEAD.finditer(text):
            if any(s <= m.start() < e for s, e in taken):
                continue
            citation = self._citation(text, m)
            found.append(citation)
            taken.append((citation.start, citation.end))
        for m in _BARE_LID.finditer(text):
            member = _NOT_A_LID.search(text[max(0, m.start() - 20) : m.start()])
            if member or any(s < m.end() and m.start() < e for s, e in taken):
                continue
            # "artikel 2.3 van de Wmo 2015, eerste lid": the lid of that law's article, not this one.
            if any(
                c.points_to != OWN and c.end <= m.start() and _ONLY_A_COMMA.fullmatch(text[c.end : m.start()])
                for c in found
            ):
                continue
            citation = self._bare_lid(text, m)
            if citation is None:
                continue
            if citation.kind == "artikel":  # "het tweede lid van artikel 5" replaces "artikel 5"
                found = [c for c in found if not citation.start <= c.start < citation.end]
            found.append(citation)
            taken.append((citation.start, citation.end))
        return sorted(found, key=lambda c: c.start)

    def laws_named(self, text: str) -> list[tuple[int, int, str]]:
        """Laws named in `text`: (start, end, name) for a law the caller knows, (start, end, "")
        for any other name that reads as a law's."""
        named = []
        known_spans = []
        if self.laws:
            for m in self.laws.finditer(text):
                named.append((m.start(), m.end(), m.group(0)))
                known_spans.append((m.start(), m.end()))
        for m in _LAW_MENTION.finditer(text):
            if not any(s <= m.start() < e for s, e in known_spans):
                named.append((m.start(), m.end(), ""))
        return sorted(named)

    # -- one reference ----------------------------------------------------------------------------

    def _citation(self, text: str, head: re.Match) -> TextCitation:
        kind = head.lastgroup.removesuffix("_nr")
        keyword = head.group(kind)
        start, pos = head.start(), head.end()
        numbers = [(head.group(f"{kind}_nr"), start, pos)]
        pos, lid = _details(text, pos)
        lids = [lid]
        if keyword.lower() in _PLURALS:
            while m := _NEXT_NUMBER[kind].match(text, pos):
                numbers.append((m.group("nr"), m.start("nr"), m.end("nr")))
                pos, lid = _details(text, m.end())
                lids.append(lid)
        # A link covers the number with its details; the last one also what follows.
        parts = [
            Cited(nr, s, _detail_end(text, e), lid) for (nr, s, e), lid in zip(numbers, lids, strict=True)
        ]
        points_to, law, end = self._target(text, pos, start)
        if points_to != ELSEWHERE:
            last = parts[-1]
            parts[-1] = Cited(last.nummer, last.start, max(last.end, end), last.lid)
        return TextCitation(kind.lower(), tuple(parts), start, max(end, pos), points_to, law)

    def _target(self, text: str, pos: int, start: int) -> tuple[str, str, int]:
        """What the reference ending at `pos` points into, its law's name, and where that ends."""
        if m := _OWN.match(text, pos):
            return OWN, "", m.end()
        if m := _PREVIOUS_LAW.match(text, pos):
            return PREVIOUS_LAW, "", m.end()
        if self.laws:
            lead = _LAW_LEAD.match(text, pos)
            if m := self.laws.match(text, lead.end()):
                return LAW, m.group(0), m.end()
        if m := _ELSEWHERE.match(text, pos):
            return ELSEWHERE, "", m.end()
        before = text[max(0, start - 120) : start]  # a law named just before: a few words back
        if self.laws:
            for m in self.laws.finditer(before):
                if re.fullmatch(r"\s*,?\s*", before[m.end() :]):
                    return LAW, m.group(0), pos
        if _LAW_LIKE_BEFORE.search(before):
            return ELSEWHERE, "", pos
        return OWN, "", pos

    def _bare_lid(self, text: str, m: re.Match) -> TextCitation | None:
        if m.group("ords"):
            words = list(_ORD_WORD.finditer(text, m.start("ords"), m.end("ords")))
            numbers = [(ORDINALS[w.group("w").lower()], w.start(), w.end()) for w in words]
        else:
            words = list(_NUM_WORD.finditer(text, m.start("nums"), m.end("nums")))
            numbers = [(w.group(0), w.start(), w.end()) for w in words]
        if not numbers:
            return None
        # The first link starts with the phrase ("het", "lid"), the last ends with it.
        numbers[0] = (numbers[0][0], m.start(), numbers[0][2])
        numbers[-1] = (numbers[-1][0], numbers[-1][1], m.end())
        end = m.end()
        if same := _SAME_ARTICLE.match(text, end):
            end = same.end()
            numbers[-1] = (numbers[-1][0], numbers[-1][1], end)
        elif of := _OF_ARTICLE.match(text, end):
            # "het tweede lid van artikel 5": a reference to that article's lid.
            head = _HEAD.match(text, of.end())
            if head and head.lastgroup == "artikel_nr":
                article = self._citation(text, head)
                lid = numbers[0][0]
                parts = (Cited(article.parts[0].nummer, m.start(), article.parts[-1].end, lid),)
                return TextCitation("artikel", parts, m.start(), article.end, article.points_to, article.law)
        parts = tuple(Cited(nr, s, e, nr) for nr, s, e in numbers)
        return TextCitation("lid", parts, m.start(), end)


def _details(text: str, pos: int) -> tuple[int, str]:
    """Skip the details after a number; return where they end and the first lid they name."""
    lid = ""
    while m := _DETAIL.match(text, pos):
        if not lid and m.group("lid"):
            lid = m.group("lid")
        elif not lid and m.group("ords"):
            lid = ORDINALS[_ORD_WORD.search(m.group("ords")).group("w").lower()]
        pos = m.end()
    return pos, lid


def _detail_end(text: str, pos: int) -> int:
    return _details(text, pos)[0]


# -- typed citations (the search box) -------------------------------------------------------------

_QUERY_LID = rf"(?:\s*,?\s*(?:lid\.?\s*(?P<lid>\d+)|(?P<ord>{_ORD})\s+lid))?"
QUERY_PATTERNS = (
    (
        "artikel",
        re.compile(
            rf"(?<!\w)(?:artikelen|artikel|art)\b\.?\s*(?P<nummer>{NUMBER}){_QUERY_LID}", re.IGNORECASE
        ),
    ),
    ("hoofdstuk", re.compile(r"(?<!\w)(?:hoofdstuk|hfdst|hfst|h)\b\.?\s*(?P<nummer>\d+)\b", re.IGNORECASE)),
    (
        "paragraaf",
        re.compile(rf"(?:(?<!\w)paragraaf\b|(?<!\w)par\b\.?|§)\s*(?P<nummer>{NUMBER})", re.IGNORECASE),
    ),
    ("afdeling", re.compile(rf"(?<!\w)(?:afdeling|afd)\b\.?\s*(?P<nummer>{NUMBER})", re.IGNORECASE)),
    ("bijlage", re.compile(r"(?<!\w)bijlage\s*(?P<nummer>\d+|[ivx]+)\b", re.IGNORECASE)),
    # A bare number with at least one dot: an article (or, failing that, a division).
    ("nummer", re.compile(r"(?<![\w.])(?P<nummer>\d+(?:\.\d+)+[a-z]?)(?![\w.])", re.IGNORECASE)),
)
ROMAN = MappingProxyType(
    {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
)


@dataclass(frozen=True)
class Citation:
    """A place a search query names."""

    kind: str  # artikel, hoofdstuk, paragraaf, afdeling, bijlage or nummer (unknown kind)
    nummer: str
    lid: str = ""

    def label(self) -> str:
        kind = "artikel" if self.kind == "nummer" else self.kind
        text = f"{kind} {self.nummer}"
        return f"{text} lid {self.lid}" if self.lid else text


def typed_citation(text: str) -> tuple[Citation | None, str]:
    """The citation a query names, if any, and the rest of the query. The first kind that
    matches wins, in the order articles, chapters, paragraphs, divisions, annexes, numbers."""
    for kind, pattern in QUERY_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        nummer = match.group("nummer").lower()
        if kind == "bijlage" and nummer in ROMAN:
            nummer = str(ROMAN[nummer])
        found = match.groupdict()
        lid = found.get("lid") or ORDINALS.get((found.get("ord") or "").lower(), "")
        rest = text[: match.start()] + " " + text[match.end() :]
        return Citation(kind=kind, nummer=nummer, lid=lid), rest
    return None, text
