"""Dutch text analysis shared by indexing and querying, identical for every search backend.

Each word becomes a set of *search forms*: its Snowball stem and the stems of the parts of a
compound word, without diacritics. The forms of a page are indexed as one extra search field;
the forms of the query are searched beside the words themselves. Because index and query go
through the same function, stems also match on SQLite, which has no Dutch stemmer of its own,
and *mantelzorg* finds *mantelzorgcompliment*, *vervoer* finds *leerlingenvervoer*.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer
import wordfreq

WORD = re.compile(r"[^\W_]+", re.UNICODE)

# Snowball's Dutch stop list, the words PostgreSQL's `dutch` configuration also drops.
STOP_WORDS = frozenset(
    """
    de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om
    hem dan zou of wat mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar
    naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets worden toch al
    waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd
    altijd doch wordt wezen kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest
    andere
    """.split()
)

# A part of a compound counts as a word when it is at least this common in Dutch (Zipf scale:
# 3 is about once per million words). Rarer strings ("ment", "zorger") are left alone.
MIN_PART_ZIPF = 3.0
MIN_PART = 4
MIN_COMPOUND = 8


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lower case without diacritics: "Cliënt" and "client" are the same search form."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The lower-cased words of a text, diacritics kept (for display and dictionary lookups)."""
    return [w.lower() for w in WORD.findall(text)]


@lru_cache(maxsize=1)
def _stemmer():
    # The Porter variant, as PostgreSQL's "dutch" configuration: Snowball 3's newer "dutch"
    # strips the prefix ge-, so "gezin" became "zin" and "gemeente" became "meen".
    return snowballstemmer.stemmer("dutch_porter")


@lru_cache(maxsize=1)
def _dutch_words() -> dict[str, float]:
    threshold = 10 ** (MIN_PART_ZIPF - 9)
    return {w: f for w, f in wordfreq.get_frequency_dict("nl", wordlist="best").items() if f >= threshold}


def is_dutch_word(word: str) -> bool:
    return word in _dutch_words()


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    return fold(_stemmer().stemWord(word.lower()))


# Letters Dutch puts between the parts of a compound ("vervoerSvoorziening", "leerlingENvervoer").
LINKERS = ("s", "en", "e")
# Endings that make a person or agent of a word ("mantelzorgER", "hulpverleenSTER").
AGENT_ENDINGS = ("sters", "ster", "ers", "er")


def _head_word(head: str) -> str | None:
    """`head` itself or without its linking letters, when that is a Dutch word."""
    if len(head) >= MIN_PART and is_dutch_word(head):
        return head
    for linker in LINKERS:
        stripped = head.removesuffix(linker)
        if stripped != head and len(stripped) >= MIN_PART - 1 and is_dutch_word(stripped):
            return stripped
    return None


@lru_cache(maxsize=100_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """The Dutch words a compound is made of, found by splitting where both sides are words.

    "mantelzorgcompliment" → mantelzorg, compliment, mantel, zorg; "vervoersvoorziening" →
    vervoer, voorziening; "leerlingenvervoer" → leerling(en), vervoer; "mantelzorger" →
    mantelzorg. Parts are split again. A string is a word when it is common enough in Dutch
    (MIN_PART_ZIPF), so "wethouder" is not taken for "wet" + "houder".
    """
    word = word.lower()
    if len(word) < MIN_COMPOUND - 2 or not word.isalpha():
        return ()
    parts: list[str] = []
    for ending in AGENT_ENDINGS:
        base = word.removesuffix(ending)
        if base != word and len(base) >= MIN_PART + 2 and is_dutch_word(base):
            parts.append(base)
            break
    if len(word) >= MIN_COMPOUND:
        for i in range(MIN_PART - 1, len(word) - MIN_PART + 1):
            tail = word[i:]
            if not is_dutch_word(tail):
                continue
            head = _head_word(word[:i])
            if head:
                parts += [head, tail]
    for part in list(parts):
        parts += compound_parts(part)
    return tuple(dict.fromkeys(p for p in parts if p != word))


@lru_cache(maxsize=100_000)
def word_forms(word: str) -> frozenset[str]:
    """All search forms of one word: its stem and the stems of its compound parts."""
    word = word.lower()
    forms = {stem(word)}
    forms.update(stem(part) for part in compound_parts(word))
    return frozenset(forms)


def index_forms(text: str) -> str:
    """The search forms of a text, each once, as one string for a search field."""
    seen: dict[str, None] = {}
    for word in words(text):
        if word in STOP_WORDS:
            continue
        for form in sorted(word_forms(word)):
            seen.setdefault(form, None)
    return " ".join(seen)


def query_form(word: str) -> str:
    """The one form a query word is searched by: its stem (compounds are split in the index)."""
    return stem(word)
