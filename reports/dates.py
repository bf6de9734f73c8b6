"""Dates as the template's |date filter writes them, for pages that show hundreds of them.

The filter costs some 25-40 µs a value (localisation machinery per call); these write the same
text: in the active time zone, 'c' is isoformat(), the month abbreviation ("M") comes from the
filter's own function once per month, in the active language. reports/tests compare them with
the filter."""

from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format


class LocalDates:
    """One per page: the time zone and language are those active when it is made."""

    def __init__(self):
        self.zone = timezone.get_current_timezone()
        self.months = {}

    def local(self, value):
        if isinstance(value, datetime) and timezone.is_aware(value):
            return value.astimezone(self.zone)
        return value

    def _month(self, value):
        month = self.months.get(value.month)
        if month is None:
            month = self.months[value.month] = date_format(value, "M")
        return month

    def day(self, value):
        """|date:"j M Y" """
        value = self.local(value)
        return f"{value.day} {self._month(value)} {value.year:04d}"

    def minute(self, value):
        """|date:"j M Y H:i" """
        value = self.local(value)
        return f"{self.day(value)} {value.hour:02d}:{value.minute:02d}"

    def iso(self, value):
        """|date:'c'"""
        return self.local(value).isoformat()
