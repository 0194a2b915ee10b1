"""CALS tables (table/tgroup/thead|tbody|tfoot/row/entry) as a rectangular grid of cell texts."""

from __future__ import annotations

from collections.abc import Callable

from ...tree import Alinea, Block, Lid, Lijst, Tabel, Tussenkop, block_text
from ...xmlsafe import children
from .element_text import has_block_children, inline_text

# Reads the blocks of a cell that holds more than text (the walker's ``blocks``).
ReadBlocks = Callable[[object], list[Block]]


def read_table(el, read_blocks: ReadBlocks) -> Tabel:
    """All tgroups of a table as one Tabel; the thead rows at its top count as header rows."""
    tabel = Tabel()
    for tgroup in children(el, "tgroup") or [el]:
        names = [cs.get("colname", "") for cs in children(tgroup, "colspec")]
        ncols = _int(tgroup.get("cols")) or len(names)
        for part in ("thead", "tbody", "tfoot"):
            for section in children(tgroup, part):
                rows = _grid(children(section, "row"), names, ncols, read_blocks)
                if part == "thead" and len(tabel.rows) == tabel.header_rows:
                    tabel.header_rows += len(rows)
                tabel.rows.extend(rows)
    return tabel


def _grid(rows, names: list[str], ncols: int, read_blocks: ReadBlocks) -> list[list[str]]:
    """CALS rows as a rectangular grid: spanned cells are padded with ""."""
    pending: dict[int, int] = {}  # column -> rows still covered by a morerows cell
    grid: list[list[str]] = []
    for row in rows:
        cells: list[str] = []
        for entry in children(row, "entry"):
            _skip_covered(cells, pending)
            start = _column(names, entry.get("namest") or entry.get("colname"))
            while start is not None and len(cells) < start:
                cells.append("")
                _skip_covered(cells, pending)
            end = _column(names, entry.get("nameend"))
            span = end - len(cells) + 1 if end is not None and end >= len(cells) else 1
            morerows = _int(entry.get("morerows"))
            for k in range(span if morerows else 0):
                pending[len(cells) + k] = morerows
            cells.extend([_cell_text(entry, read_blocks)] + [""] * (span - 1))
        while len(cells) < ncols:
            if pending.get(len(cells), 0) > 0:
                pending[len(cells)] -= 1
            cells.append("")
        grid.append(cells)
    return grid


def _cell_text(entry, read_blocks: ReadBlocks) -> str:
    """A cell's paragraphs, one per line."""
    if not has_block_children(entry):
        return inline_text(entry)
    return "\n".join(line for line in _lines(read_blocks(entry)) if line)


def _lines(blocks: list[Block]):
    for b in blocks:
        if isinstance(b, Alinea | Tussenkop):
            yield b.text
        elif isinstance(b, Lid):
            yield " ".join(p for p in (b.nr, block_text(b.blocks)) if p)
        elif isinstance(b, Lijst):
            for item in b.items:
                yield " ".join(p for p in (item.nr, block_text(item.blocks)) if p)
        elif isinstance(b, Tabel):
            yield from (" ".join(row) for row in b.rows)


def _skip_covered(cells: list[str], pending: dict[int, int]) -> None:
    """Leave the cells that a cell from a row above still covers (morerows) empty."""
    while pending.get(len(cells), 0) > 0:
        pending[len(cells)] -= 1
        cells.append("")


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _column(names: list[str], name: str | None) -> int | None:
    return names.index(name) if name and name in names else None
