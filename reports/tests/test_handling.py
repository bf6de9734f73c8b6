import io
from datetime import date, datetime, timedelta
from unittest import mock
from zoneinfo import ZoneInfo

import pypdfium2
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role
from audit.models import AuditEvent
from reports import actions as report_actions
from reports import workflow
from reports.case_views import _suggestions
from reports.models import LegalBasis, Referral, Report, Status

from .conftest import jpeg_with_gps, make_report

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


# --- the status table ------------------------------------------------------------------------


@pytest.mark.parametrize("from_status", Status.values)
@pytest.mark.parametrize("to_status", Status.values)
def test_every_transition_allowed_or_refused(personas, from_status, to_status):
    report = make_report()
    Report.objects.filter(pk=report.pk).update(status=from_status)
    report.refresh_from_db()
    staff = personas[Role.REPORTING_POINT_STAFF]
    allowed = to_status in workflow.TRANSITIONS[from_status]
    if not allowed:
        with pytest.raises(ValidationError):
            report_actions.change_status(report, to_status, actor=staff, outcome="advice_given")
        assert Report.objects.get(pk=report.pk).status == from_status
        return
    report_actions.change_status(
        report, to_status, actor=staff, outcome="advice_given", reason="test"
    )
    assert Report.objects.get(pk=report.pk).status == to_status
    change = report.history.last()
    assert (change.from_status, change.to_status, change.actor) == (from_status, to_status, staff)
    assert AuditEvent.objects.filter(action="report.status_changed").count() == 1


def test_closing_needs_an_outcome(client, personas, login):
    report = make_report()
    staff = personas[Role.REPORTING_POINT_STAFF]
    with pytest.raises(ValidationError):
        report_actions.change_status(report, Status.CLOSED, actor=staff)
    login(client, staff)
    url = reverse("reports:change_status", args=[report.reference])
    response = client.post(url, {"status-to_status": "closed", "status-reason": "klaar"})
    assert response.status_code == 400 and 'value="klaar"' in response.content.decode()
    response = client.post(url, {"status-to_status": "closed", "status-outcome": "no_indication"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "closed" and report.outcome == "no_indication" and report.closed_at


# --- deadlines ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "days", "expected"),
    [
        (date(2026, 12, 24), 5, date(2027, 1, 4)),  # Christmas and New Year's Day
        (date(2026, 12, 24), 1, date(2026, 12, 28)),
        (date(2026, 4, 2), 1, date(2026, 4, 3)),  # Good Friday counts as a working day
        (date(2026, 4, 3), 1, date(2026, 4, 7)),  # Easter Monday
        (date(2026, 5, 4), 1, date(2026, 5, 6)),  # Liberation Day, every year
        (date(2026, 4, 24), 1, date(2026, 4, 28)),  # King's Day on Monday 27 April
        (date(2026, 5, 13), 1, date(2026, 5, 15)),  # Ascension Day
        (date(2026, 5, 22), 1, date(2026, 5, 26)),  # Whit Monday
    ],
)
def test_working_days_skip_dutch_public_holidays(received, days, expected):
    assert workflow.add_working_days(received, days) == expected


def test_minor_or_acute_danger_gives_high_priority_and_an_earlier_deadline():
    with mock.patch(
        "django.utils.timezone.now",
        return_value=datetime(2026, 12, 24, 10, tzinfo=AMSTERDAM),
    ):
        normal = make_report()
        minor = make_report(minor_involved=True)
        acute = make_report(acute_danger="yes")
    assert normal.priority == "normal" and normal.deadline == date(2027, 1, 4)
    assert minor.priority == acute.priority == "high"
    assert minor.deadline == date(2026, 12, 28)


# --- triage ----------------------------------------------------------------------------------


def test_triage_uses_the_catalogue_scoring_and_moves_a_new_report_into_triage(
    client, personas, login
):
    from indicators.models import Indicator

    codes = list(
        Indicator.objects.filter(active=True, forms__contains="|labour|").values_list(
            "code", flat=True
        )[:3]
    )
    report = make_report(indicator_codes="|" + "|".join(codes) + "|")
    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, staff)
    page = client.get(reverse("reports:detail", args=[report.reference])).content.decode()
    # the scoring's suggestion (the form names are always on the page, in the triage form)
    assert "<h4>Arbeidsuitbuiting: " in page
    response = client.post(
        reverse("reports:triage", args=[report.reference]),
        {
            "triage-primary_form": "labour",
            "triage-secondary_forms": ["criminal"],
            "triage-indicators": codes[:2],
            "triage-priority": "high",
            "triage-assigned_to": staff.pk,
        },
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "triage" and report.primary_form == "labour"
    assert report.other_forms == ["criminal"] and report.confirmed_indicators == sorted(codes[:2])
    assert report.assigned_to == staff and report.priority == "high"
    event = AuditEvent.objects.get(action="report.triaged")
    assert event.details["primary_form"] == "labour"


def test_triage_with_bad_input_keeps_the_rest(client, personas, login):
    report = make_report()
    login(client, personas[Role.REPORTING_POINT_STAFF])
    response = client.post(
        reverse("reports:triage", args=[report.reference]),
        {"triage-primary_form": "nonsense", "triage-priority": "high"},
    )
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert Report.objects.get(pk=report.pk).status == "new"


# --- linked reports ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Jan de Vries", "jan  DE vries"),
        ("Jan de Vries", "Jàn de Vries"),
        ("Jan de Vries", "Vries, Jan de"),
        ("Piet Janssen", "Piet Jansen"),
        ("Mohammed El Amrani", "Mohamed el-Amrani"),
        ("Marek Kowalczyk", "Marek Kowalcyk"),
    ],
)
def test_person_names_match_across_spelling_variants(first, second):
    assert workflow.name_key(first) == workflow.name_key(second) != ""


