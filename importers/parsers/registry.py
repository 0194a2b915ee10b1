"""Which parser reads which format: each parser module registers its ``parse`` here.

In the style of open-forms' plugin registries: a parser module declares the format it
handles with ``@register("op")`` above its ``parse(data, bron)``, and
``importers.formats`` looks the parser up by the format it detected. The registry sits
below the parser modules, so registering never imports format detection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..tree import Document

Parse = Callable[[bytes, str], Document]


class ParserRegistry:
    """Maps a format name ("op", "cvdr", …, the values of Metadata.formaat) to its parse function."""

    def __init__(self) -> None:
        self._parsers: dict[str, Parse] = {}

    def __call__(self, formaat: str) -> Callable[[Parse], Parse]:
        """Decorator that registers a parse function for one format; the function is unchanged."""

        def decorator(parse: Parse) -> Parse:
            if formaat in self._parsers:
                raise ValueError(f"A parser for format {formaat!r} is already registered.")
            self._parsers[formaat] = parse
            return parse

        return decorator

    def __getitem__(self, formaat: str) -> Parse:
        return self._parsers[formaat]

    def __contains__(self, formaat: object) -> bool:
        return formaat in self._parsers

    def __iter__(self) -> Iterator[str]:
        return iter(self._parsers)


# The registry the parser modules fill. A test can build its own ParserRegistry instead.
register = ParserRegistry()
