"""A short fragment of a page's text around the first matched word, matched words in <mark>."""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from ..analysis import WORD, fold, word_forms

BEFORE = 12
LENGTH = 40


def fragment(text: str, marks) -> tuple[SafeString, bool]:
    """(HTML fragment, whether anything matched). A word matches when it is one of
    `marks.words` (folded) or shares a search form (stem, compound part) with `marks.forms`;
    a run of words matches when their forms follow one of `marks.phrases`."""
    tokens = list(WORD.finditer(text))
    if not tokens:
        return mark_safe(""), False
    words = [t.group() for t in tokens]
    forms: dict[int, frozenset] = {}

    def forms_of(i: int):
        if i not in forms:
            forms[i] = word_forms(words[i].lower())
        return forms[i]

    # Whether a word matches, or can start a phrase, is worked out once per distinct word:
    # a long article without the word was analysed position by position before.
    distinct = set(words)
    matching = {w for w in distinct if fold(w) in marks.words or word_forms(w.lower()) & marks.forms}
    starting = {w for w in distinct if any(p[0] in word_forms(w.lower()) for p in marks.phrases)}
    hits: dict[int, range] = {}

    def hits_at(i: int) -> range:
        """The token positions matched at i: the word itself, or a phrase starting there."""
        if i not in hits:
            hits[i] = _hits_at(i)
        return hits[i]

    def _hits_at(i: int) -> range:
        if words[i] in matching:
            return range(i, i + 1)
        if words[i] in starting:
            for phrase in marks.phrases:
                if i + len(phrase) <= len(tokens) and all(
                    f in forms_of(i + j) for j, f in enumerate(phrase)
                ):
                    return range(i, i + len(phrase))
        return range(0)

    searching = bool(marks.words or marks.forms or marks.phrases)  # a bare citation: the opening
    # Only the tokens up to the first match and inside the shown window are analysed.
    first = next((i for i in range(len(tokens)) if hits_at(i)), None) if searching else None
    start = max(0, (first or 0) - BEFORE)
    stop = min(len(tokens), start + LENGTH)
    hit_set = {j for i in range(start, stop) for j in hits_at(i)} if first is not None else set()

    # The text between marks is escaped in one piece (escaping per word cost more than the rest).
    out = ["…"] if start > 0 else []
    position = tokens[start].start()
    for i in sorted(j for j in hit_set if j < stop):
        token = tokens[i]
        out.append(escape(text[position : token.start()]))
        out.append(f"<mark>{escape(token.group())}</mark>")
        position = token.end()
    if stop < len(tokens):
        out.append(escape(text[position : tokens[stop].start()].rstrip()) + " …")
    else:
        out.append(escape(text[position:]))
    return mark_safe("".join(out).strip()), bool(hit_set)
