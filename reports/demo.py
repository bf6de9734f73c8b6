"""Demo reports for the demo region, sent through the same action as real ones (history rows and
audit events included). Idempotent: each demo report has a fixed idempotency key."""

import uuid
from datetime import timedelta

from django.utils import timezone

from accounts.models import Membership, Role
from regions.models import Municipality

from . import workflow
from .actions import send_staff_message, submit_report
from .models import Channel, Kind, Report

DEMO_PASSPHRASE = "demo postbus 2026"  # noqa: S105 - demo mode only, refused in production

# (days ago, kind, language, municipality, fields)
REPORTS = [
    (
        2,
        Kind.REPORT,
        "pl",
        "GM0344",
        {
            "description": "Twaalf Poolse arbeiders wonen in een garage achter het bedrijf. "
            "De baas houdt hun paspoorten. Ze werken zes dagen per week in de kassen.",
            "acute_danger": "no",
            "indicator_codes": "",
            "street": "Kanaalweg",
            "house_number": "12",
            "postcode": "3526 KL",
            "premises_type": "farm_greenhouse",
            "victim_count": 12,
            "age_group": "adult",
            "gender": "male",
            "company_name": "Kwekerij Groen B.V.",
            "kvk_number": "12345678",
            "reporter_type": "anonymous",
        },
    ),
    (
        5,
        Kind.REPORT,
        "nl",
        "GM0307",
        {
            "description": "Een meisje van ongeveer 15 wordt 's avonds steeds door oudere mannen "
            "met een auto opgehaald bij het station. Ze heeft dure cadeaus en spijbelt.",
            "acute_danger": "unknown",
            "age_group": "minor",
            "approximate_age": 15,
            "minor_involved": True,
            "gender": "female",
            "reporter_type": "citizen",
            "reporter_name": "Demo Melder",
            "reporter_phone": "0612345678",
            "may_contact": True,
        },
    ),
    (
        9,
        Kind.REPORT,
        "nl",
        "GM0356",
        {
            "description": "Massagesalon is tot diep in de nacht open; de vrouwen lijken er ook te "
            "slapen en spreken geen Nederlands. Steeds andere mannen gaan naar binnen.",
            "acute_danger": "no",
            "premises_type": "massage_salon",
            "victim_count": 3,
            "age_group": "adult",
            "gender": "female",
            "reporter_type": "anonymous",
        },
    ),
    (
        14,
        Kind.REPORT,
        "uk",
        "GM0344",
        {
            "description": "Ik ben gevlucht uit Oekraïne. Ik moet schulden terugbetalen aan de man "
            "die mijn reis regelde en werk zonder loon in een nagelstudio.",
            "acute_danger": "yes",
            "premises_type": "nail_bar",
            "victim_count": 1,
            "age_group": "adult",
            "gender": "female",
            "reporter_type": "anonymous",
        },
    ),
    (
        21,
        Kind.ADVICE,
        "nl",
        "GM0307",
        {
            "description": "Een leerling vertelt dat hij voor een 'vriend' pakketjes moet "
            "rondbrengen en een schuld heeft. Is dit criminele uitbuiting en wat kan de "
            "school doen?",
            "suspected_form": "criminal",
            "minor_involved": True,
            "acute_danger": "no",
            "reporter_type": "professional",
            "reporter_organisation_text": "Demo College Amersfoort",
            "reporter_function": "Zorgcoördinator",
        },
    ),
    (
        30,
        Kind.REPORT,
        "ro",
        "GM0034",
        {
            "description": "Roemeense schoonmakers in een distributiecentrum krijgen hun loon "
            "contant en veel minder dan afgesproken. Ze wonen met tien in een huis.",
            "acute_danger": "no",
            "premises_type": "distribution_centre",
            "victim_count": 10,
            "age_group": "adult",
            "gender": "mixed",
            "reporter_type": "anonymous",
        },
    ),
]


def load_demo_reports():
    """Returns (number created, mailbox code of the first demo report or None)."""
    created = 0
    for index, (days, kind, language, code, fields) in enumerate(REPORTS):
        key = uuid.uuid5(uuid.NAMESPACE_URL, f"signaal-demo-report-{index}")
        if Report.objects.filter(idempotency_key=key).exists():
            continue
        fields = {**fields, "municipality": Municipality.objects.get(code=code)}
        submission = submit_report(
            fields=fields,
            kind=kind,
            channel=Channel.PUBLIC,
            language=language,
            idempotency_key=key,
            passphrase=DEMO_PASSPHRASE if index in (0, 3) else "",
        )
        when = timezone.now() - timedelta(days=days)
        submission.report.created_at = when
        Report.objects.filter(pk=submission.report.pk).update(
            created_at=when, deadline=workflow.deadline_for(submission.report)
        )
        submission.report.history.update(at=when)
        created += 1
        staff = Membership.objects.filter(role=Role.REPORTING_POINT_STAFF).first()
        if index == 0 and staff:
            send_staff_message(
                submission.report,
                "Dank voor je melding. Weet je hoe laat de arbeiders 's ochtends worden opgehaald?",
                actor=staff.user,
            )
    first = Report.objects.filter(
        idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, "signaal-demo-report-0")
    ).first()
    return created, (first.mailbox_code if first else None)
