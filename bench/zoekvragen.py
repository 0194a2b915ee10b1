"""Relevance set for the search benchmark: realistic queries on the Lochem verordening.

Written by reading the Verordening Sociaal Domein 2026 (demo/data/gmb-2025-538386.txt)
as it is shown on the site, *before* looking at what the search engine returns: each query
lists the pages a knowledgeable staff member of 't Baken would accept as a right answer.
Several acceptable pages per query are fine; a page only counts when it is the place where
the verordening deals with the subject (a page that merely mentions a word does not).

A page is named by (soort, nummer) — ("artikel", "8.3.4"), ("hoofdstuk", "7"),
("paragraaf", "9.2"), ("bijlage", "2") — or by ("begrip", term) for a definition.

Notes on the capture: the published text on which the site is built is a web capture in which
many article headings are missing, so some subjects live in the nearest article or chapter
that *is* there (e.g. the text on bijzondere bijstand and studietoeslag is in the intro of
hoofdstuk 7; the mantelzorgcompliment and beschermd wonen are in article 5.2.1; the
schuldhulpverlening text is in article 7.7). The expectations follow the site as an inwoner
sees it, but never accept a page whose heading is about something else (the opening text of
hoofdstuk 6 "vervoer naar school" ended up under article 5.5 "Maatschappelijke opvang"; 5.5
is not accepted for school transport).
"""

from __future__ import annotations

from dataclasses import dataclass

STAFF, TERM, INWONER = "medewerker (verwijzing)", "medewerker (term)", "inwoner"


@dataclass(frozen=True)
class Vraag:
    q: str
    verwacht: tuple[tuple[str, str], ...]
    wie: str
    toelichting: str = ""


def _v(q: str, wie: str, *verwacht: tuple[str, str], toelichting: str = "") -> Vraag:
    return Vraag(q, tuple(verwacht), wie, toelichting)


A = "artikel"
H = "hoofdstuk"
P = "paragraaf"
B = "bijlage"
BG = "begrip"

