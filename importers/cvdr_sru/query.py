"""The CQL question for the CVDR search service: the regelingen of one gemeente, changed since a date.

The service files a regeling under the name of the gemeente that made it (`dcterms.creator`, as in
the CVDR XML's owmskern); it has no documented index of CBS codes, so the name is what is asked.
`dcterms.modified` is the date the consolidated version last changed.
"""

from __future__ import annotations

from datetime import date


def cql_string(value: str) -> str:
    """A CQL quoted string: backslashes and double quotes escaped."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def gewijzigde_regelingen(gemeente: str, sinds: date | None = None) -> str:
    """`dcterms.creator="Heemstede" and dcterms.modified>=2024-01-01` (without a date: all of them)."""
    naam = " ".join(gemeente.split())
    if not naam:
        raise ValueError("a gemeente name is needed")
    parts = [f"dcterms.creator={cql_string(naam)}"]
    if sinds is not None:
        parts.append(f"dcterms.modified>={sinds.isoformat()}")
    return " and ".join(parts)