def test_different_people_do_not_match():
    assert workflow.name_key("Jan de Vries") != workflow.name_key("Jan de Boer")
    assert workflow.name_key("Jan") == ""  # one word is too little to link on


@pytest.mark.parametrize(
    "number", ["06-12345678", "+31 6 1234 5678", "0031612345678", "0612345678"]
)
def test_phone_numbers_match_in_every_notation(number):
    assert workflow.phone_key(number) == "0612345678"


def test_suggestions_and_the_pattern_line(client, personas, login):
    staff = personas[Role.REPORTING_POINT_STAFF]
    first = make_report(postcode="3511 AB", house_number="12", company_name="Bouw B.V.")
    second = make_report(postcode="3511ab", house_number="12 ", exploiters="bel 06-12345678")
    third = make_report(company_name="bouw bv", kvk_number="12345678")
    fourth = make_report(exploiters="Zijn nummer is +31 6 1234 5678")
    report_actions.add_person(fourth, actor=staff, role="suspect", name="Jan de Vries", phone="")
    fifth = make_report()
    report_actions.add_person(fifth, actor=staff, role="suspect", name="J. de  VRIES jan", phone="")
    lines = {line["kind"]: line for line in _suggestions(first)}
    assert [r.pk for r in lines["address"]["reports"]] == [second.pk]
    assert [r.pk for r in lines["company"]["reports"]] == [third.pk]
    assert "2" in lines["address"]["pattern"]
    by_kind = {line["kind"]: line for line in _suggestions(second)}
    assert [r.pk for r in by_kind["phone"]["reports"]] == [fourth.pk]
    by_kind = {line["kind"]: line for line in _suggestions(fourth)}
    assert [r.pk for r in by_kind["person"]["reports"]] == [fifth.pk]
    login(client, staff)
    response = client.post(
        reverse("reports:link", args=[first.reference]),
        {"link-reference": second.reference, "link-reason": "zelfde adres"},
    )
    assert response.status_code == 302
    page = client.get(reverse("reports:detail", args=[second.reference])).content.decode()
    assert first.reference in page
    assert AuditEvent.objects.filter(action="report.linked").count() == 2
    client.post(reverse("reports:unlink", args=[first.reference, second.reference]))
    assert AuditEvent.objects.filter(action="report.unlinked").count() == 2
    response = client.post(
        reverse("reports:link", args=[first.reference]), {"link-reference": "MH-1999-000001"}
    )
    assert response.status_code == 400


