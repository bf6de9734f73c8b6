"""Every audited change to accounts: one function each, one transaction, an explicit actor, the
audit event written right there, e-mail queued after commit."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.actions import record_event
from audit.events import Event
from core.mail import send_after_commit

from . import access
from .models import (
    FOUR_EYES_ROLES,
    AccountRequest,
    AccountRequestStatus,
    Membership,
    Organisation,
    Role,
    RoleGrant,
    RoleGrantStatus,
    User,
    hash_token,
)

BACKUP_CODE_COUNT = 10
BACKUP_DEVICE_NAME = "backup"


def _new_token(account_request):
    token = secrets.token_urlsafe(32)
    account_request.token_hash = hash_token(token)
    account_request.token_expires_at = timezone.now() + timedelta(hours=settings.SIGNAAL_LINK_HOURS)
    return token


def _link(name, account_request, token):
    return settings.SITE_URL + reverse(name, args=[account_request.pk, token])


def _reviewers(account_request):
    """Who decides: the organisation's admins, or platform admins when there are none."""
    members = Membership.objects.active()
    admins = members.filter(organisation=account_request.organisation, role=Role.ORGANISATION_ADMIN)
    if account_request.organisation_id is None or not admins.exists():
        admins = members.filter(role=Role.PLATFORM_ADMIN)
    return sorted({m.user.email for m in admins.select_related("user")})


def _send_verification(account_request, token):
    send_after_commit(
        "accounts/email/verify",
        [account_request.email],
        {
            "account_request": account_request,
            "link": _link("accounts:request_verify", account_request, token),
            "hours": settings.SIGNAAL_LINK_HOURS,
        },
    )


@transaction.atomic
def submit_account_request(
    *, full_name, email, organisation, organisation_name, function, motivation, request
):
    """A request from the public form. The form answers the same for every address; what is
    really the case (a new request, an account that already exists, a request in progress) is
    told only by e-mail to that address, so that nobody learns from the form who has an account.
    Returns the new request, or None when none was made."""
    email = email.lower()
    # An unverified request whose link expired does not block a new one.
    for stale in AccountRequest.objects.filter(
        email__iexact=email,
        status=AccountRequestStatus.UNVERIFIED,
        token_expires_at__lte=timezone.now(),
    ):
        stale.status = AccountRequestStatus.EXPIRED
        stale.token_hash = ""
        stale.save(update_fields=["status", "token_hash"])
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        record_event(Event.REQUEST_FOR_EXISTING_ACCOUNT, actor=None, target=user, request=request)
        send_after_commit(
            "accounts/email/request_existing",
            [user.email],
            {
                "login": settings.SITE_URL + reverse("accounts:login"),
                "reset": settings.SITE_URL + reverse("accounts:password_reset"),
            },
        )
        return None
    in_progress = (
        AccountRequest.objects.open().select_for_update().filter(email__iexact=email).first()
    )
    if in_progress is not None:
        if in_progress.status == AccountRequestStatus.UNVERIFIED:
            # The first link may have been lost: a new one, to the same address, for the request
            # as it was first made.
            token = _new_token(in_progress)
            in_progress.save(update_fields=["token_hash", "token_expires_at"])
            record_event(Event.REQUEST_LINK_RESENT, actor=None, target=in_progress, request=request)
            _send_verification(in_progress, token)
        else:
            record_event(Event.REQUEST_REPEATED, actor=None, target=in_progress, request=request)
            send_after_commit(
                "accounts/email/request_in_progress",
                [in_progress.email],
                {"account_request": in_progress},
            )
        return None
    account_request = AccountRequest(
        full_name=full_name,
        email=email,
        organisation=organisation,
        organisation_name="" if organisation else organisation_name,
        function=function,
        motivation=motivation,
    )
    token = _new_token(account_request)
    account_request.save()
    record_event(
        Event.REQUEST_SUBMITTED,
        actor=None,
        organisation=organisation,
        target=account_request,
        request=request,
    )
    _send_verification(account_request, token)
    return account_request


@transaction.atomic
def verify_account_request(account_request, *, request):
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if account_request.status != AccountRequestStatus.UNVERIFIED:
        return account_request  # a second click on the same link
    account_request.status = AccountRequestStatus.PENDING
    account_request.verified_at = timezone.now()
    account_request.token_hash = ""
    account_request.save()
    record_event(
        Event.REQUEST_VERIFIED,
        actor=None,
        organisation=account_request.organisation,
        target=account_request,
        request=request,
    )
    reviewers = _reviewers(account_request)
    if reviewers:
        send_after_commit(
            "accounts/email/review",
            reviewers,
            {
                "account_request": account_request,
                "link": settings.SITE_URL
                + reverse("accounts:request_review", args=[account_request.pk]),
            },
        )
    return account_request


