"""One timeline of everything that happened to a report, for the reporting point."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core import dates

from .case_html import display
from .models import Attachment, Author, ReferralState


@dataclass
class Entry:
    at: datetime
    kind: str
    text: str
    who: str = ""

    @property
    def iso(self):
        """What {{ entry.at|date:'c' }} writes (the local time, ISO 8601), for <time datetime>,
        without the date filter's format lookups (a case screen has a hundred entries)."""
        return timezone.localtime(self.at).isoformat()


def timeline(report, *, notes, messages, attachments, referrals, links):
    """Everything that happened to the report, newest first. The notes (with author), messages
    (with staff member), attachments, referrals (with organisation, sender and answerer) and link
    rows (with both reports and creator) are the lists the case screen has read already."""
    entries = []
    for change in report.history.select_related("actor"):
        text = display(change, "to_status")
        if change.reason:
            text = f"{text} – {change.reason}"
        entries.append(Entry(change.at, "status", text, _name(change.actor)))
    for note in notes:
        entries.append(Entry(note.at, "note", _("Internal note added"), _name(note.author)))
    for message in messages:
        if message.author == Author.STAFF:
            entries.append(
                Entry(
                    message.at,
                    "message",
                    _("Question to the reporter"),
                    _name(message.staff_member),
                )
            )
        else:
            entries.append(Entry(message.at, "message", _("Message from the reporter")))
    for item in attachments:
        text = (
            _("Attachment received")
            if item.state == Attachment.State.STORED
            else _("Attachment could not be stored")
        )
        entries.append(Entry(item.at, "attachment", text))
    for referral in referrals:
        partner = referral.organisation.name
        entries.append(
            Entry(
                referral.sent_at,
                "referral",
                _("Referred to %(partner)s") % {"partner": partner},
                _name(referral.sent_by),
            )
        )
        if referral.answered_at:
            state = (
                ReferralState.DECLINED
                if referral.state == ReferralState.DECLINED
                else ReferralState.ACCEPTED
            )
            text = f"{partner}: {state.label}"
            if referral.decline_reason:
                text += f" – {referral.decline_reason}"
            entries.append(
                Entry(referral.answered_at, "referral", text, _name(referral.answered_by))
            )
        if referral.completed_at:
            entries.append(
                Entry(
                    referral.completed_at,
                    "referral",
                    _("%(partner)s reported its outcome") % {"partner": partner},
                )
            )
        if referral.revoked_at:
            entries.append(
                Entry(
                    referral.revoked_at,
                    "referral",
                    _("Referral to %(partner)s revoked") % {"partner": partner},
                )
            )
    for row in links:
        other = row.second if row.first_id == report.pk else row.first
        entries.append(
            Entry(
                row.created_at,
                "link",
                _("Linked to %(reference)s") % {"reference": other.reference},
                _name(row.created_by),
            )
        )
    entries.sort(key=lambda entry: entry.at, reverse=True)
    return entries


def _name(user):
    return user.full_name if user is not None else ""


def timeline_html(entries):
    """The case screen's timeline items, written here rather than by a template loop (a case with
    20 of everything has some 150 entries): what this wrote in reports/detail.html,

        <li><time datetime="{{ entry.iso }}">{{ entry.at|local_datetime:"short" }}</time>
        {{ entry.text }}{% if entry.who %} <span class="muted">({{ entry.who }})</span>
        {% endif %}</li>

    (on one line), every value escaped as the template escaped it (reports/tests compare)."""
    items = []
    for entry in entries:
        at = timezone.localtime(entry.at)  # once for both (Entry.iso converts it too)
        when = conditional_escape(dates.local_datetime(at, "short"))
        who = f' <span class="muted">({conditional_escape(entry.who)})</span>' if entry.who else ""
        items.append(
            f'<li><time datetime="{conditional_escape(at.isoformat())}">{when}</time> '
            f"{conditional_escape(entry.text)}{who}</li>"
        )
    return mark_safe("".join(items))  # noqa: S308 - every value escaped above