# --- referrals and the access matrix -------------------------------------------------------------


@pytest.fixture
def referred(personas, organisations, django_capture_on_commit_callbacks):
    staff = personas[Role.REPORTING_POINT_STAFF]
    report = make_report(reporter_type="citizen", reporter_name="Anna Melder")
    person = report_actions.add_person(
        report, actor=staff, role="victim", name="Olga Nowak", phone="0611111111"
    )
    from reports.actions import add_attachment

    add_attachment(report, SimpleUploadedFile("f.jpg", jpeg_with_gps(), "image/jpeg"))
    report_actions.add_note(report, "Interne twijfel over de melder", actor=staff)
    with django_capture_on_commit_callbacks(execute=True):
        referral = report_actions.refer(
            report,
            actor=staff,
            organisation=organisations["police"],
            legal_basis=LegalBasis.objects.first(),
            summary="Mogelijke arbeidsuitbuiting, loods Kanaalweg",
            persons=[person.pk],
            attachments=list(report.attachments.values_list("pk", flat=True)),
        )
    return referral


def partner_get(client, url):
    return client.get(url)


def test_the_partner_sees_only_what_was_shared_and_only_while_active(
    client, personas, login, make_user, referred, mailoutbox
):
    report = referred.report
    assert Report.objects.get(pk=report.pk).status == "referred"
    partner = personas[Role.PARTNER_CASE_WORKER]
    assert partner.email in mailoutbox[-1].to and "Olga" not in mailoutbox[-1].body
    detail = reverse("reports:partner_detail", args=[referred.pk])
    attachment = reverse(
        "reports:partner_attachment", args=[referred.pk, report.attachments.get().pk]
    )
    login(client, partner)
    page = client.get(detail).content.decode()
    assert "Mogelijke arbeidsuitbuiting" in page
    assert "Olga Nowak" not in page and "Anna Melder" not in page and "Interne twijfel" not in page
    assert client.get(attachment).status_code == 404  # not before acceptance
    # One read of the referral's page; the refused attempt on the attachment is a read too.
    assert (
        AuditEvent.objects.filter(action="referral.viewed", details__what="referral").count() == 1
    )
    # The reporting point's own screens stay closed to the partner.
    assert client.get(reverse("reports:detail", args=[report.reference])).status_code == 403
    client.post(reverse("reports:partner_answer", args=[referred.pk, "accept"]))
    page = client.get(detail).content.decode()
    assert "Olga Nowak" in page and "Anna Melder" not in page and "Interne twijfel" not in page
    assert client.get(attachment).status_code == 200
    assert AuditEvent.objects.filter(action="referral.attachment_downloaded").count() == 1
    # A case worker of another partner sees nothing.
    other = make_user(Role.PARTNER_CASE_WORKER, organisation="riec", email="ander@test.example")
    login(client, other)
    assert client.get(detail).status_code == 404
    assert client.get(attachment).status_code == 404
    # Analysts and editors are refused.
    for role in (Role.ANALYST, Role.EDITOR, Role.PROFESSIONAL):
        login(client, personas[role])
        assert client.get(detail).status_code == 403
    # After completion the partner's access ends.
    login(client, partner)
    response = client.post(
        reverse("reports:partner_answer", args=[referred.pk, "complete"]),
        {"outcome-outcome": "Aangifte opgenomen, onderzoek gestart."},
    )
    assert response.status_code == 302
    assert client.get(detail).status_code == 404
    assert client.get(attachment).status_code == 404
    referred.refresh_from_db()
    assert referred.state == "completed" and "Aangifte" in referred.outcome


