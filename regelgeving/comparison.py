"""Compare two versions of a regulation, article by article.

Pure Python: no database access and no models. The caller turns the article pages of
each version into `ArticleText`s (in document order) and gets back one `ArticleChange`
per article, in reading order, plus a word-level HTML diff for the changed ones.

Matching happens in two passes:

1. By number: the first article with a given `nummer` in the old version is paired
   with the first article with that number in the new version.
2. By content: articles left over on both sides are paired greedily, best similarity
   first, when the similarity reaches the threshold; such a pair is one article that
   got a new number ("verplaatst").

A number pair whose similarity stays below the threshold is only tentative: if one
of its two articles has a content match elsewhere (an article was inserted and the
following ones renumbered), the content match wins. When neither side finds a better
partner, the number pair stands as "gewijzigd".
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

TOEGEVOEGD = "toegevoegd"
VERWIJDERD = "verwijderd"
GEWIJZIGD = "gewijzigd"
ONGEWIJZIGD = "ongewijzigd"
VERPLAATST = "verplaatst"

#: All statuses, in the order a summary lists them.
STATUSES = (GEWIJZIGD, VERPLAATST, TOEGEVOEGD, VERWIJDERD, ONGEWIJZIGD)

#: Share of the title in the similarity of two articles; the text gets the rest.
TITLE_WEIGHT = 0.2

_WHITESPACE = re.compile(r"\s+")
_SIMILARITY_TOKEN = re.compile(r"\w+|[^\w\s]")
_DIFF_TOKEN = re.compile(r"(\s*)(\S+)")

_DEL_OPEN = '<del><span class="visually-hidden">verwijderd: </span>'
_INS_OPEN = '<ins><span class="visually-hidden">toegevoegd: </span>'


@dataclass(frozen=True)
class ArticleText:
    key: object  # page id, opaque here
    nummer: str  # as published: "2.2", "3.3.10", "11.5"
    titel: str  # opschrift, may be ""
    tekst: str  # plain text of the article body


@dataclass
class ArticleChange:
    status: str  # one of STATUSES
    oud: ArticleText | None
    nieuw: ArticleText | None
    similarity: float  # 0..1; 1.0 for identical texts, 0.0 for added and removed articles

    @property
    def tekst_gewijzigd(self) -> bool:
        """Whether title or text differ (after whitespace normalisation).

        Mostly of interest for "verplaatst": was the article only renumbered, or also
        edited? True for "gewijzigd", "toegevoegd" and "verwijderd", False for "ongewijzigd".
        """
        if self.oud is None or self.nieuw is None:
            return True
        old_text, new_text = _normalize(self.oud.tekst), _normalize(self.nieuw.tekst)
        return self.titel_gewijzigd or old_text != new_text

    @property
    def titel_gewijzigd(self) -> bool:
        """Whether the title differs (after whitespace normalisation); False without both sides."""
        if self.oud is None or self.nieuw is None:
            return False
        return _normalize(self.oud.titel) != _normalize(self.nieuw.titel)


def _normalize(text: str) -> str:
    return _WHITESPACE.sub(" ", text).strip()


def _number_key(nummer: str) -> str:
    """Comparable form of a number: " 11.5. " is "11.5"; "" means no number at all."""
    return _normalize(nummer).rstrip(".").casefold()


class _Prepared:
    """An article with everything the matching needs computed once."""

    __slots__ = ("index", "article", "number", "title", "text", "title_tokens", "text_tokens", "bits")

    def __init__(self, index: int, article: ArticleText):
        self.index = index
        self.article = article
        self.number = _number_key(article.nummer)
        self.title = _normalize(article.titel)
        self.text = _normalize(article.tekst)
        self.title_tokens = _SIMILARITY_TOKEN.findall(self.title.lower())
        self.text_tokens = _SIMILARITY_TOKEN.findall(self.text.lower())
        self.bits: tuple[int, int] = (0, 0)  # (title, text) multisets as bit sets; see _BitSets

    def same_content(self, other: _Prepared) -> bool:
        return self.title == other.title and self.text == other.text


def _ratio(a: list[str], b: list[str], matcher: SequenceMatcher | None = None) -> float:
    if a == b:
        return 1.0
    if not a or not b:
        return 0.0
    if matcher is None:
        matcher = SequenceMatcher(None, a, b, autojunk=False)
    else:  # seq2 is already b; set_seq1 keeps its (costlier) analysis
        matcher.set_seq1(a)
    return matcher.ratio()


def _combine(title_ratio: float, text_ratio: float, old: _Prepared, new: _Prepared) -> float:
    if not old.text_tokens and not new.text_tokens:
        return title_ratio  # two empty bodies: only the titles can tell
    return TITLE_WEIGHT * title_ratio + (1 - TITLE_WEIGHT) * text_ratio


def _similarity(old: _Prepared, new: _Prepared, text_matcher: SequenceMatcher | None = None) -> float:
    if old.same_content(new):
        return 1.0
    title_ratio = _ratio(old.title_tokens, new.title_tokens)
    text_ratio = _ratio(old.text_tokens, new.text_tokens, text_matcher)
    return _combine(title_ratio, text_ratio, old, new)


def similarity(old: ArticleText, new: ArticleText) -> float:
    """Similarity (0..1) of two articles' titles and texts; numbers are ignored."""
    return _similarity(_Prepared(0, old), _Prepared(0, new))


