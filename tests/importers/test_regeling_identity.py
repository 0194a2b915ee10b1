"""A publication joins the regeling of its work: the CVDR or STOP work it names, or for a
Gemeenteblad publication or text capture its organisation and citeertitel without year. Two
organisations never share a regeling, and the report says why a publication became what it did."""

from datetime import date

import pytest

from importers.errors import PublicatieFout
from importers.pipeline import format_report
from importers.tree import Alinea, Artikel, Document, Metadata
from importers.writer import write_document
from regelgeving.models import RegelingPage, RegelingVersiePage
from tests.factories import lochem_gemeente


def publicatie(identifier, gemeente, citeertitel, cvdr_id="", in_werking=date(2026, 1, 1)):
    return Document(
        metadata=Metadata(
            identifier=identifier,
            titel=citeertitel,
            citeertitel=citeertitel,
            cvdr_id=cvdr_id,
            gemeente=gemeente,
            in_werking_op=in_werking,
            formaat="tekst",
        ),
        body=[Artikel("1", "Doel", [Alinea("Deze verordening regelt het parkeren.")])],
    )


def test_another_municipality_with_the_same_title_gets_its_own_regeling(db):
    eerste = write_document(
        publicatie("gmb-2026-1", "Zutphen", "Parkeerverordening 2026"), gemeente=lochem_gemeente()
    )
    tweede = write_document(
        publicatie("gmb-2026-2", "Deventer", "Parkeerverordening 2026"), gemeente=lochem_gemeente()
    )
    zutphen, deventer = eerste.versie.get_parent().specific, tweede.versie.get_parent().specific
    assert zutphen.pk != deventer.pk
    assert (zutphen.slug, deventer.slug) == ("parkeerverordening", "parkeerverordening-deventer")
    assert deventer.organisatie == "Deventer" and tweede.report["status"] == "nieuw"
    assert (
        "Nieuwe regeling" in tweede.report["regeling_reden"] and "Deventer" in tweede.report["regeling_reden"]
    )
    # The next year's publication of each joins its own.
    volgende = write_document(
        publicatie("gmb-2027-3", "Deventer", "Parkeerverordening 2027", in_werking=date(2027, 1, 1)),
        gemeente=lochem_gemeente(),
    )
    assert volgende.versie.get_parent().pk == deventer.pk
    assert "zelfde werk" in volgende.report["regeling_reden"]


def test_a_municipality_and_a_province_of_one_name_never_share_a_regeling(db):
    gemeente = write_document(
        publicatie("gmb-2026-5", "gemeente Utrecht", "Verordening X 2026"), gemeente=lochem_gemeente()
    )
    provincie = write_document(
        publicatie("prb-2026-6", "provincie Utrecht", "Verordening X 2026"), gemeente=lochem_gemeente()
    )
    assert gemeente.versie.get_parent().pk != provincie.versie.get_parent().pk


def test_a_tooi_code_and_a_name_of_one_kind_may_share_when_asked_but_not_across_kinds(db):
    write_document(
        publicatie("gmb-2026-1", "gemeente Lochem", "Verordening Y 2026"), gemeente=lochem_gemeente()
    )
    stop = publicatie("/akn/nl/act/gm1859/2026/y/nld@2026-01-01;1", "", "Verordening Y 2026")
    stop.metadata.organisatie = "/tooi/id/gemeente/gm1859"
    assert write_document(stop, regeling_slug="verordening-y", gemeente=lochem_gemeente()).versie is not None
    provincie = publicatie("/akn/nl/act/pv26/2026/y/nld@2026-01-01;1", "", "Verordening Y 2026")
    provincie.metadata.organisatie = "/tooi/id/provincie/pv26"
    with pytest.raises(PublicatieFout, match="is van gemeente Lochem; deze publicatie is van provincie pv26"):
        write_document(provincie, regeling_slug="verordening-y", gemeente=lochem_gemeente())


def test_cvdr_versions_join_their_work_whatever_their_title(db):
    eerste = write_document(
        publicatie("CVDR621050_1", "Heemstede", "Verordening bezwaar 2019", "CVDR621050"),
        gemeente=lochem_gemeente(),
    )
    tweede = write_document(
        publicatie("CVDR621050_2", "Heemstede", "Verordening commissie bezwaarschriften 2022", "CVDR621050"),
        gemeente=lochem_gemeente(),
    )
    assert tweede.versie.get_parent().pk == eerste.versie.get_parent().pk
    assert "CVDR-werk CVDR621050" in tweede.report["regeling_reden"]


def test_a_stop_expression_joins_its_akn_work(db):
    def stop(identifier, titel):
        return publicatie(identifier, "gm9920", titel)

    eerste = write_document(
        stop("/akn/nl/act/gm9920/2020/Parkeren/nld@2020-02-05;1", "Parkeren 2020"), gemeente=lochem_gemeente()
    )
    tweede = write_document(
        stop("/akn/nl/act/gm9920/2020/Parkeren/nld@2021-03-01;2", "Parkeerregels 2021"),
        gemeente=lochem_gemeente(),
    )
    assert tweede.versie.get_parent().pk == eerste.versie.get_parent().pk
    assert (
        RegelingPage.objects.get(pk=eerste.versie.get_parent().pk).werk_id
        == "akn:/akn/nl/act/gm9920/2020/Parkeren"
    )


def test_a_regeling_of_another_organisation_is_refused_by_name_and_nothing_is_stored(db, rijen_per_tabel):
    write_document(publicatie("gmb-2026-1", "Zutphen", "Parkeerverordening 2026"), gemeente=lochem_gemeente())
    voor = rijen_per_tabel()
    with pytest.raises(PublicatieFout, match="is van Zutphen; deze publicatie is van Deventer"):
        write_document(
            publicatie("gmb-2026-2", "Deventer", "Parkeerverordening 2026"),
            regeling_slug="parkeerverordening",
            gemeente=lochem_gemeente(),
        )
    assert rijen_per_tabel() == voor


def test_the_demo_and_its_later_versions_stay_one_regeling(lochem, importeer):
    volgende = importeer("gmb-2026-612345")
    regeling = lochem.get_parent().specific
    assert volgende.get_parent().pk == regeling.pk
    assert regeling.organisatie == "gemeente Lochem"
    assert regeling.werk_id == "titel:gemeente-lochem:verordening-sociaal-domein"
    assert RegelingVersiePage.objects.child_of(regeling).count() == 2


def test_the_report_says_why(db):
    rapport = write_document(
        publicatie("gmb-2026-1", "Zutphen", "Parkeerverordening 2026"), gemeente=lochem_gemeente()
    ).report
    regels = format_report(rapport).splitlines()
    assert regels[1] == "Regeling: Parkeerverordening"
    assert regels[2].strip().startswith("Nieuwe regeling: er was nog geen regeling van dit werk (Zutphen,")
