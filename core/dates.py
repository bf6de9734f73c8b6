"""Dates as natives write them, in every language of the site: day, month name, year from the
Unicode CLDR data (Babel), with the month in the form the language uses after a day number
("6 grudnia 2026", "6 грудня 2026", "6 decembrie 2026", "6 декември 2026", "6 december 2026").
Django's own |date knows one month name per language (the nominative: "6 Grudzień 2026") and
English abbreviations in Dutch ("6 Dec 2026"). Templates use the |local_date and |local_datetime
filters (core/templatetags/dates.py, loaded everywhere as a builtin)."""

from datetime import date, datetime
from functools import lru_cache

from babel.dates import get_month_names
from django.utils import timezone
from django.utils.translation import get_language

# "long": the month written out; "short": CLDR's abbreviated month (for dense tables).
PATTERNS = {"long": "d MMMM y", "short": "d MMM y"}
# The CLDR month width of each pattern. Both patterns are "day month year" with the day and year
# unpadded, so local_date() writes them from the month names alone: what babel.dates.format_date
# writes with the pattern (core/tests/test_dates.py compares every month in every language), at a
# fraction of the cost (a case screen writes some 200 dates).
WIDTHS = {"long": "wide", "short": "abbreviated"}


def locale_for(language=None):
    """The Babel locale for a Django language code ('pt-br' -> 'pt_BR'); Dutch by default."""
    code = (language or get_language() or "nl").replace("-", "_")
    language_part, _, region = code.partition("_")
    return f"{language_part}_{region.upper()}" if region else language_part


def local_date(value, style="long", language=None):
    """`value` (a date or datetime; an aware datetime in the site's time zone) as day, month and
    year in `language` (the active one by default). Empty for None or ""."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = _local(value).date()
    if not isinstance(value, date):
        return str(value)
    return _day_month_year(value, style, language)


def _day_month_year(value, style, language):
    months = _month_names(locale_for(language), WIDTHS.get(style, WIDTHS["long"]))
    return f"{value.day} {months[value.month]} {value.year}"


@lru_cache(maxsize=64)
def _month_names(locale, width):
    """CLDR's month names in the form used after a day number ("format", not "stand-alone")."""
    return dict(get_month_names(width, "format", locale=locale))


def local_datetime(value, style="long", *, seconds=False, language=None):
    """local_date() followed by the 24-hour time: "6 grudnia 2026 14:05"."""
    if value in (None, ""):
        return ""
    if not isinstance(value, datetime):
        return local_date(value, style, language)
    value = _local(value)  # once: local_date() would convert it again
    time = value.strftime("%H:%M:%S" if seconds else "%H:%M")
    return f"{_day_month_year(value, style, language)} {time}"


def _local(value):
    return timezone.localtime(value) if timezone.is_aware(value) else value
