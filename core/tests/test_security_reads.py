"""Every read of personal data leaves a trace: the walk.

For every URL pattern of our own, with every method a browser or a script can send, as every
role the URL's rule lets in (and as the reporter in their mailbox), against a case that holds
personal data in every part (narrative, reporter, persons, notes, messages, attachments, an
accepted referral), the walk asserts: a response that carries any of that data wrote at least
one audit event in the same request. A new view that shows case data without going through the
auditing fetches (reports.actions.open_report, open_referral, open_mailbox) fails here without
anyone having to remember to add it.

The walk also proves it can fail: the data did reach the screens we know show it (so the check
is not passing on empty responses), and a fetch that does not audit is caught
(test_the_walk_catches_an_unaudited_read).
"""

import io
import os

import pypdfium2
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts import access
from accounts.models import Role
from accounts.tests.test_access import DUMMY_ARGS, EXPECTED, OWN_URLS, declared_rule
from audit.models import AuditEvent
from core import crypto
from reports import actions as report_actions
from reports import storage
from reports.actions import add_attachment, add_reporter_message, send_staff_message
from reports.models import LegalBasis, Report
from reports.tests.conftest import jpeg_with_gps, make_report

pytestmark = pytest.mark.django_db

# Personal data planted in every part of the case; none of these strings is a label of any page.
MARKERS = {
    "narrative": "Qzwerty-verhaal van de loods",
    "reporter": "Xandra Meldvrouw",
    "reporter_phone": "0612398745",
    "reporter_email": "xandra.meld@voorbeeld.test",
    "person": "Ywona Slachtofferska",
    "person_phone": "0687654321",
    "note": "Notitie-geheim Kwiatkowski",
    "staff_message": "Vraag-van-meldpunt Zeeland",
    "reporter_message": "Antwoord-van-melder Wroclaw",
}

