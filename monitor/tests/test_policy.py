"""The municipal policy monitor: the share per quarter from a known history, the quarter filter,
the CSV export, the record form (validation, only changed topics, audit) and who may do what."""

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from monitor import actions, policy
from monitor.models import PolicyState, PolicyStatus, PolicyTopic
from monitor.policy import Overview, Quarter, Share
from regions.models import Municipality

IN_PLACE = PolicyState.IN_PLACE
IN_PROGRESS = PolicyState.IN_PROGRESS
NOT_STARTED = PolicyState.NOT_STARTED
POLICY = PolicyTopic.POLICY
OVERVIEW = reverse("monitor:policy_overview")
EXPORT = reverse("monitor:policy_export")


def municipality_url(code="GM0344"):
    return reverse("monitor:policy_municipality", args=[code])


def record_url(code="GM0344"):
    return reverse("monitor:policy_record", args=[code])


def at(day, hour=12):
    return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))


@pytest.fixture
def keeper(personas):
    """The analyst persona works at the RIEC: may keep the policy monitor."""
    return personas[Role.ANALYST]


@pytest.fixture
def status(keeper):
    def make(code, state, as_of, *, topic=POLICY, recorded=None, note=""):
        return PolicyStatus.objects.create(
            municipality=Municipality.objects.get(code=code),
            topic=topic,
            state=state,
            as_of=as_of,
            note=note,
            recorded_at=recorded or at(as_of),
            recorded_by=keeper,
        )

    return make


@pytest.fixture
def analyst_client(client, login, keeper):
    return login(client, keeper)


def region_codes():
    return [m.code for m in policy.region_municipalities()]


def others():
    """Municipalities of the region other than Utrecht and Amersfoort."""
    return [code for code in region_codes() if code not in ("GM0344", "GM0307")]


# --- quarters and shares ---------------------------------------------------------------------


def test_quarters():
    q = Quarter(2026, 1)
    assert (q.first_day, q.last_day) == (date(2026, 1, 1), date(2026, 3, 31))
    assert q.previous() == Quarter(2025, 4)
    assert Quarter(2025, 4).next() == q
    assert Quarter(2025, 4).last_day == date(2025, 12, 31)
    assert Quarter.of(date(2026, 8, 15)) == Quarter(2026, 3)
    assert Quarter.parse("2026-3") == Quarter(2026, 3)
    assert Quarter(2026, 3).back(3) == [Quarter(2026, 1), Quarter(2026, 2), Quarter(2026, 3)]
    for bad in ("2026-5", "2026-0", "2026", "x-1", "2026-1-1", ""):
        with pytest.raises(ValueError):
            Quarter.parse(bad)


def test_percent_is_rounded_half_up():
    assert Share(16, 26).percent == 62
    assert Share(1, 8).percent == 13
    assert Share(0, 38).percent == 0
    assert Share(0, 0).percent is None


def test_share_with_policy_in_place_per_quarter(db, status):
    x, y, z, w = others()[:4]
    # Utrecht: in progress, then in place in the first quarter of 2026.
    status("GM0344", IN_PROGRESS, date(2025, 11, 10))
    status("GM0344", IN_PLACE, date(2026, 2, 1))
    status("GM0307", IN_PLACE, date(2026, 5, 20))
    # X: in place from June, and later someone recorded that it was in progress since January.
    status(x, IN_PLACE, date(2026, 6, 1))
    status(x, IN_PROGRESS, date(2026, 1, 15), recorded=at(date(2026, 8, 1)))
    # Y: recorded in August that it was in place since October 2025.
    status(y, IN_PLACE, date(2025, 10, 5), recorded=at(date(2026, 8, 10)))
    # Z: two rows with the same date; the one recorded last counts.
    status(z, IN_PLACE, date(2026, 4, 1), recorded=at(date(2026, 4, 2)))
    status(z, NOT_STARTED, date(2026, 4, 1), recorded=at(date(2026, 4, 10)))
    # Not counted: another topic, a date after "today", a municipality of another region.
    status(w, IN_PLACE, date(2025, 1, 1), topic=PolicyTopic.SIGNALLING)
    status(w, IN_PLACE, date(2026, 9, 1))
    status("GM0363", IN_PLACE, date(2025, 1, 1))

    overview = Overview(today=date(2026, 8, 15))
    total = len(region_codes())
    assert total == 38

    def share(year, number):
        return overview.share_in_place(POLICY, overview.day_of(Quarter(year, number)))

    assert share(2025, 3) == Share(0, total)
    assert share(2025, 4) == Share(1, total)  # Y
    assert share(2026, 1) == Share(2, total)  # Y, Utrecht (X was in progress)
    assert share(2026, 2) == Share(4, total)  # Y, Utrecht, Amersfoort, X (not Z)
    assert share(2026, 3) == Share(4, total)  # W's row of September does not count yet
    assert overview.day_of(Quarter(2026, 3)) == date(2026, 8, 15)
    assert overview.share_in_place(PolicyTopic.SIGNALLING, date(2025, 3, 31)) == Share(1, total)
    assert overview.entry(
        Municipality.objects.get(code=x).pk, POLICY, date(2026, 3, 31)
    ) == policy.Entry(IN_PROGRESS, date(2026, 1, 15))
    states = overview.states(POLICY, date(2026, 6, 30))
    assert (states[IN_PLACE], states[NOT_STARTED], states[None]) == (4, 1, total - 5)


