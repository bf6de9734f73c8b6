"""One list of the reporter's contact details (Report.CONTACT_FIELDS): every encrypted reporter_*
field is on it, and the retention, the anonymisation and the data-subject erase clear all of it.

The reports here fill every encrypted reporter_* field the model has (found by introspection, not
read from the list), so a field missing from the list fails these tests too."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.models import Role
from core.crypto import EncryptedTextField
from privacy.actions import erase_reporter
from privacy.retention import apply_retention
from reports.models import Report
from reports.tests.conftest import make_report

pytestmark = pytest.mark.django_db


def reporter_fields():
    return [
        field.name
        for field in Report._meta.get_fields()
        if field.name.startswith("reporter_") and isinstance(field, EncryptedTextField)
    ]


def filled(names, *, outcome="referred_police", closed_days_ago=None):
    report = make_report(reporter_type="citizen")
    changes = {name: f"waarde van {name}" for name in names}
    if closed_days_ago is not None:
        changes |= {
            "status": "closed",
            "outcome": outcome,
            "closed_at": timezone.now() - timedelta(days=closed_days_ago),
        }
    Report.objects.filter(pk=report.pk).update(may_contact=True, **changes)
    report.refresh_from_db()
    return report


def assert_cleared(report):
    report.refresh_from_db()
    assert {name: getattr(report, name) for name in reporter_fields()} == dict.fromkeys(
        reporter_fields(), ""
    )
    assert report.may_contact is False
    assert not report.has_contact and report.contact_values == []


def test_every_encrypted_reporter_field_is_on_the_list():
    found = reporter_fields()
    assert len(found) >= 5  # the introspection finds the fields at all
    assert sorted(found) == sorted(Report.CONTACT_FIELDS)


@pytest.mark.parametrize("name", sorted(Report.CONTACT_FIELDS))
def test_any_contact_field_alone_is_contact(name):
    report = Report(**{name: "iets"})
    assert report.has_contact and report.contact_values == ["iets"]


@pytest.mark.parametrize("name", reporter_fields())
def test_retention_of_the_contact_details_clears_every_field(name):
    """A referred report keeps its case for years, its reporter's contact details 180 days; a
    report with only one of the fields filled is found and cleared too."""
    kept = filled(reporter_fields(), closed_days_ago=10)
    report = filled([name], closed_days_ago=800)
    assert apply_retention(dry_run=True)["reporter_contact"] == 1
    apply_retention()
    assert_cleared(report)
    assert report.anonymised_at is None and report.description
    kept.refresh_from_db()
    assert kept.contact_values and kept.may_contact


def test_anonymisation_clears_every_field(django_capture_on_commit_callbacks):
    report = filled(reporter_fields(), outcome="no_indication", closed_days_ago=800)
    with django_capture_on_commit_callbacks(execute=True):
        apply_retention()
    assert_cleared(report)
    assert report.anonymised_at is not None


def test_the_data_subject_erase_clears_every_field(personas):
    report = filled(reporter_fields())
    erase_reporter(report, actor=personas[Role.PRIVACY_OFFICER], reason="Verzoek van de betrokkene")
    assert_cleared(report)
