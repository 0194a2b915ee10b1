"""`manage.py cvdr_bijwerken` against the recorded search service on 127.0.0.1: the changed
regelingen of Heemstede, a gemeente of this installation, become pages on Heemstede's site beside
the demo's Lochem, one failure stops nothing else, and the next run asks only from where this one
may safely go on."""

from datetime import date, timedelta
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from importers.cvdr_bijwerken import MAXIMALE_DUUR
from importers.models import CvdrBijwerking, CvdrImport
from importers.tasks import cvdr_alle_gemeenten, cvdr_bijwerken
from regelgeving.gemeenten import gemeente_van_pagina
from regelgeving.models import Gemeente, RegelingPage, RegelingVersiePage
from regelgeving.site_setup import ensure_gemeente, regelgeving_index
from tests.factories import lochem_gemeente
from tests.importers.cvdr_server import OPNAMES, ZOEKPAD, CvdrServer, document_pad
from tests.paths import LOCHEM_IDENTIFIER

HEEMSTEDE = ["--gemeente", "heemstede"]


@pytest.fixture(scope="module")
def heemstede(bewaard_voor_scope):
    """Heemstede with its site and empty regelgeving, as `gemeente_toevoegen` leaves it: the demo's
    `heemstede` fixture would already hold the regeling that these tests import."""
    with bewaard_voor_scope():
        yield ensure_gemeente("Heemstede", "gm0397", "heemstede.localhost", 80)


@pytest.fixture
def server(heemstede, db, settings):
    with CvdrServer() as server:
        settings.CVDR_ZOEKDIENST_URL = server.zoek_url
        yield server


def bijwerken(*args, gemeente=HEEMSTEDE) -> tuple[str, str]:
    """(the lines printed, the error at the end or "")."""
    out = StringIO()
    try:
        call_command("cvdr_bijwerken", *gemeente, *args, stdout=out)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), ""


def pad(versie: RegelingVersiePage) -> str:
    """The page's path on its own site (with two sites Wagtail's `url` is a full URL)."""
    return urlsplit(versie.get_url()).path


def stand() -> CvdrBijwerking:
    return CvdrBijwerking.objects.get(cbs_code="gm0397")


def test_changed_regelingen_become_pages_and_a_failure_stops_no_other(client, server):
    uitvoer, fout = bijwerken()

    regels = uitvoer.splitlines()
    assert (
        regels[0].startswith("CVDR621050_2 Verordening van de raad")
        and ": nieuw — http://heemstede.localhost/regelgeving/" in regels[0]
    )
    assert regels[1] == (
        "CVDR999001_1 Toetsregeling standplaatsen Heemstede 2023: mislukt: Ophalen van "
        f"{server.base}{document_pad('CVDR999001_1')} mislukt: HTTP 404 (niet gevonden)."
    )
    assert regels[2].startswith("CVDR999002_1 Toetsregeling marktgelden Heemstede 2024: nieuw — ")
    assert regels[3] == (
        "Heemstede (alle regelingen): 3 gevonden, 2 nieuw, 0 bijgewerkt, 0 overgeslagen, 1 mislukt; "
        "de volgende keer vanaf 2023-03-01."
    )
    assert fout.startswith("1 regeling(en) niet geïmporteerd")

    # A resident of Heemstede reads its regeling; Lochem's is where it was.
    versie = RegelingVersiePage.objects.get(identifier="CVDR621050_2")
    pagina = client.get(pad(versie), HTTP_HOST="heemstede.localhost")
    assert pagina.status_code == 200
    assert "Verordening commissie bezwaarschriften Heemstede 2022" in pagina.content.decode()
    assert versie.get_parent().specific.organisatie and versie.live
    assert RegelingVersiePage.objects.filter(identifier="CVDR999002_1", live=True).exists()
    assert not RegelingVersiePage.objects.filter(identifier="CVDR999001_1").exists()
    lochem = RegelingVersiePage.objects.get(identifier=LOCHEM_IDENTIFIER)
    assert client.get(pad(lochem), HTTP_HOST="127.0.0.1:8000").status_code == 200