def test_quarters_to_choose_reach_back_to_the_first_status(db, status):
    status("GM0344", IN_PLACE, date(2023, 5, 1))
    quarters = Overview(today=date(2026, 8, 15)).quarters()
    assert quarters[0] == Quarter(2026, 3)
    assert quarters[-1] == Quarter(2023, 2)
    assert len(Overview(today=date(2030, 1, 1)).quarters()) == 28
    PolicyStatus.objects.all().delete()
    assert len(Overview(today=date(2026, 8, 15)).quarters()) == 8


# --- the overview page -----------------------------------------------------------------------


def test_overview_shows_the_share_and_the_states(analyst_client, status):
    today = timezone.localdate()
    current = Quarter.of(today)
    earlier = current.previous().previous()
    status("GM0344", IN_PROGRESS, earlier.first_day)
    status("GM0344", IN_PLACE, today, note="Vastgesteld")
    status("GM0307", IN_PLACE, earlier.last_day)

    response = analyst_client.get(OVERVIEW)
    assert response.status_code == 200
    context = response.context
    assert context["quarter"] == current
    assert context["day"] == today
    assert context["share"] == Share(2, 38)
    assert [q for q, _share in context["series"]] == current.back(8)
    assert context["series"][-1][1] == Share(2, 38)
    assert context["series"][-3][1] == Share(1, 38)  # the earlier quarter: only Amersfoort
    rows = {m.code: entries for m, entries in context["rows"]}
    assert rows["GM0344"][policy.TOPICS.index(POLICY)] == policy.Entry(IN_PLACE, today)
    assert rows["GM0344"][0] is None
    policy_topic = next(t for t in context["topics"] if t["topic"] == POLICY)
    assert policy_topic["in_place"] == Share(2, 38)
    assert policy_topic["not_recorded"] == 36
    content = response.content.decode()
    assert 'role="img"' in content
    assert '<title id="chart-title">' in content
    assert "5%" in content  # 2 of 38
    assert "Utrecht" in content
    assert response["Content-Security-Policy"]  # the chart needs no inline script or style
    assert "<script>" not in content and "style=" not in content


def test_overview_as_of_an_earlier_quarter(analyst_client, status):
    today = timezone.localdate()
    earlier = Quarter.of(today).previous().previous()
    status("GM0344", IN_PROGRESS, earlier.first_day)
    status("GM0344", IN_PLACE, today)

    response = analyst_client.get(OVERVIEW, {"quarter": earlier.key})
    assert response.status_code == 200
    assert response.context["quarter"] == earlier
    assert response.context["day"] == earlier.last_day
    assert not response.context["running"]
    rows = {m.code: entries for m, entries in response.context["rows"]}
    assert rows["GM0344"][policy.TOPICS.index(POLICY)].state == IN_PROGRESS
    assert response.context["share"] == Share(0, 38)


def test_an_older_quarter_is_added_to_the_series(analyst_client, status):
    old = Quarter.of(timezone.localdate()).back(12)[0]
    status("GM0344", IN_PLACE, old.first_day)
    response = analyst_client.get(OVERVIEW, {"quarter": old.key})
    series = response.context["series"]
    assert len(series) == 9
    assert series[0] == (old, Share(1, 38))


