"""Small corrections on freshly built nodes, shared by the walker and the preamble fallback.

Tree in, tree out: no XML here.
"""

from __future__ import annotations

from ...lawtags import tags_line
from ...tree import Alinea, Block, Divisie, Lijst, Node


def merge_lists(blocks: list[Block]) -> list[Block]:
    """Join a list that is split over sibling <lijst> elements when its numbering
    simply continues (each item in its own lijst, as in prb-2017-1003)."""
    out: list[Block] = []
    for b in blocks:
        if isinstance(b, Lijst) and out and isinstance(out[-1], Lijst) and _continues(out[-1], b):
            out[-1].items.extend(b.items)
        else:
            out.append(b)
    return out


def _continues(first: Lijst, second: Lijst) -> bool:
    if not first.items or not second.items:
        return False
    a = first.items[-1].nr.rstrip(".)°").strip()
    b = second.items[0].nr.rstrip(".)°").strip()
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    if len(a) == 1 and len(b) == 1 and a.isalpha() and b.isalpha():
        return ord(b.lower()) == ord(a.lower()) + 1
    return a == b == ""


def attach(node: Node, blocks: list[Block]) -> None:
    """Text that follows a division's children belongs to its last article."""
    while isinstance(node, Divisie) and node.children:
        node = node.children[-1]
    node.blocks.extend(blocks)


def take_tags_line(node: Node) -> None:
    """A first paragraph holding only law tags ("[Jeugdwet, Wmo]") belongs to the heading."""
    if node.blocks and isinstance(node.blocks[0], Alinea):
        tags = tags_line(node.blocks[0].text)
        if tags:
            node.wetten.extend(t for t in tags if t not in node.wetten)
            node.blocks.pop(0)
