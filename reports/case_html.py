"""The row loops of the case screen (reports/detail.html), written here rather than by template
loops: a case with 20 of everything spent some 10 ms a request in them (issue 19). What each
function writes is what the loop quoted in its docstring wrote, every value escaped as the
template escaped it: `{{ value }}` localised and escaped unless safe (_v), `{% translate %}`
escaped (_t), `{% blocktranslate %}` the translation with its escaped values put in (not the
translation itself escaped). reports/tests/test_case_html.py renders the old loops beside these
functions and compares them, special characters included."""

from functools import cache

from django.template.defaultfilters import filesizeformat, linebreaksbr
from django.utils.encoding import force_str
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core import dates


def _v(value):
    """What {{ value }} writes: localised, escaped unless already safe."""
    value = localize(value)
    return conditional_escape(value if isinstance(value, str) else str(value))


def _t(message):
    """What {% translate message %} writes."""
    return conditional_escape(_(message))


@cache
def _labels(model, name):
    return dict(model._meta.get_field(name).flatchoices)


def display(instance, name):
    """What instance.get_<name>_display() returns, without Django's make_hashable() of all the
    field's choices on every call (some 20 µs; a case screen asks some 90 times)."""
    value = getattr(instance, name)
    return force_str(_labels(type(instance), name).get(value, value), strings_only=True)


def _safe(items):
    return mark_safe("".join(items))  # noqa: S308 - every value escaped by _v or _t


def attachments_html(attachments):
    """{% for a in attachments %}<li>{% if a.state == "stored" %}<a href="{{ a.url }}">
    {{ a.original_name }}</a> <span class="muted">({{ a.content_type }},
    {{ a.size|filesizeformat }})</span>{% else %}{{ a.original_name }} – <strong>
    {% translate "could not be stored" %}</strong>{% endif %}</li>{% endfor %} (on one line)"""
    items = []
    for a in attachments:
        if a.state == "stored":
            items.append(
                f'<li><a href="{_v(a.url)}">{_v(a.original_name)}</a> <span class="muted">'
                f"({_v(a.content_type)}, {_v(filesizeformat(a.size))})</span></li>"
            )
        else:
            items.append(
                f"<li>{_v(a.original_name)} – <strong>{_t('could not be stored')}</strong></li>"
            )
    return _safe(items)


def persons_html(persons, csrf):
    """The table rows of {% for person in persons %}: role, name, date of birth, phone (each
    `|default:"–"` but the role) and description, and a form to remove the person (`csrf` is
    what {% csrf_token %} writes)."""
    remove = _t("Remove")
    items = []
    for person in persons:
        name = _v(person.name)
        items.append(
            f"<tr><td>{_v(display(person, 'role'))}</td>"
            f"<td>{_v(person.name or '–')}</td>"
            f"<td>{_v(person.birth_date or '–')}</td>"
            f"<td>{_v(person.phone or '–')}</td>"
            f"<td>{_v(person.description or '')}</td>\n"
            f'      <td><form method="post" action="{_v(person.remove_url)}">{csrf}'
            f'<button type="submit" class="link-button">{remove}'
            f'<span class="visually-hidden"> {name}</span></button></form></td></tr>'
        )
    return _safe(items)


def suggestions_html(suggestions, link_url, link_label, csrf):
    """The suggested links, per pattern line a notice with the reports to link, each with a
    form to link it (`link_url` the link view's URL, `link_label` {% translate "Link" %})."""
    items = []
    for line in suggestions:
        label = _v(line["label"])
        rows = []
        for other in line["reports"]:
            reference = _v(other.reference)
            rows.append(
                f'<li><a href="{_v(other.url)}">{reference}</a> '
                f"({_v(dates.local_date(other.created_at, 'short'))})\n"
                f'      <form method="post" action="{_v(link_url)}" class="inline-form">{csrf}'
                f'<input type="hidden" name="link-reference" value="{reference}">'
                f'<input type="hidden" name="link-reason" value="{label}">'
                f'<button type="submit" class="link-button">{_v(link_label)}'
                f'<span class="visually-hidden"> {reference}</span></button></form></li>'
            )
        items.append(
            f'\n  <div class="notice">\n    <p><strong>{_v(line["pattern"])}</strong></p>\n'
            f"    <ul>{''.join(rows)}</ul>\n  </div>\n  "
        )
    return _safe(items)


