"""The one rule for which version applies on a date (pure, no database)."""

from dataclasses import dataclass
from datetime import date

import pytest

from regelgeving import validity


@dataclass
class V:
    pk: int
    in_werking_op: date | None
    uitgewerkt_op: date | None = None


def test_each_version_runs_until_the_day_before_the_next():
    a, b = V(1, date(2024, 1, 1)), V(2, date(2026, 1, 1))
    lijn = validity.tijdlijn([b, a])
    assert [(g.versie.pk, g.vanaf, g.tot) for g in lijn] == [
        (1, date(2024, 1, 1), date(2025, 12, 31)),
        (2, date(2026, 1, 1), None),
    ]


def test_an_explicit_withdrawal_ends_validity_without_a_successor():
    lijn = validity.tijdlijn([V(1, date(2024, 1, 1), uitgewerkt_op=date(2024, 6, 30))])
    assert validity.geldig_op(lijn, date(2024, 6, 30)).versie.pk == 1
    assert validity.geldig_op(lijn, date(2024, 7, 1)) is None
    assert validity.status(lijn[0], date(2024, 7, 1)) == validity.VERVALLEN


@pytest.mark.parametrize(
    "peildatum, status",
    [(date(2023, 12, 31), "toekomstig"), (date(2024, 1, 1), "geldend"), (date(2026, 1, 1), "vervallen")],
)
def test_status_on_a_date(peildatum, status):
    lijn = validity.tijdlijn([V(1, date(2024, 1, 1)), V(2, date(2026, 1, 1))])
    assert validity.status(lijn[0], peildatum) == status
    assert validity.status(lijn[0], peildatum, live=False) == "concept"


def test_peildatum_must_be_an_iso_date():
    assert validity.parse_peildatum("2027-03-01") == date(2027, 3, 1)
    with pytest.raises(ValueError, match="JJJJ-MM-DD"):
        validity.parse_peildatum("1 maart 2027")
