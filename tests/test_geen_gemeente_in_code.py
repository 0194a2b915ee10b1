"""No gemeente is written into the apps: its name, its loket and its phone number come from the
gemeente's setting, and Lochem's values live only in the demo data (demo/). This reads every
Python file and template of the apps and lists each line that names Lochem, its loket or its
phone number."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("regelgeving", "importers", "loket", "site", "config")
SUFFIXES = {".py", ".html", ".txt", ".js", ".css"}
SKIPPED_DIRS = {"migrations", "__pycache__", "vendor"}
NAMES = re.compile(r"lochem|baken|0573", re.IGNORECASE)


def _files():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*")):
            if path.suffix in SUFFIXES and path.is_file() and not SKIPPED_DIRS & set(path.parts):
                yield path


def test_no_app_file_names_lochem_its_loket_or_its_phone_number():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in _files()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if NAMES.search(line)
    ]
    assert not found, "Een gemeente staat in de code:\n" + "\n".join(found)