def linked_html(linked, csrf):
    """The list items of the linked reports: reference, status and a form to unlink."""
    unlink = _t("Unlink")
    items = []
    for other in linked:
        reference = _v(other.reference)
        items.append(
            f'<li><a href="{_v(other.url)}">{reference}</a> – {_v(display(other, "status"))}\n'
            f'    <form method="post" action="{_v(other.unlink_url)}" class="inline-form">{csrf}'
            f'<button type="submit" class="link-button">{unlink}'
            f'<span class="visually-hidden"> {reference}</span></button></form></li>'
        )
    return _safe(items)


def notes_html(notes):
    """{% for note in notes %}<article class="thread-message"><h3 class="h3">
    {{ note.author.full_name }} <span class="muted">– {{ note.at|local_datetime }}</span></h3>
    <p>{{ note.body|linebreaksbr }}</p></article>{% endfor %} (on one line)"""
    return _safe(
        f'<article class="thread-message"><h3 class="h3">{_v(note.author.full_name)} '
        f'<span class="muted">– {_v(dates.local_datetime(note.at))}</span></h3>'
        f"<p>{_v(linebreaksbr(note.body))}</p></article>"
        for note in notes
    )


def messages_html(thread, staff_view):
    """The messages of reports/includes/thread.html (the case screen with `staff_view`, the
    reporter's mailbox without): per message an article with who wrote it, when, and the text."""
    staff_label, reporter_label, you_label = _t("Reporting point"), _t("Reporter"), _t("You")
    items = []
    for message in thread:
        if message.author == "staff":
            who = staff_label
            if staff_view and message.staff_member:
                who += f" ({_v(message.staff_member.full_name)})"
        else:
            who = reporter_label if staff_view else you_label
        pk = _v(message.pk)
        items.append(
            f'\n  <article class="thread-message thread-{_v(message.author)}" '
            f'aria-labelledby="message-{pk}">\n'
            f'    <h3 id="message-{pk}" class="h3">{who} '
            f'<span class="muted">– {_v(dates.local_datetime(message.at))}</span></h3>\n'
            f"    <p>{_v(linebreaksbr(message.body))}</p>\n  </article>\n  "
        )
    return _safe(items)


def referral_rows_html(rows):
    """The table rows of the referrals (rows from the referral_rows tag): partner and legal
    basis, sent, state with its reasons, what is shared, outcome, and the links to share more
    and to revoke."""
    items = []
    for row in rows:
        referral = row["referral"]
        partner = _v(referral.organisation.name)
        state = _v(display(referral, "state"))
        if referral.decline_reason:
            state += f": {_v(referral.decline_reason)}"
        if referral.revoke_reason:
            state += f": {_v(referral.revoke_reason)}"
        shared = _t("summary")
        if row["persons"]:
            count = row["persons"]
            shared += ", " + ngettext("%(counter)s person", "%(counter)s persons", count) % {
                "counter": _v(count)
            }
        if row["attachments"]:
            count = row["attachments"]
            shared += ", " + ngettext(
                "%(counter)s attachment", "%(counter)s attachments", count
            ) % {"counter": _v(count)}
        if referral.share_contact:
            shared += f", {_t('contact details')}"
        actions = ""
        if row["more"]:
            share = _("Share with %(partner)s") % {"partner": partner}
            actions += f'<a href="{_v(referral.share_url)}">{share}</a><br>'
        if referral.is_active:
            actions += (
                f'<a href="{_v(referral.revoke_url)}">{_t("Revoke")}'
                f'<span class="visually-hidden"> {partner}</span></a>'
            )
        items.append(
            f"<tr>\n      <td>{partner}<br>"
            f'<span class="muted">{_v(referral.legal_basis.name)}</span></td>\n'
            f"      <td>{_v(dates.local_date(referral.sent_at, 'short'))}</td>\n"
            f"      <td>{state}</td>\n"
            f"      <td>{shared}</td>\n"
            f"      <td>{_v(linebreaksbr(referral.outcome) or '–')}</td>\n"
            f"      <td>{actions}</td>\n    </tr>"
        )
    return _safe(items)