def test_revoked_referrals_close_at_once(client, personas, login, referred):
    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, staff)
    response = client.post(
        reverse("reports:revoke_referral", args=[referred.report.reference, referred.pk]),
        {"reason": "Verkeerde partner"},
    )
    assert response.status_code == 302
    login(client, personas[Role.PARTNER_CASE_WORKER])
    assert client.get(reverse("reports:partner_detail", args=[referred.pk])).status_code == 404
    assert client.get(reverse("reports:partner_list")).content.decode().count("MH-") == 0


def test_anonymous_is_sent_to_login_for_partner_pages(client, referred):
    response = client.get(reverse("reports:partner_detail", args=[referred.pk]))
    assert response.status_code == 302 and "/account/inloggen/" in response["Location"]


def test_declining_needs_a_reason(client, personas, login, referred):
    login(client, personas[Role.PARTNER_CASE_WORKER])
    url = reverse("reports:partner_answer", args=[referred.pk, "decline"])
    assert client.post(url, {"decline-reason": ""}).status_code == 400
    assert client.post(url, {"decline-reason": "Geen capaciteit"}).status_code == 302
    referred.refresh_from_db()
    assert referred.state == "declined" and referred.decline_reason == "Geen capaciteit"


def test_contact_details_only_with_a_reason(personas, organisations):
    report = make_report(reporter_type="citizen", reporter_phone="0612345678")
    with pytest.raises(ValidationError):
        report_actions.refer(
            report,
            actor=personas[Role.REPORTING_POINT_STAFF],
            organisation=organisations["police"],
            legal_basis=LegalBasis.objects.first(),
            summary="x",
            share_contact=True,
        )
    assert not Referral.objects.exists()


def test_a_reminder_when_a_referral_is_not_accepted(
    referred, mailoutbox, django_capture_on_commit_callbacks
):
    sent = timezone.localtime(referred.sent_at)
    with django_capture_on_commit_callbacks(execute=True):
        assert report_actions.send_referral_reminders(now=sent + timedelta(hours=2)) == 0
        later = sent + timedelta(days=7)
        assert report_actions.send_referral_reminders(now=later) == 1
        assert report_actions.send_referral_reminders(now=later) == 0  # once
    assert mailoutbox[-1].subject == "Herinnering: een doorverwijzing wacht op antwoord"


def test_case_summary_pdf_holds_only_what_the_reader_may_see(client, personas, login, referred):
    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, staff)
    response = client.get(
        reverse("reports:summary", args=[referred.report.reference]) + "?format=pdf"
    )
    text = " ".join(pdf_text(response.content).split())
    assert text.startswith(f"Casusoverzicht {referred.report.reference} Vertrouwelijk.")
    assert "Minderjarige betrokken: Nee" in text and "Olga Nowak" in text
    assert "Interne twijfel" not in text and "Anna Melder" not in text
    login(client, personas[Role.PARTNER_CASE_WORKER])
    text = pdf_text(client.get(reverse("reports:partner_summary_pdf", args=[referred.pk])).content)
    assert "Mogelijke arbeidsuitbuiting" in text and "Olga Nowak" not in text
    assert "Grondslag: AVG art. 6 lid 1 sub a – toestemming" in " ".join(text.split())  # en dash


def pdf_text(data):
    document = pypdfium2.PdfDocument(io.BytesIO(data))
    return "\n".join(page.get_textpage().get_text_range() for page in document)


# --- work lists --------------------------------------------------------------------------------