VRAGEN: list[Vraag] = [
    # -- staff: citations as they are written in letters, decisions and notes ------------
    _v("art. 8.3.4", STAFF, (A, "8.3.4")),
    _v("artikel 5.2.1 lid 2", STAFF, (A, "5.2.1")),
    _v("hoofdstuk 7", STAFF, (H, "7")),
    _v("par. 9.2", STAFF, (P, "9.2")),
    _v("bijlage II", STAFF, (B, "2")),
    _v("9.5.2", STAFF, (A, "9.5.2")),
    _v("artikel 2.2", STAFF, (A, "2.2")),
    _v("art 10.8 clientondersteuning", STAFF, (A, "10.8")),
    # -- staff: the terms of the trade ----------------------------------------------------
    _v(
        "mantelzorger",
        TERM,
        (BG, "Mantelzorger"),
        (A, "5.2.1"),
        toelichting="definitie, of de mantelzorgwaardering in 5.2.1",
    ),
    _v("pgb", TERM, (P, "8.3"), (A, "8.3.4")),
    _v("persoonsgebonden budget", TERM, (P, "8.3"), (A, "8.3.4")),
    _v(
        "eigen bijdrage",
        TERM,
        (A, "8.4.3"),
        (A, "6.4"),
        toelichting="Wmo-bijdrage aan het CAK (8.4.3) of bijdrage leerlingenvervoer (6.4)",
    ),
    _v("leerlingenvervoer", TERM, (H, "6"), (A, "6.4"), (A, "6.7")),
    _v("cliëntondersteuning", TERM, (A, "10.8"), (BG, "Cliëntondersteuning")),
    _v("woningaanpassing", TERM, (A, "5.2.1"), (P, "5.2")),
    _v("bijzondere bijstand", TERM, (H, "7")),
    _v("beslistermijn", TERM, (A, "2.2")),
    _v("loonkostensubsidie", TERM, (P, "3.3")),
    _v("maatschappelijke opvang", TERM, (A, "5.5")),
    _v("dagbesteding", TERM, (A, "3.5.1")),
    _v("gebruikelijke hulp", TERM, (B, "1"), (B, "2"), (BG, "Gebruikelijke ondersteuning")),
    _v("individuele inkomenstoeslag", TERM, (A, "7.4")),
    _v("schuldhulpverlening", TERM, (H, "7"), (A, "7.7")),
    _v("VOG", TERM, (P, "8.3"), toelichting="verklaring omtrent gedrag voor pgb-hulpverleners"),
    _v("adviesraad sociaal domein", TERM, (P, "10.5"), (A, "10.5.3")),
    _v("beschermd wonen", TERM, (A, "5.2.1")),
    _v("sociale activering", TERM, (P, "3.3")),
    _v("verlaging uitkering", TERM, (P, "9.2"), (A, "9.2.4"), (A, "9.2.8"), (A, "9.2.11")),
    _v("studietoeslag", TERM, (H, "7")),
    # -- inwoners: plain words, questions -------------------------------------------------
    _v("hulp bij vervoer naar school", INWONER, (H, "6"), (A, "6.4"), (A, "6.7")),
    _v(
        "taxi voor mijn kind naar school",
        INWONER,
        (A, "6.4"),
        (A, "6.7"),
        (H, "6"),
        (BG, "Aangepast vervoer"),
    ),
    _v("geld voor aanpassing van mijn huis", INWONER, (A, "5.2.1"), (P, "5.2")),
    _v(
        "wat als ik het niet eens ben met het besluit",
        INWONER,
        (H, "11"),
        toelichting="bezwaar maken: hoofdstuk 11 Bezwaar en klacht",
    ),
    _v("bezwaar maken", INWONER, (H, "11")),
    _v("boete bij fraude", INWONER, (A, "9.5.2"), (P, "9.5"), (BG, "Bestuurlijke boete"), (BG, "Fraude")),
    _v("ik kan niet meer zelfstandig wonen", INWONER, (P, "5.2"), (A, "5.2.1"), (H, "5")),
    _v("rolstoel aanvragen", INWONER, (P, "5.2")),
    _v("hoe lang duurt het voordat ik een besluit krijg", INWONER, (A, "2.2")),
    _v("compliment voor mantelzorg", INWONER, (A, "5.2.1")),
    _v("hulp bij schulden", INWONER, (H, "7"), (A, "7.7")),
    _v("opvang na huiselijk geweld", INWONER, (A, "5.5")),
    _v("dakloos", INWONER, (A, "5.5")),
    _v("sport en school kinderen laag inkomen", INWONER, (A, "7.6"), (A, "7.7")),
    _v(
        "moet mijn partner mij helpen in het huishouden",
        INWONER,
        (B, "1"),
        (BG, "Gebruikelijke ondersteuning"),
    ),
    _v("Nederlandse taal leren", INWONER, (A, "3.3.10")),
    _v(
        "uitkering lager omdat ik niet meewerk",
        INWONER,
        (P, "9.2"),
        (A, "9.2.4"),
        (A, "9.2.7"),
        (A, "9.2.8"),
        (A, "9.2.11"),
        (H, "9"),
    ),
    _v("eigen bedrijf beginnen vanuit de bijstand", INWONER, (A, "3.3.12")),
    _v("jeugdhulp zonder verwijzing van de huisarts", INWONER, (A, "4.2")),
    _v("klacht over de jeugdzorg", INWONER, (A, "11.5"), (H, "11")),
    _v(
        "meepraten over beleid van de gemeente",
        INWONER,
        (H, "10"),
        (A, "10.1"),
        (A, "10.9"),
        (BG, "Inwonerparticipatie"),
    ),
    _v("auto laten aanpassen", INWONER, (A, "8.4.3")),
    _v("hoeveel pgb voor hulp van familie", INWONER, (A, "8.3.4")),
    _v("jobcoach op het werk", INWONER, (P, "3.3")),
    _v("kinderopvang zodat ik kan werken", INWONER, (A, "3.3.11")),
    _v("toeslag voor mensen met een laag inkomen", INWONER, (A, "7.4"), (A, "7.7"), (H, "7")),
    _v("gesprek met een consulent na mijn melding", INWONER, (A, "2.2"), (H, "2")),
    # -- synonyms (Synoniemen voor zoeken, Wet names): they widen a query, never empty it ----
    _v(
        "huishoudelijke hulp",
        INWONER,
        (B, "1"),
        toelichting="synoniem 'hulp bij het huishouden' (staat nergens); bijlage 1: helpen in het huishouden",
    ),
    _v("hulp bij het huishouden", INWONER, (B, "1"), toelichting="een zin met stopwoorden als synoniem"),
    _v(
        "rolstoel",
        INWONER,
        (P, "5.2"),
        toelichting="letterlijk in 5.2; via het synoniem vervoersvoorziening alleen leerlingenvervoer",
    ),
    _v(
        "vervoersvoorziening",
        TERM,
        (A, "6.4"),
        (A, "6.7"),
        (H, "6"),
        toelichting="letterlijk, en doel van het synoniem rolstoel",
    ),
    _v("schulden", INWONER, (H, "7"), (A, "7.7"), toelichting="letterlijk, en doel van twee synoniemen"),
    _v("schuldhulp", INWONER, (H, "7"), (A, "7.7"), toelichting="synoniem schulden"),
    _v(
        "aanpassing van de woning",
        INWONER,
        (A, "5.2.1"),
        (P, "5.2"),
        toelichting="synoniem woningaanpassing, en woning = huis",
    ),
    _v("zorg in natura", TERM, (BG, "Ondersteuning in natura"), toelichting="synoniem zin"),
    _v("thuisloos", INWONER, (A, "5.5"), toelichting="synoniem maatschappelijke opvang"),
    _v("mantelzorgwaardering", TERM, (A, "5.2.1"), toelichting="synoniem mantelzorgcompliment"),
    _v("wet maatschappelijke ondersteuning", TERM, (BG, "Wmo"), toelichting="naam van een wet, zonder jaar"),
]
