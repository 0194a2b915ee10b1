"""A short fragment of a page's text around the first matched word, matched words in <mark>."""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import WORD, fold, word_forms

BEFORE = 12
LENGTH = 40


def fragment(text: str, marks) -> tuple[SafeString, bool]:
    """(HTML fragment, whether anything matched). A word matches when it is one of
    `marks.words` (folded) or shares a search form (stem, compound part) with `marks.forms`;
    a run of words matches when their forms follow one of `marks.phrases`."""
    tokens = list(WORD.finditer(text))
    if not tokens:
        return mark_safe(""), False
    if not (marks.words or marks.forms or marks.phrases):  # a bare citation: just the opening
        token_forms, hit_set = [], set()
    else:
        token_forms = [word_forms(t.group().lower()) for t in tokens]
        hit_set = {
            i for i, t in enumerate(tokens) if fold(t.group()) in marks.words or token_forms[i] & marks.forms
        }
    for phrase in marks.phrases:
        for i in range(len(tokens) - len(phrase) + 1):
            if all(form in token_forms[i + j] for j, form in enumerate(phrase)):
                hit_set.update(range(i, i + len(phrase)))
    first = min(hit_set) if hit_set else 0
    start = max(0, first - BEFORE)
    stop = min(len(tokens), start + LENGTH)

    out = ["…"] if start > 0 else []
    position = tokens[start].start()
    for i in range(start, stop):
        token = tokens[i]
        out.append(escape(text[position : token.start()]))
        word = escape(token.group())
        out.append(f"<mark>{word}</mark>" if i in hit_set else word)
        position = token.end()
    if stop < len(tokens):
        out.append(escape(text[position : tokens[stop].start()].rstrip()) + " …")
    else:
        out.append(escape(text[position:]))
    return mark_safe("".join(out).strip()), bool(hit_set)