def test_an_unknown_quarter_is_an_error_next_to_the_field(analyst_client):
    response = analyst_client.get(OVERVIEW, {"quarter": "2026-9"})
    assert response.status_code == 400
    assert response.context["form"].has_error("quarter", "invalid_choice")
    assert response.context["quarter"] == Quarter.of(timezone.localdate())
    assert 'class="error-summary"' in response.content.decode()
    assert analyst_client.get(EXPORT, {"quarter": "nonsense"}).status_code == 400
    assert analyst_client.get(OVERVIEW, {"utm_source": "mail"}).status_code == 200


def test_overview_queries_do_not_grow_with_the_municipalities(analyst_client, status):
    today = timezone.localdate()
    status("GM0344", IN_PLACE, today)
    analyst_client.get(OVERVIEW)  # the session and the user are cached from here on
    with CaptureQueriesContext(connection) as few:
        assert analyst_client.get(OVERVIEW).status_code == 200
    with CaptureQueriesContext(connection) as few_export:
        assert analyst_client.get(EXPORT).status_code == 200
    for code in region_codes():
        for topic in policy.TOPICS:
            status(code, IN_PROGRESS, today - timedelta(days=100), topic=topic)
            status(code, IN_PLACE, today - timedelta(days=10), topic=topic)
    with CaptureQueriesContext(connection) as many:
        assert analyst_client.get(OVERVIEW).status_code == 200
    assert len(many) == len(few)
    tables = ('FROM "regions_municipality"', 'FROM "monitor_policystatus"')
    own = [q["sql"] for q in many if any(table in q["sql"] for table in tables)]
    assert len(own) == 2  # the municipalities and their statuses
    with CaptureQueriesContext(connection) as export:
        assert analyst_client.get(EXPORT).status_code == 200
    assert len(export) == len(few_export)


def test_export_csv(analyst_client, status):
    today = timezone.localdate()
    status("GM0344", IN_PLACE, today)
    response = analyst_client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(lines) == 1 + 38
    assert len(lines[0]) == 2 + 2 * len(policy.TOPICS)
    utrecht = next(line for line in lines if line[1] == "GM0344")
    column = 2 + 2 * policy.TOPICS.index(POLICY)
    assert utrecht[0] == "Utrecht"
    assert utrecht[column : column + 2] == [str(IN_PLACE.label), today.isoformat()]
    assert utrecht[2:4] == ["", ""]


# --- the municipality page -------------------------------------------------------------------


def test_municipality_page_shows_the_current_state_and_history(analyst_client, status):
    today = timezone.localdate()
    status("GM0344", IN_PROGRESS, today - timedelta(days=200), note="Werkgroep")
    status("GM0344", IN_PLACE, today - timedelta(days=20), note="Vastgesteld")
    status("GM0344", NOT_STARTED, today - timedelta(days=100), topic=PolicyTopic.SHELTER)
    response = analyst_client.get(municipality_url())
    assert response.status_code == 200
    history = list(response.context["history"])
    assert [s.as_of for s in history] == sorted((s.as_of for s in history), reverse=True)
    assert [s.note for s in history] == ["Vastgesteld", "", "Werkgroep"]
    current = dict(response.context["groups"][0][1])
    assert current[POLICY].state == IN_PLACE
    assert current[PolicyTopic.SIGNALLING] is None
    content = response.content.decode()
    assert "Werkgroep" in content and "Persona analyst" in content
    assert record_url() in content  # the RIEC analyst may update it


@pytest.mark.parametrize("code", ["GM9999", "GM0363", "gm0344"])
def test_unknown_municipality_or_another_region_is_404(analyst_client, code):
    assert analyst_client.get(municipality_url(code)).status_code == 404
    assert analyst_client.get(record_url(code)).status_code == 404
    assert analyst_client.post(record_url(code), {}).status_code == 404


# --- the record form -------------------------------------------------------------------------


def unchanged(current=None):
    """The record form as shown: the current states, today, no notes."""
    today = timezone.localdate().isoformat()
    current = current or {}
    data = {}
    for topic in policy.TOPICS:
        data[f"{topic}-state"] = current.get(topic, "")
        data[f"{topic}-as_of"] = today
        data[f"initial-{topic}-as_of"] = today
        data[f"{topic}-note"] = ""
    return data


