"""A data subject's requests: find, export, correct, erase — each with a reason, audited. And
the legal hold that keeps a report out of retention."""

import json
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from audit.actions import record_event
from audit.events import Event
from core import crypto
from reports.matching import refresh_match_keys
from reports.models import Report, SubjectKey, SubjectKind
from reports.workflow import name_key, phone_key

from .retention import ERASED_CONTACT


def _digests(name="", birth_date=None, email="", phone=""):
    wanted = {}
    if name_key(name):
        wanted[SubjectKind.NAME] = crypto.blind_index(name_key(name), "name")
    if birth_date:
        value = birth_date.isoformat() if isinstance(birth_date, date) else str(birth_date)
        wanted[SubjectKind.BIRTH_DATE] = crypto.blind_index(value, "birth")
    if email:
        wanted[SubjectKind.EMAIL] = crypto.blind_index(email.strip().lower(), "email")
    if phone_key(phone):
        wanted[SubjectKind.PHONE] = crypto.blind_index(phone_key(phone), "phone")
    return wanted


def _born_on(person, wanted):
    return (
        person is not None
        and person.subject_keys.filter(
            kind=SubjectKind.BIRTH_DATE, digest=wanted[SubjectKind.BIRTH_DATE]
        ).exists()
    )


def find_subject(*, actor, reason, name="", birth_date=None, email="", phone="", request=None):
    """Places where the data subject occurs: [(report, person or None for the reporter)].
    A name with a date of birth must match both on the same person; an e-mail address or phone
    number matches on its own."""
    wanted = _digests(name, birth_date, email, phone)
    hits = {}
    keys = SubjectKey.objects.select_related("report", "person")
    if SubjectKind.NAME in wanted:
        by_name = keys.filter(kind=SubjectKind.NAME, digest=wanted[SubjectKind.NAME])
        for key in by_name:
            if SubjectKind.BIRTH_DATE in wanted and not _born_on(key.person, wanted):
                continue
            hits[(key.report_id, key.person_id)] = (key.report, key.person)
    for kind in (SubjectKind.EMAIL, SubjectKind.PHONE):
        if kind in wanted:
            for key in keys.filter(kind=kind, digest=wanted[kind]):
                hits[(key.report_id, key.person_id)] = (key.report, key.person)
    with transaction.atomic():
        record_event(
            Event.SUBJECT_SEARCHED,
            actor=actor,
            request=request,
            reason=reason,
            details={"found": len(hits), "by": sorted(wanted)},
        )
    return sorted(hits.values(), key=lambda hit: hit[0].created_at, reverse=True)


def _as_data(report, person):
    context = {
        "reference": report.reference,
        "received": report.created_at,
        "municipality": report.municipality.name if report.municipality else "",
        "status": report.status,
    }
    if person is None:
        context["as"] = "reporter"
        context["data"] = {
            name.removeprefix("reporter_"): getattr(report, name) for name in Report.CONTACT_FIELDS
        }
    else:
        context["as"] = person.role
        context["data"] = {
            "name": person.name,
            "birth_date": person.birth_date,
            "phone": person.phone,
            "email": person.email,
            "description": person.description,
            "recorded": person.created_at,
        }
    return context


def export_subject(hits, *, actor, reason, request=None):
    """Everything found about the data subject, as JSON (their own details and where they were
    recorded; never other people's details)."""
    with transaction.atomic():
        record_event(
            Event.SUBJECT_EXPORTED,
            actor=actor,
            request=request,
            reason=reason,
            details={"references": [report.reference for report, _person in hits]},
        )
    payload = {
        "exported": timezone.now(),
        "reason": reason,
        "records": [_as_data(report, person) for report, person in hits],
    }
    return json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def correct_person(person, fields, *, actor, reason, request=None):
    with transaction.atomic():
        changed = sorted(name for name, value in fields.items() if getattr(person, name) != value)
        for name, value in fields.items():
            setattr(person, name, value)
        person.save()
        refresh_match_keys(person.report)
        record_event(
            Event.PERSON_CORRECTED,
            actor=actor,
            target=person.report,
            request=request,
            reason=reason,
            details={"person": person.pk, "fields": changed},
        )


def erase_person(person, *, actor, reason, request=None):
    report = person.report
    with transaction.atomic():
        record_event(
            Event.PERSON_ERASED,
            actor=actor,
            target=report,
            request=request,
            reason=reason,
            details={"person": person.pk},
        )
        person.delete()
        refresh_match_keys(report)


def correct_reporter(report, fields, *, actor, reason, request=None):
    with transaction.atomic():
        changed = sorted(name for name, value in fields.items() if getattr(report, name) != value)
        Report.objects.filter(pk=report.pk).update(**fields)
        report.refresh_from_db()
        refresh_match_keys(report)
        record_event(
            Event.REPORTER_CORRECTED,
            actor=actor,
            target=report,
            request=request,
            reason=reason,
            details={"fields": changed},
        )


def erase_reporter(report, *, actor, reason, request=None):
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(**ERASED_CONTACT)
        report.refresh_from_db()
        refresh_match_keys(report)
        record_event(
            Event.REPORTER_ERASED, actor=actor, target=report, request=request, reason=reason
        )


def set_legal_hold(report, hold, *, actor, reason, request=None):
    with transaction.atomic():
        Report.objects.filter(pk=report.pk).update(
            legal_hold=hold, legal_hold_reason=reason if hold else ""
        )
        record_event(
            Event.LEGAL_HOLD_SET if hold else Event.LEGAL_HOLD_LIFTED,
            actor=actor,
            target=report,
            request=request,
            reason=reason,
        )


def record_audit_export(period, *, actor, request=None):
    """The privacy officer exported the audit log (for `period`): itself an audited act."""
    with transaction.atomic():
        record_event(Event.AUDIT_EXPORTED, actor=actor, request=request, details=period)
