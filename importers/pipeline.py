"""The one import pipeline: read → parse → write. Commands and the admin view wrap it."""

from .formats import parse_files, parse_publicatie
from .packages import files_from_folder
from .sources import local_folder, read_source
from .tree import Document
from .writer import ImportResult, write_document


def import_bytes(
    data: bytes, bron: str, regeling_slug: str = "", dry_run: bool = False, concept: bool = False, **gemeente
) -> ImportResult:
    """`gemeente`: the gemeente to file under (write_document's `gemeente`)."""
    document = parse_publicatie(data, bron)
    return write_document(document, regeling_slug=regeling_slug, dry_run=dry_run, concept=concept, **gemeente)


def import_source(source: str, regeling_slug: str = "", dry_run: bool = False, **gemeente) -> ImportResult:
    """A file, an http(s) address, a zip or a folder (a STOP download package)."""
    return write_document(read_publicatie(source), regeling_slug=regeling_slug, dry_run=dry_run, **gemeente)


def read_publicatie(source: str) -> Document:
    folder = local_folder(source)
    if folder is not None:
        return parse_files(files_from_folder(folder), source)
    return parse_publicatie(read_source(source), source)


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
        *([f"Gemeente: {report['gemeente']}"] if report.get("gemeente") else []),
    ]
    lines += [f"  - niet gevonden: '{r['tekst']}' in {r['bron']}" for r in refs["onopgelost"]]
    lines += [f"Waarschuwing: {w}" for w in report["waarschuwingen"]]
    lines += [f"Nakijken: artikel {t['artikel']}: {t['reden']}" for t in report.get("twijfel", [])]
    if report.get("url"):
        lines.append(f"Adres: {report['url']}")
    return "\n".join(lines)
