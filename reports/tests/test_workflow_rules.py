"""The rules of a report's life in one place: "open" and "overdue" defined once (the queryset and
the model say the same), and a reopened report gets a new deadline."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from reports import actions as report_actions
from reports import workflow
from reports.models import Report, Status
from reports.tests.conftest import make_report

pytestmark = pytest.mark.django_db


def test_open_and_overdue_agree_with_the_model(personas):
    staff = personas[Role.REPORTING_POINT_STAFF]
    today = timezone.localdate()
    late = make_report()
    Report.objects.filter(pk=late.pk).update(deadline=today - timedelta(days=1))
    on_time = make_report()
    Report.objects.filter(pk=on_time.pk).update(deadline=today + timedelta(days=3))
    closed = make_report()
    Report.objects.filter(pk=closed.pk).update(deadline=today - timedelta(days=9))
    report_actions.change_status(closed, Status.CLOSED, actor=staff, outcome="no_indication")
    for report in Report.objects.all():
        assert report.is_open is Report.objects.open().filter(pk=report.pk).exists()
        assert report.is_overdue is Report.objects.overdue().filter(pk=report.pk).exists()
    assert set(Report.objects.overdue()) == {late}
    assert set(Report.objects.open()) == {late, on_time}


def test_visible_to_is_the_access_rule(personas):
    report = make_report()
    staff = personas[Role.REPORTING_POINT_STAFF]
    staff.is_verified = lambda: True
    analyst = personas[Role.ANALYST]
    analyst.is_verified = lambda: True
    assert list(Report.objects.visible_to(staff)) == [report]
    assert list(Report.objects.visible_to(analyst)) == []


def test_a_reopened_report_gets_a_new_deadline(personas):
    staff = personas[Role.REPORTING_POINT_STAFF]
    report = make_report()
    long_ago = timezone.now() - timedelta(days=60)
    Report.objects.filter(pk=report.pk).update(created_at=long_ago)
    report.refresh_from_db()
    Report.objects.filter(pk=report.pk).update(deadline=workflow.deadline_for(report))
    report_actions.change_status(report, Status.CLOSED, actor=staff, outcome="no_indication")
    report_actions.change_status(report, Status.REOPENED, actor=staff, reason="nieuwe informatie")
    report.refresh_from_db()
    assert report.deadline >= timezone.localdate()
    assert report.deadline == workflow.deadline_for(report, since=timezone.now())
    assert not report.is_overdue


def test_a_closed_report_cannot_be_referred(personas, organisations):
    from django.core.exceptions import ValidationError

    from reports.models import LegalBasis, Referral

    staff = personas[Role.REPORTING_POINT_STAFF]
    report = make_report()
    report_actions.change_status(report, Status.CLOSED, actor=staff, outcome="no_indication")
    with pytest.raises(ValidationError, match="heropen"):
        report_actions.refer(
            report,
            actor=staff,
            organisation=organisations["police"],
            legal_basis=LegalBasis.objects.first(),
            summary="Samenvatting",
        )
    assert not Referral.objects.exists()
    assert Report.objects.get(pk=report.pk).status == Status.CLOSED


@pytest.mark.parametrize(
    ("fields", "minor"),
    [
        ({"age_group": "minor"}, True),
        ({"age_group": "mixed"}, True),
        ({"age_group": "adult", "approximate_age": 16}, True),
        ({"age_group": "adult", "approximate_age": 18}, False),
        ({"age_group": "adult"}, False),
        ({"minor_involved": True}, True),
        ({}, False),
    ],
)
def test_minor_involved_is_decided_when_the_report_is_stored(fields, minor):
    report = make_report(**fields)
    assert Report.objects.get(pk=report.pk).minor_involved is minor


REFERRAL_STATES = ["sent", "accepted", "declined", "completed", "revoked"]
# Written out by hand: a change to the referral table is a deliberate change to this one too.
REFERRAL_EXPECTED = {
    ("sent", "accepted"),
    ("sent", "declined"),
    ("sent", "revoked"),
    ("accepted", "completed"),
    ("accepted", "revoked"),
}


@pytest.mark.parametrize("to_state", ["accepted", "declined", "completed", "revoked"])
@pytest.mark.parametrize("from_state", REFERRAL_STATES)
def test_every_referral_transition_allowed_or_refused(
    personas, organisations, from_state, to_state
):
    from django.core.exceptions import ValidationError

    from reports.models import LegalBasis, Referral

    staff = personas[Role.REPORTING_POINT_STAFF]
    partner = personas[Role.PARTNER_CASE_WORKER]
    referral = report_actions.refer(
        make_report(),
        actor=staff,
        organisation=organisations["police"],
        legal_basis=LegalBasis.objects.first(),
        summary="Samenvatting",
    )
    Referral.objects.filter(pk=referral.pk).update(state=from_state)
    referral.refresh_from_db()
    act = {
        "accepted": lambda: report_actions.accept(referral, actor=partner),
        "declined": lambda: report_actions.decline(referral, "past niet", actor=partner),
        "completed": lambda: report_actions.complete(referral, "afgerond", actor=partner),
        "revoked": lambda: report_actions.revoke(referral, "vergissing", actor=staff),
    }[to_state]
    if (from_state, to_state) in REFERRAL_EXPECTED:
        act()
        assert Referral.objects.get(pk=referral.pk).state == to_state
    else:
        with pytest.raises(ValidationError):
            act()
        assert Referral.objects.get(pk=referral.pk).state == from_state
    assert workflow.referral_allowed(from_state, to_state) is (
        (from_state, to_state) in REFERRAL_EXPECTED
    )
