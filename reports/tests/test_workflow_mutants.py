"""The case workflow's rules, pinned so that a changed rule fails a test (`make mutation`,
docs/testing.md): every status transition allowed or refused, working days (weekends, the public
holidays of the Algemene termijnenwet), deadlines per priority and from a reopening, priority."""

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from reports import workflow
from reports.models import Answer, Priority, Status

STATUSES = ["new", "triage", "handling", "referred", "closed", "reopened"]
# Written out by hand: a change to workflow.TRANSITIONS is a deliberate change to this one too.
EXPECTED = {
    ("new", "triage"),
    ("new", "closed"),
    ("triage", "handling"),
    ("triage", "referred"),
    ("triage", "closed"),
    ("handling", "referred"),
    ("handling", "closed"),
    ("referred", "handling"),
    ("referred", "closed"),
    ("closed", "reopened"),
    ("reopened", "triage"),
    ("reopened", "handling"),
    ("reopened", "referred"),
    ("reopened", "closed"),
}
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize("to_status", STATUSES)
@pytest.mark.parametrize("from_status", STATUSES)
def test_every_status_transition_allowed_or_refused(from_status, to_status):
    assert workflow.allowed(from_status, to_status) is ((from_status, to_status) in EXPECTED)


def test_an_unknown_status_goes_nowhere():
    assert workflow.allowed("archived", "new") is False
    assert workflow.next_statuses("archived") == []
    assert workflow.referral_allowed("archived", "accepted") is False


def test_next_statuses_in_the_order_of_the_statuses():
    assert workflow.next_statuses(Status.NEW) == ["triage", "closed"]
    assert workflow.next_statuses(Status.REOPENED) == ["triage", "handling", "referred", "closed"]
    assert workflow.next_statuses(Status.CLOSED) == ["reopened"]


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 4, 2), True),  # Thursday
        (date(2026, 4, 3), True),  # Good Friday: not a holiday under the Algemene termijnenwet
        (date(2026, 4, 4), False),  # Saturday
        (date(2026, 4, 5), False),  # Easter Sunday
        (date(2026, 4, 6), False),  # Easter Monday
        (date(2026, 4, 10), True),  # a Friday
        (date(2026, 4, 27), False),  # King's Day
        (date(2026, 5, 5), False),  # Liberation Day
        (date(2027, 5, 5), False),  # every year, not only every fifth
        (date(2026, 5, 14), False),  # Ascension Day
        (date(2026, 5, 25), False),  # Whit Monday
        (date(2026, 12, 25), False),  # Christmas
        (date(2027, 1, 1), False),  # New Year
        (date(2026, 12, 28), True),  # a Monday
    ],
)
def test_working_days(day, working):
    assert workflow.is_working_day(day) is working


def test_adding_working_days_skips_weekends_and_holidays():
    thursday = date(2026, 4, 2)
    assert workflow.add_working_days(thursday, 0) == thursday
    assert workflow.add_working_days(thursday, 1) == date(2026, 4, 3)  # Good Friday counts
    assert workflow.add_working_days(thursday, 2) == date(2026, 4, 7)  # after Easter Monday
    assert workflow.add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)


def test_working_days_between_counts_after_the_start_up_to_and_including_the_end():
    thursday = date(2026, 4, 2)
    assert workflow.working_days_between(thursday, thursday) == 0
    assert workflow.working_days_between(thursday, date(2026, 4, 3)) == 1
    assert workflow.working_days_between(thursday, date(2026, 4, 7)) == 2
    assert workflow.working_days_between(date(2026, 4, 3), date(2026, 4, 6)) == 0
    assert workflow.working_days_between(date(2026, 4, 7), thursday) == 0


def _report(priority=None, received=datetime(2026, 4, 2, 23, 30, tzinfo=AMSTERDAM), **fields):
    return SimpleNamespace(priority=priority, created_at=received, **fields)


def test_deadlines_per_priority_in_working_days_from_the_local_day_of_receipt(settings):
    settings.SIGNAAL_DEADLINE_DAYS = {"high": 1, "normal": 5}
    # 23:30 in Amsterdam on Thursday 2 April is 21:30 UTC: still the 2nd.
    assert workflow.deadline_for(_report("high")) == date(2026, 4, 3)
    assert workflow.deadline_for(_report("normal")) == date(2026, 4, 10)
    assert workflow.deadline_for(_report()) == date(2026, 4, 10)  # no priority yet: normal
    assert workflow.deadline_for(_report("normal"), Priority.HIGH) == date(2026, 4, 3)
    reopened = datetime(2026, 12, 24, 9, 0, tzinfo=AMSTERDAM)
    assert workflow.deadline_for(_report("high"), since=reopened) == date(2026, 12, 28)


def test_a_minor_or_acute_danger_is_high_priority():
    assert workflow.priority_for(_report(minor_involved=True, acute_danger=Answer.NO)) == "high"
    assert workflow.priority_for(_report(minor_involved=False, acute_danger=Answer.YES)) == "high"
    for acute in (Answer.NO, Answer.UNKNOWN):
        report = _report(minor_involved=False, acute_danger=acute)
        assert workflow.priority_for(report) == "normal"


REFERRAL_STATES = ["sent", "accepted", "declined", "completed", "revoked"]
REFERRAL_EXPECTED = {
    ("sent", "accepted"),
    ("sent", "declined"),
    ("sent", "revoked"),
    ("accepted", "completed"),
    ("accepted", "revoked"),
}


@pytest.mark.parametrize("to_state", REFERRAL_STATES)
@pytest.mark.parametrize("from_state", REFERRAL_STATES)
def test_every_referral_transition_in_the_table(from_state, to_state):
    # also back to "sent", which no action asks for (test_workflow_rules.py tries the actions)
    expected = (from_state, to_state) in REFERRAL_EXPECTED
    assert workflow.referral_allowed(from_state, to_state) is expected