# The stored (cleaned) bytes of the case's attachments, filled by the `case` fixture: a response
# that carries them is a read of personal data whatever its type.
FILES = []

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def carries_data(response):
    """Which markers a response carries: in its HTML, in a PDF's text, or as a file download
    (an attachment of the case is personal data whatever its bytes)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf") and content:
        document = pypdfium2.PdfDocument(io.BytesIO(content))
        text = "".join(page.get_textpage().get_text_range() for page in document)
    else:
        text = content.decode("utf-8", "replace")
    found = {name for name, value in MARKERS.items() if value in text}
    if FILES and any(data in content for data in FILES):
        found.add("file")
    return found


@pytest.fixture
def case(personas, organisations, django_capture_on_commit_callbacks):
    staff = personas[Role.REPORTING_POINT_STAFF]
    partner_org = organisations["police"]
    report = make_report(
        description=MARKERS["narrative"],
        reporter_type="citizen",
        reporter_name=MARKERS["reporter"],
        reporter_phone=MARKERS["reporter_phone"],
        reporter_email=MARKERS["reporter_email"],
        may_contact=True,
    )
    # The professional persona sent it, so 'my reports' shows it to them; the staff persona owns
    # it, so the access log opens for them.
    Report.objects.filter(pk=report.pk).update(
        submitted_by=personas[Role.PROFESSIONAL],
        assigned_to=staff,
        mailbox_index=crypto.blind_index("WALKCODE", "mailbox"),
    )
    report.refresh_from_db()
    person = report_actions.add_person(
        report, actor=staff, role="victim", name=MARKERS["person"], phone=MARKERS["person_phone"]
    )
    attachment_error = add_attachment(
        report, SimpleUploadedFile("foto.jpg", jpeg_with_gps(), "image/jpeg")
    )
    assert attachment_error is None
    report_actions.add_note(report, MARKERS["note"], actor=staff)
    send_staff_message(report, MARKERS["staff_message"], actor=staff)
    add_reporter_message(report, MARKERS["reporter_message"])
    FILES[:] = [storage.read(a.storage_name) for a in report.attachments.all()]
    assert FILES and all(len(data) > 100 for data in FILES)
    other = make_report(description="Een andere melding zonder merktekens.")
    with django_capture_on_commit_callbacks(execute=True):
        referral = report_actions.refer(
            report,
            actor=staff,
            organisation=partner_org,
            legal_basis=LegalBasis.objects.first(),
            summary=f"Samenvatting over {MARKERS['person']}",
            persons=[person],
            attachments=list(report.attachments.all()),
        )
    report_actions.accept(referral, actor=personas[Role.PARTNER_CASE_WORKER])
    return {
        "report": report,
        "person": person,
        "attachment": report.attachments.get(),
        "referral": referral,
        "other": other,
    }


def url_args(name, entry, case):
    """Real arguments for the URL patterns that name a part of the case; the dummy ones for the
    rest (those URLs then show nothing of the case)."""
    pk_of = {
        "reports:attachment": case["attachment"].pk,
        "reports:remove_person": case["person"].pk,
        "reports:revoke_referral": case["referral"].pk,
        "reports:share_referral_items": case["referral"].pk,
        "privacy:person": case["person"].pk,
    }
    values = {
        "reference": case["report"].reference,
        "other": case["other"].reference,
        "attachment_pk": case["attachment"].pk,
    }
    kwargs = {}
    for key in entry.pattern.converters:
        if key == "pk":
            kwargs[key] = (
                case["referral"].pk if name.startswith("reports:partner_") else pk_of.get(name)
            )
            if kwargs[key] is None:
                kwargs[key] = DUMMY_ARGS[key]
        else:
            kwargs[key] = values.get(key, DUMMY_ARGS.get(key, _dummy(entry, key)))
    return kwargs


def _dummy(entry, key):
    from django.urls.converters import IntConverter

    return 999999 if isinstance(entry.pattern.converters[key], IntConverter) else "x"


def readers(rule, personas):
    """Who gets through the rule: the roles it names; for SIGNED_IN, the professional who sent
    the report; for public URLs, an anonymous visitor."""
    if rule == access.PUBLIC:
        return [None]
    if rule == access.SIGNED_IN:
        return [personas[Role.PROFESSIONAL]]
    return [personas[role] for role in sorted(EXPECTED[rule])]


def variants(name):
    """Extra query strings a screen answers differently to."""
    if name == "reports:summary":
        return ["", "?format=pdf"]
    return [""]


WALKED = [
    pytest.param(ns, entry, declared_rule(route, entry), id=route)
    for ns, route, entry in OWN_URLS
    if not entry.pattern.regex.groups or entry.pattern.converters
]


@pytest.mark.parametrize(("namespace", "entry", "rule"), WALKED)
def test_every_response_with_personal_data_is_audited(
    client, personas, login, case, namespace, entry, rule
):
    name = f"{namespace}:{entry.name}" if namespace else entry.name
    url = reverse(name, kwargs=url_args(name, entry, case))
    leaks = []
    requests = carrying = 0
    for reader in readers(rule, personas):
        if reader is not None:
            login(client, reader)
        else:
            # The reporter in their mailbox: the session holds the report for this visit.
            session = client.session
            session[access.MAILBOX_SESSION_KEY] = {"report": case["report"].pk, "language": "nl"}
            session.save()
        for query in variants(name):
            for method in METHODS:
                before = AuditEvent.objects.count()
                response = client.generic(method, url + query)
                found = carries_data(response)
                requests += 1
                carrying += bool(found)
                if found and AuditEvent.objects.count() == before:
                    leaks.append((method, query, getattr(reader, "email", "reporter"), found))
        client.logout()
    if os.environ.get("SIGNAAL_WALK_REPORT"):  # figures for the notes: requests, with data, leaks
        with open(os.environ["SIGNAAL_WALK_REPORT"], "a", encoding="utf-8") as report:
            report.write(f"{name}\t{requests}\t{carrying}\t{len(leaks)}\n")
    assert leaks == [], f"{url}: responses with personal data and no audit event: {leaks}"


# The screens that must show the case's data to their readers: if the walk found no data on
# them, the fixture or the markers are wrong and the walk above would pass on empty pages.
MUST_CARRY = {
    ("reports:detail", Role.REPORTING_POINT_STAFF): {"narrative", "person", "note"},
    ("reports:summary", Role.REPORTING_POINT_STAFF): {"narrative", "person"},
    ("reports:partner_detail", Role.PARTNER_CASE_WORKER): {"person"},
    ("privacy:person", Role.PRIVACY_OFFICER): {"person_phone"},
    ("privacy:reporter", Role.PRIVACY_OFFICER): {"reporter_email"},
    ("reports:my_report", Role.PROFESSIONAL): {"staff_message", "reporter_message"},
    ("reports:attachment", Role.REPORTING_POINT_STAFF): {"file"},
    ("reports:partner_attachment", Role.PARTNER_CASE_WORKER): {"file"},
    ("reports:mailbox", None): {"staff_message", "reporter_message"},
}


@pytest.mark.parametrize(("name", "role"), sorted(MUST_CARRY, key=str))
def test_the_walk_sees_the_data_where_it_is_shown(client, personas, login, case, name, role):
    if role is None:
        session = client.session
        session[access.MAILBOX_SESSION_KEY] = {"report": case["report"].pk, "language": "nl"}
        session.save()
    else:
        login(client, personas[role])
    entry = next(e for ns, _route, e in OWN_URLS if f"{ns}:{e.name}" == name)
    url = reverse(name, kwargs=url_args(name, entry, case))
    before = AuditEvent.objects.count()
    response = client.get(url)
    assert response.status_code == 200
    assert MUST_CARRY[(name, role)] <= carries_data(response)
    assert AuditEvent.objects.count() > before


def test_error_re_renders_of_the_case_screen_are_audited(client, personas, login, case):
    """The finding that started this: an empty note answers 400 with the whole case."""
    login(client, personas[Role.REPORTING_POINT_STAFF])
    url = reverse("reports:add_note", args=[case["report"].reference])
    before = AuditEvent.objects.filter(action="report.opened").count()
    response = client.post(url, {"note-body": ""})
    assert response.status_code == 400
    assert MARKERS["narrative"] in response.content.decode()
    event = AuditEvent.objects.filter(action="report.opened").order_by("-id").first()
    assert AuditEvent.objects.filter(action="report.opened").count() == before + 1
    assert event.details["method"] == "POST"
    assert event.details["view"] == "reports:add_note"


def test_the_walk_catches_an_unaudited_read(client, personas, login, case, monkeypatch):
    """Mutation: a fetch that forgets to audit must make the walk fail."""
    from reports import actions

    def unaudited(reference, *, actor, request=None, rule="reports.handle", queryset=None, **_):
        queryset = access.reports_for(actor) if queryset is None else queryset
        return access.get_for(actor, rule, queryset, reference=reference)

    monkeypatch.setattr(actions, "open_report", unaudited)
    entry = next(e for ns, _route, e in OWN_URLS if f"{ns}:{e.name}" == "reports:detail")
    with pytest.raises(AssertionError, match="no audit event"):
        test_every_response_with_personal_data_is_audited(
            client, personas, login, case, "reports", entry, "reports.handle"
        )
