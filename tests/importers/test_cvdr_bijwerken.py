"""`manage.py cvdr_bijwerken` against the recorded search service on 127.0.0.1: the changed
regelingen of Heemstede become pages beside the demo's Lochem, one failure stops nothing else,
and the next run asks only from where this one may safely go on."""

from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from importers.models import CvdrBijwerking, CvdrImport
from importers.tasks import cvdr_bijwerken
from regelgeving.models import RegelingPage, RegelingVersiePage
from tests.importers.cvdr_server import OPNAMES, ZOEKPAD, CvdrServer, document_pad
from tests.paths import LOCHEM_IDENTIFIER

HEEMSTEDE = ["--gemeente", "heemstede", "--naam", "Heemstede", "--code", "gm0397"]


@pytest.fixture
def server(db, settings):
    with CvdrServer() as server:
        settings.CVDR_ZOEKDIENST_URL = server.zoek_url
        yield server


def bijwerken(*args) -> tuple[str, str]:
    """(the lines printed, the error at the end or "")."""
    out = StringIO()
    try:
        call_command("cvdr_bijwerken", *HEEMSTEDE, *args, stdout=out)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), ""


def stand() -> CvdrBijwerking:
    return CvdrBijwerking.objects.get(cbs_code="gm0397")


def test_changed_regelingen_become_pages_and_a_failure_stops_no_other(client, server):
    uitvoer, fout = bijwerken()

    regels = uitvoer.splitlines()
    assert (
        regels[0].startswith("CVDR621050_2 Verordening van de raad")
        and ": nieuw — /regelgeving/" in regels[0]
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

    # A resident reads the Heemstede regeling; Lochem's is where it was.
    versie = RegelingVersiePage.objects.get(identifier="CVDR621050_2")
    pagina = client.get(versie.url)
    assert pagina.status_code == 200
    assert "Verordening commissie bezwaarschriften Heemstede 2022" in pagina.content.decode()
    assert versie.get_parent().specific.organisatie and versie.live
    assert RegelingVersiePage.objects.filter(identifier="CVDR999002_1", live=True).exists()
    assert not RegelingVersiePage.objects.filter(identifier="CVDR999001_1").exists()
    assert client.get(RegelingVersiePage.objects.get(identifier=LOCHEM_IDENTIFIER).url).status_code == 200


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
        "CVDR999001_1 Toetsregeling standplaatsen Heemstede 2023: nieuw — /regelgeving/"
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
    assert versie.url and client.get(versie.url).status_code == 404
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
    with pytest.raises(CommandError, match="--gemeente bloemendaal past niet bij --naam Heemstede"):
        call_command("cvdr_bijwerken", "--gemeente", "bloemendaal", "--naam", "Heemstede", "--code", "gm0397")

    out = StringIO()
    call_command("cvdr_bijwerken", "--gemeente", "gm0377", "--naam", "Bloemendaal", stdout=out)
    assert (
        "CVDR999002_1 Toetsregeling marktgelden Heemstede 2024: "
        "overgeslagen: van Heemstede, niet van Bloemendaal" in out.getvalue()
    )
    assert not RegelingPage.objects.filter(title__contains="marktgelden").exists()


@pytest.mark.parametrize(
    "args, melding",
    [
        (["--gemeente", "heemstede"], "Gemeente 'heemstede' is onbekend; geef haar naam"),
        (["--gemeente", "heemstede", "--naam", "Heemstede"], "Geef de CBS-code van Heemstede met --code"),
        (
            ["--gemeente", "heemstede", "--naam", "Heemstede", "--code", "0397"],
            "'0397' is geen CBS-gemeentecode",
        ),
        (["--gemeente", "gm0397", "--naam", "Heemstede", "--code", "gm0363"], "noemen twee verschillende"),
        (
            ["--gemeente", "gm0397", "--naam", "Heemstede", "--sinds", "1-1-2024"],
            "Ongeldige datum bij --sinds",
        ),
    ],
)
def test_a_gemeente_or_date_not_understood_is_one_dutch_line(db, args, melding):
    with pytest.raises(CommandError, match=melding):
        call_command("cvdr_bijwerken", *args)
    assert not CvdrBijwerking.objects.exists()


def test_the_task_does_the_same_and_returns_the_summary(server):
    resultaat = cvdr_bijwerken.enqueue("Heemstede", "gm0397")

    assert resultaat.return_value.startswith("Heemstede (alle regelingen): 3 gevonden, 2 nieuw")
    assert stand().gewijzigd_vanaf == date(2023, 3, 1)

    server.storing(ZOEKPAD, 404)
    assert cvdr_bijwerken.enqueue("Heemstede", "gm0397").return_value.startswith(
        "De zoekdienst mislukt: HTTP 404"
    )


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
