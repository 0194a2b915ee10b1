"""Packages for the import tests: a folder as a zip, a small STOP package built from parts."""

import io
import zipfile
from pathlib import Path

from tests.paths import SAMPLES

PACKAGE = SAMPLES / "stop" / "consolidated-download-package"
# The first bytes of a PNG are all a figure needs to be recognised as one.
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 24

TEKST_NS = "https://standaarden.overheid.nl/stop/imop/tekst/"
DATA_NS = "https://standaarden.overheid.nl/stop/imop/data/"


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_folder(folder: Path) -> bytes:
    return zip_of(
        {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    )


def stop_package(tekst: str, work: str = "/akn/nl/act/gm0262/2026/toets", extra=None) -> dict[str, bytes]:
    """A download package around a RegelingCompact body (the inner XML of the text)."""
    files = {
        "pakbon.xml": b'<Pakbon xmlns="https://standaarden.overheid.nl/stop/imop/uitwisseling/">'
        b"<Component><heeftModule><Module><localName>RegelingCompact</localName>"
        b"<bestandsnaam>Regeling/Tekst.xml</bestandsnaam></Module></heeftModule></Component></Pakbon>",
        "Regeling/Tekst.xml": f'<RegelingCompact xmlns="{TEKST_NS}">{tekst}</RegelingCompact>'.encode(),
        "Regeling/Identificatie.xml": (
            f'<ExpressionIdentificatie xmlns="{DATA_NS}"><FRBRWork>{work}</FRBRWork>'
            f"<FRBRExpression>{work}/nld@2026-01-01;1</FRBRExpression></ExpressionIdentificatie>"
        ).encode(),
        "Regeling/Metadata.xml": (
            f'<RegelingMetadata xmlns="{DATA_NS}">'
            "<eindverantwoordelijke>/tooi/id/gemeente/gm0262</eindverantwoordelijke>"
            "<maker>/tooi/id/gemeente/gm0262</maker>"
            "<officieleTitel>Toetsregeling Lochem 2026</officieleTitel>"
            "<heeftCiteertitelInformatie><CiteertitelInformatie><citeertitel>Toetsregeling 2026"
            "</citeertitel></CiteertitelInformatie></heeftCiteertitelInformatie></RegelingMetadata>"
        ).encode(),
    }
    files.update(extra or {})
    return files
