"""National laws that municipal social-domain texts cite, with their BWB ids.

Source: shared/wetten-bwb.md (each pair verified there). Used to create the
`Wet` snippets on first import; editors manage them from then on.
"""

# (afkorting, volledige naam, BWB id, other spellings seen in municipal texts)
KNOWN_LAWS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("Wmo", "Wet maatschappelijke ondersteuning 2015", "BWBR0035362", ("Wmo 2015", "WMO")),
    ("Jeugdwet", "Jeugdwet", "BWBR0034925", ()),
    (
        "PW",
        "Participatiewet",
        "BWBR0015703",
        ("Pw", "Participatiewet", "WWB", "Wet werk en bijstand"),
    ),
    ("Awb", "Algemene wet bestuursrecht", "BWBR0005537", ("AWB",)),
    ("Gemeentewet", "Gemeentewet", "BWBR0005416", ("Gemw",)),
    ("Wgs", "Wet gemeentelijke schuldhulpverlening", "BWBR0031331", ("WGS",)),
    (
        "IOAW",
        "Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte werkloze werknemers",
        "BWBR0004044",
        (),
    ),
    (
        "IOAZ",
        "Wet inkomensvoorziening oudere en gedeeltelijk arbeidsongeschikte gewezen zelfstandigen",
        "BWBR0004163",
        (),
    ),
    (
        "Wib",
        "Wet inburgering 2021",
        "BWBR0044770",
        ("Wi 2021", "Wet Inburgering 2021", "Wet inburgering"),
    ),
    ("Wko", "Wet kinderopvang", "BWBR0017017", ("Wet Kinderopvang",)),
    ("WPO", "Wet op het primair onderwijs", "BWBR0003420", ()),
    (
        "WVO",
        "Wet voortgezet onderwijs 2020",
        "BWBR0044212",
        ("Wet op het voortgezet onderwijs", "WVO 2020"),
    ),
    ("WEC", "Wet op de expertisecentra", "BWBR0003549", ()),
    ("Wsw", "Wet sociale werkvoorziening", "BWBR0008903", ("WSW",)),
    ("Wlz", "Wet langdurige zorg", "BWBR0035917", ()),
    ("Wvggz", "Wet verplichte geestelijke gezondheidszorg", "BWBR0040635", ("Wet verplichte ggz",)),
    ("Bbz 2004", "Besluit bijstandverlening zelfstandigen 2004", "BWBR0015711", ("Bbz", "Bbz2004")),
    ("Anw", "Algemene nabestaandenwet", "BWBR0007795", ("ANW",)),
    ("AOW", "Algemene Ouderdomswet", "BWBR0002221", ()),
    ("WML", "Wet minimumloon en minimumvakantiebijslag", "BWBR0002638", ("Wml", "Wet minimumloon")),
    ("BW Boek 1", "Burgerlijk Wetboek Boek 1", "BWBR0002656", ("Boek 1 BW",)),
    ("Wet SUWI", "Wet structuur uitvoeringsorganisatie werk en inkomen", "BWBR0013060", ("SUWI",)),
    ("Uitvoeringsbesluit Wmo 2015", "Uitvoeringsbesluit Wmo 2015", "BWBR0035733", ()),
    ("AWR", "Algemene wet inzake rijksbelastingen", "BWBR0002320", ("Awr",)),
    # Not one law: the laws on leerlingenvervoer (WPO, WVO, WEC), so no BWB id.
    ("Llv", "Wetten leerlingenvervoer (WPO, WVO en WEC)", "", ("LLV",)),
)
