"""A folder or zip of many publications (a whole body of regulations), split into the
publications it holds, each to be imported on its own.

Reading goes through packages.py with wider limits, so a hostile archive (a zip bomb, a path
outside it, a link, an archive inside) is refused as a whole before anything is imported. A
STOP download package inside the bundle (the folder with a pakbon, or with the STOP modules that
identify a text) stays one publication; every other file is one. A file of a type no parser
reads is listed as refused with its reason; it does not stop the others.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .errors import PublicatieFout
from .packages import Files, Limits, files_from_folder, files_from_zip, is_zip
from .parsers.stop_package import METADATA_MODULES
from .sources import read_source
from .xmlsafe import MAX_BYTES

_MB = 1024 * 1024
# A municipality's whole body of regulations is a few hundred publications of well under 1 MB.
BUNDLE = Limits(files=5000, bytes=500 * _MB)
PUBLICATION_SUFFIXES = (".xml", ".html", ".htm", ".xhtml", ".txt")
_PACKAGE_LIST = "Pakbon"
# The first element after the XML declaration, comments and processing instructions.
_PROLOG = re.compile(rb"^(\s|<\?.*?\?>|<!--.*?-->)*", re.S)
_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
# A fixed time in the zip of a package kept for a worker: the same files give the same bytes.
_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass
class Bron:
    """One publication of a bundle: one file, or the files of a STOP package."""

    naam: str
    files: Files
    weigering: str = ""  # why it is refused without being read (a type no parser reads)

    @property
    def data(self) -> bytes:
        """What the pipeline reads: the file itself, or the package as a zip."""
        if len(self.files) == 1:
            return next(iter(self.files.values()))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            for name in sorted(self.files):
                archive.writestr(zipfile.ZipInfo(name, _ZIP_TIME), self.files[name])
        return buffer.getvalue()

    @property
    def sha256(self) -> str:
        """The content hash: of the bytes for one file, of names and bytes for a package."""
        if len(self.files) == 1:
            return hashlib.sha256(next(iter(self.files.values()))).hexdigest()
        digest = hashlib.sha256()
        for name in sorted(self.files):
            digest.update(name.encode() + b"\x00" + len(self.files[name]).to_bytes(8, "big"))
            digest.update(self.files[name])
        return digest.hexdigest()


def read_bundle(source: str) -> list[Bron]:
    """The publications a source holds: a folder or zip (path or http(s) address) as many as
    are in it, a plain file one."""
    path = Path(source)
    if path.is_dir() and not path.is_symlink():
        return bronnen(files_from_folder(path, BUNDLE), path.name)
    if path.is_file() and path.stat().st_size > MAX_BYTES:
        with path.open("rb") as handle:
            is_bundle = is_zip(handle.read(4))
        if is_bundle and path.stat().st_size <= BUNDLE.bytes:
            return bundle_from_bytes(path.read_bytes(), path.name)
        if is_bundle:
            raise PublicatieFout(f"Het zip-bestand is groter dan {BUNDLE.bytes // _MB} MB.")
    data = read_source(source)  # refuses a plain file that is too large
    return bundle_from_bytes(data, path.name) if is_zip(data) else [Bron(source, {source: data})]


def bundle_from_bytes(data: bytes, naam: str) -> list[Bron]:
    """The publications in a zip that was uploaded or downloaded."""
    return bronnen(files_from_zip(data, BUNDLE), naam)


def bronnen(files: Files, naam: str) -> list[Bron]:
    """Group the files into publications, in the order of their names."""
    packages = _package_folders(files)
    grouped: dict[str, Files] = {}
    result: list[Bron] = []
    for name in sorted(files):
        folder = _innermost(name, packages)
        if folder is not None:
            grouped.setdefault(folder, {})[name] = files[name]
        elif not name.lower().endswith(PUBLICATION_SUFFIXES):
            suffix = PurePosixPath(name).suffix or "zonder extensie"
            reden = f"Onbekend bestandstype ({suffix}); alleen XML, HTML en tekst worden geïmporteerd."
            result.append(Bron(name, {name: files[name]}, weigering=reden))
        else:
            result.append(Bron(name, {name: files[name]}))
    result += [Bron(folder or naam, package) for folder, package in grouped.items()]
    return sorted(result, key=lambda bron: bron.naam)


def _package_folders(files: Files) -> set[str]:
    """The folders holding a STOP package: a pakbon's folder, else that of the identification."""
    roots = {name: _root_element(data) for name, data in files.items() if name.lower().endswith(".xml")}
    pakbonnen = {_folder(name) for name, root in roots.items() if root == _PACKAGE_LIST}
    modules = {_folder(name) for name, root in roots.items() if root in METADATA_MODULES}
    return pakbonnen | {m for m in modules if _innermost_of(m, pakbonnen) is None}


def _innermost(name: str, folders: set[str]) -> str | None:
    return _innermost_of(_folder(name), folders)


def _innermost_of(folder: str, folders: set[str]) -> str | None:
    """The deepest of folders that is folder or holds it."""
    candidates = [f for f in folders if f == "" or folder == f or folder.startswith(f + "/")]
    return max(candidates, key=len) if candidates else None


def _folder(name: str) -> str:
    parent = PurePosixPath(name).parent.as_posix()
    return "" if parent == "." else parent


def _root_element(data: bytes) -> str:
    head = data[:8192].lstrip(b"\xef\xbb\xbf")
    match = _ELEMENT.match(head, _PROLOG.match(head).end())
    return match.group(1).decode("ascii", "replace") if match else ""
