"""Wrong organisation, wrong person, wrong parent: every URL pattern that names an object (a
reference, a pk, a token, a municipality code) has a case in `OBJECT_URLS` showing that a user
with the right role who should not reach that object is refused (404 or 403, never the data).

accounts/tests/test_access.py proves anonymous visitors and wrong roles are refused on every URL;
this file adds the object dimension. An entry is one of:
- `Case`: tested here;
- `Elsewhere`: an existing test proves it (it must exist, and is not duplicated here);
- `RegionWide`: no organisation owns the object; the reason says who may see it, by design.
A URL pattern with an object argument that is not in the table fails
`test_every_object_url_has_a_wrong_organisation_case`.
"""

import importlib
import uuid
from dataclasses import dataclass

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Role
from accounts.tests.test_access import OWN_URLS, walk
from reports import actions as report_actions
from reports.actions import add_attachment, submit_report
from reports.models import LegalBasis, Referral

pytestmark = pytest.mark.django_db

# URL arguments that are not objects of anyone: an export's name and format, a period, a form
# of exploitation, the choice of answer.
NOT_OBJECTS = {"name", "extension", "year", "quarter", "form", "answer"}
REFUSED = (403, 404)


@dataclass(frozen=True)
class Case:
    test: str  # the name of the test function in this file


@dataclass(frozen=True)
class Elsewhere:
    test: str  # "<module path>::<test function>"


@dataclass(frozen=True)
class RegionWide:
    reason: str


REPORTING_POINT = RegionWide(
    "every report of the installation reaches the region's one reporting point "
    "(access.reports_for); nested objects of another report are refused: "
    "test_nested_objects_of_another_report_are_refused"
)
PRIVACY_OFFICE = RegionWide(
    "the privacy officer answers data subject requests for every report "
    "(access.subject_reports_for); nested objects of another report are refused: "
    "test_nested_objects_of_another_report_are_refused"
)
HANDLING = "reports/tests/test_handling.py::test_access_matrix"
KNOWLEDGE = "content/tests/test_knowledge_access.py"
ACCOUNTS = "accounts/tests/test_account_request.py"
ROLE_GRANTS = "accounts/tests/test_role_grants.py"
ROLE_GRANTS_OF_ANOTHER_ORGANISATION = (
    "test_organisation_admin_sees_only_grants_of_their_organisation"
)

OBJECT_URLS = {
    # accounts: admins act on requests and people of their own organisation only
    "accounts:request_review": Elsewhere(
        f"{ACCOUNTS}::test_admin_of_another_organisation_cannot_see_the_request"
    ),
    "accounts:revoke_role": Elsewhere(f"{ACCOUNTS}::test_people_page_and_revoking_a_role"),
    "accounts:reset_two_factor": Elsewhere(
        f"{ACCOUNTS}::test_admin_resets_two_factor_of_their_own_people_only"
    ),
    "accounts:approve_grant": Elsewhere(f"{ROLE_GRANTS}::{ROLE_GRANTS_OF_ANOTHER_ORGANISATION}"),
    "accounts:refuse_grant": Elsewhere(f"{ROLE_GRANTS}::{ROLE_GRANTS_OF_ANOTHER_ORGANISATION}"),
    # mailed links: the token is the object's key
    "accounts:request_verify": Elsewhere(f"{ACCOUNTS}::test_a_forged_token_is_refused"),
    "accounts:activate": Case("test_forged_tokens_are_refused"),
    "accounts:password_reset_confirm": Case("test_forged_tokens_are_refused"),
    "reports:received": Case("test_forged_tokens_are_refused"),
    # the knowledge base: documents and notes
    "content:document": Elsewhere(f"{KNOWLEDGE}::test_document_detail_pages"),
    "wagtaildocs_serve": Elsewhere(f"{KNOWLEDGE}::test_downloads"),
    "content:edit_note": Elsewhere(f"{KNOWLEDGE}::test_notes_are_private"),
    # a professional's own reports
    "reports:my_report": Case("test_a_professional_sees_only_their_own_reports"),
    # the reporting point
    "reports:detail": REPORTING_POINT,
    "reports:reveal_contact": REPORTING_POINT,
    "reports:staff_message": REPORTING_POINT,
    "reports:triage": REPORTING_POINT,
    "reports:change_status": REPORTING_POINT,
    "reports:add_person": REPORTING_POINT,
    "reports:link": REPORTING_POINT,
    "reports:add_note": REPORTING_POINT,
    "reports:refer": REPORTING_POINT,
    "reports:summary": REPORTING_POINT,
    "reports:attachment": Case("test_nested_objects_of_another_report_are_refused"),
    "reports:remove_person": Case("test_nested_objects_of_another_report_are_refused"),
    "reports:revoke_referral": Case("test_nested_objects_of_another_report_are_refused"),
    "reports:share_referral_items": Case("test_nested_objects_of_another_report_are_refused"),
    "reports:unlink": Case("test_nested_objects_of_another_report_are_refused"),
    # partners: a case worker of another partner
    "reports:partner_detail": Elsewhere(HANDLING),
    "reports:partner_attachment": Elsewhere(HANDLING),
    "reports:partner_summary_pdf": Elsewhere(HANDLING),
    "reports:partner_answer": Case("test_another_partner_cannot_answer_a_referral"),
    # the privacy officer, and the case owner for the access log
    "privacy:access_log": Elsewhere(
        "privacy/tests/test_privacy.py::test_access_log_for_the_privacy_officer_and_the_case_owner_only"
    ),
    "privacy:reporter": PRIVACY_OFFICE,
    "privacy:legal_hold": PRIVACY_OFFICE,
    "privacy:person": Case("test_nested_objects_of_another_report_are_refused"),
    # the monitor: municipalities of this region only; recording by the RIEC's own analysts
    "monitor:policy_municipality": Elsewhere(
        "monitor/tests/test_policy.py::test_unknown_municipality_or_another_region_is_404"
    ),
    "monitor:policy_record": Case("test_a_municipal_analyst_cannot_record_policy"),
    # a file waiting for its column mapping: its uploader only, not a colleague with the same role
    "monitor:import_mapping": Elsewhere(
        "monitor/tests/test_import_mapping.py::"
        "test_the_file_is_removed_when_discarded_or_expired_and_only_its_uploader_sees_it"
    ),
    "monitor:import_batch": RegionWide("the reporting point's imports of the region's history"),
    "monitor:import_errors": RegionWide("the reporting point's imports of the region's history"),
    "monitor:import_withdraw": RegionWide("the reporting point's imports of the region's history"),
}


