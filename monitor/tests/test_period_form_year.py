"""The dashboard's quarter select shows no quarter when the period is a year (issue 19)."""

import re

from monitor.forms import PeriodForm


def selected_quarter(form):
    select = re.search(r'<select name="quarter".*?</select>', str(form["quarter"]), re.S).group(0)
    return re.findall(r'<option value="([^"]*)"[^>]*selected', select)


def test_a_year_selects_no_quarter():
    form = PeriodForm({"period": "year", "year": "2024"}, years=[2024], exact_allowed=False)
    assert form.is_valid(), form.errors
    assert selected_quarter(form) == [""]
    assert form.cleaned_data["quarter"] is None


def test_a_quarter_stays_selected():
    data = {"period": "quarter", "year": "2024", "quarter": "3"}
    form = PeriodForm(data, years=[2024], exact_allowed=False)
    assert form.is_valid(), form.errors
    assert selected_quarter(form) == ["3"]


def test_a_quarter_period_without_quarter_is_refused():
    form = PeriodForm({"period": "quarter", "year": "2024"}, years=[2024], exact_allowed=False)
    assert not form.is_valid()
    assert "quarter" in form.errors
