"""The referrals part of the case screen: per referral what it shares, and for an active one
whether there is more to share (the form for it is its own page, share_referral_items: twenty
share forms of twenty persons and attachments each made the case screen of a large case miss
its 100 ms, issue 19). One query for the shared items of all referrals, whatever their number."""

from django import template

from reports.models import Attachment, ReferralItem

register = template.Library()


@register.simple_tag
def referral_rows(report, referrals, persons, attachments):
    """[{referral, persons, attachments, more}] for the case screen; `persons` and `attachments`
    are the report's, as the screen already read them. `more` is False for an ended referral and
    for one that already shares everything."""
    person_ids = {person.pk for person in persons}
    attachment_ids = {a.pk for a in attachments if a.state == Attachment.State.STORED}
    items = {}
    for item in ReferralItem.objects.filter(referral__report_id=report.pk).only(
        "referral_id", "kind", "person_id", "attachment_id"
    ):
        items.setdefault(item.referral_id, []).append(item)
    rows = []
    for referral in referrals:
        own = items.get(referral.pk, [])
        more = referral.is_active and bool(
            person_ids - {item.person_id for item in own}
            or attachment_ids - {item.attachment_id for item in own}
        )
        rows.append(
            {
                "referral": referral,
                "persons": sum(1 for item in own if item.person_id),
                "attachments": sum(1 for item in own if item.attachment_id),
                "more": more,
            }
        )
    return rows
