"""What a search query asks for: a citation, quoted phrases and loose words. Pure parsing.

"art. 2.3.2", "artikel 3.1 lid 1", "hoofdstuk 7", "par. 8.3" and "bijlage II" are citations;
a bare number with a dot ("2.3.2") is one too. They are read by the citation grammar the importer
links with (regelgeving.citations). What is left over is searched as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..analysis import STOP_WORDS, fold, words
from ..citations import Citation, typed_citation
from ..control_characters import strip_control_characters

MAX_QUERY_LENGTH = 200
# Words of a question typed in plain Dutch that say nothing about its subject ("hoeveel pgb
# krijg ik", "kinderopvang zodat ik kan werken"); dropped from the query, not from the index.
QUESTION_WORDS = frozenset(
    """
    hoeveel hoelang waarom wanneer waar welke welk waardoor waarmee waarvoor zodat voordat
    nadat terwijl vanuit kun kunt krijg krijgt mag mogen graag ik jij we wij jullie mijn
    onze mensen iemand iets
    """.split()
)
# The most words and phrases a query searches for. Each becomes a clause of the backend query,
# and backends nest clauses: Wagtail's SQLite backend compiles one level of Python recursion
# per term, so "3. " typed 500 times exceeded Python's recursion limit, and PostgreSQL planned
# a tsquery of 500 terms. Words are also kept once ("3 3 3" searches "3").
MAX_WORDS = 12


@dataclass
class ParsedQuery:
    raw: str
    citation: Citation | None = None
    phrases: list[list[str]] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    @property
    def has_text(self) -> bool:
        return bool(self.phrases or self.words)

    @property
    def text(self) -> str:
        """The text part, as the inwoner typed it (citation and quotes removed)."""
        parts = [" ".join(p) for p in self.phrases] + self.words
        return " ".join(parts)

    @property
    def all_words(self) -> list[str]:
        return [w for p in self.phrases for w in p] + self.words


def parse_query(raw: str, citations: bool = True) -> ParsedQuery:
    """Split a query into a citation, quoted phrases and words (stop words dropped): control
    characters cleaned, no more than MAX_QUERY_LENGTH characters and MAX_WORDS words and phrases.
    Without `citations`, "artikel 7.4" is words like any other (the Wagtail API's text search)."""
    raw = " ".join(strip_control_characters(raw or "").split())[:MAX_QUERY_LENGTH]
    parsed = ParsedQuery(raw=raw)
    citation, rest = typed_citation(raw) if citations else (None, raw)
    parsed.citation = citation
    for quoted in re.findall(r'"([^"]+)"', rest):
        phrase = words(quoted)
        if len(phrase) > 1:
            parsed.phrases.append(phrase)
        elif phrase:
            parsed.words.extend(phrase)
    # Closed quotes are phrases; a quote left open is ignored and its words still count.
    rest = re.sub(r'"[^"]*"', " ", rest).replace('"', " ")
    parsed.words.extend(w for w in words(rest) if is_content_word(w))
    parsed.phrases = list({tuple(p): p for p in parsed.phrases}.values())[:MAX_WORDS]
    parsed.words = list(dict.fromkeys(parsed.words))[: MAX_WORDS - len(parsed.phrases)]
    return parsed


def is_content_word(word: str) -> bool:
    """Whether a query word says something about what is sought: no stop word, no question word."""
    return word not in STOP_WORDS and word not in QUESTION_WORDS


def normalized(text: str) -> str:
    """A name as compared with begrip names and synonyms: folded words, single spaces."""
    return " ".join(fold(w) for w in words(text))