def test_work_list_filters_and_search(client, personas, login):
    staff = personas[Role.REPORTING_POINT_STAFF]
    mine = make_report(kvk_number="87654321", company_name="Schoon & Snel B.V.")
    other = make_report()
    report_actions.save_triage(
        mine,
        actor=staff,
        primary_form="labour",
        secondary_forms=[],
        indicator_codes=[],
        priority="normal",
        assigned_to=staff,
    )
    Report.objects.filter(pk=other.pk).update(deadline=date(2020, 1, 1))
    login(client, staff)

    def listed(**query):
        page = client.get(reverse("reports:inbox"), query).content.decode()
        return {ref for ref in (mine.reference, other.reference) if f"/meldpunt/{ref}/" in page}

    assert listed(assigned="me") == {mine.reference}
    assert listed(overdue="on") == {other.reference}
    assert listed(primary_form="none") == {other.reference}
    assert listed(primary_form="labour") == {mine.reference}
    assert listed(q="87654321") == {mine.reference}
    assert listed(q="schoon en snel bv") == set()  # exact after normalisation only
    assert listed(q="Schoon & Snel BV") == {mine.reference}
    assert listed(q=other.reference.lower()) == {other.reference}


def test_work_list_queries_do_not_grow_with_the_page(client, personas, login):
    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, staff)
    make_report()
    client.get(reverse("reports:inbox"))  # the per-process catalogue cache filled
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("reports:inbox"))
    for _ in range(6):
        report = make_report()
        report_actions.save_triage(
            report,
            actor=staff,
            primary_form="sexual",
            secondary_forms=[],
            indicator_codes=[],
            priority="high",
            assigned_to=staff,
        )
    with CaptureQueriesContext(connection) as seven:
        client.get(reverse("reports:inbox"))
    assert len(seven.captured_queries) == len(one.captured_queries)


def test_work_list_pages_keep_their_order(client, personas, login, monkeypatch):
    """The page's ids come first, then its rows: the rows keep the order of the ids."""
    from reports import case_views

    login(client, personas[Role.REPORTING_POINT_STAFF])
    reports = [make_report() for _ in range(7)]
    start = timezone.now() - timedelta(days=10)
    for number, report in enumerate(reports):
        # Received in this order; deadlines in the opposite order.
        Report.objects.filter(pk=report.pk).update(
            created_at=start + timedelta(hours=number),
            deadline=date(2030, 1, 1) - timedelta(days=number),
        )
    monkeypatch.setattr(case_views, "PAGE_SIZE", 3)
    references = [r.reference for r in reports]

    def listed(**query):
        page = client.get(reverse("reports:inbox"), query).content.decode()
        found = [(page.find(f"/meldpunt/{ref}/"), ref) for ref in references]
        return [ref for position, ref in sorted(found) if position >= 0]

    newest_first = references[::-1]
    assert listed() == newest_first[:3]
    assert listed(page=2) == newest_first[3:6]
    assert listed(page=3) == newest_first[6:]
    assert listed(sort="deadline", page=1) == newest_first[:3]
    assert listed(sort="deadline", page=3, status="new") == newest_first[6:]


def test_case_screen_queries_do_not_grow_with_its_content(client, personas, login, organisations):
    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, staff)
    report = make_report(postcode="1234 AB", house_number="1")
    url = reverse("reports:detail", args=[report.reference])
    client.get(url)
    with CaptureQueriesContext(connection) as before:
        client.get(url)
    for index in range(4):
        report_actions.add_person(report, actor=staff, role="victim", name=f"Persoon Nummer{index}")
        report_actions.add_note(report, f"Notitie {index}", actor=staff)
        make_report(postcode="1234AB", house_number="1")
        report_actions.refer(
            report,
            actor=staff,
            organisation=organisations["police"],
            legal_basis=LegalBasis.objects.first(),
            summary="s",
        )
    with CaptureQueriesContext(connection) as after:
        client.get(url)
    assert len(after.captured_queries) == len(before.captured_queries)


