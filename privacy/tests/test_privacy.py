import json
import uuid
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from privacy import checks
from privacy.models import AuditVerification, RetentionRun
from privacy.retention import apply_retention
from reports import actions as report_actions
from reports import storage
from reports.actions import add_attachment, add_reporter_message, submit_report
from reports.models import Attachment, Report
from reports.tests.conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_dir(settings, tmp_path):
    settings.SIGNAAL_PRIVATE_DIR = tmp_path / "private"
    return settings.SIGNAAL_PRIVATE_DIR


def report(kind="report", outcome="", closed_days_ago=None, hold=False, **fields):
    defaults = {
        "description": "Verhaal over de loods aan de Dijk",
        "street": "Dijkweg",
        "house_number": "3",
        "postcode": "1234 AB",
        "acute_danger": "no",
        "reporter_type": "citizen",
        "reporter_name": "Melder Jansen",
        "reporter_email": "melder@example.org",
        "primary_form": "labour",
        "minor_involved": True,
    }
    item = submit_report(
        fields={**defaults, **fields},
        kind=kind,
        channel="public",
        language="pl",
        idempotency_key=uuid.uuid4(),
        passphrase="een lange zin",
    ).report
    if closed_days_ago is not None:
        Report.objects.filter(pk=item.pk).update(
            status="closed",
            outcome=outcome,
            closed_at=timezone.now() - timedelta(days=closed_days_ago),
            legal_hold=hold,
        )
    item.refresh_from_db()
    return item


def statistics():
    return list(
        Report.objects.values(
            "created_at__year",
            "kind",
            "primary_form",
            "municipality",
            "minor_involved",
            "reporter_type",
            "outcome",
            "status",
            "language",
        )
        .annotate(n=Count("id"))
        .order_by("created_at__year", "kind", "outcome", "status")
    )


def test_retention_anonymises_what_expired_and_keeps_the_statistics(
    personas, django_capture_on_commit_callbacks
):
    staff = personas[Role.REPORTING_POINT_STAFF]
    old_advice = report(kind="advice", outcome="advice_given", closed_days_ago=400)
    old_nothing = report(outcome="no_indication", closed_days_ago=800)
    old_referred = report(outcome="referred_police", closed_days_ago=800)  # kept 5 years
    held = report(outcome="no_indication", closed_days_ago=800, hold=True)
    still_open = report()
    recent = report(outcome="no_indication", closed_days_ago=10)
    for item in (old_nothing, held):
        report_actions.add_person(item, actor=staff, role="victim", name="Olga Nowak")
        report_actions.add_note(item, "Notitie", actor=staff)
        add_reporter_message(item, "Aanvulling")
        add_attachment(item, SimpleUploadedFile("f.jpg", jpeg_with_gps(), "image/jpeg"))
    file_name = old_nothing.attachments.get().storage_name
    before = statistics()

    summary = apply_retention(dry_run=True)
    assert summary["advice"] == 1 and summary["no_follow_up"] == 1 and summary["referred"] == 0
    assert Report.objects.filter(anonymised_at__isnull=False).count() == 0
    assert RetentionRun.objects.get().dry_run

    with django_capture_on_commit_callbacks(execute=True):
        apply_retention()
    for item in (old_advice, old_nothing):
        item.refresh_from_db()
        assert item.anonymised_at and item.description == "" and item.street == ""
        assert item.reporter_name == item.reporter_email == "" and not item.has_mailbox
        assert not item.persons.exists() and not item.notes.exists()
        assert not item.messages.exists() and not item.attachments.exists()
        assert not item.match_keys.exists() and not item.subject_keys.exists()
    with pytest.raises(FileNotFoundError):
        storage.read(file_name)
    for item in (old_referred, held, still_open, recent):
        item.refresh_from_db()
        assert item.anonymised_at is None and item.description
    held.refresh_from_db()
    assert held.persons.exists() and held.attachments.exists() and held.reporter_name
    # old_referred: its reporter contact (180 days) and mailbox (365 days) are gone; it stays
    old_referred.refresh_from_db()
    assert old_referred.reporter_name == "" and not old_referred.has_mailbox
    assert statistics() == before
    assert AuditEvent.objects.filter(action="report.anonymised").count() == 2
    assert AuditEvent.objects.filter(action="retention.applied").count() == 1
    # Running again changes nothing more.
    again = apply_retention(dry_run=True)
    assert again["advice"] == again["no_follow_up"] == 0


