"""Find cross-references in regulation text: articles, chapters, annexes, terms and laws.

Pure text processing on the neutral tree. The writer turns each `Link` into a
Wagtail page link or a wetten.overheid.nl (jci) link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LID_WORDS = "eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende"
_ARTIKEL = re.compile(
    r"\b(?P<word>[Aa]rtikel(?:en)?|[Aa]rt\.)\s*(?P<nr>\d+(?:\.\d+)*[a-z]?)\b"
    r"(?P<tail>(?:,?\s+(?:lid\s+\d+|(?:" + _LID_WORDS + r")\s+lid|onderdeel\s+[a-z]\b|"
    r"aanhef\s+en\s+onder\s+[a-z]\b|onder\s+[a-z]\b|sub\s+[a-z]\b))*,?)"
)
_VAN = re.compile(r"^\s*(?:van\s+(?:de|het)\s+|van\s+|uit\s+de\s+)?")
_DEZE = re.compile(
    r"^\s*van\s+(?:deze|dit)\s+(?:verordening|regeling|besluit|beleidsregels?)", re.I
)
_HOOFDSTUK = re.compile(
    r"\b(?P<word>[Hh]oofdstuk(?:ken)?)\s+(?P<nr>\d+)(?:\s+(?:en|of|t/m|tot en met)\s+(?P<nr2>\d+))?\b"
)
_PARAGRAAF = re.compile(r"\b(?P<word>[Pp]aragraaf|§)\s*(?P<nr>\d+(?:\.\d+)+)\b")
_BIJLAGE = re.compile(r"\b(?P<word>[Bb]ijlage)\s+(?P<nr>\d+|[A-Z])\b")


@dataclass(frozen=True)
class Link:
    kind: str  # "artikel" | "hoofdstuk" | "paragraaf" | "bijlage" | "begrip" | "wet"
    key: str  # article number, term key or law abbreviation
    text: str
    artikel: str = ""  # for "wet": the article of that law, for a jci link


Segment = str | Link


@dataclass
class Reference:
    source: str  # "artikel 5.2.1", "bijlage 1", "begrip Inwoner"
    kind: str
    target: str
    text: str
    resolved: bool


@dataclass
class Law:
    key: str  # afkorting of the Wet snippet
    names: list[str]
    bwb_id: str = ""


@dataclass
class Term:
    key: str  # slug of the begrip page
    forms: list[str]


def term_forms(term: str) -> list[str]:
    """Surface forms of a defined term: "Voorziening(en)" -> voorziening, voorzieningen."""
    term = term.strip()
    m = re.fullmatch(r"(?P<base>.+?)\((?P<suffix>[a-zë]{1,5})\)(?P<rest>.*)", term)
    if m:
        base, rest = m.group("base").strip(), m.group("rest").strip()
        forms = [f"{base} {rest}".strip(), f"{base}{m.group('suffix')} {rest}".strip()]
    else:
        head, _, last = term.rpartition(" ")
        forms = [term, *(f"{head} {plural}".strip() for plural in _plurals(last))]
    out: list[str] = []
    for form in forms:
        if form and form.lower() not in (f.lower() for f in out):
            out.append(form)
    return out


def _plurals(word: str) -> list[str]:
    """Regular Dutch plurals of a word; irregular ones come from "(en)" in the source."""
    low = word.lower()
    if not low or not low[-1].isalpha() or (word.isupper() and len(word) <= 5):
        return []  # abbreviations such as "BIG" or "SKJ"
    if low.endswith("ers"):  # already plural, as in "Ouders"
        return []
    if low.endswith(("er", "el", "em", "en", "je", "ie", "é")):
        return [word + "s"]
    if low[-1] in "aouiy":
        return [word + "'s"]
    if low[-1] == "e":
        return [word + "n", word + "s"]
    if re.search(r"([aeou])\1[^aeiou]$", low):  # orgaan -> organen, school -> scholen
        return [word[:-2] + word[-1] + "en"]
    if re.search(r"(?:^|[^aeiou])[aeiou][bdfgklmnprt]$", low):  # wet -> wetten, plan -> plannen
        return [word + word[-1] + "en"]
    return [word + "en"]


@dataclass
class Linker:
    """Finds references in text. One instance per import; `scope()` per article."""

    artikelen: set[str]
    hoofdstukken: set[str] = field(default_factory=set)
    paragrafen: set[str] = field(default_factory=set)
    bijlagen: set[str] = field(default_factory=set)
    terms: list[Term] = field(default_factory=list)
    laws: list[Law] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)

    def __post_init__(self):
        self._law_pattern, self._law_by_name = self._compile_laws()
        self._term_pattern, self._term_by_form = self._compile_terms()
        self._seen: set[tuple[str, str]] = set()
        self._source = ""
        self._skip_term = ""

    # -- scope: first use per article --------------------------------------

    def scope(self, source: str, skip_term: str = "") -> None:
        """Start a new article (or annex, or definition): terms and laws link once per scope."""
        self._seen = set()
        self._source = source
        self._skip_term = skip_term

    # -- the scan -----------------------------------------------------------

    def segments(self, text: str) -> list[Segment]:
        candidates = self._candidates(text)
        # Earliest first, then longest: "artikel 9 van de Participatiewet" beats "Participatiewet".
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
        out: list[Segment] = []
        pos = 0
        for start, end, _prio, link in candidates:
            if start < pos:
                continue
            if link.kind in ("begrip", "wet") and not link.artikel:
                marker = (link.kind, link.key)
                if marker in self._seen:
                    # Not linked again, but it still covers its words so no shorter term links inside.
                    out.append(text[pos:end])
                    pos = end
                    continue
                self._seen.add(marker)
            if start > pos:
                out.append(text[pos:start])
            out.append(link)
            pos = end
        if pos < len(text):
            out.append(text[pos:])
        return _merge_text(out)

    def _candidates(self, text: str) -> list[tuple[int, int, int, Link]]:
        found: list[tuple[int, int, int, Link]] = []
        for m in _ARTIKEL.finditer(text):
            found.extend(self._artikel(text, m))
        for m in _HOOFDSTUK.finditer(text):
            if self._law_follows(text, m.end()):
                continue
            first_end = m.end("nr")
            found.append(
                self._structural_span(
                    m.start(),
                    first_end,
                    text[m.start() : first_end],
                    "hoofdstuk",
                    m.group("nr"),
                    self.hoofdstukken,
                )
            )
            if m.group("nr2"):
                s, e = m.span("nr2")
                found.append(
                    self._structural_span(
                        s, e, text[s:e], "hoofdstuk", m.group("nr2"), self.hoofdstukken
                    )
                )
        for m in _PARAGRAAF.finditer(text):
            if not self._law_follows(text, m.end()):
                found.append(self._structural(m, "paragraaf", m.group("nr"), self.paragrafen))
        for m in _BIJLAGE.finditer(text):
            if not self._law_follows(text, m.end()):
                found.append(self._structural(m, "bijlage", m.group("nr"), self.bijlagen))
        if self._law_pattern:
            for m in self._law_pattern.finditer(text):
                law = self._law_by_name[_law_name_key(m.group(0))]
                found.append((m.start(), m.end(), 2, Link("wet", law.key, m.group(0))))
        if self._term_pattern:
            for m in self._term_pattern.finditer(text):
                term = self._term_by_form[re.sub(r"\s+", " ", m.group(0)).lower()]
                if term.key != self._skip_term:
                    found.append((m.start(), m.end(), 3, Link("begrip", term.key, m.group(0))))
        return [c for c in found if c is not None]

    def _artikel(self, text: str, m: re.Match):
        nr = m.group("nr")
        end = m.end()
        after = text[end:]
        if law := self._law_follows(text, end):
            stop, law_obj = law
            link = Link("wet", law_obj.key, text[m.start() : stop], artikel=nr)
            return [(m.start(), stop, 0, link)]
        deze = _DEZE.match(after)
        stop = (
            end + deze.end()
            if deze
            else end - len(m.group("tail")) + len(m.group("tail").rstrip(","))
        )
        if not deze and re.match(r"^\s*van\s+(?:de|het)\s+\w", after):
            # "artikel 3 van de Wet X" for a law we do not know: not a reference into this text.
            return []
        return [
            self._structural_span(
                m.start(), stop, text[m.start() : stop], "artikel", nr, self.artikelen
            )
        ]

    def _law_follows(self, text: str, pos: int) -> tuple[int, Law] | None:
        """(end, law) when a law's name follows at `pos`, as in "artikel 9 van de Participatiewet"."""
        if not self._law_pattern:
            return None
        van = _VAN.match(text[pos:])
        m = self._law_pattern.match(text, pos + (van.end() if van else 0))
        if not m:
            return None
        return m.end(), self._law_by_name[_law_name_key(m.group(0))]

    def _structural(self, m: re.Match, kind: str, nr: str, targets: set[str]):
        return self._structural_span(m.start(), m.end(), m.group(0), kind, nr, targets)

    def _structural_span(self, start, end, text, kind, nr, targets):
        resolved = nr in targets
        self.references.append(Reference(self._source, kind, nr, text, resolved))
        if not resolved:
            return None
        return (start, end, 1, Link(kind, nr, text))

    # -- patterns -----------------------------------------------------------

    def _compile_laws(self):
        by_name: dict[str, Law] = {}
        for law in self.laws:
            for name in law.names:
                if name and len(name) >= 2:
                    by_name.setdefault(_law_name_key(name), law)
        if not by_name:
            return None, by_name
        names = sorted(
            {n for law in self.laws for n in law.names if n and len(n) >= 2}, key=len, reverse=True
        )
        alternatives = []
        for name in names:
            escaped = re.escape(name).replace(r"\ ", r"\s+")
            # Abbreviations are case-sensitive ("PW", not "pw"); long names are not.
            alternatives.append(
                escaped if " " not in name and len(name) <= 6 else f"(?i:{escaped})"
            )
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w])")
        return pattern, by_name

    def _compile_terms(self):
        by_form: dict[str, Term] = {}
        for term in self.terms:
            for form in term.forms:
                by_form.setdefault(form.lower(), term)
        if not by_form:
            return None, by_form
        forms = sorted(by_form, key=len, reverse=True)
        alternatives = [re.escape(f).replace(r"\ ", r"\s+") for f in forms]
        pattern = re.compile(r"(?<![\w-])(?i:" + "|".join(alternatives) + r")(?![\w-])")
        return pattern, by_form


def _law_name_key(name: str) -> str:
    name = re.sub(r"\s+", " ", name.strip())
    return name if " " not in name and len(name) <= 6 else name.lower()


def _merge_text(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        if isinstance(seg, str) and out and isinstance(out[-1], str):
            out[-1] += seg
        elif seg != "":
            out.append(seg)
    return out
