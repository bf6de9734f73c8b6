"""reports.case_html writes what the case screen's template loops wrote (reports/detail.html
before issue 19's last round): each loop below is the template's, rendered beside the function
on values full of characters to escape, in Dutch and English; whitespace between tags aside."""

import re
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.template.defaulttags import CsrfTokenNode
from django.utils import translation

from accounts.models import Organisation, User
from reports import case_html
from reports.models import LegalBasis, Message, Person, Referral, Report

NASTY = "A <b> & \"x\" 'y'"
CSRF = "tok<&>"
WHEN = datetime(2026, 3, 29, 0, 59, tzinfo=UTC)


def loop(source, **context):
    template = Template("{% load i18n dates %}" + source)
    return template.render(Context({"csrf_token": CSRF, **context}))


def csrf_html():
    """What {% csrf_token %} writes (the tags of reports/templatetags/case_rows.py use it)."""
    return CsrfTokenNode().render(Context({"csrf_token": CSRF}))


def squeeze(html):
    return re.sub(r">\s+<", "><", re.sub(r"\s+", " ", str(html))).strip()


def same(expected, written):
    assert squeeze(written) == squeeze(expected)


ATTACHMENTS = [
    SimpleNamespace(
        state="stored",
        url="/a/1/?x=1&y=2",
        original_name=NASTY,
        content_type="image/png",
        size=2_048_000,
    ),
    SimpleNamespace(state="failed", url="/a/2/", original_name="<script>", content_type="", size=0),
]


def with_urls(instance, **urls):
    for name, url in urls.items():
        setattr(instance, name, url)
    return instance


# Model instances (never saved): the functions read the labels of choices from the fields, as
# get_FOO_display() does; a value that is not one of the choices is written as it is.
PERSONS = [
    with_urls(
        Person(
            role="victim",
            name=NASTY,
            birth_date="1-2-1990",
            phone="+31 6 & 7",
            description='said "no"\n<twice>',
        ),
        remove_url="/p/1/?a=1&b=2",
    ),
    with_urls(Person(role="<odd> & 'x'"), remove_url="/p/2/"),
    with_urls(Person(role="witness"), remove_url="/p/3/"),
]
OTHERS = [
    with_urls(
        Report(reference="MH-2026-000001", status="triage", created_at=WHEN),
        url="/r/1/?q=1&r=2",
        unlink_url="/u/1/?a&b",
    ),
    with_urls(
        Report(reference="A<&>\"'", status="<closed>", created_at=WHEN),
        url="/r/2/",
        unlink_url="/u/2/",
    ),
]
SUGGESTIONS = [
    {"label": 'adres & "plek"', "pattern": "3 meldingen <over> dit adres", "reports": OTHERS},
    {"label": "bedrijf", "pattern": "1 melding", "reports": OTHERS[:1]},
]
NOTES = [
    SimpleNamespace(author=SimpleNamespace(full_name=NASTY), at=WHEN, body="one\n<two> & 'three'"),
    SimpleNamespace(author=SimpleNamespace(full_name="Jo"), at=WHEN, body=""),
]


def referral(**values):
    return with_urls(
        Referral(
            organisation=Organisation(name="Politie & <Partner>"),
            legal_basis=LegalBasis(name='Art. 1 "Wet"'),
            sent_at=WHEN,
            **{"state": "sent", **values},
        ),
        share_url="/s/1/?a=1&b=2",
        revoke_url="/v/1/?a&b",
    )


ROWS = [
    {
        "referral": referral(
            decline_reason="te <vaag> & 'oud'",
            outcome="line 1\nline <2>",
            share_contact=True,
            state="declined",
        ),
        "persons": 1,
        "attachments": 3,
        "more": True,
    },
    {
        "referral": referral(revoke_reason='weg & "klaar"', state="revoked"),
        "persons": 2,
        "attachments": 1,
        "more": False,
    },
    {"referral": referral(state="<new>"), "persons": 0, "attachments": 0, "more": False},
]


@pytest.fixture(params=["nl", "en"])
def language(request):
    with translation.override(request.param):
        yield request.param


