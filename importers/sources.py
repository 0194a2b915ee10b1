"""Read a publication from a file path or an http(s) URL, within a size limit."""

from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlparse
from urllib.request import Request, urlopen

from .errors import PublicatieFout
from .xmlsafe import MAX_BYTES

TIMEOUT_SECONDS = 30


def local_folder(source: str) -> Path | None:
    """The folder a source names (a STOP download package unpacked), else None."""
    if urlparse(source).scheme.lower() in ("http", "https"):
        return None
    path = Path(source)
    return path if path.is_dir() else None


def read_source(source: str) -> bytes:
    scheme = urlparse(source).scheme.lower()
    if scheme in ("http", "https"):
        return _read_url(source)
    if scheme and len(scheme) > 1:  # not a Windows drive letter
        raise PublicatieFout(f"Alleen bestanden en http(s)-adressen worden gelezen, niet '{scheme}:'.")
    path = Path(source)
    if not path.is_file():
        raise PublicatieFout(f"Bestand niet gevonden: {source}")
    if path.stat().st_size > MAX_BYTES:
        raise PublicatieFout(
            f"Het bestand is te groot ({path.stat().st_size // (1024 * 1024)} MB); "
            f"de grens is {MAX_BYTES // (1024 * 1024)} MB."
        )
    return path.read_bytes()


def _read_url(url: str) -> bytes:
    request = Request(url, headers={"User-Agent": "regelgeving-loket importer"})
    try:
        with urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (scheme checked)
            data = response.read(MAX_BYTES + 1)
    except (URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise PublicatieFout(f"Ophalen van {url} mislukt: {reason}") from None
    if len(data) > MAX_BYTES:
        raise PublicatieFout(f"Het document op {url} is groter dan {MAX_BYTES // (1024 * 1024)} MB.")
    return data
