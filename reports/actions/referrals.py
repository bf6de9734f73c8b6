"""Referrals to partners: sharing decided per item, the partner's answers, the partner's audited
reads and the reminders. Every change and every read writes its audit event in the same
transaction."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.models import Membership, Role
from audit.actions import record_event
from audit.events import Event
from core.mail import send_after_commit

from .. import storage, workflow
from ..models import (
    Attachment,
    Person,
    Referral,
    ReferralItem,
    ReferralItemKind,
    ReferralState,
    Status,
)
from .case import _lock, _where, change_status

logger = logging.getLogger(__name__)


ANSWER_EVENTS = {
    ReferralState.ACCEPTED: Event.REFERRAL_ACCEPTED,
    ReferralState.DECLINED: Event.REFERRAL_DECLINED,
    ReferralState.COMPLETED: Event.REFERRAL_COMPLETED,
    ReferralState.REVOKED: Event.REFERRAL_REVOKED,
}


def _case_workers(organisation):
    return sorted(
        set(
            Membership.objects.active()
            .filter(organisation=organisation, role=Role.PARTNER_CASE_WORKER)
            .values_list("user__email", flat=True)
        )
    )


def _ids(values):
    """Primary keys from objects or ids (as a form or a test gives them)."""
    try:
        return {int(getattr(value, "pk", value)) for value in values}
    except (TypeError, ValueError):
        raise ValidationError(_("Choose persons and attachments from the list.")) from None


def _chosen(report, persons, attachments):
    """The report's persons and stored attachments behind the chosen ids; anything of another
    report (or an attachment that could not be stored) is refused."""
    person_ids, attachment_ids = _ids(persons), _ids(attachments)
    found_persons = list(Person.objects.filter(report=report, pk__in=person_ids))
    found_attachments = list(
        Attachment.objects.filter(
            report=report, pk__in=attachment_ids, state=Attachment.State.STORED
        )
    )
    if len(found_persons) != len(person_ids):
        raise ValidationError(_("Only persons of this report can be shared."))
    if len(found_attachments) != len(attachment_ids):
        raise ValidationError(_("Only stored attachments of this report can be shared."))
    return found_persons, found_attachments


def _add_items(referral, persons, attachments, actor, now):
    return ReferralItem.objects.bulk_create(
        [
            ReferralItem(
                referral=referral,
                kind=ReferralItemKind.PERSON,
                person=person,
                added_at=now,
                added_by=actor,
            )
            for person in persons
        ]
        + [
            ReferralItem(
                referral=referral,
                kind=ReferralItemKind.ATTACHMENT,
                attachment=attachment,
                added_at=now,
                added_by=actor,
            )
            for attachment in attachments
        ]
    )


def refer(
    report,
    *,
    actor,
    organisation,
    legal_basis,
    summary,
    persons=(),
    attachments=(),
    share_contact=False,
    contact_reason="",
    request=None,
):
    """Hand a report over to a partner: the summary, exactly the persons and attachments chosen
    (ids or objects of this report; what is added to the report later is not shared until
    share_items() adds it), and the reporter's contact details only with a stated reason."""
    if share_contact and not contact_reason.strip():
        raise ValidationError(_("State why the partner needs the reporter's contact details."))
    with transaction.atomic():
        if _lock(report).status == Status.CLOSED:
            raise ValidationError(_("A closed report cannot be referred: reopen it first."))
        chosen_persons, chosen_attachments = _chosen(report, persons, attachments)
        now = timezone.now()
        referral = Referral.objects.create(
            report=report,
            organisation=organisation,
            legal_basis=legal_basis,
            summary=summary,
            share_contact=share_contact,
            contact_reason=contact_reason if share_contact else "",
            sent_at=now,
            sent_by=actor,
        )
        _add_items(referral, chosen_persons, chosen_attachments, actor, now)
        record_event(
            Event.REFERRAL_SENT,
            actor=actor,
            target=report,
            request=request,
            # Ids only; the reason itself is kept encrypted on the referral, never in the log.
            details={
                "referral": referral.pk,
                "organisation": organisation.pk,
                "legal_basis": legal_basis.name,
                "persons": sorted(p.pk for p in chosen_persons),
                "attachments": sorted(a.pk for a in chosen_attachments),
                "contact": share_contact,
            },
        )
        current = _lock(report)
        if current.status == Status.NEW:  # an urgent referral skips nothing: triage is recorded
            change_status(current, Status.TRIAGE, actor=actor, request=request)
        if workflow.allowed(current.status, Status.REFERRED):
            change_status(current, Status.REFERRED, actor=actor, request=request)
        recipients = _case_workers(organisation)
        if recipients:
            with translation.override("nl"):
                send_after_commit(
                    "reports/email/referral_new", recipients, {"referral_id": referral.pk}
                )
    report.refresh_from_db()
    return referral


