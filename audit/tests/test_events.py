"""Audit event names are one list (audit.events.Event), used by writers and readers alike."""

import ast
from pathlib import Path

import pytest

from audit.actions import record_event
from audit.events import PARTNER_READS, READS, Event

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".venv", "var", "migrations", "tests", "node_modules", "staticfiles"}


def project_files():
    for path in ROOT.rglob("*.py"):
        parts = set(path.relative_to(ROOT).parts)
        if not parts & SKIP and path.name != "conftest.py":
            yield path


def test_every_writer_names_its_event_from_the_list():
    """No string, no f-string: `record_event(Event.X, ...)` (or a table of Event members)."""
    offenders = []
    for path in project_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name != "record_event":
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant | ast.JoinedStr):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(first, ast.IfExp) and any(
                isinstance(side, ast.Constant | ast.JoinedStr)
                for side in (first.body, first.orelse)
            ):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []


def test_a_name_outside_the_list_is_refused(db):
    from audit.models import AuditEvent

    with pytest.raises(ValueError, match="unknown audit event"):
        record_event("report.opend", actor=None)
    assert not AuditEvent.objects.exists()
    assert record_event(Event.REPORT_OPENED, actor=None).action == "report.opened"


def test_names_are_unique_and_labelled():
    values = [member.value for member in Event]
    assert len(values) == len(set(values))
    assert all(member.label and member.label != member.value for member in Event)
    assert PARTNER_READS <= READS <= set(Event)


def test_the_logs_show_what_happened_in_words(client, personas, login):
    from django.urls import reverse

    from accounts.models import Role
    from reports.tests.conftest import make_report

    report = make_report()
    record_event(Event.REPORT_OPENED, actor=personas[Role.REPORTING_POINT_STAFF], target=report)
    login(client, personas[Role.PRIVACY_OFFICER])
    log = client.get(reverse("audit:log"), {"action": "report.opened"}).content.decode()
    assert "Melding ingezien <code>report.opened</code>" in log
    page = client.get(reverse("privacy:access_log", args=[report.reference])).content.decode()
    assert "Melding ingezien <code>report.opened</code>" in page


def test_views_and_admin_screens_leave_auditing_to_the_actions():
    """Audited changes and reads are actions (`<app>/actions.py`): a view or admin class that calls
    record_event itself is a second, drifting copy of a rule."""
    offenders = []
    for path in project_files():
        if path.name not in {"views.py", "admin.py", "case_views.py"} and not path.name.endswith(
            "_views.py"
        ):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name == "record_event":
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
