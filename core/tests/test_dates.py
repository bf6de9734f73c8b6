"""Dates as natives write them (core/dates.py): the month in the form each language uses after a
day number, from CLDR, and one filter for every template."""

import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from core.dates import local_date, local_datetime

DAY = date(2026, 12, 6)

# The day as a native writes it: Polish, Ukrainian and Romanian put the month in the genitive
# after a day number ("grudnia", not the nominative "Grudzień" of Django's |date).
LONG = {
    "nl": "6 december 2026",
    "en": "6 December 2026",
    "pl": "6 grudnia 2026",
    "ro": "6 decembrie 2026",
    "bg": "6 декември 2026",
    "uk": "6 грудня 2026",
}
SHORT = {
    "nl": "6 dec 2026",
    "en": "6 Dec 2026",
    "pl": "6 gru 2026",
    "ro": "6 dec. 2026",
    "bg": "6 дек 2026",
    "uk": "6 груд. 2026",
}


@pytest.mark.parametrize("language", list(LONG))
def test_a_date_in_each_language(language):
    assert local_date(DAY, language=language) == LONG[language]
    assert local_date(DAY, "short", language=language) == SHORT[language]
    with translation.override(language):
        assert local_date(DAY) == LONG[language]


@pytest.mark.parametrize(
    "language, month",
    [("pl", "marca"), ("uk", "березня"), ("ro", "martie"), ("bg", "март"), ("nl", "maart")],
)
def test_other_months_take_the_form_after_a_day_too(language, month):
    assert local_date(date(2026, 3, 6), language=language) == f"6 {month} 2026"


def test_the_nominative_is_not_what_natives_write():
    # Django's own |date writes "6 Grudzień 2026" and "6 Грудень 2026": the bug this replaces.
    assert local_date(DAY, language="pl") != "6 Grudzień 2026"
    assert local_date(DAY, language="uk") != "6 Грудень 2026"


def test_an_aware_datetime_is_shown_in_the_sites_time_zone():
    # 23:30 UTC on 31 December is already 1 January in Amsterdam.
    moment = datetime(2026, 12, 31, 23, 30, tzinfo=ZoneInfo("UTC"))
    assert local_datetime(moment, language="pl") == "1 stycznia 2027 00:30"
    assert local_datetime(moment, "short", seconds=True, language="nl") == "1 jan 2027 00:30:00"
    assert local_date(moment, language="uk") == "1 січня 2027"


def test_nothing_gives_an_empty_text():
    assert local_date(None) == ""
    assert local_datetime("") == ""


@pytest.mark.parametrize("language", list(LONG))
def test_the_template_filters(language):
    template = Template(
        "{{ day|local_date }}|{{ day|local_date:'short' }}|{{ moment|local_datetime }}|"
        "{{ moment|local_datetime:'short,seconds' }}"
    )
    moment = datetime(2026, 12, 6, 13, 5, 9, tzinfo=ZoneInfo(settings.TIME_ZONE))
    with translation.override(language):
        shown = template.render(Context({"day": DAY, "moment": moment}))
    assert shown == "|".join(
        [LONG[language], SHORT[language], f"{LONG[language]} 13:05", f"{SHORT[language]} 13:05:09"]
    )


def test_no_template_writes_a_month_name_with_djangos_date_filter():
    """Month names come only from |local_date and |local_datetime; |date stays for machine
    formats (ISO in datetime attributes and the audit log)."""
    month_format = re.compile(r"""\|date:["'][^"']*[FMNbEP][^"']*["']|\|date:["']\w*DATE_FORMAT""")
    found = []
    for folder in ("templates", *settings.INSTALLED_APPS):
        root = Path(settings.BASE_DIR) / folder.replace(".", "/")
        if not root.is_dir() or ".venv" in root.parts:
            continue
        for path in root.rglob("*.html"):
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if month_format.search(line) or re.search(r"\|date\s*(\}\}|\|)", line):
                    found.append(f"{path.relative_to(settings.BASE_DIR)}:{number}")
    assert found == []


@pytest.mark.parametrize("style", ["long", "short"])
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES] + ["pt-br"])
def test_the_month_names_write_what_babels_format_date_writes(language, style):
    """local_date() writes day, month name and year itself (a case screen writes some 200 dates);
    the text is Babel's format_date with the pattern, for every month, one- and two-digit days
    and a year before 1000."""
    from babel.dates import format_date

    from core.dates import PATTERNS, locale_for

    for day in (date(2026, month, 1 + month * 2) for month in range(1, 13)):
        for value in (day, day.replace(year=987)):
            expected = format_date(value, PATTERNS[style], locale=locale_for(language))
            assert local_date(value, style, language) == expected
