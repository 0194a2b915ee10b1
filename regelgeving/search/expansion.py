"""From parsed query to one backend-neutral search query, with synonyms and Dutch stems.

Every word becomes a clause "the word or its stem"; a quoted phrase stays a phrase; where the
words (or phrase) equal one side of a synonym, the other side is an alternative. The clauses
are joined with And, or with Or for the broader second try. Wagtail's query objects turn
this into FTS5, tsquery or Elasticsearch DSL, so every backend runs the same query.

Pure: the synonym pairs come from the caller (read from the database by synonyms.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from wagtail.search.query import And, Or, Phrase, PlainText
from wordfreq import zipf_frequency

from ..analysis import fold, query_form
from .query import ParsedQuery


@dataclass
class Marks:
    words: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Clause:
    """One thing the query asks for, in any of its alternative wordings."""

    alternatives: list[tuple[str, ...]] = field(default_factory=list)

    def search_query(self):
        parts = []
        for alt in self.alternatives:
            if len(alt) == 1:
                parts.append(PlainText(alt[0]))
                form = query_form(alt[0])
                if form != alt[0]:
                    parts.append(PlainText(form))
            else:
                parts.append(Phrase(" ".join(alt)))
        unique = list({repr(p): p for p in parts}.values())
        return unique[0] if len(unique) == 1 else Or(unique)


def build_clauses(parsed: ParsedQuery, pairs) -> list[Clause]:
    """The clauses of a query; `pairs` are (words, synonym words) as synonyms.synonym_pairs gives."""
    synonyms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for a, b in pairs:
        synonyms.setdefault(a, []).append(b)
    longest = max((len(a) for a in synonyms), default=0)

    clauses = []
    for phrase in parsed.phrases:
        key = tuple(fold(w) for w in phrase)
        clauses.append(Clause([tuple(phrase), *synonyms.get(key, [])]))

    remaining = list(parsed.words)
    i = 0
    while i < len(remaining):
        for size in range(min(longest, len(remaining) - i), 0, -1):
            key = tuple(fold(w) for w in remaining[i : i + size])
            if key in synonyms:
                original = tuple(remaining[i : i + size])
                clauses.append(Clause([original, *synonyms[key]]))
                i += size
                break
        else:
            clauses.append(Clause([(remaining[i],)]))
            i += 1
    return clauses


# Beyond this many combinations "at least k of n" becomes "any of them".
MAX_COMBINATIONS = 20


def search_query_at_least(clauses: list[Clause], k: int):
    """Pages that match at least k of the clauses: an Or of the Ands of every k of them."""
    parts = [c.search_query() for c in clauses]
    if len(parts) == 1:
        return parts[0]
    if k >= len(parts):
        return And(parts)
    groups = list(combinations(parts, k)) if k > 1 else []
    if k <= 1 or len(groups) > MAX_COMBINATIONS:
        return Or(parts)
    return Or([And(list(group)) for group in groups])


def informativeness(clause: Clause) -> float:
    """How much a clause says about a text's subject: the rarer its words in Dutch at large
    (wordfreq's Zipf scale), the more. The same on every backend and without extra queries."""
    zipf = min(
        (max((zipf_frequency(w, "nl") for w in alt), default=0.0) for alt in clause.alternatives), default=0.0
    )
    return max(0.5, 7.0 - zipf)


def clause_matches(clause: Clause, forms: set[str]) -> bool:
    """Whether a text whose search forms are `forms` matches this clause."""
    return any(all(query_form(w) in forms or fold(w) in forms for w in alt) for alt in clause.alternatives)


def highlight_terms(clauses: list[Clause]) -> Marks:
    """What a fragment marks as matched: single words by form, phrases as a whole."""
    marks = Marks()
    for clause in clauses:
        for alt in clause.alternatives:
            if len(alt) == 1:
                marks.words.add(fold(alt[0]))
                # Text words whose forms include this one match too, so "vervoer" marks
                # "leerlingenvervoer" (see highlight.fragment).
                marks.forms.add(query_form(alt[0]))
            else:
                marks.phrases.append(tuple(query_form(w) for w in alt))
    return marks
