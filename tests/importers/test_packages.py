"""A publication as a folder or a zip: read safely, or refused with one Dutch line. Pure."""

import io
import stat
import zipfile

import pytest

from importers.errors import PublicatieFout
from importers.formats import parse_files, parse_publicatie
from importers.packages import MAX_FILES, files_from_folder, files_from_zip
from tests.importers.support import PACKAGE, zip_folder, zip_of
from tests.paths import LOCHEM


def test_a_zip_of_the_download_package_reads_like_the_folder():
    from_zip = parse_publicatie(zip_folder(PACKAGE), "pakket.zip")
    from_folder = parse_files(files_from_folder(PACKAGE), "pakket.zip")
    assert from_zip == from_folder
    assert from_zip.metadata.identifier.endswith("reg456RGL-20210604-150105/nld@1")


def test_a_zip_in_a_folder_of_its_own_and_system_files_are_fine():
    files = {f"download/{p.relative_to(PACKAGE).as_posix()}": p.read_bytes() for p in PACKAGE.rglob("*.xml")}
    files["__MACOSX/download/._pakbon-v.1.xml"] = b"\x00\x05\x16\x07"
    doc = parse_publicatie(zip_of(files), "download.zip")
    assert doc.counts()["artikelen"] == 22


def test_a_zip_holding_one_publication_imports_that_publication():
    doc = parse_publicatie(zip_of({"lochem.txt": LOCHEM.read_bytes()}), "lochem.zip")
    assert doc.metadata.identifier == "gmb-2025-538386"


def entry(name: str, data: bytes = b"x", **attributes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo(name)
        for key, value in attributes.items():
            setattr(info, key, value)
        archive.writestr(info, data)
    return buffer.getvalue()


def encrypted(archive: bytes) -> bytes:
    """Set the "encrypted" flag in the local and the central header (zipfile cannot write it)."""
    data = bytearray(archive)
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature) + offset
        data[at] |= 0x1
    return bytes(data)


@pytest.mark.parametrize(
    "archive, message",
    [
        (entry("../../etc/cron.d/x.xml"), "pad buiten het pakket"),
        (entry("Regeling/../../x.xml"), "pad buiten het pakket"),
        (entry("/etc/passwd"), "absoluut pad"),
        (entry("C:\\Windows\\x.xml"), "absoluut pad"),
        (entry("..\\..\\x.xml"), "pad buiten het pakket"),
        (entry("binnen.zip", zip_of({"a.xml": b"<a/>"})), "ander archief"),
        (entry("binnen.xml", zip_of({"a.xml": b"<a/>"})), "ander archief"),
        (entry("Regeling/link.xml", external_attr=(stat.S_IFLNK | 0o777) << 16), "koppeling"),
        (encrypted(entry("geheim.xml")), "versleuteld"),
        (b"PK\x03\x04 dit is geen zip", "beschadigd"),
    ],
)
def test_hostile_zips_are_refused_with_one_line(archive, message):
    with pytest.raises(PublicatieFout, match=message) as exc:
        parse_publicatie(archive, "pakket.zip")
    assert "\n" not in str(exc.value)


def test_a_zip_bomb_is_refused_before_it_is_inflated():
    bomb = zip_of({"RegelingTekst.xml": b"\x00" * (21 * 1024 * 1024)})
    assert len(bomb) < 100_000
    with pytest.raises(PublicatieFout, match="uitgepakt groter dan 20 MB"):
        files_from_zip(bomb)


def test_a_zip_that_lies_about_its_sizes_is_refused():
    honest = zip_of({"a.xml": b"<a>" + b"a" * 5000 + b"</a>"})
    # Shrink the size the central directory and local header declare: reading must not trust it.
    lying = honest.replace((5007).to_bytes(4, "little"), (10).to_bytes(4, "little"))
    with pytest.raises(PublicatieFout, match="a.xml in het zip-bestand"):
        files_from_zip(lying)


def test_too_many_files_are_refused():
    many = zip_of({f"f{i}.xml": b"<a/>" for i in range(MAX_FILES + 1)})
    with pytest.raises(PublicatieFout, match=f"meer dan {MAX_FILES} bestanden"):
        files_from_zip(many)


def test_the_same_file_twice_is_refused():
    with pytest.raises(PublicatieFout, match="twee keer"):
        files_from_zip(zip_of({"Regeling/Tekst.xml": b"<a/>", "regeling/tekst.xml": b"<b/>"}))


def test_a_folder_with_a_link_is_refused(tmp_path):
    (tmp_path / "Regeling").mkdir()
    (tmp_path / "Regeling" / "Tekst.xml").symlink_to("/etc/passwd")
    with pytest.raises(PublicatieFout, match="geen gewoon bestand"):
        files_from_folder(tmp_path)
    (tmp_path / "Regeling" / "Tekst.xml").unlink()
    (tmp_path / "buiten").symlink_to("/etc", target_is_directory=True)
    with pytest.raises(PublicatieFout, match="koppeling"):
        files_from_folder(tmp_path)


def test_an_empty_folder_is_refused(tmp_path):
    with pytest.raises(PublicatieFout, match="is leeg"):
        files_from_folder(tmp_path)