def share_items(referral, *, persons=(), attachments=(), actor, request=None):
    """Share more persons or attachments of the report with the partner of an active referral:
    the explicit decision by which anything added to a report after the referral reaches the
    partner. Already shared items are left as they are; returns the new ReferralItems."""
    with transaction.atomic():
        current = Referral.objects.select_for_update().get(pk=referral.pk)
        if not current.is_active:
            raise ValidationError(_("This referral has ended: nothing more can be shared."))
        chosen_persons, chosen_attachments = _chosen(current.report, persons, attachments)
        shared = set(current.items.values_list("kind", "person_id", "attachment_id"))
        shared_persons = {p for kind, p, a in shared if kind == ReferralItemKind.PERSON}
        shared_attachments = {a for kind, p, a in shared if kind == ReferralItemKind.ATTACHMENT}
        new_persons = [p for p in chosen_persons if p.pk not in shared_persons]
        new_attachments = [a for a in chosen_attachments if a.pk not in shared_attachments]
        if not (new_persons or new_attachments):
            raise ValidationError(
                _("Choose a person or attachment that is not yet shared with this partner.")
            )
        items = _add_items(current, new_persons, new_attachments, actor, timezone.now())
        record_event(
            Event.REFERRAL_ITEMS_SHARED,
            actor=actor,
            target=current.report,
            request=request,
            details={
                "referral": current.pk,
                "organisation": current.organisation_id,
                "persons": sorted(p.pk for p in new_persons),
                "attachments": sorted(a.pk for a in new_attachments),
            },
        )
    return items


def _answer(referral, state, *, actor, request=None, **fields):
    with transaction.atomic():
        current = Referral.objects.select_for_update().get(pk=referral.pk)
        if not workflow.referral_allowed(current.state, state):
            raise ValidationError(_("This referral has already been answered or closed."))
        Referral.objects.filter(pk=current.pk).update(state=state, **fields)
        record_event(
            ANSWER_EVENTS[state],
            actor=actor,
            target=current.report,
            request=request,
            reason=fields.get("decline_reason", "") or fields.get("revoke_reason", ""),
            details={"referral": current.pk, "organisation": current.organisation_id},
        )
        if state != ReferralState.REVOKED:
            _notify_reporting_point(current.report, state)
    referral.refresh_from_db()
    return referral


def _notify_reporting_point(report, state):
    if report.assigned_to_id:
        recipients = [report.assigned_to.email]
    else:
        recipients = sorted(
            set(
                Membership.objects.active()
                .filter(role=Role.REPORTING_POINT_STAFF)
                .values_list("user__email", flat=True)
            )
        )
    if recipients:
        with translation.override("nl"):
            send_after_commit(
                "reports/email/referral_answered",
                recipients,
                {"reference": report.reference, "state": ReferralState(state).label},
            )


def accept(referral, *, actor, request=None):
    return _answer(
        referral,
        ReferralState.ACCEPTED,
        actor=actor,
        request=request,
        answered_at=timezone.now(),
        answered_by=actor,
    )