def test_record_form_shows_every_topic(analyst_client, status):
    status("GM0344", IN_PROGRESS, date(2026, 1, 5))
    response = analyst_client.get(record_url())
    assert response.status_code == 200
    forms = response.context["forms"]
    assert [form.topic for form in forms] == policy.TOPICS
    by_topic = {form.topic: form for form in forms}
    assert by_topic[POLICY]["state"].value() == IN_PROGRESS
    assert by_topic[POLICY]["as_of"].value() == timezone.localdate()
    assert by_topic[POLICY].fields["state"].required  # a state cannot be taken back
    assert not by_topic[PolicyTopic.SIGNALLING].fields["state"].required
    assert by_topic[PolicyTopic.SIGNALLING]["state"].value() == ""
    content = response.content.decode()
    assert 'type="date"' in content and 'name="policy-state"' in content


def test_only_changed_topics_are_recorded_with_an_audit_event(analyst_client, keeper, status):
    status("GM0344", IN_PROGRESS, date(2026, 1, 5))
    status("GM0344", IN_PLACE, date(2026, 1, 5), topic=PolicyTopic.SIGNALLING)
    data = unchanged({POLICY: IN_PROGRESS, PolicyTopic.SIGNALLING: IN_PLACE})
    yesterday = timezone.localdate() - timedelta(days=1)
    data["policy-state"] = IN_PLACE
    data["policy-as_of"] = yesterday.isoformat()
    data["policy-note"] = "Vastgesteld door de raad."
    data["shelter-state"] = IN_PROGRESS
    data["kader_awareness-note"] = "Campagne gepland."  # a note alone: the same state, with a note
    data["kader_awareness-state"] = NOT_STARTED
    before = AuditEvent.objects.filter(action="monitor.policy_recorded").count()

    response = analyst_client.post(record_url(), data)
    assert response.status_code == 302
    assert response["Location"] == municipality_url()
    new = PolicyStatus.objects.filter(recorded_by=keeper).exclude(as_of=date(2026, 1, 5))
    assert {(s.topic, s.state) for s in new} == {
        (POLICY, IN_PLACE),
        (PolicyTopic.SHELTER, IN_PROGRESS),
        (PolicyTopic.KADER_AWARENESS, NOT_STARTED),
    }
    recorded = new.get(topic=POLICY)
    assert (recorded.as_of, recorded.note) == (yesterday, "Vastgesteld door de raad.")
    assert PolicyStatus.objects.filter(topic=PolicyTopic.SIGNALLING).count() == 1
    events = AuditEvent.objects.filter(action="monitor.policy_recorded").order_by("pk")
    assert events.count() == before + 3
    event = events.get(object_id=str(recorded.pk))
    assert event.actor == keeper
    assert event.object_type == "monitor.policystatus"
    assert event.details["previous_state"] == IN_PROGRESS
    assert event.details["state"] == IN_PLACE
    assert event.details["municipality"] == "GM0344"

    follow = analyst_client.get(municipality_url())
    assert [str(m) for m in follow.context["messages"]]


def test_nothing_changed_records_nothing(analyst_client):
    response = analyst_client.post(record_url(), unchanged())
    assert response.status_code == 302
    assert not PolicyStatus.objects.exists()
    assert not AuditEvent.objects.filter(action="monitor.policy_recorded").exists()


def test_a_future_date_is_refused_and_the_input_kept(analyst_client):
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    data = unchanged()
    data["policy-state"] = IN_PLACE
    data["policy-as_of"] = tomorrow
    data["policy-note"] = "Wordt morgen vastgesteld."
    data["shelter-state"] = IN_PROGRESS  # valid, but nothing is saved while another has errors
    response = analyst_client.post(record_url(), data)
    assert response.status_code == 400
    forms = {form.topic: form for form in response.context["forms"]}
    assert forms[POLICY].has_error("as_of", "future")
    assert not forms[PolicyTopic.SHELTER].errors
    content = response.content.decode()
    assert f'value="{tomorrow}"' in content
    assert "Wordt morgen vastgesteld." in content
    assert 'href="#id_policy-as_of"' in content  # in the error summary
    assert 'class="field field-error"' in content
    assert not PolicyStatus.objects.exists()


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("state", "bogus", "invalid_choice"),
        ("as_of", "31-02-2026", "invalid"),
        ("as_of", "", "required"),
        ("as_of", "1999-12-31", "too_early"),
        ("note", "x" * 2001, "max_length"),
    ],
)
def test_bad_input_is_an_error_next_to_the_field(analyst_client, field, value, code):
    data = unchanged()
    data["policy-state"] = IN_PLACE
    data[f"policy-{field}"] = value
    response = analyst_client.post(record_url(), data)
    assert response.status_code == 400
    form = next(form for form in response.context["forms"] if form.topic == POLICY)
    assert form.has_error(field, code)
    assert not PolicyStatus.objects.exists()


