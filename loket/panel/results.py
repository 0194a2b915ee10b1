"""Results of a peiling: aggregates per question, participation, respondents against the panel,
and releasing them (participants first, by e-mail; the public after the embargo)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from ..blocks import OPEN_QUESTION_TYPES
from ..choices import LEEFTIJDSGROEPEN
from ..gemeente import gemeente_van
from ..models import (
    Bericht,
    Bevolkingsaandeel,
    PanelContact,
    Panellid,
    Respons,
    UitgelichtAntwoord,
    Uitnodiging,
    Vrijgave,
)
from ..tasks import send_waiting_after_commit
from . import mail
from .answers import scale_label

# Fewer respondents than this in a group (a kern, an age group), or in the whole peiling, could
# point to a person: such a group is shown as "minder dan 10", such a peiling only as totals.
MINIMUM_GROEPSGROOTTE = 10


def pct(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass
class Rij:
    label: str
    aantal: int
    procent: int


@dataclass
class VraagUitslag:
    id: str
    vraag: str
    soort: str
    beantwoord: int
    rijen: list[Rij] = field(default_factory=list)
    gemiddelde: float | None = None
    uitgelicht: list[str] = field(default_factory=list)  # open answers staff selected

    @property
    def open(self) -> bool:
        return self.soort in OPEN_QUESTION_TYPES


@dataclass
class Vergelijking:
    dimensie: str
    # label, respondents % (None: fewer than MINIMUM_GROEPSGROOTTE), panel %, population % (or -1)
    rijen: list[tuple[str, int | None, int, int]]


@dataclass
class Uitslag:
    uitgenodigd: int
    deelnemers: int
    afgeslagen: int
    vragen: list[VraagUitslag]
    vergelijkingen: list[Vergelijking]

    @property
    def respons_procent(self) -> int:
        return pct(self.deelnemers, self.uitgenodigd)

    @property
    def alleen_totalen(self) -> bool:
        """Too few respondents for any breakdown: a group of them could point to a person."""
        return self.deelnemers < MINIMUM_GROEPSGROOTTE

    @property
    def minimum_groepsgrootte(self) -> int:
        return MINIMUM_GROEPSGROOTTE


def _question(block, responses, selected: dict[str, list[str]]) -> VraagUitslag:
    value, kind = block.value, block.block_type
    given = [r.antwoorden[block.id] for r in responses if block.id in r.antwoorden]
    uitslag = VraagUitslag(id=block.id, vraag=value["vraag"], soort=kind, beantwoord=len(given))
    if kind in OPEN_QUESTION_TYPES:
        uitslag.uitgelicht = selected.get(block.id, [])
        return uitslag
    counts: Counter = Counter()
    for answer in given:
        counts.update(answer if isinstance(answer, list) else [answer])
    if kind == "schaal":
        n = value["punten"]
        labels = [(str(i), scale_label(i, n, value)) for i in range(1, n + 1)]
        if given:
            uitslag.gemiddelde = round(sum(int(a) for a in given) / len(given), 1)
    else:
        labels = [(o, o) for o in value["opties"]]
        labels += [(k, k) for k in counts if k not in dict(labels)]  # options renamed later
    uitslag.rijen = [Rij(label, counts[key], pct(counts[key], len(given))) for key, label in labels]
    return uitslag


def _hidden_groups(respondents: Counter, keys: list[str]) -> set[str]:
    """The groups shown as "minder dan 10": those under the minimum, and when that is just one
    group also the smallest other one, or its size would follow from the total minus the rest."""
    hidden = {key for key in keys if respondents[key] < MINIMUM_GROEPSGROOTTE}
    if len(hidden) == 1 and len(keys) > 1:
        hidden.add(min((key for key in keys if key not in hidden), key=lambda key: respondents[key]))
    return hidden


def _comparison(dimensie: str, choices, responses, gemeente) -> Vergelijking:
    respondents = Counter(getattr(r, dimensie) for r in responses)
    members = Panellid.objects.filter(gemeente=gemeente, bevestigd_op__isnull=False)
    panel = Counter(members.values_list(dimensie, flat=True))
    shares = Bevolkingsaandeel.objects.filter(gemeente=gemeente, dimensie=dimensie)
    bevolking = {b.waarde: b.aandeel for b in shares}
    total_r, total_p = sum(respondents.values()), sum(panel.values())
    hidden = _hidden_groups(respondents, [key for key, _ in choices])
    rijen = [
        (
            label,
            None if key in hidden else pct(respondents[key], total_r),
            pct(panel[key], total_p),
            round(bevolking[key]) if key in bevolking else -1,
        )
        for key, label in choices
    ]
    return Vergelijking(dimensie, rijen)


def uitslag(peiling) -> Uitslag:
    """The results, set against the panel and the population of the peiling's gemeente."""
    gemeente = gemeente_van(peiling)
    responses = list(Respons.objects.filter(peiling=peiling))
    selected: dict[str, list[str]] = {}
    for u in UitgelichtAntwoord.objects.filter(respons__peiling=peiling).select_related("respons"):
        text = u.respons.antwoorden.get(u.vraag)
        if text:
            selected.setdefault(u.vraag, []).append(text)
    statuses = Counter(Uitnodiging.objects.filter(peiling=peiling).values_list("status", flat=True))
    breakdowns = len(responses) >= MINIMUM_GROEPSGROOTTE
    return Uitslag(
        uitgenodigd=sum(statuses.values()),
        deelnemers=len(responses),
        afgeslagen=statuses[Uitnodiging.AFGESLAGEN],
        vragen=[_question(block, responses, selected) for block in peiling.vragen],
        vergelijkingen=[
            _comparison("leeftijdsgroep", LEEFTIJDSGROEPEN, responses, gemeente),
            _comparison("kern", gemeente.kern_keuzes() if gemeente else [], responses, gemeente),
        ]
        if breakdowns
        else [],
    )


