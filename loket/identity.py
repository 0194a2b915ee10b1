"""One spelling of a name, address or e-mail address, so that the keyed hashes which recognise a
person (loket/crypto.py `blind_index`) cannot be dodged with characters that look the same.

"Anna de Vries" typed with a decomposed é, a zero-width space, fullwidth letters or a Cyrillic е
reads the same on screen and must be the same person. Accents stay: "Renée" and "Renee" are
different names, so only the two encodings of é (composed and decomposed) become one.

The look-alike letters come from Unicode's confusables data (UTS #39), as the
`confusable-homoglyphs` package ships it: a character that Unicode lists as confusable with one
ASCII letter (Cyrillic е, Greek Α, Latin ɑ and dotless ı) becomes that letter.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from confusable_homoglyphs import confusables

# Unicode general categories that print nothing: format characters (zero-width space and joiners,
# soft hyphen, direction marks) and control characters.
INVISIBLE = {"Cf", "Cc"}


@lru_cache(maxsize=4096)
def _ascii_look_alike(char: str) -> str:
    """The ASCII letter `char` looks like, or `char` itself when it is ASCII or looks like none.
    Accented letters are in no such pair (é is not e), so they stay."""
    if char.isascii():
        return char
    # For a character that is not a prototype itself the data holds exactly its prototype.
    for homoglyph in confusables.confusables_data.get(char, []):
        target = homoglyph["c"]
        if len(target) == 1 and target.isascii() and target.isalpha():
            # Unicode's prototype for all that looks like a capital I is the small l; a capital
            # letter (Greek Ι, Cyrillic І) that looks like it is read as the capital I.
            return "I" if target == "l" and char.isupper() else target
    return char


def _ascii_look_alikes(text: str) -> str:
    return "".join(_ascii_look_alike(c) for c in text)


def normalise(text: str) -> str:
    """`text` as it compares for recognising a person: NFKC, without invisible characters,
    whitespace collapsed, look-alike letters made ASCII, case folded."""
    text = unicodedata.normalize("NFKC", text)
    text = " ".join(text.split())  # before dropping controls: a tab or newline is a space
    text = "".join(c for c in text if unicodedata.category(c) not in INVISIBLE)
    # Look-alikes before case folding (Greek Ν is N, while its small ν looks like v), and after
    # it for the small letters that folding makes.
    text = _ascii_look_alikes(" ".join(text.split())).casefold()
    text = _ascii_look_alikes(text)
    # A mapped letter may meet a combining accent (Cyrillic е + ◌́): compose it as Latin é is.
    return unicodedata.normalize("NFC", text)