class _BitSets:
    """Token multisets as Python ints, for a fast upper bound of SequenceMatcher.ratio().

    The k-th occurrence of a token gets its own bit, so the popcount of `a & b` is the
    size of the multiset intersection, which is what SequenceMatcher.quick_ratio()
    counts. One `&` on ints is far cheaper than quick_ratio() on lists, which keeps the
    all-pairs prefilter fast for hundreds of unmatched articles on each side.
    """

    def __init__(self) -> None:
        self._bit: dict[tuple[str, int], int] = {}

    def encode(self, tokens: list[str]) -> int:
        seen: dict[str, int] = {}
        indices = []
        for token in tokens:
            occurrence = seen.get(token, 0)
            seen[token] = occurrence + 1
            indices.append(self._bit.setdefault((token, occurrence), len(self._bit)))
        if not indices:
            return 0
        bits = bytearray((max(indices) >> 3) + 1)
        for bit in indices:
            bits[bit >> 3] |= 1 << (bit & 7)
        return int.from_bytes(bits, "little")


def _quick_ratio(a_bits: int, b_bits: int, a_len: int, b_len: int) -> float:
    if not a_len + b_len:
        return 1.0
    return 2.0 * (a_bits & b_bits).bit_count() / (a_len + b_len)


def _match_by_content(
    olds: list[_Prepared], news: list[_Prepared], threshold: float
) -> list[tuple[_Prepared, _Prepared, float]]:
    """Greedy best-first pairs with similarity >= threshold; each article at most once.

    Equivalent to scoring every pair and taking them best first (ties in document
    order), but lazy: pairs enter a heap with a cheap upper bound and get their real
    SequenceMatcher score only when they reach the top while both articles are free.
    Scores are cached per distinct (title, text), since regulations repeat articles.
    """
    if not olds or not news or threshold > 1.0:  # above 1.0: match by number only
        return []
    # Token-identical pairs score 1.0, the best there is: pair those first (in document
    # order, as the heap would), which spares the all-pairs pass for mere renumberings.
    pairs: list[tuple[_Prepared, _Prepared, float]] = []
    identical: dict[tuple[tuple[str, ...], tuple[str, ...]], list[_Prepared]] = {}
    for old in reversed(olds):
        identical.setdefault((tuple(old.title_tokens), tuple(old.text_tokens)), []).append(old)
    rest_new = []
    for new in news:
        same = identical.get((tuple(new.title_tokens), tuple(new.text_tokens)))
        if same:
            pairs.append((same.pop(), new, 1.0))
        else:
            rest_new.append(new)
    paired_old = {old.index for old, _, _ in pairs}
    olds = [old for old in olds if old.index not in paired_old]
    news = rest_new
    if not olds or not news:
        return pairs

    bitsets = _BitSets()
    for item in (*olds, *news):
        item.bits = (bitsets.encode(item.title_tokens), bitsets.encode(item.text_tokens))

    # Heap entries: (-score, new index, old index, is_bound). A bound never undercuts the
    # real score, so an exact entry on top beats everything still in the heap.
    heap: list[tuple[float, int, int, int]] = []
    # Lengths alone (real_quick_ratio()) bound the text ratio: with the best title, a pair
    # reaches the threshold only if min/max of the text lengths is at least `ratio`.
    needed = (threshold - TITLE_WEIGHT) / (1 - TITLE_WEIGHT)
    ratio = needed / (2 - needed) if needed > 0 else 0.0
    by_length = sorted(olds, key=lambda item: len(item.text_tokens))
    lengths = [len(item.text_tokens) for item in by_length]
    for new in news:
        new_title_len, new_text_len = len(new.title_tokens), len(new.text_tokens)
        if ratio > 0:
            low = bisect.bisect_left(lengths, new_text_len * ratio * (1 - 1e-9))
            high = bisect.bisect_right(lengths, new_text_len / ratio * (1 + 1e-9))
            candidates = by_length[low:high]
        else:
            candidates = by_length
        for old in candidates:
            old_text_len = len(old.text_tokens)
            total = old_text_len + new_text_len
            if total:
                # Then the token counts (quick_ratio()).
                text_bound = _quick_ratio(old.bits[1], new.bits[1], old_text_len, new_text_len)
                if (1 - TITLE_WEIGHT) * text_bound + TITLE_WEIGHT < threshold:
                    continue
            title_bound = _quick_ratio(old.bits[0], new.bits[0], len(old.title_tokens), new_title_len)
            bound = title_bound if not total else TITLE_WEIGHT * title_bound + (1 - TITLE_WEIGHT) * text_bound
            if bound >= threshold:
                heap.append((-bound, new.index, old.index, 1))
    heapq.heapify(heap)

    old_by_index = {item.index: item for item in olds}
    new_by_index = {item.index: item for item in news}
    content_ids: dict[tuple[str, str], int] = {}
    scores: dict[tuple[int, int], float] = {}
    matchers: dict[int, SequenceMatcher] = {}
    used_old: set[int] = set()
    used_new: set[int] = set()
    while heap:
        neg_score, new_index, old_index, is_bound = heapq.heappop(heap)
        if old_index in used_old or new_index in used_new:
            continue
        old, new = old_by_index[old_index], new_by_index[new_index]
        if is_bound:
            key = (
                content_ids.setdefault((old.title, old.text), len(content_ids)),
                content_ids.setdefault((new.title, new.text), len(content_ids)),
            )
            score = scores.get(key)
            if score is None:
                matcher = matchers.get(new_index)
                if matcher is None:
                    matcher = matchers[new_index] = SequenceMatcher(None, autojunk=False)
                    matcher.set_seq2(new.text_tokens)
                score = scores[key] = _similarity(old, new, matcher)
            if score >= threshold:
                heapq.heappush(heap, (-score, new_index, old_index, 0))
            continue
        used_old.add(old_index)
        used_new.add(new_index)
        pairs.append((old, new, -neg_score))
    return pairs


