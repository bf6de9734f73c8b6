"""Hostile input on every form: the corpus of core/tests/hostile.py is sent to every text field of
every public and staff form, and malicious files to every upload.

Each form is found on the page that shows it (its fields are read from the HTML, so a new field
gets hostile input without a change here). Every request packs a different input into each text
field; the inputs rotate, so that every input reaches every text field of at least one form and
every field gets dozens of inputs. Then the pages that show what was stored are opened.

Asserted: never a 5xx; a refusal is a clear status (400 with the error summary, 403, 404, 429);
no page echoes a markup payload unescaped; the secret key never appears.

`FORM_VIEWS` lists every URL pattern: either as a form target here or with the reason it has no
form field to attack. A new URL fails `test_every_url_is_a_target_or_has_a_reason`.
"""

import itertools
import time
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.models import Page

from accounts import access
from accounts.models import AccountRequest, Membership, Role
from accounts.tests.test_access import OWN_URLS
from conftest import PASSWORD
from content.models import SavedItem
from core.tests import hostile
from reports import actions as report_actions
from reports.actions import submit_report
from reports.models import LegalBasis

pytestmark = pytest.mark.django_db

OK_STATUSES = {200, 302, 400, 403, 404, 405, 429}
TEXT_TYPES = {
    "text",
    "email",
    "tel",
    "search",
    "url",
    "password",
    "number",
    "date",
    "time",
    "datetime-local",
    "month",
}


# --- reading forms from a page ------------------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    hidden: dict = field(default_factory=dict)
    text: list = field(default_factory=list)  # names of text fields and textareas
    choices: dict = field(default_factory=dict)  # name -> the first offered value
    multiple: set = field(default_factory=set)  # checkbox names (a list of values)
    files: list = field(default_factory=list)


class FormParser(HTMLParser):
    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.forms = []
        self.form = None
        self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = attrs.get("action") or self.page_url
            self.form = Form(urlsplit(action).path, (attrs.get("method") or "get").lower())
            self.forms.append(self.form)
            return
        if self.form is None or "name" not in attrs:
            if tag == "option" and self.select and attrs.get("value"):
                self.form.choices.setdefault(self.select, attrs["value"])
            return
        name = attrs["name"]
        kind = (attrs.get("type") or "text").lower()
        if tag == "textarea" or (tag == "input" and kind in TEXT_TYPES):
            if name not in self.form.text:
                self.form.text.append(name)
        elif tag == "input" and kind == "hidden":
            self.form.hidden[name] = attrs.get("value", "")
        elif tag == "input" and kind in ("radio", "checkbox"):
            self.form.choices.setdefault(name, attrs.get("value", "on"))
            if kind == "checkbox":
                self.form.multiple.add(name)
        elif tag == "input" and kind == "file":
            self.form.files.append(name)
        elif tag == "select":
            self.select = name

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "select":
            self.select = None


def find_form(html, page_url, action_url):
    parser = FormParser(page_url)
    parser.feed(html)
    wanted = urlsplit(action_url).path
    for form in parser.forms:
        if form.action == wanted and (form.text or form.files or form.choices):
            return form
    raise AssertionError(f"no form with fields posting to {wanted} on {page_url}")


# --- the world the forms work on ----------------------------------------------------------------


@pytest.fixture
def world(personas, make_user, organisations, django_capture_on_commit_callbacks):
    staff = personas[Role.REPORTING_POINT_STAFF]
    submission = submit_report(
        fields={
            "description": "Arbeiders slapen in de loods.",
            "acute_danger": "no",
            "reporter_type": "citizen",
            "reporter_name": "Anna Melder",
        },
        kind="report",
        channel="public",
        language="nl",
        idempotency_key=uuid.uuid4(),
        passphrase="geheime zin 2026",
    )
    report = submission.report
    other = submit_report(
        fields={"description": "Tweede melding.", "acute_danger": "no"},
        kind="report",
        channel="public",
        language="nl",
        idempotency_key=uuid.uuid4(),
    ).report
    person = report_actions.add_person(report, actor=staff, role="victim", name="Olga Nowak")
    with django_capture_on_commit_callbacks(execute=True):
        referral = report_actions.refer(
            report,
            actor=staff,
            organisation=organisations["police"],
            legal_basis=LegalBasis.objects.first(),
            summary="Mogelijke arbeidsuitbuiting",
        )
    account_request = AccountRequest.objects.create(
        full_name="Kandidaat",
        email="kandidaat@test.example",
        organisation=organisations["utrecht"],
        function="Handhaver",
        motivation="Ik wil melden.",
        status="pending",
    )
    professional = personas[Role.PROFESSIONAL]
    saved = SavedItem.objects.create(user=professional, page=Page.objects.first())
    return {
        "personas": personas,
        "organisations": organisations,
        "make_user": make_user,
        "report": report,
        "other": other,
        "person": person,
        "referral": referral,
        "account_request": account_request,
        "saved": saved,
        "code": report.mailbox_code,
    }