def test_attachments(language):
    expected = loop(
        '{% for a in attachments %}<li>{% if a.state == "stored" %}<a href="{{ a.url }}">'
        '{{ a.original_name }}</a> <span class="muted">({{ a.content_type }}, '
        "{{ a.size|filesizeformat }})</span>{% else %}{{ a.original_name }} – <strong>"
        '{% translate "could not be stored" %}</strong>{% endif %}</li>{% endfor %}',
        attachments=ATTACHMENTS,
    )
    same(expected, case_html.attachments_html(ATTACHMENTS))
    assert (
        "A &lt;b&gt; &amp; &quot;x&quot; &#x27;y&#x27;" in expected and "&lt;script&gt;" in expected
    )


def test_persons(language):
    expected = loop(
        "{% for person in persons %}<tr><td>{{ person.get_role_display }}</td><td>"
        '{{ person.name|default:"–" }}</td><td>{{ person.birth_date|default:"–" }}</td><td>'
        '{{ person.phone|default:"–" }}</td><td>{{ person.description|default:"" }}</td>\n'
        '      <td><form method="post" action="{{ person.remove_url }}">{% csrf_token %}'
        '<button type="submit" class="link-button">{% translate "Remove" %}'
        '<span class="visually-hidden"> {{ person.name }}</span></button></form></td></tr>'
        "{% endfor %}",
        persons=PERSONS,
    )
    same(
        expected,
        case_html.persons_html(PERSONS, csrf_html()),
    )
    assert "&lt;odd&gt; &amp; &#x27;x&#x27;" in expected and "<td>–</td>" in expected


def test_suggestions(language):
    expected = loop(
        '{% url "reports:link" "MH-1" as link_url %}{% translate "Link" as link_label %}'
        "{% for line in suggestions %}\n"
        '  <div class="notice">\n    <p><strong>{{ line.pattern }}</strong></p>\n'
        '    <ul>{% for other in line.reports %}<li><a href="{{ other.url }}">'
        '{{ other.reference }}</a> ({{ other.created_at|local_date:"short" }})\n'
        '      <form method="post" action="{{ link_url }}" class="inline-form">{% csrf_token %}'
        '<input type="hidden" name="link-reference" value="{{ other.reference }}">'
        '<input type="hidden" name="link-reason" value="{{ line.label }}">'
        '<button type="submit" class="link-button">{{ link_label }}'
        '<span class="visually-hidden"> {{ other.reference }}</span></button></form></li>'
        "{% endfor %}</ul>\n  </div>\n  {% endfor %}",
        suggestions=SUGGESTIONS,
    )
    from django.urls import reverse
    from django.utils.html import conditional_escape
    from django.utils.translation import gettext

    written = case_html.suggestions_html(
        SUGGESTIONS,
        reverse("reports:link", args=["MH-1"]),
        conditional_escape(gettext("Link")),
        csrf_html(),
    )
    same(expected, written)
    assert "A&lt;&amp;&gt;&quot;&#x27;" in expected
    assert 'value="adres &amp; &quot;plek&quot;"' in expected


def test_linked(language):
    expected = loop(
        '{% for other in linked %}<li><a href="{{ other.url }}">{{ other.reference }}</a> – '
        "{{ other.get_status_display }}\n"
        '    <form method="post" action="{{ other.unlink_url }}" class="inline-form">'
        '{% csrf_token %}<button type="submit" class="link-button">{% translate "Unlink" %}'
        '<span class="visually-hidden"> {{ other.reference }}</span></button></form></li>'
        "{% endfor %}",
        linked=OTHERS,
    )
    same(
        expected,
        case_html.linked_html(OTHERS, csrf_html()),
    )
    assert "&lt;closed&gt;" in expected


def test_notes(language):
    expected = loop(
        '{% for note in notes %}<article class="thread-message"><h3 class="h3">'
        '{{ note.author.full_name }} <span class="muted">– {{ note.at|local_datetime }}</span>'
        "</h3><p>{{ note.body|linebreaksbr }}</p></article>{% endfor %}",
        notes=NOTES,
    )
    same(expected, case_html.notes_html(NOTES))
    assert "one<br>&lt;two&gt; &amp; &#x27;three&#x27;" in expected


