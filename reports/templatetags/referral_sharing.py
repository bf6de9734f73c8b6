"""The referrals part of the case screen: per referral what it shares, and for an active one the
form to share more. One query for the shared items of all referrals, whatever their number."""

from django import template

from reports.case_forms import share_form_for
from reports.models import ReferralItem

register = template.Library()


@register.simple_tag
def referral_rows(report, referrals, persons, attachments):
    """[{referral, persons, attachments, form}] for the case screen; `persons` and `attachments`
    are the report's, as the screen already read them. `form` is None for an ended referral and
    for one that already shares everything."""
    items = {}
    for item in ReferralItem.objects.filter(referral__report_id=report.pk).only(
        "referral_id", "kind", "person_id", "attachment_id"
    ):
        items.setdefault(item.referral_id, []).append(item)
    rows = []
    for referral in referrals:
        own = items.get(referral.pk, [])
        form = None
        if referral.is_active:
            form = share_form_for(referral, persons, attachments, own)
            if not form.has_choices:
                form = None
        rows.append(
            {
                "referral": referral,
                "persons": sum(1 for item in own if item.person_id),
                "attachments": sum(1 for item in own if item.attachment_id),
                "form": form,
            }
        )
    return rows