def test_data_subject_request_find_export_correct_erase(client, personas, login):
    staff = personas[Role.REPORTING_POINT_STAFF]
    officer = personas[Role.PRIVACY_OFFICER]
    first = report(reporter_email="Olga.Nowak@example.org")
    second = report(reporter_name="", reporter_email="")
    person = report_actions.add_person(
        second,
        actor=staff,
        role="victim",
        name="Olga  Nowák",
        birth_date="1990-04-02",
        phone="06-11112222",
    )
    other = report_actions.add_person(second, actor=staff, role="suspect", name="Baas Grommel")
    login(client, officer)
    url = reverse("privacy:subjects")
    response = client.post(url, {"name": "olga nowak", "birth_date": "1990-04-02", "reason": "V-1"})
    assert response.status_code == 200 and second.reference in response.content.decode()
    response = client.post(url, {"name": "Olga Nowak", "birth_date": "1991-01-01", "reason": "V-1"})
    assert response.status_code == 200  # searched (a refused form would not show it either)
    assert second.reference not in response.content.decode()
    response = client.post(url, {"phone": "+31 6 1111 2222", "reason": "V-1"})
    assert second.reference in response.content.decode()
    response = client.post(url, {"email": "olga.nowak@EXAMPLE.org", "reason": "V-1"})
    assert first.reference in response.content.decode()
    response = client.post(url, {"name": "Olga Nowak", "reason": ""})
    assert response.status_code == 400
    export = client.post(
        url, {"name": "Olga Nowak", "birth_date": "1990-04-02", "reason": "V-1", "export": "1"}
    )
    data = json.loads(export.content)
    assert data["records"][0]["data"]["name"] == "Olga  Nowák"
    assert "Grommel" not in export.content.decode()
    response = client.post(
        reverse("privacy:person", args=[second.reference, person.pk]),
        {"name": "Olga Nowak", "birth_date": "1990-04-03", "reason": "correctie V-1"},
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.birth_date == "1990-04-03"
    response = client.post(
        reverse("privacy:person", args=[second.reference, person.pk]), {"erase-reason": "V-2"}
    )
    assert response.status_code == 302
    assert not second.persons.filter(pk=person.pk).exists()
    assert second.persons.filter(pk=other.pk).exists()
    response = client.post(
        reverse("privacy:reporter", args=[first.reference]), {"erase-reason": "V-3"}
    )
    first.refresh_from_db()
    assert first.reporter_email == "" and first.reporter_name == ""
    actions = set(
        AuditEvent.objects.filter(action__startswith="privacy.").values_list("action", "reason")
    )
    assert ("privacy.subject_exported", "V-1") in actions
    assert ("privacy.person_corrected", "correctie V-1") in actions
    assert ("privacy.person_erased", "V-2") in actions and (
        "privacy.reporter_erased",
        "V-3",
    ) in actions


def test_access_log_for_the_privacy_officer_and_the_case_owner_only(
    client, personas, login, make_user
):
    staff = personas[Role.REPORTING_POINT_STAFF]
    item = report()
    url = reverse("privacy:access_log", args=[item.reference])
    login(client, staff)
    client.get(reverse("reports:detail", args=[item.reference]))
    assert client.get(url).status_code == 404  # not the case owner (yet)
    report_actions.save_triage(
        item,
        actor=staff,
        primary_form="",
        secondary_forms=[],
        indicator_codes=[],
        priority="normal",
        assigned_to=staff,
    )
    page = client.get(url)
    assert page.status_code == 200 and "report.opened" in page.content.decode()
    login(client, personas[Role.PRIVACY_OFFICER])
    assert client.get(url).status_code == 200
    for role in (Role.ANALYST, Role.PARTNER_CASE_WORKER, Role.EDITOR):
        login(client, personas[role])
        assert client.get(url).status_code == 403


def test_legal_hold_with_a_reason(client, personas, login):
    item = report(outcome="no_indication", closed_days_ago=800)
    login(client, personas[Role.PRIVACY_OFFICER])
    url = reverse("privacy:legal_hold", args=[item.reference])
    assert client.post(url, {"hold": "on", "reason": ""}).status_code == 400
    assert client.post(url, {"hold": "on", "reason": "Vordering OM"}).status_code == 302
    apply_retention()
    item.refresh_from_db()
    assert item.legal_hold and item.anonymised_at is None


def test_audit_export_and_daily_check(client, personas, login):
    report()
    assert checks.daily_audit_check() == "intact"
    assert AuditVerification.objects.get().ok
    login(client, personas[Role.PRIVACY_OFFICER])
    response = client.get(reverse("privacy:export_audit_log"))
    assert response.status_code == 200 and "report.submitted" in response.content.decode()
    page = client.get(reverse("privacy:dashboard")).content.decode()
    # "NIET intact op ..." when the chain is broken: the success sentence itself, with its count.
    assert "Intact: 1 gebeurtenissen gecontroleerd op" in page and "NIET intact" not in page
    assert AuditEvent.objects.filter(action="audit.exported").exists()


def test_many_reads_on_one_day_are_flagged(personas, settings):
    from audit.actions import record_event

    settings.SIGNAAL_UNUSUAL_READS_PER_DAY = 3
    staff = personas[Role.REPORTING_POINT_STAFF]
    items = [report() for _ in range(5)]
    for item in items:
        record_event("report.opened", actor=staff, target=item)
    rows = checks.many_reports_per_day()
    assert rows and rows[0]["reports"] == 5 and rows[0]["actor__email"] == staff.email


def test_attachment_rows_and_files_go_together(personas):
    item = report(outcome="no_indication", closed_days_ago=400)
    add_attachment(item, SimpleUploadedFile("f.jpg", jpeg_with_gps(), "image/jpeg"))
    apply_retention()
    assert not Attachment.objects.filter(report=item).exists()
