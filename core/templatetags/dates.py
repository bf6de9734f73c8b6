"""{{ value|local_date }} and {{ value|local_datetime }}: dates as natives write them
(core/dates.py). The argument chooses the month form and seconds: "short" (abbreviated month),
"seconds", or "short,seconds"."""

from django import template

from core import dates

register = template.Library()


def _options(arg):
    words = {word.strip() for word in (arg or "").split(",")}
    return ("short" if "short" in words else "long"), "seconds" in words


@register.filter
def local_date(value, arg=""):
    return dates.local_date(value, _options(arg)[0])


@register.filter
def local_datetime(value, arg=""):
    style, seconds = _options(arg)
    return dates.local_datetime(value, style, seconds=seconds)