SERIAL = itertools.count()


def _colleague(world):
    """A fresh person for the one-shot admin forms (revoking a role, resetting two-factor)."""
    return world["make_user"](
        Role.PROFESSIONAL, organisation="utrecht", email=f"collega{next(SERIAL)}@test.example"
    )


def _pending_login(client, world, two_factor=True):
    """Password step done: the code (or enrolment) form is next."""
    user = world["make_user"](
        Role.ANALYST, email=f"halfway{next(SERIAL)}@test.example", two_factor=two_factor
    )
    client.post(reverse("accounts:login"), {"email": user.email, "password": PASSWORD})


def _mailbox(client, world):
    session = client.session
    session[access.MAILBOX_SESSION_KEY] = {"report": world["report"].pk}
    session.save()


def _reset_link(client, world):
    user = world["personas"][Role.ANALYST]
    url = reverse(
        "accounts:password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    return client.get(url)["Location"]


STEPS = ["what", "where", "who", "you", "check"]


def _report_step(step):
    """The public report form at `step`, reached with valid answers (the draft travels in the
    page, so the same page can be posted again and again)."""
    from reports.tests.conftest import STEP_DATA

    def prepare(client, world):
        url = reverse("reports:report")
        response = client.get(url)
        for done in STEPS[: STEPS.index(step)]:
            form = find_form(response.content.decode(), url, url)
            data = {**form.hidden, **STEP_DATA[done], "action": "next"}
            response = client.post(url, data)
        return url, response.content.decode()

    return prepare


@dataclass
class Target:
    url_name: str
    who: str | None = None  # a role, or None for an anonymous visitor
    args: object = None  # world -> URL arguments
    page: object = None  # (client, world) -> (page url, html); by default GET the URL itself
    each_round: object = None  # (client, world) -> URL arguments, for one-shot forms
    extra: dict = field(default_factory=dict)  # fixed values (buttons, decisions)
    method: str = "post"


def _ref(world):
    return [world["report"].reference]


def _fresh_referral(world):
    """A referral to revoke (a valid reason revokes it, so each round gets its own)."""
    from reports.models import Referral

    report = world["other"]
    active = report.referrals.filter(state__in=["sent", "accepted"]).first()
    if active is None:
        staff = world["personas"][STAFF]
        active = report_actions.refer(
            report,
            actor=staff,
            organisation=world["organisations"]["riec"],
            legal_basis=LegalBasis.objects.first(),
            summary="Voor intrekken",
        )
    assert isinstance(active, Referral)
    return [report.reference, active.pk]


def _upload(world):
    """A file waiting for its column mapping, uploaded by the reporting point's staff (only the
    uploader reaches the mapping step)."""
    from monitor import actions as monitor_actions
    from monitor.import_views import _organisation

    staff = world["personas"][STAFF]
    upload = monitor_actions.receive_upload(
        batch_format="counts",
        file_name="export.csv",
        content=b"jaar;soort;aantal;opmerking\n2020;melding;3;eerste\n2021;advies;4;tweede\n",
        source="Oude registratie",
        organisation=_organisation(staff),
        actor=staff,
    )
    return [upload.pk]


def _case_page(client, world):
    url = reverse("reports:detail", args=_ref(world))
    return url, client.get(url).content.decode()


def _on(url_name, args=None):
    def page(client, world):
        url = reverse(url_name, args=args(world) if args else None)
        return url, client.get(url).content.decode()

    return page


STAFF = Role.REPORTING_POINT_STAFF
TARGETS = [
    # public
    Target("accounts:login", extra={}),
    Target("accounts:two_factor", each_round=lambda c, w: _pending_login(c, w)),
    Target("accounts:enrol", each_round=lambda c, w: _pending_login(c, w, two_factor=False)),
    Target("accounts:password_reset"),
    Target("accounts:password_reset_confirm", page=lambda c, w: _on_url(c, _reset_link(c, w))),
    Target("accounts:request_account"),
    Target("reports:report", page=_report_step("what"), extra={"action": "next"}),
    Target("reports:report", page=_report_step("where"), extra={"action": "next"}),
    Target("reports:report", page=_report_step("who"), extra={"action": "next"}),
    Target("reports:report", page=_report_step("you"), extra={"action": "next"}),
    Target("reports:advice"),
    Target("reports:mailbox_sign_in"),
    Target("reports:mailbox", each_round=lambda c, w: _mailbox(c, w)),
    Target("content:search", method="get"),
    Target("indicators:guide", method="get"),
    # signed in
    Target("reports:professional_report", who=Role.PROFESSIONAL, extra={"action": "next"}),
    Target("accounts:password_change", who=Role.PROFESSIONAL),
    Target("content:edit_note", who=Role.PROFESSIONAL, args=lambda w: [w["saved"].pk]),
    # the reporting point
    Target("reports:inbox", who=STAFF, method="get"),
    Target("reports:staff_message", who=STAFF, args=_ref, page=_case_page),
    Target("reports:triage", who=STAFF, args=_ref, page=_case_page),
    Target("reports:change_status", who=STAFF, args=_ref, page=_case_page),
    Target("reports:add_person", who=STAFF, args=_ref, page=_case_page),
    Target("reports:link", who=STAFF, args=_ref, page=_case_page),
    Target("reports:add_note", who=STAFF, args=_ref, page=_case_page),
    Target("reports:refer", who=STAFF, args=_ref),
    Target("reports:revoke_referral", who=STAFF, each_round=lambda c, w: _fresh_referral(w)),
    Target(
        "reports:share_referral_items",
        who=STAFF,
        args=lambda w: [w["report"].reference, w["referral"].pk],
    ),
    # partners
    Target(
        "reports:partner_answer",
        who=Role.PARTNER_CASE_WORKER,
        args=lambda w: [w["referral"].pk, "decline"],
        page=_on("reports:partner_detail", lambda w: [w["referral"].pk]),
    ),
    # organisation admins
    Target(
        "accounts:request_review",
        who=Role.ORGANISATION_ADMIN,
        args=lambda w: [w["account_request"].pk],
        extra={"decision": "reject"},
    ),
    Target(
        "accounts:revoke_role",
        who=Role.ORGANISATION_ADMIN,
        each_round=lambda c, w: [Membership.objects.get(user=_colleague(w)).pk],
        page=_on("accounts:people"),
    ),
    Target(
        "accounts:reset_two_factor",
        who=Role.ORGANISATION_ADMIN,
        each_round=lambda c, w: [_colleague(w).pk],
        page=_on("accounts:people"),
    ),
    Target(
        "accounts:grant_role",
        who=Role.ORGANISATION_ADMIN,
        # The form is on the people page and posts to the target's own URL (no arguments).
        page=lambda c, w: (
            reverse("accounts:grant_role"),
            c.get(reverse("accounts:people")).content.decode(),
        ),
    ),
    # the privacy officer
    Target("privacy:subjects", who=Role.PRIVACY_OFFICER),
    Target("privacy:reporter", who=Role.PRIVACY_OFFICER, args=_ref),
    Target("privacy:legal_hold", who=Role.PRIVACY_OFFICER, args=_ref),
    Target("privacy:person", who=Role.PRIVACY_OFFICER, args=lambda w: [*_ref(w), w["person"].pk]),
    Target("audit:log", who=Role.PRIVACY_OFFICER, method="get"),
    # the monitor
    Target("monitor:dashboard", who=STAFF, method="get"),
    Target("monitor:policy_overview", who=Role.ANALYST, method="get"),
    Target("monitor:policy_record", who=Role.ANALYST, args=lambda w: ["GM0344"]),
    Target("monitor:import_list", who=STAFF),
    Target("monitor:import_mapping", who=STAFF, args=_upload, extra={"action": "preview"}),
]


def _on_url(client, url):
    return url, client.get(url).content.decode()


# Every URL pattern of our own is a target above or has a reason here.
NO_FORM = {
    "core:home": "no form fields (the search box is content:search)",
    "core:accessibility": "static page",
    "core:privacy": "static page",
    "core:health_live": "health probe, no input (core/tests/test_production.py)",
    "core:health_ready": "health probe, no input (core/tests/test_production.py)",
    "accounts:logout": "POST without fields",
    "accounts:profile": "no form fields",
    "accounts:start": "no form fields (links to what waits for each role)",
    "accounts:notifications": "POST with one checkbox (compared with 'on'), no text field",
    "accounts:backup_codes": "shows codes, no fields",
    "accounts:regenerate_backup_codes": "POST without fields",
    "accounts:password_reset_done": "static page",
    "accounts:password_reset_complete": "static page",
    "accounts:request_verify": "POST without fields, behind a mailed token",
    "accounts:activate": "Django's SetPasswordForm behind a mailed token, like "
    "accounts:password_reset_confirm (a target)",
    "accounts:review_list": "filter by a fixed status (hostile values: test_access DUMMY walk)",
    "accounts:people": "list; its forms are the revoke_role, reset_two_factor and grant_role "
    "targets",
    "accounts:approve_grant": "POST without fields",
    "accounts:refuse_grant": "one reason field, like accounts:revoke_role (a target); shown only "
    "while a role waits for a second admin (accounts/tests/test_role_grants.py)",
    "content:document": "no form fields",
    "content:feed": "RSS feed",
    "content:suggest": "takes the same query as content:search (a target)",
    "content:my_knowledge": "list; its note form is the content:edit_note target",
    "content:toggle_saved": "hidden fields only: content/tests/test_knowledge_access.py",
    "content:share": "hostile recipients and messages: content/tests/test_knowledge_access.py",
    "indicators:card": "no form fields",
    "indicators:card_pdf": "PDF",
    "reports:received": "no form fields",
    "reports:mailbox_sign_out": "POST without fields",
    "reports:my_reports": "list",
    "reports:my_report": "messages through the same MessageForm as reports:mailbox (a target)",
    "reports:detail": "the case screen: its forms are the reports:* targets",
    "reports:reveal_contact": "POST without fields",
    "reports:attachment": "download",
    "reports:remove_person": "POST without fields",
    "reports:unlink": "POST without fields",
    "reports:summary": "no form fields",
    "reports:partner_list": "list",
    "reports:partner_detail": "its forms are the reports:partner_answer target",
    "reports:partner_attachment": "download",
    "reports:partner_summary_pdf": "PDF",
    "privacy:dashboard": "no form fields",
    "privacy:access_log": "list",
    "privacy:export_audit_log": "CSV download",
    "monitor:export": "download",
    "monitor:chart": "image",
    "monitor:refresh": "POST without fields",
    "monitor:overview_latest": "no form fields",
    "monitor:overview": "no form fields (year and quarter in the path: test_access DUMMY walk)",
    "monitor:overview_pdf": "PDF",
    "monitor:policy_export": "CSV download",
    "monitor:policy_municipality": "its form is the monitor:policy_record target",
    "monitor:protection_audit": "no form fields",
    "monitor:import_batch": "no form fields",
    "monitor:import_errors": "CSV download",
    "monitor:import_withdraw": "one reason field, like privacy:legal_hold; a target once imports "
    "are committed",
    "monitor:import_example": "CSV download",
    "wagtaildocs_serve": "download",
    "set_language": "a choice of language (Django's view refuses unknown codes)",
}


def _name(namespace, entry):
    return f"{namespace}:{entry.name}" if namespace else entry.name


def test_every_url_is_a_target_or_has_a_reason():
    targets = {t.url_name for t in TARGETS}
    missing = [
        _name(ns, entry)
        for ns, _route, entry in OWN_URLS
        if _name(ns, entry) not in targets and _name(ns, entry) not in NO_FORM
    ]
    assert missing == [], f"URL patterns without hostile-input coverage or a reason: {missing}"


def test_the_corpus_is_big_and_varied():
    assert len(hostile.TEXT) >= 500
    assert len(set(hostile.TEXT)) == len(hostile.TEXT)
    assert max(len(value) for value in hostile.TEXT) > 100_000
    assert all(len(values) >= 10 for values in hostile.CATEGORIES.values())


# --- sending --------------------------------------------------------------------------------------


def _unescaped(body, sent):
    return [value[:80] for value in sent if hostile.is_markup(value) and value in body]


def check_response(response, sent, where):
    status = response.status_code
    assert status in OK_STATUSES, (where, status, response.content[:3000])
    if "html" not in response.get("Content-Type", ""):
        return
    body = response.content.decode("utf-8", "replace")
    assert _unescaped(body, sent) == [], where
    assert settings.SECRET_KEY not in body, where
    if status == 400 and "<main" in body:
        assert "error" in body, (where, "a 400 without a message")


def _client_for(client_class, target, world, login):
    client = client_class()
    if target.who:
        login(client, world["personas"][target.who])
    return client


def _active(targets):
    """Targets whose URL exists (a view being built in the same tree may not be there yet)."""
    names = {_name(ns, e) for ns, _r, e in OWN_URLS}
    return [target for target in targets if target.url_name in names]


# Forms that answer with a whole case screen or monitor page are slow: they get fewer inputs.
SLOW = {
    "reports:triage",
    "reports:change_status",
    "reports:add_person",
    "reports:link",
    "reports:inbox",
    "monitor:policy_overview",
    "monitor:policy_record",
    "monitor:dashboard",
    "monitor:import_mapping",
}
FEWEST = 10


def _assign(targets, inputs):
    """Deal the inputs over the targets: each target rotates its share over all its text fields,
    so that every input reaches every text field of one form. Slow forms get FEWEST inputs."""
    shares = [[] for _ in targets]
    fast = [i for i, t in enumerate(targets) if t.url_name not in SLOW]
    slow = [i for i, t in enumerate(targets) if t.url_name in SLOW]
    inputs = list(inputs)
    for i in slow:
        shares[i], inputs = inputs[:FEWEST], inputs[FEWEST:]
    for index, value in enumerate(inputs):
        shares[fast[index % len(fast)]].append(value)
    return shares


def test_hostile_text_on_every_form(client, world, login, settings):
    settings.SIGNAAL_REPORTS_PER_HOUR = 100_000
    settings.SIGNAAL_MAILBOX_ATTEMPTS_PER_HOUR = 100_000
    settings.SIGNAAL_ACCOUNT_REQUESTS_PER_HOUR = 100_000
    settings.SIGNAAL_ACCOUNT_REQUESTS_PER_ADDRESS = 100_000
    started = time.monotonic()
    targets = _active(TARGETS)
    shares = _assign(targets, hostile.TEXT)
    reached = {}  # input -> the forms where it reached every text field
    for target, share in zip(targets, shares, strict=True):
        c = _client_for(client.__class__, target, world, login)
        if target.each_round:
            args = target.each_round(c, world)
        else:
            args = target.args(world) if target.args else None
        if target.page:
            page_url, html = target.page(c, world)
        else:
            page_url = reverse(target.url_name, args=args)
            response = c.get(page_url)
            assert response.status_code == 200, (target.url_name, response.status_code)
            html = response.content.decode()
        # A form shown on another page posts to the target's URL; a page of its own to itself.
        form_action = reverse(target.url_name, args=args) if args or not target.page else page_url
        form = find_form(html, page_url, form_action)
        fields = form.text
        rounds = max(len(share), len(fields))
        for round_ in range(rounds):
            if target.each_round and round_:
                args = target.each_round(c, world)
                form_action = reverse(target.url_name, args=args)
            sent = [share[(round_ + i) % len(share)] for i in range(len(fields))]
            data = {**form.hidden, **form.choices}
            for name in form.multiple:
                data[name] = [form.choices[name]]
            data.update(dict(zip(fields, sent, strict=True)))
            if round_ % 5 == 4 or not fields:  # now and then the choices get hostile values
                for name in form.choices:
                    data[name] = share[(round_ * 7) % len(share)]
                    sent.append(data[name])
            data.update(target.extra)
            send = c.get if target.method == "get" or form.method == "get" else c.post
            where = (target.url_name, round_)
            response = send(form_action, data)
            check_response(response, sent, where)
        for value in share:
            reached.setdefault(value, []).append(target.url_name)
    assert set(reached) == set(hostile.TEXT)
    assert all(len(share) >= FEWEST for share in shares), "every field gets many inputs"
    _check_stored(client.__class__, world, login)
    elapsed = time.monotonic() - started
    assert elapsed < 120, f"the hostile run took {elapsed:.0f} s"


def _check_stored(client_class, world, login):
    """The pages that show what the forms stored: nothing of it unescaped."""
    pages = {
        STAFF: [
            reverse("reports:inbox"),
            reverse("reports:detail", args=_ref(world)),
            reverse("reports:summary", args=_ref(world)),
        ],
        Role.PRIVACY_OFFICER: [
            reverse("audit:log"),
            reverse("privacy:access_log", args=_ref(world)),
            reverse("privacy:reporter", args=_ref(world)),
        ],
        Role.ORGANISATION_ADMIN: [
            reverse("accounts:people"),
            reverse("accounts:review_list") + "?status=rejected",
        ],
        Role.PROFESSIONAL: [reverse("content:my_knowledge")],
        Role.ANALYST: [reverse("monitor:policy_municipality", args=["GM0344"])],
    }
    for role, urls in pages.items():
        c = client_class()
        login(c, world["personas"][role])
        for url in urls:
            response = c.get(url)
            assert response.status_code == 200, url
            check_response(response, hostile.TEXT, url)
    c = client_class()
    _mailbox(c, world)
    check_response(c.get(reverse("reports:mailbox")), hostile.TEXT, "mailbox")


# --- files ---------------------------------------------------------------------------------------


def test_malicious_files_on_every_upload(client, world, login, settings, private_dir):
    """The report form's attachments and the monitor's import: refused with a message, or stored
    as harmless data (never served inline, see reports/tests/test_reporting.py)."""
    settings.SIGNAAL_REPORTS_PER_HOUR = 100_000
    files = hostile.files()
    url, html = _report_step("check")(client, world)
    form = find_form(html, url, url)
    for name, content_type, content in files:
        upload = SimpleUploadedFile(name, content, content_type)
        data = {**form.hidden, "action": "send", form.files[0]: [upload]}
        response = client.post(url, data)
        check_response(response, [name], ("report attachment", name))
        assert response.status_code == 302 or b"errorlist" in response.content, name
        if response.status_code == 302:
            # Sent: a new form for the next file.
            url, html = _report_step("check")(client, world)
            form = find_form(html, url, url)
    names = {_name(ns, e) for ns, _r, e in OWN_URLS}
    if "monitor:import_list" in names:
        staff = client.__class__()
        login(staff, world["personas"][STAFF])
        url = reverse("monitor:import_list")
        form = find_form(staff.get(url).content.decode(), url, url)
        for name, content_type, content in files:
            data = {**form.hidden, **form.choices, "source": name}
            data[form.files[0]] = SimpleUploadedFile(name, content, content_type)
            response = staff.post(url, data)
            check_response(response, [name], ("monitor import", name))
            if response.status_code == 302:
                # A readable CSV waits for its column mapping: only that step, where the file's
                # name and cells are shown escaped and importing it is refused next to a field.
                _mapping_refuses(staff, response["Location"], name, content)
            else:
                assert b"errorlist" in response.content, ("a clear message", name)


def _mapping_refuses(client, url, name, content):
    from monitor.models import ImportBatch, ImportUpload

    pk = ImportUpload.objects.get(file_name=name).pk
    assert url == reverse("monitor:import_mapping", args=[pk]), (name, url)
    cells = [cell for cell in content.decode().strip().split(",") if cell]
    response = client.get(url)
    assert response.status_code == 200, (name, response.status_code)
    check_response(response, [name, *cells], ("monitor mapping", name))
    form = find_form(response.content.decode(), url, url)
    # Every column ignored (what the page offers for names that are none of ours).
    columns = {field: "" for field in form.choices if field.startswith("column_")}
    assert columns, ("a choice per column", name)
    response = client.post(url, {**form.hidden, **columns, "action": "import"})
    check_response(response, [name, *cells], ("monitor mapping import", name))
    body = response.content.decode()
    assert response.status_code == 400 and "errorlist" in body, ("refused", name)
    assert "Geen kolom van het bestand is" in body, ("the reason in Dutch", name)
    assert not ImportBatch.objects.exists(), ("nothing imported", name)


@pytest.fixture
def private_dir(settings, tmp_path):
    settings.SIGNAAL_PRIVATE_DIR = tmp_path / "private"
    return settings.SIGNAAL_PRIVATE_DIR


def test_a_request_larger_than_the_limit_is_a_clear_400(client, db):
    body = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(reverse("accounts:request_account"), {"full_name": body})
    assert response.status_code == 400
