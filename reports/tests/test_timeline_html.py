"""reports.timeline.timeline_html writes what the case screen's template loop wrote."""

from datetime import UTC, datetime

import pytest
from django.template import Context, Template
from django.utils import translation
from django.utils.safestring import mark_safe

from reports.timeline import Entry, timeline_html

LOOP = Template(
    '{% load dates %}{% for entry in timeline %}<li><time datetime="{{ entry.iso }}">'
    '{{ entry.at|local_datetime:"short" }}</time> {{ entry.text }}{% if entry.who %} '
    '<span class="muted">({{ entry.who }})</span>{% endif %}</li>{% endfor %}'
)

ENTRIES = [
    Entry(datetime(2026, 12, 6, 23, 30, tzinfo=UTC), "note", "Internal note added", "An <b>"),
    Entry(datetime(2026, 3, 29, 0, 59, tzinfo=UTC), "status", "Closed – \"x\" & 'y' <z>"),
    Entry(datetime(2026, 3, 29, 1, 0, tzinfo=UTC), "link", "Linked to MH-2026-000001", ""),
    Entry(datetime(2025, 1, 1, 12, 0, tzinfo=UTC), "status", mark_safe("<i>safe</i>"), "Jo"),
]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_timeline_html_is_the_template_loops(language):
    with translation.override(language):
        expected = LOOP.render(Context({"timeline": ENTRIES}))
        written = timeline_html(ENTRIES)
    assert written == expected
    assert "An &lt;b&gt;" in written and "&quot;x&quot; &amp; &#x27;y&#x27; &lt;z&gt;" in written
    assert written.count("<li>") == len(ENTRIES)


def test_an_unescaped_value_would_differ():
    """The comparison can fail: a value the template escapes, written unescaped, is caught."""
    entry = Entry(datetime(2026, 1, 1, tzinfo=UTC), "note", "<script>")
    assert "&lt;script&gt;" in timeline_html([entry])
    assert "<script>" not in timeline_html([entry])