@transaction.atomic
def approve_account_request(account_request, *, actor, roles, request, organisation=None):
    """Approve with these roles; `organisation` is needed when the applicant's was not listed."""
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if account_request.status != AccountRequestStatus.PENDING:
        raise ValueError("only a pending request can be approved")
    if account_request.organisation is None:
        account_request.organisation = organisation
    organisation = account_request.organisation
    if organisation is None:
        raise ValueError("choose the organisation before approving")
    not_allowed = set(roles) - access.assignable_roles(actor, organisation)
    if not roles or not_allowed:
        raise ValueError(f"roles not allowed: {sorted(not_allowed)}")
    user = User.objects.filter(email__iexact=account_request.email).first()
    if user is not None and user.pk == actor.pk:
        raise RoleGrantRefused(_("You cannot approve a request for your own account."))
    if user is None:
        user = User.objects.create_user(
            account_request.email,
            password=None,
            full_name=account_request.full_name,
            function=account_request.function,
        )
    # The same rule as everywhere: roles that open cases wait for a second admin.
    pending = [
        role
        for role in sorted(roles)
        if isinstance(grant_role(user, organisation, role, actor=actor, request=request), RoleGrant)
    ]
    account_request.user = user
    account_request.status = AccountRequestStatus.APPROVED
    account_request.decided_at = timezone.now()
    account_request.decided_by = actor
    token = _new_token(account_request)
    account_request.save()
    record_event(
        Event.REQUEST_APPROVED,
        actor=actor,
        organisation=organisation,
        target=account_request,
        request=request,
        details={"roles": sorted(roles), "user": user.pk, "awaiting_second_admin": pending},
    )
    _send_activation(account_request, token)
    return account_request


def _send_activation(account_request, token):
    send_after_commit(
        "accounts/email/activate",
        [account_request.email],
        {
            "account_request": account_request,
            "link": _link("accounts:activate", account_request, token),
            "hours": settings.SIGNAAL_LINK_HOURS,
        },
    )


@transaction.atomic
def resend_activation(account_request, *, actor, request):
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if account_request.status != AccountRequestStatus.APPROVED:
        raise ValueError("only an approved request has an activation link")
    token = _new_token(account_request)
    account_request.save()
    record_event(
        Event.ACTIVATION_RESENT,
        actor=actor,
        organisation=account_request.organisation,
        target=account_request,
        request=request,
    )
    _send_activation(account_request, token)


@transaction.atomic
def reject_account_request(account_request, *, actor, reason, request):
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if account_request.status != AccountRequestStatus.PENDING:
        raise ValueError("only a pending request can be rejected")
    if not reason.strip():
        raise ValueError("a rejection needs a reason")
    account_request.status = AccountRequestStatus.REJECTED
    account_request.decided_at = timezone.now()
    account_request.decided_by = actor
    account_request.decision_reason = reason
    account_request.token_hash = ""
    account_request.save()
    record_event(
        Event.REQUEST_REJECTED,
        actor=actor,
        organisation=account_request.organisation,
        target=account_request,
        request=request,
        reason=reason,
    )
    send_after_commit(
        "accounts/email/rejected", [account_request.email], {"account_request": account_request}
    )


@transaction.atomic
def activate_account(account_request, *, password, request):
    account_request = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if account_request.status != AccountRequestStatus.APPROVED:
        raise ValueError("only an approved request can be activated")
    user = account_request.user
    user.set_password(password)
    user.save(update_fields=["password"])
    account_request.status = AccountRequestStatus.ACTIVATED
    account_request.token_hash = ""
    account_request.save()
    record_event(
        Event.ACCOUNT_ACTIVATED,
        actor=user,
        organisation=account_request.organisation,
        target=user,
        request=request,
    )
    return user


# --- login and two-factor -----------------------------------------------------------------------


def record_login(user, *, device, request):
    record_event(
        Event.LOGIN,
        actor=user,
        target=user,
        request=request,
        details={"second_factor": "backup_code" if isinstance(device, StaticDevice) else "totp"},
    )


def record_login_failed(*, user, stage, locked_out, request):
    """A failed password or second-factor attempt. The address tried is not stored: only the
    account it belongs to, when there is one."""
    record_event(
        Event.LOGIN_FAILED,
        actor=None,
        target=user,
        request=request,
        details={"stage": stage, "locked_out": locked_out},
    )


def record_logout(user, *, request):
    record_event(Event.LOGOUT, actor=user, target=user, request=request)


