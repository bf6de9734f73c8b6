"""Settings are read in config/settings.py only, every documented one exists there, every one read
there is documented, and a bad value stops the start with the setting's name."""

import ast
import re
import runpy
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "config" / "settings.py"
# Read outside the settings, on purpose: the process counts by gunicorn and scripts/serve, the
# environment file by scripts/serve (both before Django starts).
READ_ELSEWHERE = {
    "SIGNAAL_ENV_FILE": "scripts/serve",
    "WEB_WORKERS": "config/gunicorn.py",
    "WEB_THREADS": "config/gunicorn.py",
    "BIND": "config/gunicorn.py",
    "TASK_WORKERS": "scripts/serve",
}
# Named in the manual as settings of earlier versions (how to upgrade), read no longer.
RETIRED = {"SIGNAAL_BACKUP_KEY"}
OTHERS = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"}  # boto3's own (see Storage)
# A variable name: capitals, digits and underscores, not ending in one (`SIGNAAL_S3_*` is a
# family, not a name).
NAME = r"[A-Z][A-Z0-9_]*[A-Z0-9]"


def read_in_settings():
    """The environment variables config/settings.py reads (the first argument of env_*())."""
    names = set()
    for node in ast.walk(ast.parse(SETTINGS.read_text())):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id.startswith("env_")
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ):
            names.add(node.args[0].value)
    return names


def signaal_names(path):
    return set(re.findall(r"\bSIGNAAL_[A-Z0-9_]*[A-Z0-9]\b", (ROOT / path).read_text()))


def readme_table_names():
    """Every variable in the first column of the README's configuration table."""
    section = (ROOT / "README.md").read_text().split("## Configuration", 1)[1].split("\n## ")[0]
    names = set()
    for line in section.splitlines():
        if line.startswith("| `"):
            names |= set(re.findall(rf"`({NAME})`", line.split("|")[1]))
    return names


def env_example_names():
    text = (ROOT / "deploy" / "signaal.env.example").read_text()
    return set(re.findall(rf"^#? ?({NAME})=", text, re.MULTILINE))


def test_the_parsers_find_names():
    # So that the checks below cannot pass on an empty list.
    assert {"SIGNAAL_REFERRAL_ACCEPT_DAYS", "SIGNAAL_ENV"} <= read_in_settings()
    assert {"SIGNAAL_ENV", "SECRET_KEY", "SIGNAAL_REFERRAL_ACCEPT_DAYS"} <= readme_table_names()
    assert {"SIGNAAL_ENV", "DATABASE_URL", "SIGNAAL_STORAGE"} <= env_example_names()
    assert "SIGNAAL_DEADLINE_DAYS_HIGH" in signaal_names("docs/operations.md")


@pytest.mark.parametrize(
    "source",
    ["README.md", "docs/operations.md", "deploy/signaal.env.example"],
)
def test_every_documented_variable_is_read(source):
    documented = signaal_names(source)
    if source == "README.md":
        documented |= readme_table_names()
    if source.startswith("deploy/"):
        documented |= env_example_names()
    known = read_in_settings() | set(READ_ELSEWHERE) | RETIRED | OTHERS
    assert sorted(documented - known) == []


def test_retired_variables_are_not_read():
    assert not RETIRED & read_in_settings()


def test_every_variable_read_is_in_the_operations_manual():
    read = {name for name in read_in_settings() if name.startswith("SIGNAAL_")}
    assert sorted(read - signaal_names("docs/operations.md")) == []


def test_the_exceptions_are_read_where_they_say():
    for name, path in READ_ELSEWHERE.items():
        assert name in (ROOT / path).read_text(), f"{name} is not read in {path}"


def project_modules():
    """The project's own Python files (tracked by git), without tests and benchmarks."""
    listed = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [
        ROOT / name
        for name in listed
        if not name.startswith(("bench/", "config/")) and "/tests/" not in name
    ]


def test_no_setting_read_with_a_default_of_its_own_or_from_the_environment():
    modules = project_modules()
    assert ROOT / "reports" / "workflow.py" in modules
    getattr_default = re.compile(r"getattr\(\s*settings\s*,")
    environment = re.compile(
        r"os\.(environ\.get|getenv)\(\s*[\"']SIGNAAL_|os\.environ\[[\"']SIGNAAL_"
    )
    offenders = []
    for path in modules:
        text = path.read_text()
        relative = str(path.relative_to(ROOT))
        if getattr_default.search(text):
            offenders.append(relative)
        if environment.search(text) and relative not in READ_ELSEWHERE.values():
            offenders.append(f"{relative} (environment)")
    assert offenders == []


def load(monkeypatch, **environment):
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SIGNAAL_REFERRAL_ACCEPT_DAYS", "0"),
        ("SIGNAAL_REFERRAL_ACCEPT_DAYS", "twee"),
        ("SIGNAAL_DEADLINE_DAYS_HIGH", "-1"),
        ("SIGNAAL_DEADLINE_DAYS_NORMAL", "0"),
        ("SIGNAAL_MONITOR_REFRESH_MINUTES", "0"),
        ("SIGNAAL_WORKER_STALE_SECONDS", "5"),
        ("SIGNAAL_OFFICE_HOURS_END", "24"),
        ("SIGNAAL_UNUSUAL_READS_PER_DAY", "0"),
    ],
)
def test_a_bad_value_is_a_configuration_error_naming_the_setting(monkeypatch, name, value):
    with pytest.raises(ImproperlyConfigured, match=name):
        load(monkeypatch, **{name: value})


def test_office_hours_must_be_in_order(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="SIGNAAL_OFFICE_HOURS_START"):
        load(monkeypatch, SIGNAAL_OFFICE_HOURS_START="19", SIGNAAL_OFFICE_HOURS_END="7")


def test_good_values_are_read(monkeypatch):
    loaded = load(
        monkeypatch,
        SIGNAAL_REFERRAL_ACCEPT_DAYS="3",
        SIGNAAL_DEADLINE_DAYS_HIGH="2",
        SIGNAAL_OFFICE_HOURS_START="8",
    )
    assert loaded["SIGNAAL_REFERRAL_ACCEPT_DAYS"] == 3
    assert loaded["SIGNAAL_DEADLINE_DAYS"] == {"high": 2, "normal": 5}
    assert loaded["SIGNAAL_OFFICE_HOURS"] == (8, 19)


def test_the_deadline_comes_from_the_setting(monkeypatch):
    from datetime import date

    from reports import workflow

    monkeypatch.setattr(settings, "SIGNAAL_DEADLINE_DAYS", {"high": 1, "normal": 3})
    monday = date(2026, 11, 23)
    assert workflow.add_working_days(monday, 3) == date(2026, 11, 26)
    report = type("Report", (), {"priority": "normal", "created_at": None})()
    assert workflow.deadline_for(report, since=_noon(monday)) == date(2026, 11, 26)
    assert workflow.deadline_for(report, "high", since=_noon(monday)) == date(2026, 11, 24)


def _noon(day):
    from datetime import datetime, time

    from django.utils import timezone

    return timezone.make_aware(datetime.combine(day, time(12)))