def test_referral_rows(language):
    expected = loop(
        "{% for row in rows %}{% with referral=row.referral %}<tr>\n"
        '      <td>{{ referral.organisation.name }}<br><span class="muted">'
        "{{ referral.legal_basis.name }}</span></td>\n"
        '      <td>{{ referral.sent_at|local_date:"short" }}</td>\n'
        "      <td>{{ referral.get_state_display }}{% if referral.decline_reason %}: "
        "{{ referral.decline_reason }}{% endif %}{% if referral.revoke_reason %}: "
        "{{ referral.revoke_reason }}{% endif %}</td>\n"
        '      <td>{% translate "summary" %}{% if row.persons %}, {% blocktranslate count '
        "counter=row.persons %}{{ counter }} person{% plural %}{{ counter }} persons"
        "{% endblocktranslate %}{% endif %}{% if row.attachments %}, {% blocktranslate count "
        "counter=row.attachments %}{{ counter }} attachment{% plural %}{{ counter }} "
        "attachments{% endblocktranslate %}{% endif %}{% if referral.share_contact %}, "
        '{% translate "contact details" %}{% endif %}</td>\n'
        '      <td>{{ referral.outcome|linebreaksbr|default:"–" }}</td>\n'
        '      <td>{% if row.more %}<a href="{{ referral.share_url }}">{% blocktranslate with '
        "partner=referral.organisation.name %}Share with {{ partner }}{% endblocktranslate %}"
        '</a><br>{% endif %}{% if referral.is_active %}<a href="{{ referral.revoke_url }}">'
        '{% translate "Revoke" %}<span class="visually-hidden"> '
        "{{ referral.organisation.name }}</span></a>{% endif %}</td>\n"
        "    </tr>{% endwith %}{% endfor %}",
        rows=ROWS,
    )
    same(expected, case_html.referral_rows_html(ROWS))
    assert "Politie &amp; &lt;Partner&gt;" in expected and "line 1<br>line &lt;2&gt;" in expected
    assert ("3 bijlagen" if translation.get_language() == "nl" else "3 attachments") in expected


def test_an_unescaped_value_would_differ(monkeypatch):
    """The comparisons can fail: with a value written unescaped the notes and referral rows
    are not what the loops wrote."""
    source = "{% for note in notes %}{{ note.author.full_name }} {{ note.body }}{% endfor %}"
    assert "A &lt;b&gt;" in loop(source, notes=NOTES)
    expected = squeeze(case_html.referral_rows_html(ROWS)), squeeze(case_html.notes_html(NOTES))
    monkeypatch.setattr(case_html, "_v", str)
    assert squeeze(case_html.referral_rows_html(ROWS)) != expected[0]
    assert squeeze(case_html.notes_html(NOTES)) != expected[1]
    assert "A <b> &" in case_html.notes_html(NOTES)


@pytest.mark.parametrize(
    ("instance", "name"),
    [
        (Person(role="suspect"), "role"),
        (Person(role="<not a role>"), "role"),
        (Report(status="referred"), "status"),
        (Referral(state="accepted"), "state"),
        (Referral(state=""), "state"),
    ],
)
def test_display_is_get_foo_display(language, instance, name):
    assert case_html.display(instance, name) == getattr(instance, f"get_{name}_display")()


THREAD_LOOP = (
    "{% for message in thread %}\n"
    '  <article class="thread-message thread-{{ message.author }}" '
    'aria-labelledby="message-{{ message.pk }}">\n'
    '    <h3 id="message-{{ message.pk }}" class="h3">{% if message.author == "staff" %}'
    '{% translate "Reporting point" %}{% if staff_view and message.staff_member %} '
    "({{ message.staff_member.full_name }}){% endif %}{% else %}{% if staff_view %}"
    '{% translate "Reporter" %}{% else %}{% translate "You" %}{% endif %}{% endif %} '
    '<span class="muted">– {{ message.at|local_datetime }}</span></h3>\n'
    "    <p>{{ message.body|linebreaksbr }}</p>\n  </article>\n  {% endfor %}"
)


@pytest.mark.parametrize("staff_view", [True, False])
def test_thread_messages(language, staff_view):
    thread = [
        Message(pk=12345, author="staff", staff_member=User(full_name=NASTY), at=WHEN, body="a"),
        Message(pk=2, author="staff", at=WHEN, body="no <staff> member"),
        Message(pk=3, author="reporter", at=WHEN, body="hoi\n'daar' & <meer>"),
    ]
    expected = loop(THREAD_LOOP, thread=thread, staff_view=staff_view)
    same(expected, case_html.messages_html(thread, staff_view))
    assert "hoi<br>&#x27;daar&#x27; &amp; &lt;meer&gt;" in expected
    assert ("A &lt;b&gt;" in expected) is staff_view
