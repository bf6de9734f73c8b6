"""The reporting point's day (issue 19): the start screen per role after login, the work list in
order of urgency with its filters folded, and feedback next to what was saved."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from reports import actions as report_actions
from reports import case_views
from reports.models import Author, LegalBasis, Message, Report, Status

from .conftest import make_report

pytestmark = pytest.mark.django_db


def _listed(client, references, **query):
    page = client.get(reverse("reports:inbox"), query).content.decode()
    found = [(page.find(f"/meldpunt/{ref}/"), ref) for ref in references]
    return [ref for position, ref in sorted(found) if position >= 0]


@pytest.fixture
def urgency_cases():
    """One report per tier, received in the opposite order of their urgency."""
    today = timezone.localdate()
    start = timezone.now() - timedelta(days=30)
    cases = {}
    for number, (name, fields, status, deadline) in enumerate(
        [
            ("acute", {"acute_danger": "yes"}, Status.TRIAGE, today + timedelta(days=5)),
            ("overdue", {}, Status.NEW, today - timedelta(days=2)),
            ("minor", {"age_group": "minor"}, Status.TRIAGE, today + timedelta(days=3)),
            ("open_late", {}, Status.HANDLING, today + timedelta(days=9)),
            ("open_soon", {}, Status.NEW, today + timedelta(days=1)),
            ("closed_old", {"acute_danger": "yes"}, Status.CLOSED, today - timedelta(days=20)),
            ("closed_new", {}, Status.CLOSED, today - timedelta(days=10)),
        ]
    ):
        report = make_report(**fields)
        Report.objects.filter(pk=report.pk).update(
            status=status,
            deadline=deadline,
            # Later in the list = received earlier, so "newest first" is the reverse.
            created_at=start + timedelta(days=number if "closed" not in name else 20 + number),
            minor_involved=name == "minor",
        )
        cases[name] = report.reference
    return cases


URGENT_ORDER = ["acute", "overdue", "minor", "open_soon", "open_late", "closed_new", "closed_old"]


def test_the_work_list_puts_the_most_urgent_first(client, personas, login, urgency_cases):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    expected = [urgency_cases[name] for name in URGENT_ORDER]
    assert _listed(client, expected) == expected
    # "Newest first" is still there, and is another order.
    newest = _listed(client, expected, sort="newest")
    assert newest[0] == urgency_cases["closed_new"] and newest != expected


@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_urgency_pages_follow_each_other_across_the_tiers(
    client, personas, login, urgency_cases, monkeypatch, size
):
    """Every page size cuts the tiers elsewhere; the pages together are the whole list once."""
    login(client, personas[Role.REPORTING_POINT_STAFF])
    monkeypatch.setattr(case_views, "PAGE_SIZE", size)
    expected = [urgency_cases[name] for name in URGENT_ORDER]
    pages = [_listed(client, expected, page=n) for n in range(1, -(-len(expected) // size) + 1)]
    assert [ref for page in pages for ref in page] == expected
    assert all(len(page) == size for page in pages[:-1])


def test_urgency_keeps_the_filters(client, personas, login, urgency_cases):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    everything = list(urgency_cases.values())
    assert _listed(client, everything, acute="on") == [
        urgency_cases["acute"],
        urgency_cases["closed_old"],
    ]
    assert _listed(client, everything, open="on") == [
        urgency_cases[name] for name in URGENT_ORDER[:5]
    ]


def test_the_unread_filter_finds_reports_with_new_messages(client, personas, login):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    answered, quiet = make_report(), make_report()
    Message.objects.create(
        report=answered, at=timezone.now(), author=Author.REPORTER, body="Nog iets"
    )
    found = _listed(client, [answered.reference, quiet.reference], unread="on")
    assert found == [answered.reference]


def test_filters_are_folded_until_one_is_used(client, personas, login):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    make_report()
    page = client.get(reverse("reports:inbox")).content.decode()
    assert '<details class="filter-more">' in page
    assert 'name="q"' in page.split('<details class="filter-more"')[0]
    assert 'name="status"' in page.split('<details class="filter-more"')[1]
    # No "(optional)" after every filter.
    assert "(niet verplicht)" not in page and "(optional)" not in page
    used = client.get(reverse("reports:inbox"), {"status": "new"}).content.decode()
    assert '<details class="filter-more" open>' in used
    searched = client.get(reverse("reports:inbox"), {"q": "MH"}).content.decode()
    assert '<details class="filter-more">' in searched


# --- the start screen ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("", "accounts:start"),
        ("/meldpunt/?status=new", None),
        ("https://evil.example/", "accounts:start"),
    ],
)
def test_login_leads_to_the_start_screen_or_a_safe_next(client, make_user, next_url, expected):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from conftest import PASSWORD, totp_code

    user = make_user(Role.REPORTING_POINT_STAFF)
    client.post(
        reverse("accounts:login"), {"email": user.email, "password": PASSWORD, "next": next_url}
    )
    device = TOTPDevice.objects.get(user=user)
    response = client.post(reverse("accounts:two_factor"), {"token": totp_code(device)})
    assert response["Location"] == (reverse(expected) if expected else next_url)


def test_the_reporting_point_sees_its_day(client, personas, login, urgency_cases):
    staff = personas[Role.REPORTING_POINT_STAFF]
    Report.objects.filter(reference=urgency_cases["open_soon"]).update(assigned_to=staff)
    Message.objects.create(
        report=Report.objects.get(reference=urgency_cases["minor"]),
        at=timezone.now(),
        author=Author.REPORTER,
        body="Antwoord",
    )
    login(client, staff)
    page = client.get(reverse("accounts:start")).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "1 open melding met acuut gevaar" in text  # the closed acute one does not count
    assert "1 melding over de termijn" in text
    assert "2 nieuwe meldingen" in text  # overdue and open_soon
    assert "1 melding met nieuwe berichten" in text
    assert "1 open melding aan jou toegewezen" in text
    assert 'href="/meldpunt/?acute=on&amp;open=on"' in page


def test_a_partner_sees_a_new_referral(client, personas, login, organisations):
    report = make_report()
    report_actions.refer(
        report,
        actor=personas[Role.REPORTING_POINT_STAFF],
        organisation=organisations["police"],
        legal_basis=LegalBasis.objects.first(),
        summary="Loods",
        persons=[],
        attachments=[],
    )
    login(client, personas[Role.PARTNER_CASE_WORKER])
    page = client.get(reverse("accounts:start")).content.decode()
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "1 nieuwe doorverwijzing" in text
    assert "0 lopende doorverwijzingen" in text


@pytest.mark.parametrize(
    ("role", "target"),
    [
        (Role.ANALYST, "monitor:dashboard"),
        (Role.EDITOR, "wagtailadmin_home"),
        (Role.PRIVACY_OFFICER, "privacy:dashboard"),
    ],
)
def test_single_purpose_roles_go_straight_to_their_screen(client, personas, login, role, target):
    login(client, personas[role])
    response = client.get(reverse("accounts:start"))
    assert response.status_code == 302
    assert response["Location"] == reverse(target)


def test_a_professional_gets_links_not_counts(client, personas, login):
    login(client, personas[Role.PROFESSIONAL])
    response = client.get(reverse("accounts:start"))
    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("reports:professional_report") in page
    assert "start-counts" not in page


# --- feedback where the eye is -------------------------------------------------------------


@pytest.mark.parametrize(
    ("view", "data", "section"),
    [
        ("reports:add_note", {"note-body": "Gebeld met de wijkagent"}, "notes"),
        ("reports:triage", {"triage-priority": "normal"}, "triage"),
        ("reports:add_person", {"person-role": "victim", "person-name": "Jan Jansen"}, "persons"),
    ],
)
def test_a_save_answers_inside_its_section_and_takes_the_focus(
    client, personas, login, view, data, section
):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    report = make_report()
    response = client.post(reverse(view, args=[report.reference]), data, follow=True)
    assert response.redirect_chain[-1][0].endswith(f"#{section}")
    page = response.content.decode()
    feedback = re.findall(r'<p class="message message-success section-feedback"[^>]*>', page)
    assert len(feedback) == 1 and "autofocus" in feedback[0] and "data-focus-here" in feedback[0]
    # Inside the section that was saved, right under its heading; not at the top of the page.
    heading = page.index(f'<h2 id="{section}">')
    next_heading = page.index("<h2", heading + 1)
    assert heading < page.index(feedback[0]) < next_heading
    top = page[page.index('<main id="main"') : page.index("<h1")]
    assert "message-success" not in top


def test_an_error_puts_the_focus_on_the_summary_that_links_to_the_field(client, personas, login):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    report = make_report()
    response = client.post(reverse("reports:add_note", args=[report.reference]), {"note-body": ""})
    assert response.status_code == 400
    page = response.content.decode()
    summary = re.search(r'<div class="error-summary"[^>]*>', page).group(0)
    assert "autofocus" in summary and 'tabindex="-1"' in summary
    assert 'href="#id_note-body"' in page
    assert 'src="/static/js/focus.js"' in page


def test_deadline_today_is_not_overdue(client, personas, login):
    """The overdue tier is 'before today', as Report.is_overdue says."""
    login(client, personas[Role.REPORTING_POINT_STAFF])
    due, late = make_report(), make_report()
    Report.objects.filter(pk=due.pk).update(deadline=timezone.localdate(), status=Status.NEW)
    Report.objects.filter(pk=late.pk).update(
        deadline=timezone.localdate() - timedelta(days=1), status=Status.NEW
    )
    assert not Report.objects.get(pk=due.pk).is_overdue
    assert _listed(client, [due.reference, late.reference]) == [late.reference, due.reference]


# --- queries that do not grow ----------------------------------------------------------------


def _queries(client, url, **query):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, query).status_code == 200
    return len(captured.captured_queries)


def test_the_urgent_work_list_reads_as_much_for_a_small_page_as_for_a_large_one(
    client, personas, login, urgency_cases, monkeypatch
):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    url = reverse("reports:inbox")
    _queries(client, url)
    monkeypatch.setattr(case_views, "PAGE_SIZE", 2)
    small = _queries(client, url)
    monkeypatch.setattr(case_views, "PAGE_SIZE", 5)
    large = _queries(client, url)
    assert small == large
    # A page across the open and the closed reports: one slice more, never one per row or tier.
    monkeypatch.setattr(case_views, "PAGE_SIZE", 50)
    assert _queries(client, url) == large + 1


def test_the_case_screen_reads_as_much_with_20_of_everything_as_with_1(
    client, personas, login, organisations
):
    from reports.models import Author, Message

    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, staff)

    def case(size):
        report = make_report(postcode="4321 ZZ", house_number=str(size))
        for n in range(size):
            report_actions.add_person(report, actor=staff, role="victim", name=f"Naam Nummer{n}")
            report_actions.add_note(report, f"Notitie {n}", actor=staff)
            Message.objects.create(
                report=report, at=timezone.now(), author=Author.REPORTER, body=f"Bericht {n}"
            )
            other = make_report(postcode="4321 ZZ", house_number=str(size))
            report_actions.link(report, other, actor=staff, reason="zelfde adres")
            report_actions.refer(
                report,
                actor=staff,
                organisation=organisations["police"],
                legal_basis=LegalBasis.objects.first(),
                summary=f"Samenvatting {n}",
                persons=[],
                attachments=[],
            )
        return reverse("reports:detail", args=[report.reference])

    one, twenty = case(1), case(20)
    _queries(client, one)
    _queries(client, twenty)
    assert _queries(client, one) == _queries(client, twenty)
