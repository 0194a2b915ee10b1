"""Find cross-references in regulation text: articles, leden, chapters, annexes, terms and laws.

Pure text processing on the neutral tree. What counts as a reference is the citation grammar
(regelgeving.citations), which search uses too; this module decides where each one goes. The
writer turns each `Link` into a Wagtail page link or a wetten.overheid.nl (jci) link.

- A reference to a part of this regulation links to its page, an article's lid to the lid on it
  ("artikel 5.2.1, tweede lid"; "lid 4" inside an article); one to a part it lacks is reported.
- A reference into a law links to that law on wetten.overheid.nl when the law is known, and stays
  plain text otherwise: never to this regulation's part with the same number, and never reported.
  Numbers like "7:13" are the Awb's (or the BW's), unless the regulation numbers its own articles
  that way (as an APV does).
- A reference the source marks itself (a STOP IntRef) goes to the part it names.
- A begrip links once per article, where its words mean the term: not inside a name ("Verordening
  commissie bezwaarschriften Heemstede 2022", "Wet open overheid", "Gemeente Zutphen", a name in
  capitals), not in its own definition, and not where its plural reads as a verb ("kan een
  compliment aanvragen", against "deze aanvragen").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from regelgeving.citations import (
    ELSEWHERE,
    LAW,
    OWN,
    PREVIOUS_LAW,
    CitationGrammar,
    TextCitation,
    law_name_key,
    law_name_pattern,
)

from .tree import SourceRef


@dataclass(frozen=True)
class Link:
    kind: str  # "artikel" | "hoofdstuk" | "afdeling" | "paragraaf" | "bijlage" | "begrip" | "wet"
    key: str  # the part's number, the term's key or the law's abbreviation
    text: str
    artikel: str = ""  # for "wet": the article of that law, for a jci link
    lid: str = ""  # the lid the text names: an anchor on the article, or &lid= on a jci link
    part: str = ""  # the source's id of the part (a STOP IntRef), which the writer maps to its page


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


# A candidate link: (start, end, priority, link or None for words that stay plain, first use only).
_Candidate = tuple[int, int, int, Link | None, bool]

_OWN_KINDS = ("artikel", "hoofdstuk", "afdeling", "paragraaf", "bijlage")


@dataclass
class Linker:
    """Finds references in text. One instance per import; `scope()` per article."""

    artikelen: set[str]
    hoofdstukken: set[str] = field(default_factory=set)
    paragrafen: set[str] = field(default_factory=set)  # afdelingen and paragrafen
    bijlagen: set[str] = field(default_factory=set)
    terms: list[Term] = field(default_factory=list)
    laws: list[Law] = field(default_factory=list)
    parts: set[str] = field(default_factory=set)  # source ids of the parts that have a page
    references: list[Reference] = field(default_factory=list)

    def __post_init__(self):
        self._law_by_name: dict[str, Law] = {}
        for law in self.laws:
            for name in law.names:
                if name and len(name) >= 2:
                    self._law_by_name.setdefault(law_name_key(name), law)
        self._law_pattern = law_name_pattern(n for law in self.laws for n in law.names)
        self._grammar = CitationGrammar(n for law in self.laws for n in law.names)
        self._term_by_form: dict[str, Term] = {}
        for term in self.terms:
            for form in term.forms:
                self._term_by_form.setdefault(form.lower(), term)
        self._term_pattern = _term_pattern(self._term_by_form)
        self._verb_like = {form for term in self.terms for form in _verb_like_forms(term)}
        self._term_laws: dict[str, Law] = {}  # forms of a term defined as a law: "wet" -> Awb
        # By number as written and in any case ("bijlage a" finds "Bijlage A").
        self._numbers = {
            "artikel": _by_lower(self.artikelen),
            "hoofdstuk": _by_lower(self.hoofdstukken),
            "afdeling": _by_lower(self.paragrafen),
            "paragraaf": _by_lower(self.paragrafen),
            "bijlage": _by_lower(self.bijlagen),
        }
        # An APV numbers its own articles "2:10"; elsewhere such a number is the Awb's.
        self._own_colon_numbers = any(":" in nr for nr in self.artikelen)
        self.scope("")

    # -- scope: one article, annex, definition --------------------------------------------------

    def scope(self, source: str, skip_term: str = "") -> None:
        """Start a new article (or annex, or definition): terms and laws link once per scope.

        `source` names the part as the report does ("artikel 5.2.1"); in an article, "lid 4"
        links to that article's lid."""
        self._seen: set[tuple[str, str]] = set()
        self._source = source
        self._skip_term = skip_term
        self._artikel = source.removeprefix("artikel ") if source.startswith("artikel ") else ""
        self._leden: dict[str, str] = {}
        self._previous_law: Law | None = None

    def set_leden(self, leden: Iterable[str]) -> None:
        """The leden of the part in scope, as numbered ("1", "2a"), for "lid 4" and "het tweede lid"."""
        self._leden = {nr.rstrip(".").lower(): nr.rstrip(".") for nr in leden if nr}

    # -- the scan -----------------------------------------------------------------------------------

    def segments(self, text: str, refs: Sequence[SourceRef] = ()) -> list[Segment]:
        """`text` as plain strings and links. `refs`: references the source marks itself, which
        are followed as given and win over anything found in their words."""
        given = [self._source_ref(text, ref) for ref in refs if 0 <= ref.start < ref.end <= len(text)]
        spans = [(start, end) for start, end, *_ in given]
        candidates = given + [c for c in self._candidates(text, spans) if not _overlaps(c, spans)]
        # Earliest first, then longest: "artikel 9 van de Participatiewet" beats "Participatiewet".
        candidates.sort(key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
        out: list[Segment] = []
        pos = 0
        for start, end, _priority, link, first_use_only in candidates:
            if start < pos:
                continue
            if link is None or (first_use_only and (link.kind, link.key) in self._seen):
                # Not linked, but it still covers its words so nothing shorter links inside them.
                out.append(text[pos:end])
                pos = end
                continue
            if first_use_only or link.kind == "begrip":  # a begrip the source marks counts as its use
                self._seen.add((link.kind, link.key))
            if start > pos:
                out.append(text[pos:start])
            out.append(link)
            pos = end
        if pos < len(text):
            out.append(text[pos:])
        return _merge_text(out)

    def _candidates(self, text: str, given: list[tuple[int, int]]) -> list[_Candidate]:
        defined_here = self._learn_definition(text)
        named = self._grammar.laws_named(text)
        found: list[_Candidate] = []
        for citation in self._grammar.citations(text):
            if not _overlaps((citation.start, citation.end), given):  # the source's own reference wins
                found.extend(self._citation(text, citation, named))
        if self._law_pattern:
            for m in self._law_pattern.finditer(text):
                law = self._law_by_name[law_name_key(m.group(0))]
                found.append((m.start(), m.end(), 2, Link("wet", law.key, m.group(0)), True))
        found.extend(self._terms(text, skip={self._skip_term, defined_here}))
        if named:  # for "van die wet" in a later paragraph of the same article
            self._previous_law = self._law_named(named[-1][2])
        return found

    # -- references ---------------------------------------------------------------------------------

    def _citation(self, text: str, citation: TextCitation, named) -> list[_Candidate]:
        # Words that stay plain: the reference, and what says it points into this regulation or
        # a law; the name of another text is left to the rest of the scan.
        end = citation.parts[-1].end if citation.points_to == ELSEWHERE else citation.end
        plain = [(citation.start, end, 1, None, False)]
        if citation.kind == "lid":
            return self._bare_lid(text, citation)
        if citation.points_to == OWN and citation.awb_style and not self._own_colon_numbers:
            return plain  # an article of the Awb (or another law) that the text does not name
        if citation.points_to != OWN:
            law = None
            if citation.points_to == LAW:
                law = self._law_named(citation.law)
            elif citation.points_to == PREVIOUS_LAW:
                law = self._law_before(citation.start, named)
            if law is None:
                return plain  # a law or text we cannot link to: plain, and not missing here
            # A jci link goes to a law's article (and lid); other parts link to the law itself.
            article = citation.kind == "artikel"
            out = []
            for p in citation.parts:
                where = (p.nummer, p.lid) if article else ()
                out.append((p.start, p.end, 0, Link("wet", law.key, text[p.start : p.end], *where), False))
            return out
        out = []
        for part in citation.parts:
            words = text[part.start : part.end]
            nummer = self._numbers[citation.kind].get(part.nummer.lower())
            found = nummer is not None
            self.references.append(Reference(self._source, citation.kind, part.nummer, words, found))
            link = None
            if nummer is not None:
                link = Link(citation.kind, nummer, words, lid=part.lid if citation.kind == "artikel" else "")
            out.append((part.start, part.end, 1, link, False))
        return out

    def _bare_lid(self, text: str, citation: TextCitation) -> list[_Candidate]:
        """ "lid 4", "het tweede lid": a lid of the article in scope."""
        if not self._artikel:
            return [(citation.start, citation.end, 1, None, False)]
        out = []
        for part in citation.parts:
            words = text[part.start : part.end]
            lid = self._leden.get(part.nummer.lower())
            target = f"{self._artikel} lid {part.nummer}"
            self.references.append(Reference(self._source, "lid", target, words, lid is not None))
            link = Link("artikel", self._artikel, words, lid=lid) if lid is not None else None
            out.append((part.start, part.end, 1, link, False))
        return out

    def _source_ref(self, text: str, ref: SourceRef) -> _Candidate:
        """A reference the source marks: to the part it names, or plain when that is not here."""
        words = text[ref.start : ref.end]
        link = None
        if ref.kind == "begrip":
            term = self._term_by_form.get(ref.nummer.lower())
            link = Link("begrip", term.key, words) if term else None
        elif ref.kind in _OWN_KINDS:
            nummer = self._numbers[ref.kind].get(ref.nummer.lower())
            found = nummer is not None or ref.part in self.parts
            self.references.append(Reference(self._source, ref.kind, ref.nummer, words, found))
            if found:
                lid = ref.lid if ref.kind == "artikel" else ""
                link = Link(ref.kind, nummer or ref.nummer, words, lid=lid, part=ref.part)
        else:
            self.references.append(Reference(self._source, "verwijzing", ref.target, words, False))
        return (ref.start, ref.end, -1, link, False)

    def _law_named(self, name: str) -> Law | None:
        if not name:
            return None
        return self._law_by_name.get(law_name_key(name)) or self._term_laws.get(name.lower())

    def _law_before(self, pos: int, named) -> Law | None:
        """The law named last before `pos`: in this text, else in an earlier one of the scope."""
        before = [name for start, end, name in named if end <= pos]
        return self._law_named(before[-1]) if before else self._previous_law

    def _learn_definition(self, text: str) -> str:
        """The key of the term `text` defines ("wet: Algemene wet bestuursrecht"), if any. A term
        defined as one known law stands for that law after a reference: "artikel 7:3 van de wet"."""
        term, definition = None, text
        if m := _DEFINITION_HEAD.match(text):
            term, definition = self._term_by_form.get(m.group("term").strip().lower()), text[m.end() :]
        elif self._skip_term:  # the definition of the begrip in scope
            term = next((t for t in self.terms if t.key == self._skip_term), None)
        if term is None:
            return ""
        named = _DEFINITION_END.sub("", _DEFINITION_START.sub("", definition))
        law = self._law_pattern.fullmatch(named) if self._law_pattern else None
        new = [form.lower() for form in term.forms if form.lower() not in self._term_laws]
        if law and new:
            known = self._law_by_name[law_name_key(law.group(0))]
            self._term_laws.update(dict.fromkeys(new, known))
            names = [n for law in self.laws for n in law.names]
            self._grammar = CitationGrammar(names + list(self._term_laws))
        return term.key

    # -- begrippen ----------------------------------------------------------------------------------

    def _terms(self, text: str, skip: set[str]) -> list[_Candidate]:
        if not self._term_pattern:
            return []
        names = _proper_names(text)
        found = []
        for m in self._term_pattern.finditer(text):
            words = m.group(0)
            form = re.sub(r"\s+", " ", words).lower()
            term = self._term_by_form[form]
            if term.key in skip or any(s < m.end() and m.start() < e for s, e in names):
                continue
            if words.isupper() and len(words) > 1 and not any(f.isupper() for f in term.forms):
                continue  # a name in capitals ("COMMISSIE BEZWAARSCHRIFTEN")
            if form in self._verb_like and not _reads_as_noun(text, m.start()):
                continue
            found.append((m.start(), m.end(), 3, Link("begrip", term.key, words), True))
        return found


def _overlaps(candidate, spans: list[tuple[int, int]]) -> bool:
    return any(start < candidate[1] and candidate[0] < end for start, end in spans)


def _by_lower(numbers: Iterable[str]) -> dict[str, str]:
    return {nr.lower(): nr for nr in numbers if nr}


def _term_pattern(by_form: dict[str, Term]) -> re.Pattern | None:
    if not by_form:
        return None
    forms = sorted(by_form, key=len, reverse=True)
    alternatives = [re.escape(f).replace(r"\ ", r"\s+") for f in forms]
    return re.compile(r"(?<![\w-])(?i:" + "|".join(alternatives) + r")(?![\w-])")


# "a. wet: Algemene wet bestuursrecht;" — the term a line defines, and its definition.
_DEFINITION_HEAD = re.compile(r"^\s*(?:[a-z0-9]{1,3}[.)°]\s+)?(?P<term>[^:;.]{1,60}?)\s*:\s+")
_DEFINITION_START = re.compile(r"^\s*(?:de|het)\s+", re.IGNORECASE)
_DEFINITION_END = re.compile(r"\s*(?:\([^()]{1,15}\))?\s*[;.,]?\s*$")

# -- words that mean the term ---------------------------------------------------------------------

# Singular endings of nouns whose plural is never a verb: meldingen, voorzieningen, gemeenschappen.
_NOUN_ONLY = (
    "ing", "heid", "teit", "schap", "nis", "sel", "isme", "tie", "sie", "ij", "aar", "ier", "ist",
    "ent", "ant", "eur", "uur", "ment", "dom", "je",
)  # fmt: skip


def _verb_like_forms(term: Term) -> set[str]:
    """Plurals of a one-word term that are spelled as an infinitive: "aanvragen" (aanvraag),
    "gedragen" (gedrag), "plannen" (plan); not "meldingen" or "kinderen"."""
    base = term.forms[0].lower() if term.forms else ""
    if not base or " " in base or base.endswith(_NOUN_ONLY):
        return set()
    stems = {base, base + base[-1], re.sub(r"([aeou])\1([^aeiou])$", r"\1\2", base)}
    return {f.lower() for f in term.forms[1:] if f.lower() in {stem + "en" for stem in stems}}


# After these words a form is a noun: "een/de/uw/deze aanvragen", "voor aanvragen", "twee aanvragen".
_NOUN_MARKERS = frozenset(
    """
    de het een ’n uw jouw je zijn haar hun onze ons mijn deze die dit dat welke elke iedere ieder
    alle geen enkele meerdere sommige andere overige beide veel weinig meer minder twee drie vier
    vijf zes zeven acht negen tien van voor op bij in met over na om tot door aan uit naar tegen
    zonder per onder binnen buiten via tijdens volgens vanaf sinds tussen rond betreffende inzake
    omtrent ter ten wegens vanwege ondanks
    """.split()
)
_PREVIOUS_WORD = re.compile(r"([\w’'-]+)$")


def _reads_as_noun(text: str, start: int) -> bool:
    """A word that may be a verb ("aanvragen") is the noun at the start of a sentence or item, or
    after an article, possessive, demonstrative, number or preposition; elsewhere ("kan een
    compliment aanvragen", "te aanvragen", "als zij ondersteuning aanvragen") it is the verb."""
    before = text[max(0, start - 40) : start].rstrip()
    if not before or before[-1] in ".!?:;(•–—":
        return True
    word = _PREVIOUS_WORD.search(before)
    if word is None:
        return False
    word = word.group(1).lower()
    return word in _NOUN_MARKERS or word.isdigit()


_TITLE_KEYWORDS = (
    r"(?:Algemene plaatselijke verordening|Verordening|Regeling|Beleidsregels?|Beleidsplan|Besluit|"
    r"Reglement|Nadere regels|Wet|Uitvoeringsbesluit|Uitvoeringsregeling)"
)
_NOT_IN_A_TITLE = (
    r"(?:treedt|treden|wordt|worden|is|zijn|was|waren|geldt|gelden|kan|kunnen|moet|moeten|mag|mogen|"
    r"heeft|hebben|bevat|bevatten|regelt|regelen|bepaalt|vervalt|vervallen|luidt)"
)
# The name of a regulation or law with its year: "Verordening commissie bezwaarschriften
# Heemstede 2022", "Wet maatschappelijke ondersteuning 2015".
_TITLE_WITH_YEAR = re.compile(
    rf"(?<![\w-]){_TITLE_KEYWORDS}(?:\s+(?!{_NOT_IN_A_TITLE}\b)[\w’'&()/-]+){{0,14}}?\s+(?:19|20)\d\d(?!\d)"
)
# A law's name without a year starts with a capital and goes on in lower case: "Wet open overheid".
_LAW_TITLE_START = re.compile(r"(?<![\w-])(?:Wet|Besluit)(?=\s+[a-z])")
_TOKEN = re.compile(r"[\w’'-]+")
_NAME_PARTICLES = frozenset("van de der den voor en het op".split())


def _proper_names(text: str) -> list[tuple[int, int]]:
    """Where `text` holds names, in which a term's words are part of the name, not the term."""
    spans = [m.span() for m in _TITLE_WITH_YEAR.finditer(text)]
    spans += [m.span() for m in _LAW_TITLE_START.finditer(text)]
    spans += _capitalised_runs(text)
    return spans


def _capitalised_runs(text: str) -> list[tuple[int, int]]:
    """Two or more capitalised words in a row ("Commissie Bezwaarschriften", "Centrum voor Jeugd en
    Gezin", "Gemeente Zutphen" at the start of a sentence); a capital that only opens a sentence
    counts when a capitalised word follows it and it is not an article or a preposition."""
    tokens = list(_TOKEN.finditer(text))
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not _is_capitalised(tokens[i].group(0)):
            i += 1
            continue
        opens_sentence = _opens_sentence(text, tokens[i].start())
        if opens_sentence and tokens[i].group(0).lower() in _NOUN_MARKERS:
            i += 1
            continue
        j, last, count = i + 1, i, 1
        while j < len(tokens) and text[tokens[j - 1].end() : tokens[j].start()].strip() == "":
            word = tokens[j].group(0)
            if _is_capitalised(word):
                last, count = j, count + 1
            elif word not in _NAME_PARTICLES or (opens_sentence and count == 1):
                break
            j += 1
        if count >= 2:
            runs.append((tokens[i].start(), tokens[last].end()))
        i = max(last, i) + 1
    return runs


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


_LIST_MARK = re.compile(r"(?:^|\s)[a-z0-9]{1,3}[.)]$")


def _opens_sentence(text: str, start: int) -> bool:
    pos = start
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    if pos == 0 or text[pos - 1] in ".!?:;(•–—\"“‘'":
        return True
    return bool(_LIST_MARK.search(text[max(0, pos - 5) : pos]))


def _merge_text(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for seg in segments:
        if isinstance(seg, str) and out and isinstance(out[-1], str):
            out[-1] += seg
        elif seg != "":
            out.append(seg)
    return out