def _name(namespace, entry):
    return f"{namespace}:{entry.name}" if namespace else entry.name


def _object_urls():
    from django.urls import get_resolver

    names = set()
    for namespace, route, entry in walk(get_resolver().url_patterns):
        if route.startswith(("beheer/", "cms/")) or entry.name == "wagtail_serve":
            continue
        pattern = entry.pattern
        arguments = set(pattern.converters) if pattern.converters else set()
        if set(arguments) - NOT_OBJECTS or (pattern.regex.groups and not pattern.converters):
            names.add(_name(namespace, entry))
    return names


def test_every_object_url_has_a_wrong_organisation_case():
    missing = sorted(_object_urls() - set(OBJECT_URLS))
    assert missing == [], f"object URLs without a wrong-organisation case: {missing}"


def test_every_case_in_the_table_exists():
    known = {_name(ns, e) for ns, _r, e in OWN_URLS} | {"wagtaildocs_serve"}
    for name, entry in OBJECT_URLS.items():
        if name not in known:
            continue  # a view being built elsewhere in the same tree
        if isinstance(entry, Case):
            assert callable(globals().get(entry.test)), (name, entry.test)
        elif isinstance(entry, Elsewhere):
            path, function = entry.test.split("::")
            module = importlib.import_module(path.removesuffix(".py").replace("/", "."))
            assert callable(getattr(module, function, None)), (name, entry.test)
        else:
            assert isinstance(entry, RegionWide) and entry.reason


# --- the cases ---------------------------------------------------------------------------------


def _report(**fields):
    return submit_report(
        fields={"description": "Arbeiders slapen in de loods.", "acute_danger": "no", **fields},
        kind="report",
        channel="public",
        language="nl",
        idempotency_key=uuid.uuid4(),
    ).report


@pytest.fixture
def two_reports(personas, organisations, django_capture_on_commit_callbacks, settings, tmp_path):
    """Report A with a person, an attachment and a referral; report B with its own."""
    from reports.tests.conftest import jpeg_with_gps

    settings.SIGNAAL_PRIVATE_DIR = tmp_path / "private"
    staff = personas[Role.REPORTING_POINT_STAFF]
    made = {}
    for key in ("a", "b"):
        report = _report()
        person = report_actions.add_person(
            report, actor=staff, role="victim", name=f"Persoon {key}"
        )
        add_attachment(report, SimpleUploadedFile("f.jpg", jpeg_with_gps(), "image/jpeg"))
        with django_capture_on_commit_callbacks(execute=True):
            referral = report_actions.refer(
                report,
                actor=staff,
                organisation=organisations["police"],
                legal_basis=LegalBasis.objects.first(),
                summary=f"Samenvatting {key}",
            )
        made[key] = {
            "report": report,
            "person": person,
            "attachment": report.attachments.get(),
            "referral": referral,
        }
    return made


