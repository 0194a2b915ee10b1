"""Build the derived test versions of the Lochem verordening from their recorded edits."""

import json
from pathlib import Path

DATA = Path(__file__).parent / "data"
VERSIES = DATA / "versies"


def derived_version(name: str) -> bytes:
    """The text of a derived version, e.g. derived_version("gmb-2026-612345")."""
    recipe = json.loads((VERSIES / f"{name}.json").read_text(encoding="utf-8"))
    base = recipe["base"]
    if base.endswith(".json"):
        text = derived_version(base.removesuffix(".json")).decode("utf-8")
    else:
        text = (DATA / base).read_text(encoding="utf-8")
    for edit in recipe["edits"]:
        found = text.count(edit["old"])
        expected = edit.get("count", found)
        if found == 0 or found != expected:
            raise AssertionError(f"{name}: edit '{edit['what']}' found {found}x, expected {expected}x")
        text = text.replace(edit["old"], edit["new"])
    return text.encode("utf-8")
