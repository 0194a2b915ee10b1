"""One answer page of the CVDR search service, read into small records.

The shape (SRU 2.0 or 1.2; the elements are matched by local name, their namespaces vary):

    searchRetrieveResponse/numberOfRecords
    searchRetrieveResponse/records/record/recordData/gzd/originalData/meta/owmskern/
        identifier (CVDR621050_2), title, creator (the gemeente), modified (2022-07-16)
    searchRetrieveResponse/records/record/recordData/gzd/enrichedData/publicatieurl_xml
    searchRetrieveResponse/nextRecordPosition (absent on the last page)
    searchRetrieveResponse/diagnostics/diagnostic/(uri, details, message) when the question failed
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..dates import parse_iso
from ..errors import PublicatieFout
from ..parsers.cvdr import normalise_identifier
from ..xmlsafe import child, descendants, local, parse_xml, text_of
from .errors import ZoekdienstFout


@dataclass(frozen=True)
class CvdrRecord:
    identifier: str  # the version: CVDR621050_2 (work CVDR621050, version 2)
    titel: str
    gemeente: str  # as the service writes it (dcterms.creator)
    gewijzigd: date | None  # dcterms.modified
    xml_url: str  # the CVDR XML in the repository ("" when the record names none)


@dataclass(frozen=True)
class Pagina:
    aantal: int  # numberOfRecords: all records of the question, not only this page's
    records: list[CvdrRecord]
    volgende: int | None  # nextRecordPosition: where the next page starts, None after the last


def lees_pagina(data: bytes) -> Pagina:
    try:
        root = parse_xml(data)
    except PublicatieFout as exc:
        raise ZoekdienstFout(f"Het antwoord van de zoekdienst is onleesbaar. {exc}") from None
    diagnose = next(iter(descendants(root, "diagnostic")), None)
    if diagnose is not None:
        raise ZoekdienstFout(diagnostic_message(diagnose))
    if local(root) != "searchRetrieveResponse":
        raise ZoekdienstFout(
            f"De zoekdienst gaf geen zoekresultaat maar <{local(root)}>; "
            "is het adres van de zoekdienst juist?"
        )
    aantal = _number(child(root, "numberOfRecords"))
    if aantal is None:
        raise ZoekdienstFout("Het antwoord van de zoekdienst noemt het aantal resultaten niet.")
    records_el = child(root, "records")
    records = [_record(r) for r in (records_el if records_el is not None else []) if local(r) == "record"]
    return Pagina(aantal, records, _number(child(root, "nextRecordPosition")))


def diagnostic_message(diagnose) -> str:
    """The service's own words (English, from the SRU standard) in a Dutch sentence."""
    message = text_of(child(diagnose, "message")) or text_of(child(diagnose, "uri")) or "onbekende fout"
    details = text_of(child(diagnose, "details"))
    return f"De zoekdienst meldt een fout in de vraag: '{message}'" + (f" ({details})." if details else ".")


def _record(record_el) -> CvdrRecord:
    kern = next(iter(descendants(record_el, "owmskern")), None)
    if kern is None:
        raise ZoekdienstFout("Een resultaat van de zoekdienst heeft geen metadata (owmskern).")
    raw_id = text_of(child(kern, "identifier"))
    if not raw_id:
        raise ZoekdienstFout("Een resultaat van de zoekdienst heeft geen identificatie (CVDR-nummer).")
    identifier, _work = normalise_identifier(raw_id)
    xml_url = next((text_of(e) for e in descendants(record_el, "publicatieurl_xml")), "")
    return CvdrRecord(
        identifier=identifier,
        titel=text_of(child(kern, "title")),
        gemeente=text_of(child(kern, "creator")),
        gewijzigd=parse_iso(text_of(child(kern, "modified"))),
        xml_url=xml_url,
    )


def _number(el) -> int | None:
    text = text_of(el)
    return int(text) if text.isdigit() else None