def test_nested_objects_of_another_report_are_refused(client, personas, login, two_reports):
    """A pk of report B under the reference of report A: refused, and nothing of B changes."""
    a, b = two_reports["a"], two_reports["b"]
    ref = a["report"].reference
    login(client, personas[Role.REPORTING_POINT_STAFF])
    attachment = reverse("reports:attachment", args=[ref, b["attachment"].pk])
    assert client.get(attachment).status_code == 404
    remove = reverse("reports:remove_person", args=[ref, b["person"].pk])
    assert client.post(remove).status_code == 404
    assert b["report"].persons.filter(pk=b["person"].pk).exists()
    revoke = reverse("reports:revoke_referral", args=[ref, b["referral"].pk])
    assert client.get(revoke).status_code == 404
    assert client.post(revoke, {"reason": "Verkeerd"}).status_code == 404
    b["referral"].refresh_from_db()
    assert b["referral"].state == "sent"
    # Sharing: B's referral under A's reference, and B's person with A's referral.
    share = reverse("reports:share_referral_items", args=[ref, b["referral"].pk])
    assert client.get(share).status_code == 404
    field = f"share-{b['referral'].pk}-persons"
    assert client.post(share, {field: [b["person"].pk]}).status_code == 404
    share = reverse("reports:share_referral_items", args=[ref, a["referral"].pk])
    field = f"share-{a['referral'].pk}-persons"
    assert client.post(share, {field: [b["person"].pk]}).status_code == 400
    assert not b["person"].referral_items.exists()
    unlink = reverse("reports:unlink", args=[ref, b["report"].reference])
    # Staff may see both reports, but they are not linked: nothing removed, nothing recorded.
    assert client.post(unlink).status_code == 302
    from audit.models import AuditEvent

    assert not AuditEvent.objects.filter(action="report.unlinked").exists()
    login(client, personas[Role.PRIVACY_OFFICER])
    person = reverse("privacy:person", args=[ref, b["person"].pk])
    assert client.get(person).status_code == 404
    response = client.post(person, {"erase-reason": "Verzoek"})
    assert response.status_code == 404
    b["person"].refresh_from_db()
    assert b["person"].name == "Persoon b"


def test_another_partner_cannot_answer_a_referral(client, personas, login, make_user, two_reports):
    referral = two_reports["a"]["referral"]
    other = make_user(Role.PARTNER_CASE_WORKER, organisation="riec", email="ander@test.example")
    login(client, other)
    for answer, data in (
        ("accept", {}),
        ("decline", {"decline-reason": "Geen capaciteit"}),
        ("complete", {"outcome-outcome": "Klaar"}),
    ):
        url = reverse("reports:partner_answer", args=[referral.pk, answer])
        assert client.post(url, data).status_code == 404, answer
    assert Referral.objects.get(pk=referral.pk).state == "sent"


def test_a_professional_sees_only_their_own_reports(client, personas, login, make_user):
    mine = _report()
    mine.submitted_by = personas[Role.PROFESSIONAL]
    mine.save(update_fields=["submitted_by"])
    colleague = make_user(Role.PROFESSIONAL, organisation="utrecht", email="p2@test.example")
    url = reverse("reports:my_report", args=[mine.reference])
    login(client, personas[Role.PROFESSIONAL])
    assert client.get(url).status_code == 200
    login(client, colleague)
    response = client.get(url)
    assert response.status_code == 404
    assert "Arbeiders slapen" not in response.content.decode()
    assert client.post(url, {"body": "Een bericht"}).status_code == 404


def test_forged_tokens_are_refused(client, personas, organisations):
    from django.core import signing

    from accounts.models import AccountRequest

    request = AccountRequest.objects.create(
        full_name="Kandidaat",
        email="kandidaat@test.example",
        organisation=organisations["utrecht"],
        function="Handhaver",
        motivation="Voor mijn werk.",
        status="approved",
    )
    activate = reverse("accounts:activate", args=[request.pk, "forged-token-forged-token"])
    assert client.get(activate).status_code == 400
    user = personas[Role.ANALYST]
    reset = reverse("accounts:password_reset_confirm", args=["MQ", "abc-forged"])
    response = client.get(reset, follow=True)
    assert response.status_code == 200 and "new_password1" not in response.content.decode()
    report = _report()
    # A token for report A signed with the wrong key or salt does not open its receipt.
    forged = signing.dumps({"r": report.pk}, salt="something-else")
    assert client.get(reverse("reports:received", args=[forged])).status_code == 404
    assert user.check_password("Een-lang-wachtwoord-2026")


def test_a_municipal_analyst_cannot_record_policy(client, login, make_user):
    """Right role (analyst), other kind of organisation (a municipality, not the RIEC)."""
    municipal = make_user(Role.ANALYST, organisation="utrecht", email="gemeente@test.example")
    login(client, municipal)
    url = reverse("monitor:policy_record", args=["GM0344"])
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403
    assert client.get(reverse("monitor:policy_municipality", args=["GM0344"])).status_code == 200