def compare_articles(
    old: list[ArticleText], new: list[ArticleText], threshold: float = 0.6
) -> list[ArticleChange]:
    """One change per article of either version, in reading order.

    The order is the new version's document order, with each removed article right
    after the article that preceded it in the old version (or at the start).
    """
    olds = [_Prepared(i, article) for i, article in enumerate(old)]
    news = [_Prepared(i, article) for i, article in enumerate(new)]

    # Pass 1: by number (first occurrence on each side).
    first_old: dict[str, _Prepared] = {}
    for item in olds:
        if item.number:
            first_old.setdefault(item.number, item)
    matched: dict[int, tuple[_Prepared, float]] = {}  # new index -> (old, similarity)
    tentative: list[tuple[_Prepared, _Prepared, float]] = []
    seen_numbers: set[str] = set()
    for item in news:
        if not item.number or item.number in seen_numbers:
            continue
        seen_numbers.add(item.number)
        partner = first_old.get(item.number)
        if partner is None:
            continue
        score = _similarity(partner, item)
        if score >= threshold:
            matched[item.index] = (partner, score)
        else:
            tentative.append((partner, item, score))

    # Pass 2: by content, among everything not firmly matched.
    old_taken = {partner.index for partner, _ in matched.values()}
    pool_old = [item for item in olds if item.index not in old_taken]
    pool_new = [item for item in news if item.index not in matched]
    for partner, item, score in _match_by_content(pool_old, pool_new, threshold):
        matched[item.index] = (partner, score)
        old_taken.add(partner.index)
    # Tentative number pairs stand when neither side found a better partner.
    for partner, item, score in tentative:
        if item.index not in matched and partner.index not in old_taken:
            matched[item.index] = (partner, score)
            old_taken.add(partner.index)

    # Removed articles follow the nearest preceding old article that is still there
    # (-1: at the start). Consecutive removed articles share that anchor, in old order.
    new_index_of_old = {partner.index: new_index for new_index, (partner, _) in matched.items()}
    removed_after: dict[int, list[ArticleChange]] = {}
    anchor = -1
    for item in olds:
        if item.index in new_index_of_old:
            anchor = new_index_of_old[item.index]
        else:
            removed_after.setdefault(anchor, []).append(ArticleChange(VERWIJDERD, item.article, None, 0.0))

    changes = list(removed_after.get(-1, []))
    for item in news:
        if item.index in matched:
            partner, score = matched[item.index]
            if partner.number != item.number:
                status = VERPLAATST
            elif partner.same_content(item):
                status = ONGEWIJZIGD
            else:
                status = GEWIJZIGD
            changes.append(ArticleChange(status, partner.article, item.article, score))
        else:
            changes.append(ArticleChange(TOEGEVOEGD, None, item.article, 0.0))
        changes.extend(removed_after.get(item.index, []))
    return changes


