"""The Wet snippets an import links to, by every name they go by.

Known national laws (regelgeving.known_laws) are created once, the first time any import needs
them; after that editors manage them. A law tag the register does not know becomes a new Wet
without a BWB id, with a warning in the report.
"""

from __future__ import annotations

from regelgeving.known_laws import KNOWN_LAWS
from regelgeving.models import Wet

from .linking import Law


class LawRegister:
    def __init__(self) -> None:
        wetten = list(Wet.objects.all())
        known = {wet.afkorting for wet in wetten}
        missing = [law for law in KNOWN_LAWS if law[0] not in known]
        for afkorting, naam, bwb_id, _ in missing:
            Wet.objects.create(afkorting=afkorting, naam=naam, bwb_id=bwb_id)
        if missing:
            wetten = list(Wet.objects.all())  # in the database's order, which decides shared names
        self.by_name: dict[str, Wet] = {}
        for wet in wetten:
            for name in wet.names():
                self.by_name.setdefault(name.lower(), wet)
        for afkorting, _naam, _bwb, aliases in KNOWN_LAWS:
            wet = self.by_name.get(afkorting.lower())
            for alias in aliases:
                if wet:
                    self.by_name.setdefault(alias.lower(), wet)
        self.warnings: list[str] = []

    def for_tags(self, tags: list[str]) -> list[Wet]:
        """The laws of an article's or division's tags, in order, each once."""
        out: list[Wet] = []
        for tag in tags:
            wet = self.by_name.get(tag.lower())
            if wet is None:
                wet = Wet.objects.create(afkorting=tag[:60])
                self.by_name[tag.lower()] = wet
                self.warnings.append(
                    f"Onbekende wet '{tag}' als wet toegevoegd zonder BWB-id; vul die aan bij Wetten."
                )
            if wet not in out:
                out.append(wet)
        return out

    def laws(self) -> list[Law]:
        """Each law with the names the text may call it by, for the linker."""
        laws: dict[int, Law] = {}
        for name, wet in self.by_name.items():
            law = laws.setdefault(wet.pk, Law(wet.afkorting, [], wet.bwb_id))
            law.names.append(next((n for n in wet.names() if n.lower() == name), name))
        return list(laws.values())

    def bwb_ids(self) -> dict[str, str]:
        return {wet.afkorting: wet.bwb_id for wet in self.by_name.values()}