def test_the_regelingen_are_filed_under_heemstede_not_lochem(client, server, heemstede):
    bijwerken()

    index = regelgeving_index(heemstede)
    lochem_index = regelgeving_index(lochem_gemeente())
    for identifier in ("CVDR621050_2", "CVDR999002_1"):
        versie = RegelingVersiePage.objects.get(identifier=identifier)
        assert versie.get_parent().get_parent().specific == index
        assert not versie.is_descendant_of(lochem_index)
        assert gemeente_van_pagina(versie) == heemstede
    # Heemstede's regelgeving lists them; Lochem's site knows nothing of them.
    heemstede_lijst = client.get(urlsplit(index.get_url()).path, HTTP_HOST="heemstede.localhost")
    assert "Verordening commissie bezwaarschriften Heemstede 2022" in heemstede_lijst.content.decode()
    lochem_lijst = client.get(urlsplit(lochem_index.get_url()).path, HTTP_HOST="127.0.0.1:8000")
    assert lochem_lijst.status_code == 200
    assert "Heemstede" not in lochem_lijst.content.decode()


def test_the_next_run_asks_from_the_failure_on_and_imports_only_what_is_missing(server):
    bijwerken()
    assert stand().gewijzigd_vanaf == date(2023, 3, 1)  # not past the failure of 2023-03-01
    assert stand().laatste_geslaagd_op is None
    server.documenten[document_pad("CVDR999001_1")] = OPNAMES / "documenten" / "CVDR999001_1.xml"

    uitvoer, fout = bijwerken()

    assert server.zoekvragen()[-2]["query"] == 'dcterms.creator="Heemstede" and dcterms.modified>=2023-03-01'
    regels = uitvoer.splitlines()
    assert regels[0].endswith("2022): overgeslagen: deze versie is al geïmporteerd")
    assert regels[1].startswith(
        "CVDR999001_1 Toetsregeling standplaatsen Heemstede 2023: nieuw — http://heemstede.localhost/regelgeving/"
    )
    assert regels[2].endswith("2024: overgeslagen: deze versie is al geïmporteerd")
    assert fout == ""
    assert stand().gewijzigd_vanaf == date(2024, 1, 10)
    assert stand().laatste_geslaagd_op is not None
    assert set(CvdrImport.objects.filter(geslaagd=True).values_list("identifier", flat=True)) == {
        "CVDR621050_2",
        "CVDR999001_1",
        "CVDR999002_1",
    }


def test_as_concept_nothing_shows_until_an_editor_publishes(client, server):
    bijwerken("--concept", "--sinds", "2022-01-01")

    versie = RegelingVersiePage.objects.get(identifier="CVDR621050_2")
    assert not versie.live and not versie.get_parent().live
    assert client.get(pad(versie), HTTP_HOST="heemstede.localhost").status_code == 404
    assert server.zoekvragen()[0]["query"].endswith("dcterms.modified>=2022-01-01")


def test_a_setting_makes_concept_the_default(server, settings):
    settings.CVDR_BIJWERKEN_ALS_CONCEPT = True
    bijwerken()
    assert not RegelingVersiePage.objects.get(identifier="CVDR999002_1").live


def test_a_failed_search_imports_nothing_and_keeps_the_date(server, rijen_per_tabel):
    server.paginas = {1: "diagnostiek.xml"}
    voor = rijen_per_tabel()

    uitvoer, fout = bijwerken()

    assert uitvoer == ""
    assert fout == "De zoekdienst meldt een fout in de vraag: 'Query syntax error' (dcterms.modifed)."
    assert stand().gewijzigd_vanaf is None and stand().uitkomst == fout
    na = rijen_per_tabel()
    assert na.pop("importers.CvdrBijwerking") == voor.pop("importers.CvdrBijwerking") + 1
    assert na == voor


