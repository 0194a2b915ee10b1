"""The one import pipeline: read → parse → write. Commands and the admin view wrap it."""

from .formats import parse_publicatie
from .sources import read_source
from .writer import ImportResult, write_document


def import_bytes(
    data: bytes, bron: str, regeling_slug: str = "", dry_run: bool = False
) -> ImportResult:
    document = parse_publicatie(data, bron)
    return write_document(document, regeling_slug=regeling_slug, dry_run=dry_run)


def import_source(source: str, regeling_slug: str = "", dry_run: bool = False) -> ImportResult:
    return import_bytes(read_source(source), source, regeling_slug, dry_run)


def format_report(report: dict) -> str:
    """The report as Dutch text for the terminal and the admin."""
    counts = report["aantallen"]
    refs = report["verwijzingen"]
    lines = [
        f"{'Proefimport (niets opgeslagen)' if report['dry_run'] else 'Geïmporteerd'}: "
        f"{report['titel']} ({report['identifier']}, {report['status']})",
        f"Regeling: {report['regeling']}",
        *([f"  {report['regeling_reden']}"] if report.get("regeling_reden") else []),
        "Aantallen: " + ", ".join(f"{v} {k}" for k, v in counts.items()),
        f"Verwijzingen: {refs['opgelost']} opgelost, {len(refs['onopgelost'])} niet gevonden",
    ]
    lines += [f"  - niet gevonden: '{r['tekst']}' in {r['bron']}" for r in refs["onopgelost"]]
    lines += [f"Waarschuwing: {w}" for w in report["waarschuwingen"]]
    lines += [f"Nakijken: artikel {t['artikel']}: {t['reden']}" for t in report.get("twijfel", [])]
    if report.get("url"):
        lines.append(f"Adres: {report['url']}")
    return "\n".join(lines)
