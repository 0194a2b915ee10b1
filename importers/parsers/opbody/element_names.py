"""What the OP/CVDR element names mean to the body reader (matched on local names)."""

# Division elements and the soort each becomes in the tree (deel and titeldeel: the top level).
DIVISION_SOORTEN = {
    "deel": "hoofdstuk",
    "titeldeel": "hoofdstuk",
    "hoofdstuk": "hoofdstuk",
    "afdeling": "afdeling",
    "paragraaf": "paragraaf",
    "sub-paragraaf": "paragraaf",
    "subparagraaf": "paragraaf",
}
ARTICLE_NAMES = frozenset({"artikel", "enig-artikel", "wijzig-artikel"})
STRUCTURE_NAMES = ARTICLE_NAMES | frozenset(DIVISION_SOORTEN)
ANNEX_NAMES = frozenset({"bijlage"})
EXPLANATION_NAMES = frozenset({"nota-toelichting", "toelichting"})
# Inline markup only contributes its text to the paragraph around it.
INLINE_NAMES = frozenset(
    {
        "nadruk", "vet", "cursief", "onderstreept", "doorgehaald", "sup", "inf", "sub",
        "extref", "intref", "br", "term", "b", "i", "u", "a", "span",
    }
)  # fmt: skip
# Numbering elements: read separately, never part of the running text.
MARKER_NAMES = frozenset({"lidnr", "li.nr", "noot.nr"})
# Block content that may hide inside a paragraph (a table in al/noot, as in bgr-2024-715).
EMBEDDED_NAMES = frozenset({"noot", "table", "lijst", "plaatje", "illustratie"})
# Elements whose children are words of one line, joined with spaces (signatures).
LINE_NAMES = frozenset({"naam", "dagtekening"})
