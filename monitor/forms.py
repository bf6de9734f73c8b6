import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .stats import Period

MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


class PeriodForm(forms.Form):
    """The period of the dashboard. Readers outside the reporting point choose whole years and
    quarters only (monitor.protection explains why)."""

    PERIODS = [("year", _("Year")), ("quarter", _("Quarter")), ("range", _("Months from … to …"))]

    period = forms.ChoiceField(label=_("Period"), choices=PERIODS, widget=forms.RadioSelect)
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        coerce=int,
        required=False,
        empty_value=None,
        # Empty first, so that a year does not show "Q1" as if a quarter were chosen.
        choices=[("", _("(for a quarter only)"))]
        + [(q, _("Q%(quarter)s") % {"quarter": q}) for q in range(1, 5)],
    )
    start = forms.CharField(
        label=_("From month"),
        required=False,
        help_text=_("As year-month, for example 2023-04"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
    )
    end = forms.CharField(
        label=_("Up to and including month"),
        required=False,
        help_text=_("As year-month, for example 2023-09"),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 8}),
    )
    protected = forms.BooleanField(
        label=_("Show as published (small numbers protected)"), required=False
    )

    def __init__(self, data, *, years, exact_allowed):
        super().__init__(data)
        self.exact_allowed = exact_allowed
        self.fields["year"].choices = [(year, str(year)) for year in reversed(years)]
        if not exact_allowed:
            self.fields["period"].choices = self.PERIODS[:2]
            for name in ("start", "end", "protected"):
                del self.fields[name]

    def _month(self, name):
        raw = self.cleaned_data.get(name) or ""
        match = MONTH.match(raw)
        if not match or not 1 <= int(match.group(2)) <= 12:
            self.add_error(name, _("Enter a month as year-month, for example 2023-04."))
            return None
        return int(match.group(1)), int(match.group(2))

    def clean(self):
        data = super().clean()
        kind = data.get("period")
        year = data.get("year")
        if kind == "quarter" and not data.get("quarter"):
            self.add_error("quarter", _("Choose a quarter."))
        if kind == "range":
            start, end = self._month("start"), self._month("end")
            if start and end and start > end:
                self.add_error("end", _("The last month comes before the first."))
            elif start and end:
                data["the_period"] = Period(start, end, "range")
        elif kind == "quarter" and year and data.get("quarter"):
            data["the_period"] = Period.quarter(year, data["quarter"])
        elif kind == "year" and year:
            data["the_period"] = Period.year(year)
        return data