def changed_first(changes: list[ArticleChange]) -> tuple[list[ArticleChange], list[ArticleChange]]:
    """(what a reader must see: changed, renumbered, added and removed articles; the unchanged
    ones), each in reading order. A long regulation with two edits should not hide them among
    thirty unchanged articles."""
    changed = [change for change in changes if change.status != ONGEWIJZIGD]
    unchanged = [change for change in changes if change.status == ONGEWIJZIGD]
    return changed, unchanged


def summarize(changes: list[ArticleChange]) -> dict[str, int]:
    """Number of changes per status; every status is present, in STATUSES order."""
    counts = dict.fromkeys(STATUSES, 0)
    for change in changes:
        counts[change.status] += 1
    return counts


# Word diff ------------------------------------------------------------------------


def _diff_tokens(text: str) -> list[tuple[str, str]]:
    """(whitespace before, word) pairs; punctuation stays attached to its word."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return [(m.group(1), m.group(2)) for m in _DIFF_TOKEN.finditer(text)]


def _whitespace_html(whitespace: str) -> str:
    if not whitespace:
        return ""
    newlines = whitespace.count("\n")
    return "<br>" * newlines if newlines else " "


def _words_html(tokens: list[tuple[str, str]]) -> str:
    """The words of one del or ins, with the whitespace between them (not before the first)."""
    parts = []
    for position, (whitespace, word) in enumerate(tokens):
        if position:
            parts.append(_whitespace_html(whitespace))
        parts.append(escape(word))
    return "".join(parts)


def _absorb_short_equalities(opcodes: list[tuple[str, int, int, int, int]]) -> list[list]:
    """Merge replace, short equal, replace into one replace.

    "<del>a</del><ins>b</ins> de <del>c</del><ins>d</ins>" reads worse than
    "<del>a de c</del><ins>b de d</ins>" when the common stretch is no longer than the
    changes around it. Pure insertions and deletions are left alone, so inserting a
    word never shows an unchanged neighbour as deleted and re-inserted.
    """
    result: list[list] = []
    for opcode in opcodes:
        result.append(list(opcode))
        while len(result) >= 3 and [op[0] for op in result[-3:]] == ["replace", "equal", "replace"]:
            before, equal, after = result[-3:]
            length = equal[2] - equal[1]
            if length > max(before[2] - before[1], before[4] - before[3]) or length > max(
                after[2] - after[1], after[4] - after[3]
            ):
                break
            result[-3:] = [["replace", before[1], after[2], before[3], after[4]]]
    return result


def word_diff_html(old: str, new: str) -> SafeString:
    """HTML of the new text with word-level changes against the old text marked.

    Deleted words are in <del>, inserted ones in <ins>, each with a visually hidden
    label for screen readers; a replacement is a del followed by an ins. Everything
    else is escaped; newlines become <br>.
    """
    a = _diff_tokens(old)
    b = _diff_tokens(new)
    matcher = SequenceMatcher(None, [word for _, word in a], [word for _, word in b], autojunk=False)
    out: list[str] = []
    for tag, i1, i2, j1, j2 in _absorb_short_equalities(matcher.get_opcodes()):
        if tag == "equal":
            for j in range(j1, j2):
                whitespace, word = b[j]
                if j == j1 and not whitespace and out:
                    # The new text starts here, after a deletion at the start of the old one.
                    whitespace = a[i1][0] or " "
                out.append(_whitespace_html(whitespace))
                out.append(escape(word))
            continue
        out.append(_whitespace_html(b[j1][0] if j2 > j1 else a[i1][0]))
        if i2 > i1:
            out.append(f"{_DEL_OPEN}{_words_html(a[i1:i2])}</del>")
        if j2 > j1:
            out.append(f"{_INS_OPEN}{_words_html(b[j1:j2])}</ins>")
    return mark_safe("".join(out))