def test_nothing_changed_leaves_the_date_where_it_was(server):
    CvdrBijwerking.objects.create(cbs_code="gm0397", gemeente="Heemstede", gewijzigd_vanaf=date(2025, 5, 1))
    server.paginas = {1: "leeg.xml"}

    uitvoer, fout = bijwerken()

    assert uitvoer == (
        "Heemstede (gewijzigd sinds 2025-05-01): 0 gevonden, 0 nieuw, 0 bijgewerkt, 0 overgeslagen, "
        "0 mislukt; de volgende keer vanaf 2025-05-01.\n"
    )
    assert fout == "" and stand().gewijzigd_vanaf == date(2025, 5, 1)


def test_a_record_of_another_gemeente_is_passed_over(server):
    server.paginas = {1: "pagina-2.xml"}
    server.documenten.clear()

    uitvoer, fout = bijwerken(gemeente=["--gemeente", "lochem"])

    assert server.zoekvragen()[0]["query"] == 'dcterms.creator="Lochem"'
    assert (
        "CVDR999002_1 Toetsregeling marktgelden Heemstede 2024: "
        "overgeslagen: van Heemstede, niet van Lochem" in uitvoer
    )
    assert fout == ""
    assert not RegelingPage.objects.filter(title__contains="marktgelden").exists()


@pytest.mark.parametrize(
    "args, melding",
    [
        (
            ["--gemeente", "bloemendaal"],
            "Geen gemeente 'bloemendaal' in deze installatie; voeg haar toe met gemeente_toevoegen.",
        ),
        (["--gemeente", "heemstede", "--sinds", "1-1-2024"], "Ongeldige datum bij --sinds: '1-1-2024'; "),
    ],
)
def test_a_gemeente_or_date_not_understood_is_one_dutch_line(heemstede, db, args, melding):
    out = StringIO()
    with pytest.raises(CommandError) as fout:
        call_command("cvdr_bijwerken", *args, stdout=out)
    assert str(fout.value).startswith(melding) and "\n" not in str(fout.value)
    assert out.getvalue() == ""
    assert not CvdrBijwerking.objects.exists()


def test_a_gemeente_without_cbs_code_is_told_where_to_fill_it_in(heemstede, db):
    Gemeente.objects.filter(pk=heemstede.pk).update(cbs_code="")

    with pytest.raises(CommandError) as fout:
        call_command("cvdr_bijwerken", "--gemeente", "heemstede", stdout=StringIO())
    assert str(fout.value) == (
        "Gemeente Heemstede heeft nog geen CBS-code; vul die in bij de instellingen van de gemeente."
    )
    assert not CvdrBijwerking.objects.exists()


def test_the_task_does_the_same_and_returns_the_summary(server, heemstede):
    resultaat = cvdr_bijwerken.enqueue(heemstede.pk)

    assert resultaat.return_value.startswith("Heemstede (alle regelingen): 3 gevonden, 2 nieuw")
    assert stand().gewijzigd_vanaf == date(2023, 3, 1)
    assert RegelingVersiePage.objects.get(identifier="CVDR621050_2").is_descendant_of(
        regelgeving_index(heemstede)
    )

    server.storing(ZOEKPAD, 404)
    assert cvdr_bijwerken.enqueue(heemstede.pk).return_value.startswith("De zoekdienst mislukt: HTTP 404")


def test_the_planners_task_queues_one_update_per_gemeente_with_a_cbs_code(heemstede, db, database_tasks):
    zonder_code = ensure_gemeente("Bennebroek", "gm9999", "bennebroek.localhost", 80)
    Gemeente.objects.filter(pk=zonder_code.pk).update(cbs_code="")

    assert cvdr_alle_gemeenten.call() == "2 gemeente(n) in de wachtrij"

    wachtrij = DBTaskResult.objects.filter(task_path="importers.tasks.cvdr_bijwerken", status="READY")
    assert sorted(taak.args_kwargs["args"] for taak in wachtrij) == sorted(
        [[heemstede.pk], [lochem_gemeente().pk]]
    )
    assert not CvdrBijwerking.objects.exists()  # queued for the worker, nothing asked yet