def decline(referral, reason, *, actor, request=None):
    if not reason.strip():
        raise ValidationError(_("State why you decline this referral."))
    return _answer(
        referral,
        ReferralState.DECLINED,
        actor=actor,
        request=request,
        answered_at=timezone.now(),
        answered_by=actor,
        decline_reason=reason,
    )


def complete(referral, outcome, *, actor, request=None):
    if not outcome.strip():
        raise ValidationError(_("Describe the outcome for the reporting point."))
    return _answer(
        referral,
        ReferralState.COMPLETED,
        actor=actor,
        request=request,
        completed_at=timezone.now(),
        outcome=outcome.strip(),
    )


def revoke(referral, reason, *, actor, request=None):
    if not reason.strip():
        raise ValidationError(_("State why you revoke this referral."))
    return _answer(
        referral,
        ReferralState.REVOKED,
        actor=actor,
        request=request,
        revoked_at=timezone.now(),
        revoke_reason=reason,
    )


def open_referral(pk, *, actor, queryset, what="referral", request=None):
    """The one way a partner's screen gets a referral: fetched under the access rule (404 when
    it is not theirs) and audited as a read in the same transaction."""
    from accounts import access

    with transaction.atomic():
        referral = access.get_for(actor, "referrals.work", queryset, pk=pk)
        partner_read(referral, actor=actor, what=what, request=request)
    return referral


def open_referral_attachment(pk, attachment_pk, *, actor, queryset, request=None):
    """A partner downloads an attachment shared with their referral: the referral under the
    access rule, the attachment only if it is in the referral's snapshot (404 for any other, also
    of the same report), audited as one download in the same transaction. Returns the referral,
    the attachment and its bytes."""
    from django.http import Http404

    from accounts import access

    with transaction.atomic():
        referral = access.get_for(actor, "referrals.work", queryset, pk=pk)
        item = access.shared_attachments(actor, referral).filter(pk=attachment_pk).first()
        if item is None:
            raise Http404
        partner_read(referral, actor=actor, what=f"attachment:{item.pk}", request=request)
    return referral, item, storage.read(item.storage_name)


def partner_read(referral, *, actor, what="referral", request=None):
    """A partner's case worker looked at a referral (or one of its attachments)."""
    with transaction.atomic():
        record_event(
            Event.REFERRAL_ATTACHMENT_DOWNLOADED
            if what.startswith("attachment:")
            else Event.REFERRAL_VIEWED,
            actor=actor,
            target=referral.report,
            request=request,
            details={"referral": referral.pk, "what": what, **_where(request)},
        )


def send_referral_reminders(now=None):
    """Remind partners of referrals not accepted within the set number of working days; each
    referral is reminded once. Returns the number of reminders."""
    now = now or timezone.now()
    days = settings.SIGNAAL_REFERRAL_ACCEPT_DAYS
    today = timezone.localtime(now).date()
    sent = 0
    candidates = Referral.objects.filter(
        state=ReferralState.SENT,
        reminder_sent_at__isnull=True,
        sent_at__lte=now - timedelta(days=1),
    ).select_related("report", "organisation", "sent_by")
    for referral in candidates:
        sent_on = timezone.localtime(referral.sent_at).date()
        if workflow.working_days_between(sent_on, today) < days:
            continue
        with transaction.atomic():
            updated = Referral.objects.filter(
                pk=referral.pk, reminder_sent_at__isnull=True, state=ReferralState.SENT
            ).update(reminder_sent_at=now)
            if not updated:
                continue
            record_event(
                Event.REFERRAL_REMINDED,
                actor=None,
                target=referral.report,
                details={"referral": referral.pk},
            )
            recipients = _case_workers(referral.organisation) + [referral.sent_by.email]
            with translation.override("nl"):
                send_after_commit(
                    "reports/email/referral_reminder",
                    sorted(set(recipients)),
                    {"referral_id": referral.pk, "days": days},
                )
        sent += 1
    return sent