def test_case_screen_reads_each_part_once_and_the_timeline_shows_it(
    client, personas, login, organisations
):
    """Notes, messages, attachments, referrals and links are read once for their own part of the
    screen and the timeline; the timeline shows every event with its local date."""
    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, staff)
    report = make_report(postcode="1234 AB", house_number="1")
    other = make_report()
    report_actions.add_note(report, "Notitie", actor=staff)
    report_actions.link(report, other, actor=staff, reason="zelfde adres")
    report_actions.refer(
        report,
        actor=staff,
        organisation=organisations["police"],
        legal_basis=LegalBasis.objects.first(),
        summary="s",
    )
    note = report.notes.get()
    url = reverse("reports:detail", args=[report.reference])
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        page = client.get(url).content.decode()
    selects = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")]
    for table in (
        "reports_note",
        "reports_message",
        "reports_attachment",
        "reports_referral",
        "reports_reportlink",
        "indicators_premisestype",
    ):
        assert sum(f'FROM "{table}"' in sql for sql in selects) == 1, table
    timeline = page[page.index('<ol class="timeline">') :]
    with translation.override("nl"):
        stamp = Template(
            """<time datetime="{{ at|date:'c' }}">{{ at|local_datetime:"short" }}</time>"""
        ).render(Context({"at": note.at}))
    assert stamp in timeline
    for entry in [
        "Interne notitie toegevoegd",
        f"Gekoppeld aan {other.reference}",
        "Doorverwezen naar",
    ]:
        assert entry in timeline


# --- the access matrix -------------------------------------------------------------------------

STATES = ["sent", "accepted", "completed", "declined", "revoked"]


def _set_state(referral, state):
    Referral.objects.filter(pk=referral.pk).update(state=state)


@pytest.mark.parametrize("state", STATES)
def test_access_matrix(client, personas, login, make_user, referred, state):
    _set_state(referred, state)
    report = referred.report
    item = report.attachments.get()
    staff_urls = [
        reverse("reports:detail", args=[report.reference]),
        reverse("reports:attachment", args=[report.reference, item.pk]),
        reverse("reports:summary", args=[report.reference]),
    ]
    partner_urls = {
        "detail": reverse("reports:partner_detail", args=[referred.pk]),
        "attachment": reverse("reports:partner_attachment", args=[referred.pk, item.pk]),
        "pdf": reverse("reports:partner_summary_pdf", args=[referred.pk]),
    }
    active = state in ("sent", "accepted")
    expected_partner = {
        "detail": 200 if active else 404,
        "pdf": 200 if active else 404,
        "attachment": 200 if state == "accepted" else 404,
    }
    other_partner = make_user(Role.PARTNER_CASE_WORKER, organisation="riec", email="x@test.example")
    users = {
        "staff": personas[Role.REPORTING_POINT_STAFF],
        "partner": personas[Role.PARTNER_CASE_WORKER],
        "other_partner": other_partner,
        "analyst": personas[Role.ANALYST],
        "editor": personas[Role.EDITOR],
        "privacy_officer": personas[Role.PRIVACY_OFFICER],
    }
    for name, user in users.items():
        login(client, user)
        for url in staff_urls:
            status = client.get(url).status_code
            assert status == (200 if name == "staff" else 403), (name, url, status)
        for part, url in partner_urls.items():
            before = AuditEvent.objects.filter(action__startswith="referral.viewed").count()
            before_files = AuditEvent.objects.filter(
                action="referral.attachment_downloaded"
            ).count()
            status = client.get(url).status_code
            if name == "partner":
                assert status == expected_partner[part], (state, part, status)
            elif name == "other_partner":
                assert status == 404, (state, part, status)
            else:
                assert status == 403, (name, part, status)
            if status == 200:
                read = AuditEvent.objects.filter(action__startswith="referral.viewed").count()
                files = AuditEvent.objects.filter(action="referral.attachment_downloaded").count()
                assert (read - before) + (files - before_files) == 1, (part, "not audited")
        client.logout()
    for url in staff_urls + list(partner_urls.values()):
        response = client.get(url)
        assert response.status_code == 302 and "/account/inloggen/" in response["Location"]
