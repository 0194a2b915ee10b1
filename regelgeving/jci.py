"""Links to national law on wetten.overheid.nl (Juriconnect, jci). Pure: no Django."""

WETTEN_BASE = "https://wetten.overheid.nl/"


def jci_url(bwb_id: str, artikel: str = "", lid: str = "") -> str:
    """A Juriconnect link to a law on wetten.overheid.nl, to an article (and its lid) when given."""
    if not bwb_id:
        return ""
    if not artikel:
        return f"{WETTEN_BASE}{bwb_id}"
    url = f"{WETTEN_BASE}jci1.3:c:{bwb_id}&artikel={artikel}"
    return f"{url}&lid={lid}" if lid else url
