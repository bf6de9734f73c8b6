"""The row loops of the case screen, written in Python (reports/case_html.py): these tags hand
them the page's {% csrf_token %}, so every form of the page carries the same token."""

from django import template
from django.template.defaulttags import CsrfTokenNode

from reports import case_html

register = template.Library()


def _csrf(context):
    return CsrfTokenNode().render(context)


@register.simple_tag
def attachment_items(attachments):
    return case_html.attachments_html(attachments)


@register.simple_tag(takes_context=True)
def person_rows(context, persons):
    return case_html.persons_html(persons, _csrf(context))


@register.simple_tag(takes_context=True)
def suggestion_notices(context, suggestions, link_url, link_label):
    return case_html.suggestions_html(suggestions, link_url, link_label, _csrf(context))


@register.simple_tag(takes_context=True)
def linked_items(context, linked):
    return case_html.linked_html(linked, _csrf(context))


@register.simple_tag
def note_articles(notes):
    return case_html.notes_html(notes)


@register.simple_tag
def referral_table_rows(rows):
    return case_html.referral_rows_html(rows)


@register.simple_tag(takes_context=True)
def thread_messages(context, thread):
    """The messages of reports/includes/thread.html; "" when there are none."""
    return case_html.messages_html(thread, context.get("staff_view"))