@transaction.atomic
def set_daily_digest(account, daily_digest, *, actor, request=None):
    """The account holder's own choice: e-mail about reports one by one, or in one digest a day."""
    from django.core.exceptions import PermissionDenied

    if actor != account:
        raise PermissionDenied
    account.daily_digest = bool(daily_digest)
    account.save(update_fields=["daily_digest"])
    record_event(
        Event.NOTIFICATIONS_CHANGED,
        actor=actor,
        target=account,
        request=request,
        details={"daily_digest": account.daily_digest},
    )


def record_password_changed(user, *, how, request):
    record_event(
        Event.PASSWORD_CHANGED,
        actor=user,
        target=user,
        request=request,
        details={"how": how},
    )


def start_totp_enrolment(user):
    """An unconfirmed TOTP device to show as a QR code; reused until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=False)
    return device


def _new_backup_codes(user):
    StaticDevice.objects.filter(user=user, name=BACKUP_DEVICE_NAME).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def confirm_totp_device(device, *, actor, request=None):
    """The device's owner (`actor`) proved the authenticator works: it becomes their only TOTP
    device, and they get fresh backup codes (returned once, to show once)."""
    if device.user_id != actor.pk:
        raise ValueError("only the device's owner confirms it")
    TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    codes = _new_backup_codes(actor)
    record_event(Event.TWO_FACTOR_ENROLLED, actor=actor, target=actor, request=request)
    return codes


@transaction.atomic
def regenerate_backup_codes(user, *, request):
    codes = _new_backup_codes(user)
    record_event(Event.BACKUP_CODES_REGENERATED, actor=user, target=user, request=request)
    return codes


@transaction.atomic
def reset_two_factor(user, *, actor, reason, request):
    """An admin removes someone's devices (lost phone); they enrol again at their next login."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    record_event(Event.TWO_FACTOR_RESET, actor=actor, target=user, request=request, reason=reason)


