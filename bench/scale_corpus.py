"""Synthetic publications of many fictional gemeenten, in the shapes of the real samples.

Every file is a real sample (a Gemeenteblad text capture, three CVDR regelingen, an OP regulation,
a STOP besluit) with the publishing organisation replaced by a fictional gemeente (its name in the
creator / organ / subtitel, its CBS code in STOP's TOOI and AKN identifiers), its own identifier and
title, and a seeded share of its words swapped for other common Dutch words (bench/corpus.py), so
each file is a distinct regeling of that gemeente and the collection's vocabulary grows as a real
one does. The Gemeenteblad capture, the large shape, keeps a varying number of Lochem's chapters
and begrippen, so sizes vary as real verordeningen do.

Fictional gemeenten: CBS codes gm9001.. (no real gemeente has a code above gm1999), host names
g01.localhost, g02.localhost, ...
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from corpus import _perturb, _replacement_words  # noqa: E402
from synth import _HOOFDSTUK, LOCHEM, split_capture  # noqa: E402

SAMPLES = ROOT / "tests" / "data" / "samples"
_SYLLABLES = ("bro", "ek", "wes", "ter", "hol", "den", "va", "lk", "mar", "sum", "ol", "de", "rijp", "zand")
_SUFFIXES = ("veen", "dijk", "broek", "wolde", "horst", "rade", "dam", "loo", "stein", "hoven")
ONDERWERPEN = (
    "sociaal domein",
    "jeugdhulp",
    "maatschappelijke ondersteuning",
    "participatie",
    "mantelzorg",
    "leerlingenvervoer",
    "schuldhulpverlening",
    "re-integratie",
    "individuele inkomenstoeslag",
    "minimabeleid",
    "bijzondere bijstand",
    "begraafplaatsen",
    "afvalstoffen",
    "ligplaatsen",
    "marktgelden",
    "subsidies welzijn",
    "inburgering",
    "kinderopvang",
    "woonwagenstandplaatsen",
    "adviesraad sociaal domein",
)


@dataclass(frozen=True)
class Fictief:
    """A fictional gemeente of the benchmark: name, CBS code and host name."""

    nummer: int  # 1..

    @property
    def naam(self) -> str:
        rng = random.Random(f"gemeente-{self.nummer}")
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(2))
        return (stem + rng.choice(_SUFFIXES)).capitalize()

    @property
    def cbs_code(self) -> str:
        return f"gm{9000 + self.nummer}"

    @property
    def host(self) -> str:
        return f"g{self.nummer:02d}.localhost"


# -- shapes -------------------------------------------------------------------------------


def _titel(g: Fictief, k: int, soort: str) -> str:
    onderwerp = ONDERWERPEN[k % len(ONDERWERPEN)]
    return f"{soort} {onderwerp} {g.naam} {k:03d}"


# Where an XML shape's regeling text is: its metadata (types, dates, identifiers) stays as it is.
_TEXT_ROOTS = frozenset({"body", "regeling", "Lichaam", "RegelingCompact"})


def _perturb_xml(data: bytes, rng: random.Random) -> bytes:
    """The same word swap as the text shapes, on the regeling text of an XML file (never its tags
    or metadata)."""
    root = etree.fromstring(data)
    tops = [el for el in root.iter() if isinstance(el.tag, str) and etree.QName(el).localname in _TEXT_ROOTS]
    tops = [el for el in tops if not any(a in tops for a in el.iterancestors())]
    nodes = [
        (el, attr)
        for top in tops
        for el in top.iter()
        if isinstance(el.tag, str)
        for attr in ("text", "tail")
        if el is not top or attr == "text"
    ]
    texts = [getattr(el, attr) or "" for el, attr in nodes]
    swapped = _perturb(texts, rng, _replacement_words())
    for (el, attr), new in zip(nodes, swapped, strict=True):
        if new != (getattr(el, attr) or ""):
            setattr(el, attr, new)
    return etree.tostring(root, xml_declaration=True, encoding="utf-8")


def tekst(g: Fictief, k: int, rng: random.Random) -> tuple[str, bytes]:
    """The Lochem Gemeenteblad capture: its first n chapters and a share of its begrippen."""
    head, body, tail = split_capture(LOCHEM.read_bytes().decode("utf-8-sig"))
    starts = [i for i, line in enumerate(body) if _HOOFDSTUK.match(line)]
    chapters = rng.randint(2, len(starts))
    body = body[: starts[chapters]] if chapters < len(starts) else body
    defs = [line for line in tail if ":" in line]
    tail = sorted(rng.sample(defs, rng.randint(10, len(defs))), key=defs.index)
    titel = _titel(g, k, "Verordening")
    nummer = 800000 + g.nummer * 1000 + k
    # The head (organ, citeertitel, dates) is kept: the parser reads the publication's identity there.
    out = "\n".join(head + _perturb(body + tail, rng, _replacement_words())) + "\n"
    for old, new in (
        ("Gemeenteblad 2025, 538386", f"Gemeenteblad 2025, {nummer}"),
        ("gmb-2025-538386", f"gmb-2025-{nummer}"),
        ("Verordening Sociaal Domein 2026", f"{titel} 2026"),
        ("Lochem", g.naam),
    ):
        out = out.replace(old, new)
    return f"gmb-2025-{nummer}.txt", out.encode("utf-8")


def _cvdr(path: Path, organ: str, soort: str):
    def make(g: Fictief, k: int, rng: random.Random) -> tuple[str, bytes]:
        text = path.read_bytes().decode("utf-8")
        werk = 9_000_000 + g.nummer * 1000 + k
        titel = _titel(g, k, soort)
        text = re.sub(r"(<(?:dcterms:)?identifier>)(?:CVDR)?\d+_\d+", rf"\g<1>CVDR{werk}_1", text)
        text = re.sub(r"(<(?:dcterms:)?(?:title|alternative)>)[^<]*", rf"\g<1>{titel}", text)
        text = re.sub(r"(<(?:dcterms:)?creator[^>]*>)[^<]*", rf"\g<1>{g.naam}", text)
        text = text.replace(organ, g.naam)
        return f"CVDR{werk}_1.xml", _perturb_xml(text.encode("utf-8"), rng)

    return make


def op_regeling(g: Fictief, k: int, rng: random.Random) -> tuple[str, bytes]:
    """The OP regulation (a Blad gemeenschappelijke regeling) as a Gemeenteblad of the gemeente."""
    text = (SAMPLES / "op-gmb" / "bgr-2024-715.xml").read_bytes().decode("utf-8")
    nummer = 700000 + g.nummer * 1000 + k
    text = text.replace("bgr-2024-715", f"gmb-2024-{nummer}")
    text = text.replace("BLAD GEMEENSCHAPPELIJKE REGELING", "GEMEENTEBLAD")
    text = text.replace("bladgemeenschappelijkeregeling", "gemeenteblad")
    text = text.replace("de gemeenschappelijke regeling Regio Achterhoek", f"de gemeente {g.naam}")
    # The parser takes the title from the first line of the text too: both become this one's.
    text = text.replace(
        "Regeling mandatering bevoegdheden van het dagelijks bestuur en de voorzitter van Regio Achterhoek",
        _titel(g, k, "Mandaatregeling"),
    )
    text = text.replace("Regio Achterhoek", f"gemeente {g.naam}")
    return f"gmb-2024-{nummer}.xml", _perturb_xml(text.encode("utf-8"), rng)


def stop_besluit(g: Fictief, k: int, rng: random.Random) -> tuple[str, bytes]:
    """The STOP besluit (LVBB test data of gm9920) as one of this gemeente, its own AKN work."""
    path = SAMPLES / "stop" / "lvbb-aanlevering" / "Westland_test_besluit.xml"
    text = path.read_bytes().decode("utf-8")
    text = text.replace("gm9920", g.cbs_code)
    text = text.replace("SanityCheckWestland", f"Regeling{k:03d}").replace("OOWVKWBsl", f"Besluit{k:03d}")
    text = text.replace("LVBB-Sanitycheck Westland", _titel(g, k, "Regeling"))
    text = text.replace("Westland", g.naam)
    return f"{g.cbs_code}-besluit-{k:03d}.xml", _perturb_xml(text.encode("utf-8"), rng)


# (name, maker, weight): the share of each shape in a gemeente's collection. The Gemeenteblad
# capture is the large one (a social-domain verordening); the others are the short regelingen
# most of a real collection is made of.
SHAPES = (
    ("gemeenteblad-tekst", tekst, 4),
    ("cvdr-verordening", _cvdr(ROOT / "demo" / "data" / "CVDR621050_2.xml", "Heemstede", "Verordening"), 5),
    ("cvdr-beleidsregels", _cvdr(SAMPLES / "cvdr" / "CVDR100394_2.xml", "Kampen", "Beleidsregels"), 4),
    ("cvdr-tabel", _cvdr(SAMPLES / "cvdr" / "CVDR112779_1.xml", "Spijkenisse", "Lijst"), 1),
    ("op-regeling", op_regeling, 3),
    ("stop-besluit", stop_besluit, 2),
)


def vorm(k: int) -> tuple[str, object]:
    """The shape of regeling k (1..): the weights spread evenly over the numbers."""
    cycle = [(name, maker) for name, maker, weight in SHAPES for _ in range(weight)]
    return cycle[(k * 7) % len(cycle)]


def publicatie(g: Fictief, k: int) -> tuple[str, str, bytes]:
    """(shape, file name, bytes) of regeling k of gemeente g."""
    name, maker = vorm(k)
    filename, data = maker(g, k, random.Random(f"{g.cbs_code}-{k}"))
    return name, filename, data


def schrijf_map(g: Fictief, regelingen: int, folder: Path) -> dict[str, int]:
    """Write regelingen 1..n of g into folder; the count per shape."""
    folder.mkdir(parents=True, exist_ok=True)
    shapes: dict[str, int] = {}
    for k in range(1, regelingen + 1):
        name, filename, data = publicatie(g, k)
        (folder / filename).write_bytes(data)
        shapes[name] = shapes.get(name, 0) + 1
    return shapes
