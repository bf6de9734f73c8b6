"""Notifications people expect (issue 19): a reporter's answer reaches the case owner (or the
team when nobody owns the case) by e-mail without any personal data; a daily digest instead for
who chooses it; the confirmation says when to look in the mailbox, and the advice confirmation
speaks of advice."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from core import scheduling
from reports import actions as report_actions
from reports.models import Report

from .conftest import make_report

pytestmark = pytest.mark.django_db

SECRET = "Marieke zag twaalf mannen in de loods"


def _answer(report, capture):
    with capture(execute=True):
        report_actions.add_reporter_message(report, SECRET)


def _mails_to(user):
    return [m for m in mail.outbox if user.email in m.to]


def test_the_case_owner_hears_of_an_answer_without_its_content(
    personas, make_user, django_capture_on_commit_callbacks
):
    owner = personas[Role.REPORTING_POINT_STAFF]
    colleague = make_user(Role.REPORTING_POINT_STAFF, email="collega@test.example")
    report = make_report(reporter_name="Marieke Melder", reporter_type="citizen")
    Report.objects.filter(pk=report.pk).update(assigned_to=owner)
    report.refresh_from_db()
    mail.outbox.clear()
    _answer(report, django_capture_on_commit_callbacks)
    (notice,) = _mails_to(owner)
    assert notice.to == [owner.email]  # one recipient: no colleague in the same mail
    assert not _mails_to(colleague)
    text = notice.subject + notice.body
    assert report.reference in notice.subject
    assert f"/meldpunt/{report.reference}/#berichten" in notice.body
    for personal in ("Marieke", "twaalf", "loods", "Melder"):
        assert personal not in text


def test_an_unassigned_answer_goes_to_the_team(
    personas, make_user, django_capture_on_commit_callbacks
):
    staff = personas[Role.REPORTING_POINT_STAFF]
    colleague = make_user(Role.REPORTING_POINT_STAFF, email="collega@test.example")
    partner = personas[Role.PARTNER_CASE_WORKER]
    report = make_report()
    mail.outbox.clear()
    _answer(report, django_capture_on_commit_callbacks)
    assert len(_mails_to(staff)) == 1 and len(_mails_to(colleague)) == 1
    assert not _mails_to(partner)


def test_who_chose_the_digest_gets_no_mail_per_answer_but_one_a_day(
    personas, make_user, django_capture_on_commit_callbacks
):
    digest = personas[Role.REPORTING_POINT_STAFF]
    digest.daily_digest = True
    digest.save()
    direct = make_user(Role.REPORTING_POINT_STAFF, email="collega@test.example")
    answered = make_report()
    mail.outbox.clear()
    _answer(answered, django_capture_on_commit_callbacks)
    assert not _mails_to(digest) and len(_mails_to(direct)) == 1
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = report_actions.send_daily_digests()
    assert sent == 1
    (summary,) = _mails_to(digest)
    assert not _mails_to(direct)
    assert f"/meldpunt/{answered.reference}/#berichten" in summary.body
    assert SECRET not in summary.body
    # A day later nothing new has happened: no empty digest.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert report_actions.send_daily_digests(now=timezone.now() + timedelta(days=2)) == 0
    assert not mail.outbox


def test_the_digest_is_a_daily_job():
    assert "reports.actions.send_daily_digests" in scheduling.DAILY_JOBS


def test_a_digest_reader_still_hears_of_acute_danger_at_once(personas, flow, make_user):
    digest = personas[Role.REPORTING_POINT_STAFF]
    digest.daily_digest = True
    digest.save()
    mail.outbox.clear()
    flow().fill().send()
    assert not _mails_to(digest)
    mail.outbox.clear()
    flow().fill({"what": {"description": "Hij wordt nu geslagen", "acute_danger": "yes"}}).send()
    assert len(_mails_to(digest)) == 1


def test_the_preference_is_set_on_my_account_and_audited(client, personas, login):
    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, staff)
    page = client.get(reverse("accounts:profile")).content.decode()
    assert 'name="daily_digest"' in page
    response = client.post(reverse("accounts:notifications"), {"daily_digest": "on"}, follow=True)
    staff.refresh_from_db()
    assert staff.daily_digest is True
    assert "Je krijgt één e-mail per dag over meldingen." in response.content.decode()
    assert AuditEvent.objects.filter(action="accounts.notifications_changed").count() == 1
    client.post(reverse("accounts:notifications"), {})
    staff.refresh_from_db()
    assert staff.daily_digest is False


# --- the confirmations ---------------------------------------------------------------------


def test_the_report_confirmation_says_when_to_look_in_the_mailbox(client, flow):
    walk = flow().fill()
    response = walk.send()
    page = client.get(response["Location"]).content.decode()
    report = Report.objects.get()
    assert report.deadline
    text = re.sub(r"\s+", " ", page)
    assert "Het meldpunt bekijkt je melding uiterlijk" in text
    assert "Kijk vanaf dan in je postbus" in text
    assert str(report.deadline.day) in text.split("uiterlijk")[1][:30]


def test_the_advice_confirmation_speaks_of_advice(client, db):
    content = client.get(reverse("reports:advice")).content.decode()
    key = re.search(r'name="key" value="([^"]+)"', content).group(1)
    response = client.post(
        reverse("reports:advice"),
        {
            "key": key,
            "description": "Een leerling werkt zonder loon. Wat nu?",
            "acute_danger": "no",
            "reporter_organisation_text": "School",
            "passphrase": "lange zin 2026",
            "passphrase_again": "lange zin 2026",
        },
    )
    assert response.status_code == 302
    page = re.sub(r"\s+", " ", client.get(response["Location"]).content.decode())
    assert "Je melding is ontvangen" not in page
    assert "<title>Je vraag is ontvangen" in page
    assert "Het meldpunt heeft je vraag veilig ontvangen." in page
    assert "Je krijgt uiterlijk" in page and "advies" in page
    assert "Het meldpunt leest elke melding" not in page
