"""Bytes to text for the formats that are not XML (HTML pages, plain-text captures).

Below the parsers and below format detection, so both can use it without importing each other.
"""

from .errors import PublicatieFout


def decode_text(data: bytes) -> str:
    # UTF-8 first (a BOM is dropped); Windows-1252 covers older, non-Unicode saves.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PublicatieFout("De tekst is niet als UTF-8 of Windows-1252 te lezen.")