def open_answers(peiling) -> list[tuple[VraagUitslag, list[tuple[int, str, bool]]]]:
    """Per open question every answer given (respons id, text, selected), for staff to choose."""
    chosen = set(
        UitgelichtAntwoord.objects.filter(respons__peiling=peiling).values_list("respons_id", "vraag")
    )
    responses = list(Respons.objects.filter(peiling=peiling).order_by("pk"))
    result = []
    for block in peiling.vragen:
        if block.block_type not in OPEN_QUESTION_TYPES:
            continue
        answers = [
            (r.pk, r.antwoorden[block.id], (r.pk, block.id) in chosen)
            for r in responses
            if r.antwoorden.get(block.id)
        ]
        result.append((VraagUitslag(block.id, block.value["vraag"], block.block_type, len(answers)), answers))
    return result


@transaction.atomic
def select_open_answers(peiling, chosen: set[tuple[int, str]]) -> None:
    """Replace the selection of open answers shown with the results."""
    valid = {(pk, vraag.id) for vraag, answers in open_answers(peiling) for pk, _, _ in answers}
    UitgelichtAntwoord.objects.filter(respons__peiling=peiling).delete()
    UitgelichtAntwoord.objects.bulk_create(
        [UitgelichtAntwoord(respons_id=pk, vraag=vraag) for pk, vraag in sorted(chosen & valid)]
    )


class KanNietVrijgeven(Exception):
    pass


def release(peiling, embargo_tot, now=None) -> int:
    """Release the results: participants are mailed now, the public page opens at embargo_tot.
    Returns the number of participants mailed."""
    now = now or timezone.now()
    if not peiling.is_gesloten(timezone.localdate(now)):
        raise KanNietVrijgeven("De peiling is nog niet gesloten.")
    if embargo_tot <= now:
        raise KanNietVrijgeven("Kies een moment in de toekomst: deelnemers krijgen de resultaten eerst.")
    with transaction.atomic():
        vrijgave, created = Vrijgave.objects.select_for_update().get_or_create(
            peiling=peiling, defaults={"vrijgegeven_op": now, "embargo_tot": embargo_tot}
        )
        if not created:
            raise KanNietVrijgeven("De resultaten zijn al vrijgegeven.")
        data = uitslag(peiling)
        participants = list(
            Uitnodiging.objects.filter(
                peiling=peiling,
                status=Uitnodiging.BEANTWOORD,
                resultaten_gestuurd=False,
                lid__bevestigd_op__isnull=False,
            ).select_related("lid")
        )
        emails = dict(
            PanelContact.objects.filter(lid__in=[u.lid_id for u in participants]).values_list(
                "lid_id", "email"
            )
        )
        Bericht.objects.bulk_create(
            [mail.results(u.lid, emails[u.lid_id], peiling, u, data, embargo_tot) for u in participants]
        )
        Uitnodiging.objects.filter(pk__in=[u.pk for u in participants]).update(resultaten_gestuurd=True)
        if participants:
            send_waiting_after_commit()
    return len(participants)
