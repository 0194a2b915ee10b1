"""From parsed query to one backend-neutral search query, with synonyms and Dutch stems.

Every word the inwoner typed becomes a clause "the word or its stem"; a quoted phrase stays a
phrase. A synonym only ever widens a query: where some of the typed words (or a phrase) equal
one side of a synonym, the other side becomes an alternative of each of those words' clauses,
so a text matches them either word by word, as without the synonym, or by the synonym. The
words stay clauses of their own, so "all but one of them" still means something for the
broader second try. Synonyms are compared without stop words ("hulp bij het huishouden" as
typed, stop words dropped, still names the synonym).

The clauses are joined with And, or with "at least k of them" for the broader tries; the
same clauses without their synonyms (`literal`) give the pages that hold the words as typed,
which come before those found through a synonym only (text_search.py). Wagtail's query
objects turn this into FTS5, tsquery or Elasticsearch DSL, so every backend runs the same query.

Pure: the synonym pairs and the names of laws come from the caller (read from the database by
synonyms.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations

from wagtail.search.query import And, Not, Or, Phrase, PlainText
from wordfreq import zipf_frequency

from ..analysis import fold, query_form
from .query import ParsedQuery, is_content_word


@dataclass
class Marks:
    words: set[str] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    phrases: list[tuple[str, ...]] = field(default_factory=list)


@dataclass
class Clause:
    """One thing the query asks for: a word or a quoted phrase as typed (`literal`), or any of
    the wordings a synonym gives for it (`synonyms`). `law_names` are names of laws that hold
    the typed word: a text that mentions one of them may hold the word only as part of it."""

    literal: tuple[str, ...]
    synonyms: list[tuple[str, ...]] = field(default_factory=list)
    law_names: list[tuple[str, ...]] = field(default_factory=list)

    @property
    def alternatives(self) -> list[tuple[str, ...]]:
        return [self.literal, *self.synonyms]

    def search_query(self, literal: bool = False):
        """The backend query for this clause; with `literal`, only the words as typed, and not
        in a text that may hold them only in the name of a law."""
        if not literal:
            return _any_of(self.alternatives)
        if not self.law_names:
            return _any_of([self.literal])
        return And([_any_of([self.literal]), Not(Or([Phrase(" ".join(name)) for name in self.law_names]))])


def _any_of(alternatives: list[tuple[str, ...]]):
    """One word as itself or its stem, more words as a phrase; any of these alternatives."""
    parts = []
    for alt in alternatives:
        if len(alt) == 1:
            parts.append(PlainText(alt[0]))
            form = query_form(alt[0])
            if form != alt[0]:
                parts.append(PlainText(form))
        else:
            parts.append(Phrase(" ".join(alt)))
    unique = list({repr(p): p for p in parts}.values())
    return unique[0] if len(unique) == 1 else Or(unique)


def synonym_key(words) -> tuple[str, ...]:
    """How typed words and a synonym are compared: folded, without stop and question words."""
    return tuple(fold(w) for w in words if is_content_word(w))


def build_clauses(parsed: ParsedQuery, pairs, law_names=()) -> list[Clause]:
    """The clauses of a query; `pairs` are (words, synonym words) as synonyms.synonym_pairs gives,
    `law_names` the names of laws as synonyms.law_names gives."""
    synonyms: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for a, b in pairs:
        key = synonym_key(a)
        if key and b not in synonyms.setdefault(key, []):
            synonyms[key].append(b)
    longest = max((len(a) for a in synonyms), default=0)

    clauses = []
    for phrase in parsed.phrases:
        literal, key = tuple(phrase), tuple(fold(w) for w in phrase)
        clauses.append(Clause(literal, [s for s in synonyms.get(synonym_key(phrase), []) if s != key]))

    # Every run of typed words that names a synonym lends it to each of its words, so runs
    # that overlap ("aanpassing woning" = woningaanpassing, "woning" = huis) all count.
    typed = list(parsed.words)
    lent: list[list[tuple[str, ...]]] = [[] for _ in typed]
    for i in range(len(typed)):
        for size in range(1, min(longest, len(typed) - i) + 1):
            for synonym in synonyms.get(synonym_key(typed[i : i + size]), []):
                for j in range(i, i + size):
                    if synonym != (fold(typed[j]),) and synonym not in lent[j]:
                        lent[j].append(synonym)
    clauses += [Clause((word,), alternatives) for word, alternatives in zip(typed, lent, strict=True)]
    _mark_law_names(clauses, parsed, law_names)
    return clauses


def _mark_law_names(clauses: list[Clause], parsed: ParsedQuery, law_names) -> None:
    """Give a typed word that has a synonym the names of laws that hold it, unless the query
    names such a law in full: "schuldhulpverlening" in a text may be "Wet gemeentelijke
    schuldhulpverlening" only, which should not put that text before the texts found through
    the word's synonym (schulden). Words without a synonym need no such care: nothing is
    ranked against them."""
    typed = {fold(w) for w in parsed.all_words}
    named = {w for name in law_names if set(synonym_key(name)) <= typed for w in name}
    for clause in clauses:
        word = fold(clause.literal[0])
        if clause.synonyms and len(clause.literal) == 1 and word not in named:
            clause.law_names = [name for name in law_names if word in name]


def has_synonyms(clauses: list[Clause]) -> bool:
    return any(c.synonyms for c in clauses)


# Beyond this many combinations "at least k of n" becomes "any of them".
MAX_COMBINATIONS = 20


def search_query_at_least(clauses: list[Clause], k: int, literal: bool = False):
    """Pages that match at least k of the clauses: an Or of the Ands of every k of them. With
    `literal`, the clauses without their synonyms: the words as typed."""
    parts = [c.search_query(literal) for c in clauses]
    if len(parts) == 1:
        return parts[0]
    if k >= len(parts):
        return And(parts)
    groups = list(combinations(parts, k)) if k > 1 else []
    if k <= 1 or len(groups) > MAX_COMBINATIONS:
        return Or(parts)
    return Or([And(list(group)) for group in groups])


def search_query_by_synonym_only(clauses: list[Clause], k: int):
    """Pages that match at least k of the clauses, but not with the words as typed."""
    return And([search_query_at_least(clauses, k), Not(search_query_at_least(clauses, k, literal=True))])


# Up to this many groups of k clauses are searched one by one for "all but one" and further.
MAX_GROUPS = 3


def fewer_clauses(clauses: list[Clause], k: int) -> list[list[Clause]]:
    """How to search for pages matching k of the clauses: each group of k clauses apart, the
    rarest words first ("rolstoel aanvragen": rolstoel before aanvragen), or, with more groups
    than MAX_GROUPS, all clauses at once (search_query_at_least, in the backend's order)."""
    groups = list(combinations(clauses, k))
    if len(groups) > MAX_GROUPS:
        return [clauses]
    return sorted((list(g) for g in groups), key=lambda g: -sum(informativeness(c) for c in g))


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