def has_two_factor(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


# --- memberships --------------------------------------------------------------------------------

EDITORS_GROUP = "Editors"  # Wagtail's group with access to the editors' admin


def sync_editor_group(user):
    """The Wagtail admin knows groups, not our roles: whoever holds the editor role in an active
    organisation is in the Editors group, and nobody else."""
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    is_editor = Membership.objects.active().filter(user=user, role=Role.EDITOR).exists()
    if is_editor:
        user.groups.add(group)
    else:
        user.groups.remove(group)


@transaction.atomic
def revoke_membership(membership, *, actor, reason, request):
    record_event(
        Event.ROLE_REVOKED,
        actor=actor,
        organisation=membership.organisation,
        target=membership.user,
        request=request,
        reason=reason,
        details={"role": membership.role},
    )
    membership.delete()
    sync_editor_group(membership.user)


class RoleGrantRefused(Exception):
    """A grant or decision the four-eyes rule does not allow; the message is for the user."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def needs_second_admin(role):
    return role in FOUR_EYES_ROLES


def _check_grant(user, organisation, role, *, actor):
    if actor is None:  # the server's operator, `manage.py grant_role`
        allowed = access.roles_possible_for(organisation)
    else:
        allowed = access.assignable_roles(actor, organisation)
    if role not in allowed:
        raise RoleGrantRefused(_("You may not grant this role in this organisation."))
    if actor is not None and actor.pk == user.pk and needs_second_admin(role):
        raise RoleGrantRefused(
            _("You cannot give yourself this role. Ask another admin to request it for you.")
        )


def _first_platform_admin(actor, role):
    """A new installation has no admin to approve anything: its operator gives the first platform
    admin role directly. From then on admins approve each other."""
    return (
        actor is None
        and role == Role.PLATFORM_ADMIN
        and not Membership.objects.active().filter(role=Role.PLATFORM_ADMIN).exists()
    )


def may_decide_grant(actor, grant):
    """Four eyes: an admin who may hand out this role here, and who is neither the one who asked
    for it nor the one who receives it."""
    return (
        actor is not None
        and actor.pk != grant.user_id
        and actor.pk != grant.requested_by_id
        and grant.role in access.assignable_roles(actor, grant.organisation)
    )


def _grant_deciders(grant):
    """E-mail addresses of the admins who could approve `grant`."""
    members = Membership.objects.active().select_related("user")
    candidates = members.filter(role=Role.PLATFORM_ADMIN)
    if grant.role in access.ROLES_FOR_ORGANISATION_ADMINS:
        candidates = candidates | members.filter(
            role=Role.ORGANISATION_ADMIN, organisation=grant.organisation
        )
    excluded = {grant.user_id, grant.requested_by_id}
    return sorted({m.user.email for m in candidates if m.user_id not in excluded})


@transaction.atomic
def grant_role(grantee, organisation, role, *, actor, request=None):
    """The one way to give someone (`grantee`) a role: the people screen, account requests and
    `manage.py grant_role` all come here (the Django admin shows memberships read-only). Roles
    in FOUR_EYES_ROLES become a pending RoleGrant that another admin approves
    (approve_role_grant); other roles take effect at once. Returns the Membership or the
    RoleGrant; raises RoleGrantRefused."""
    _check_grant(grantee, organisation, role, actor=actor)
    existing = Membership.objects.filter(user=grantee, organisation=organisation, role=role).first()
    if existing is not None:
        return existing
    if needs_second_admin(role) and not _first_platform_admin(actor, role):
        grant, created = RoleGrant.objects.get_or_create(
            user=grantee,
            organisation=organisation,
            role=role,
            status=RoleGrantStatus.PENDING,
            defaults={"requested_by": actor},
        )
        if created:
            record_event(
                Event.ROLE_GRANT_REQUESTED,
                actor=actor,
                organisation=organisation,
                target=grantee,
                request=request,
                details={"role": role, "grant": grant.pk},
            )
            deciders = _grant_deciders(grant)
            if deciders:
                send_after_commit(
                    "accounts/email/role_grant",
                    deciders,
                    {
                        "grant": grant,
                        "link": settings.SITE_URL + reverse("accounts:people"),
                    },
                )
        return grant
    membership = Membership.objects.create(user=grantee, organisation=organisation, role=role)
    sync_editor_group(grantee)
    record_event(
        Event.ROLE_GRANTED,
        actor=actor,
        organisation=organisation,
        target=grantee,
        request=request,
        details={"role": role, "by_operator": actor is None},
    )
    return membership


def _pending_grant(grant):
    grant = RoleGrant.objects.select_for_update().get(pk=grant.pk)
    if grant.status != RoleGrantStatus.PENDING:
        raise RoleGrantRefused(_("This role was already approved or refused."))
    return grant


@transaction.atomic
def approve_role_grant(grant, *, actor, request=None):
    """The second admin's approval: only now does the role take effect."""
    grant = _pending_grant(grant)
    if not may_decide_grant(actor, grant):
        raise RoleGrantRefused(
            _(
                "Another admin must approve this role: not the one who asked for it and not the "
                "person who receives it."
            )
        )
    membership, _created = Membership.objects.get_or_create(
        user=grant.user, organisation=grant.organisation, role=grant.role
    )
    grant.status = RoleGrantStatus.APPROVED
    grant.decided_by = actor
    grant.decided_at = timezone.now()
    grant.save(update_fields=["status", "decided_by", "decided_at"])
    sync_editor_group(grant.user)
    record_event(
        Event.ROLE_GRANT_APPROVED,
        actor=actor,
        organisation=grant.organisation,
        target=grant.user,
        request=request,
        details={"role": grant.role, "grant": grant.pk, "requested_by": grant.requested_by_id},
    )
    return membership


@transaction.atomic
def refuse_role_grant(grant, *, actor, reason, request=None):
    """Refused (or withdrawn by the one who asked): the role never takes effect."""
    grant = _pending_grant(grant)
    if actor is None or grant.role not in access.assignable_roles(actor, grant.organisation):
        raise RoleGrantRefused(_("You may not decide on this role."))
    if not reason.strip():
        raise RoleGrantRefused(_("Give a reason for refusing the role."))
    grant.status = RoleGrantStatus.REFUSED
    grant.decided_by = actor
    grant.decided_at = timezone.now()
    grant.reason = reason
    grant.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    record_event(
        Event.ROLE_GRANT_REFUSED,
        actor=actor,
        organisation=grant.organisation,
        target=grant.user,
        request=request,
        reason=reason,
        details={"role": grant.role, "grant": grant.pk, "requested_by": grant.requested_by_id},
    )
    return grant


def save_in_admin(obj, save, *, changed, added, actor, request=None):
    """The platform admin added or changed `obj` in /beheer/ (`save` does it; `changed` names the
    changed fields): the save and its audit event in one transaction."""
    with transaction.atomic():
        save()
        if isinstance(obj, Organisation):
            # Switching an organisation off (or on) ends (or restores) its editors' /cms/.
            for user in User.objects.filter(memberships__organisation=obj).distinct():
                sync_editor_group(user)
        record_event(
            Event.ADMIN_ADDED if added else Event.ADMIN_CHANGED,
            actor=actor,
            target=obj,
            request=request,
            details={"fields": sorted(changed)},
        )


def delete_in_admin(obj, delete, *, actor, request=None):
    """The platform admin deleted `obj` in /beheer/: the audit event and the delete together."""
    with transaction.atomic():
        record_event(Event.ADMIN_DELETED, actor=actor, target=obj, request=request)
        delete()
