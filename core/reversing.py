"""URLs for the rows of a list: one reverse() per list instead of one per row.

reverse() walks the URL resolver on every call (some 40-90 µs); a case screen with 20 of
everything reversed some 160 URLs, a work list page 50. `row_urls(name, *fixed)` reverses once
with a marker in the last argument's place and returns a function that puts each row's value
there, quoted as reverse() quotes it. A value reverse() would treat differently (empty, with a
slash, not an int where the marker is an int) goes through reverse() itself, so the result is
always what reverse() gives (core/tests/test_reversing.py compares them)."""

from urllib.parse import quote

from django.urls import reverse

# What reverse() leaves unquoted in a path (django.urls.resolvers), the slash aside: a value
# with a slash goes through reverse() itself.
_SAFE = "!$&'()*+,;=" + "~:@"
_TEXT_MARKER = "rowurlmarker"
_NUMBER_MARKER = 918273645546372819


def row_urls(viewname, *fixed, number=False):
    """A function value -> reverse(viewname, args=(*fixed, value)). `number=True` when the
    varying argument is an <int:...> (a primary key), else it is a <str:...>."""
    marker = _NUMBER_MARKER if number else _TEXT_MARKER
    template = reverse(viewname, args=(*fixed, marker))
    marker = str(marker)
    if template.count(marker) != 1:  # the marker also in a fixed part: no shortcut
        return lambda value: reverse(viewname, args=(*fixed, value))
    head, tail = template.split(marker)

    def url(value):
        if number:
            if type(value) is not int or value < 0:
                return reverse(viewname, args=(*fixed, value))
            return f"{head}{value}{tail}"
        text = str(value)
        if not text or "/" in text:
            return reverse(viewname, args=(*fixed, value))
        return f"{head}{quote(text, safe=_SAFE)}{tail}"

    return url
