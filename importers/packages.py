"""A publication delivered as several files, a folder or a zip (a STOP download package), read
into memory as {path inside the package: bytes}.

Nothing is unpacked to disk. The limits keep a hostile archive harmless and each refusal is
one Dutch line: no path outside the package (``..``, absolute paths, links), no archive inside
the archive, at most MAX_FILES files and at most MAX_BYTES once unpacked (a zip bomb is
refused on its declared sizes before anything is inflated, and again if it lies about them).
A folder or zip of many publications (importers/batch.py) reads the same way with wider
Limits; no single file in it may be larger than one publication may be.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import PublicatieFout
from .xmlsafe import MAX_BYTES, check_size

MAX_FILES = 500
# A member that inflates more than this many times is a zip bomb; XML rarely passes 20.
MAX_RATIO = 200
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")  # a zip with files, an empty zip
# Archives inside the package are refused whatever their name says.
_ARCHIVE_MAGIC = (b"PK\x03\x04", b"PK\x05\x06", b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!")
_ARCHIVE_SUFFIXES = (".zip", ".gz", ".tgz", ".tar", ".7z", ".rar", ".jar")
# Folders that operating systems add to archives and folders; they hold no publication.
_IGNORED = re.compile(r"(^|/)(__MACOSX|\.DS_Store|Thumbs\.db|desktop\.ini)(/|$)", re.I)
_MB = 1024 * 1024

Files = dict[str, bytes]


@dataclass(frozen=True)
class Limits:
    files: int = MAX_FILES
    bytes: int = MAX_BYTES


ONE_PUBLICATION = Limits()


def is_zip(data: bytes) -> bool:
    return data[:4] in _ZIP_MAGIC


def files_from_zip(data: bytes, limits: Limits = ONE_PUBLICATION) -> Files:
    if len(data) > limits.bytes:
        check_size(data)  # the message for one publication
        _check_total(len(data), limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise PublicatieFout("Het zip-bestand is beschadigd of geen zip-bestand.") from None
    with archive:
        entries = [e for e in archive.infolist() if not _IGNORED.search(e.filename)]
        _check_count(sum(not e.is_dir() for e in entries), limits)
        _check_total(sum(e.file_size for e in entries if not e.is_dir()), limits)
        files: Files = {}
        for entry in entries:
            name = package_path(entry.filename)
            if entry.is_dir():
                continue
            _check_entry(entry, name)
            _add(files, name, _read_entry(archive, entry, name))
    _check_total(sum(len(b) for b in files.values()), limits)
    return files


def files_from_folder(folder: Path, limits: Limits = ONE_PUBLICATION) -> Files:
    """Every file below folder; links are refused, so nothing outside it is read."""
    files: Files = {}
    total = 0
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in sorted(dirnames):
            if (Path(dirpath) / name).is_symlink():
                raise PublicatieFout(f"De map bevat een koppeling ({name}); die wordt niet gevolgd.")
        for name in sorted(filenames):
            path = Path(dirpath) / name
            relative = path.relative_to(folder).as_posix()
            if _IGNORED.search(relative):
                continue
            if path.is_symlink() or not path.is_file():
                raise PublicatieFout(f"{relative} is geen gewoon bestand; het wordt niet gelezen.")
            _check_count(len(files) + 1, limits)
            total += path.stat().st_size
            _check_total(total, limits)
            data = path.read_bytes()
            _check_not_archive(relative, data)
            _add(files, relative, data)
    if not files:
        raise PublicatieFout(f"De map {folder} is leeg.")
    return files


def package_path(raw: str) -> str:
    """A member's path inside the package, or a refusal when it would point outside it."""
    if "\x00" in raw:
        raise PublicatieFout("Het zip-bestand bevat een ongeldige bestandsnaam.")
    path = raw.replace("\\", "/")
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        raise PublicatieFout(f"Het zip-bestand bevat een absoluut pad ({raw}); dat wordt niet gelezen.")
    parts = [p for p in PurePosixPath(path).parts if p not in ("", ".")]
    if ".." in parts:
        raise PublicatieFout(
            f"Het zip-bestand bevat een pad buiten het pakket ({raw}); dat wordt niet gelezen."
        )
    return "/".join(parts)


def _check_entry(entry: zipfile.ZipInfo, name: str) -> None:
    if entry.flag_bits & 0x1:
        raise PublicatieFout(f"{name} in het zip-bestand is versleuteld; dat wordt niet gelezen.")
    if stat.S_ISLNK(entry.external_attr >> 16):
        raise PublicatieFout(f"{name} in het zip-bestand is een koppeling; die wordt niet gevolgd.")
    if entry.file_size > MAX_BYTES:
        raise PublicatieFout(
            f"{name} in het zip-bestand is uitgepakt groter dan {MAX_BYTES // _MB} MB; "
            "dat wordt niet gelezen."
        )
    if entry.file_size > _MB and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
        raise PublicatieFout(
            f"{name} in het zip-bestand pakt uit tot meer dan {MAX_RATIO} keer zijn grootte "
            "(een zip-bom); het zip-bestand wordt niet gelezen."
        )
    if name.lower().endswith(_ARCHIVE_SUFFIXES):
        raise PublicatieFout(f"Het zip-bestand bevat een ander archief ({name}); pak dat eerst zelf uit.")


def _read_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str) -> bytes:
    try:
        with archive.open(entry) as member:
            data = member.read(entry.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, OSError):
        raise PublicatieFout(f"{name} in het zip-bestand is beschadigd of niet te lezen.") from None
    if len(data) != entry.file_size:
        raise PublicatieFout(f"{name} in het zip-bestand is groter dan het zip-bestand opgeeft.")
    _check_not_archive(name, data)
    return data


def _check_not_archive(name: str, data: bytes) -> None:
    if name.lower().endswith(_ARCHIVE_SUFFIXES) or data.startswith(_ARCHIVE_MAGIC):
        raise PublicatieFout(f"Het pakket bevat een ander archief ({name}); pak dat eerst zelf uit.")


def _add(files: Files, name: str, data: bytes) -> None:
    if any(existing.lower() == name.lower() for existing in files):
        raise PublicatieFout(f"Het pakket bevat {name} twee keer.")
    files[name] = data


def _check_count(count: int, limits: Limits) -> None:
    if count > limits.files:
        raise PublicatieFout(f"Het pakket bevat meer dan {limits.files} bestanden; dat wordt niet gelezen.")


def _check_total(total: int, limits: Limits) -> None:
    if total > limits.bytes:
        raise PublicatieFout(
            f"Het pakket is uitgepakt groter dan {limits.bytes // _MB} MB; dat wordt niet gelezen."
        )