@pytest.mark.parametrize(
    "bestand, melding",
    [
        ("documenten/CVDR999002_1.xml", "is CVDR999002_1, niet CVDR999001_1."),
        ("leeg.xml", "Geen CVDR-regeling: het hoofdelement is <searchRetrieveResponse>."),
        ("README.md", "Het bestand is geen geldige XML"),
    ],
)
def test_a_document_that_is_not_the_announced_regeling_is_not_imported(server, bestand, melding):
    server.documenten[document_pad("CVDR999001_1")] = OPNAMES / bestand

    uitvoer, _fout = bijwerken()

    (regel,) = [r for r in uitvoer.splitlines() if r.startswith("CVDR999001_1")]
    assert ": mislukt: " in regel and melding in regel
    assert RegelingVersiePage.objects.filter(identifier__in=["CVDR621050_2", "CVDR999002_1"]).count() == 2
    assert not RegelingVersiePage.objects.filter(identifier="CVDR999001_1").exists()


def test_the_planner_plans_the_update_only_when_the_setting_says_so(db, database_tasks, settings):
    def planner(*args) -> str:
        out = StringIO()
        call_command("planner", "--eenmaal", *args, stdout=out)
        return out.getvalue()

    gepland = DBTaskResult.objects.filter(task_path="importers.tasks.cvdr_alle_gemeenten")
    assert "CVDR" not in planner()  # off by default: a development machine leaves the service alone
    with pytest.raises(
        CommandError, match="Onbekend of uitgeschakeld werk: cvdr_bijwerken. Het schema heeft: "
    ):
        planner("--taak", "cvdr_bijwerken")
    assert not gepland.exists()

    settings.CVDR_BIJWERKEN_PLANNEN = True
    assert planner("--taak", "cvdr_bijwerken").endswith("ingepland: regelingen bijwerken uit CVDR\n")
    assert gepland.count() == 1


def test_a_second_run_while_one_goes_on_is_refused_and_changes_nothing(server, heemstede, rijen_per_tabel):
    """The planner's daily run beside an editor's command: the second would import the same versions."""
    CvdrBijwerking.objects.create(
        cbs_code="gm0397", gemeente="Heemstede", bezig_sinds=timezone.now() - timedelta(minutes=5)
    )
    voor = rijen_per_tabel()

    uitvoer, fout = bijwerken()

    assert uitvoer == ""
    assert fout.startswith("Voor Heemstede loopt al een bijwerking uit CVDR (sinds ") and "\n" not in fout
    assert fout.endswith("; probeer het later opnieuw.")
    assert cvdr_bijwerken.enqueue(heemstede.pk).return_value == fout
    assert rijen_per_tabel() == voor
    assert stand().bezig_sinds is not None  # still the other run's


def test_a_run_that_stopped_long_ago_holds_nothing_and_every_run_lets_go(server):
    CvdrBijwerking.objects.create(
        cbs_code="gm0397",
        gemeente="Heemstede",
        bezig_sinds=timezone.now() - MAXIMALE_DUUR - timedelta(minutes=1),  # killed, never finished
    )

    uitvoer, _ = bijwerken()

    assert "Heemstede (alle regelingen): 3 gevonden" in uitvoer  # the run went ahead
    assert stand().bezig_sinds is None
    server.paginas = {1: "diagnostiek.xml"}  # the search fails: the run stops, and lets go too
    assert bijwerken()[1].startswith("De zoekdienst meldt een fout")
    assert stand().bezig_sinds is None
