"""The work list and the case screen's timeline write their dates in the Dutch local time, with
the CLDR filters |local_date and |local_datetime (core/dates.py): Dutch writes the short month in
lower case ('1 jan 2026', '9 mrt 2026'), where Django's |date wrote 'Jan' and 'Mrt'."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from accounts.models import Role
from reports.models import Report

from .conftest import make_report

pytestmark = pytest.mark.django_db

# 23:05 UTC on 31 December is 00:05 on 1 January in Amsterdam: another day, month and year.
AT = datetime(2025, 12, 31, 23, 5, tzinfo=ZoneInfo("UTC"))


def test_work_list_and_timeline_show_the_local_time(client, personas, login):
    report = make_report()
    Report.objects.filter(pk=report.pk).update(created_at=AT, deadline=date(2026, 3, 9))
    report.history.update(at=AT)
    login(client, personas[Role.REPORTING_POINT_STAFF])

    page = client.get(reverse("reports:inbox")).content.decode()
    assert "<td>1 jan 2026 00:05</td>" in page
    assert "9 mrt 2026" in page
    assert "31 dec 2025" not in page

    page = client.get(reverse("reports:detail", args=[report.reference])).content.decode()
    assert '<time datetime="2026-01-01T00:05:00+01:00">1 jan 2026 00:05</time>' in page