def test_a_note_without_a_state_asks_for_the_state(analyst_client):
    data = unchanged()
    data["policy-note"] = "Alleen een notitie"
    response = analyst_client.post(record_url(), data)
    assert response.status_code == 400
    form = next(form for form in response.context["forms"] if form.topic == POLICY)
    assert form.has_error("state", "required")
    assert "Alleen een notitie" in response.content.decode()


def test_a_form_opened_yesterday_does_not_change_every_date(analyst_client, status):
    status("GM0344", IN_PROGRESS, date(2026, 1, 5))
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    data = unchanged({POLICY: IN_PROGRESS})
    for topic in policy.TOPICS:
        data[f"{topic}-as_of"] = data[f"initial-{topic}-as_of"] = yesterday
    data["policy-state"] = IN_PLACE
    assert analyst_client.post(record_url(), data).status_code == 302
    assert PolicyStatus.objects.count() == 2


def test_the_action_refuses_what_the_form_would(keeper):
    municipality = Municipality.objects.get(code="GM0344")
    change = {"topic": "policy", "state": "done", "as_of": date(2026, 1, 1)}
    with pytest.raises(ValueError):
        actions.record_policy(municipality, [change], actor=keeper)
    change = {"topic": "policy", "state": IN_PLACE, "as_of": date(2999, 1, 1)}
    with pytest.raises(ValueError):
        actions.record_policy(municipality, [change], actor=keeper)
    assert not PolicyStatus.objects.exists()


# --- access ----------------------------------------------------------------------------------

ALL_URLS = [OVERVIEW, EXPORT, municipality_url(), record_url()]


@pytest.mark.parametrize("url", ALL_URLS)
def test_anonymous_goes_to_login(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("role", [Role.PROFESSIONAL, Role.EDITOR, Role.PARTNER_CASE_WORKER])
def test_other_roles_are_refused(client, login, personas, role):
    login(client, personas[role])
    for url in ALL_URLS:
        assert client.get(url).status_code == 403, url
    assert client.post(record_url(), unchanged()).status_code == 403


@pytest.mark.parametrize(
    ("role", "organisation"), [(Role.ANALYST, "utrecht"), (Role.REPORTING_POINT_STAFF, "vt")]
)
def test_who_may_look_but_not_record(client, login, make_user, role, organisation):
    user = make_user(role, organisation=organisation, email=f"{role}@{organisation}.example")
    login(client, user)
    for url in ALL_URLS[:3]:
        assert client.get(url).status_code == 200, url
    assert record_url() not in client.get(municipality_url()).content.decode()
    assert client.get(record_url()).status_code == 403
    data = unchanged()
    data["policy-state"] = IN_PLACE
    assert client.post(record_url(), data).status_code == 403
    assert not PolicyStatus.objects.exists()


# --- demo data -------------------------------------------------------------------------------


def test_demo_policy_is_plausible_and_loaded_once(keeper):
    today = date(2026, 8, 15)
    created = policy.load_demo_policy(actor=keeper, today=today)
    assert created >= 38 * len(policy.TOPICS)
    assert policy.load_demo_policy(actor=keeper, today=today) == 0
    assert not PolicyStatus.objects.filter(as_of__gt=today).exists()
    assert not PolicyStatus.objects.exclude(municipality__riec_region="midden-nederland").exists()
    overview = Overview(today=today)
    shares = [
        overview.share_in_place(POLICY, overview.day_of(q)).count for q in Quarter.of(today).back(8)
    ]
    assert shares == sorted(shares)  # policy, once in place, stays in place
    assert 0 < shares[-1] < 38
