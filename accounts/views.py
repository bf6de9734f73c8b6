import time

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import access, actions, start
from .access import PUBLIC, SIGNED_IN, rule
from .forms import (
    AccountRequestForm,
    ActivationForm,
    EnrolForm,
    GrantRoleForm,
    LoginForm,
    QueuedPasswordResetForm,
    ReviewForm,
    RevokeForm,
    TokenForm,
)
from .models import (
    AccountRequest,
    AccountRequestStatus,
    Membership,
    RoleGrant,
    RoleGrantStatus,
    User,
)

PENDING_USER = "signaal_pending_user"
PENDING_SINCE = "signaal_pending_since"
PENDING_NEXT = "signaal_pending_next"
NEW_BACKUP_CODES = "signaal_new_backup_codes"
MAX_TOKEN_FAILURES = 5
TOKEN_FAILURES = "signaal_token_failures"  # noqa: S105 - a session key, not a secret


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse(settings.LOGIN_REDIRECT_URL)


def _start_pending_login(request, user, next_url):
    """Password accepted: remember who is halfway, without logging them in."""
    request.session.cycle_key()
    request.session[PENDING_USER] = user.pk
    request.session[PENDING_SINCE] = time.time()
    request.session[PENDING_NEXT] = next_url
    request.session[TOKEN_FAILURES] = 0


def _pending_user(request):
    user_id = request.session.get(PENDING_USER)
    since = request.session.get(PENDING_SINCE, 0)
    if not user_id or time.time() - since > settings.SIGNAAL_TWO_FACTOR_SECONDS:
        return None
    return User.objects.filter(pk=user_id, is_active=True).first()


def _finish_login(request, user, device):
    next_url = request.session.get(PENDING_NEXT, "")
    for key in (PENDING_USER, PENDING_SINCE, PENDING_NEXT, TOKEN_FAILURES):
        request.session.pop(key, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    otp_login(request, device)
    actions.record_login(user, device=device, request=request)
    return next_url


@rule(PUBLIC, methods=("GET", "POST"))
@require_http_methods(["GET", "POST"])
def login_view(request):
    if access.is_verified(request.user):
        return redirect(_safe_next(request, request.GET.get("next")))
    form = LoginForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].lower()
        user = authenticate(request, username=email, password=form.cleaned_data["password"])
        if getattr(request, "axes_locked_out", False):
            known = User.objects.filter(email__iexact=email).first()
            actions.record_login_failed(
                user=known, stage="password", locked_out=True, request=request
            )
            return render(request, "accounts/locked_out.html", status=429)
        if user is None:
            known = User.objects.filter(email__iexact=email).first()
            actions.record_login_failed(
                user=known, stage="password", locked_out=False, request=request
            )
            form.add_error(None, _("This e-mail address and password do not match an account."))
        else:
            _start_pending_login(request, user, request.POST.get("next", ""))
            if actions.has_two_factor(user):
                return redirect("accounts:two_factor")
            return redirect("accounts:enrol")
    return render(
        request,
        "accounts/login.html",
        {"form": form, "next": request.GET.get("next", request.POST.get("next", ""))},
    )


def _login_expired(request):
    messages.error(request, _("Your login has expired. Please log in again."))
    return redirect("accounts:login")


@rule(PUBLIC, methods=("GET", "POST"))
@require_http_methods(["GET", "POST"])
def two_factor(request):
    user = _pending_user(request)
    if user is None:
        return _login_expired(request)
    form = TokenForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        device = _verify_second_factor(user, form.cleaned_data["token"])
        if device is not None:
            next_url = _finish_login(request, user, device)
            return redirect(_safe_next(request, next_url))
        failures = request.session.get(TOKEN_FAILURES, 0) + 1
        request.session[TOKEN_FAILURES] = failures
        locked = failures >= MAX_TOKEN_FAILURES
        actions.record_login_failed(
            user=user, stage="second_factor", locked_out=locked, request=request
        )
        if locked:
            request.session.flush()
            messages.error(request, _("Too many wrong codes. Please log in again."))
            return redirect("accounts:login")
        throttled = any(not d.verify_is_allowed()[0] for d in TOTPDevice.objects.filter(user=user))
        form.add_error(
            "token",
            _("Too many attempts: wait a few seconds and try again.")
            if throttled
            else _("This code is not correct or has expired."),
        )
    return render(request, "accounts/two_factor.html", {"form": form})


def _verify_second_factor(user, token):
    for device in list(TOTPDevice.objects.filter(user=user, confirmed=True)) + list(
        StaticDevice.objects.filter(user=user, confirmed=True)
    ):
        verified = verify_token(user, device.persistent_id, token)
        if verified is not None:
            return verified
    return None


def _qr_svg(data):
    return segno.make(data, error="m").svg_inline(
        scale=5, dark="#000", light="#fff", title=_("QR code for your authenticator app")
    )


@rule(PUBLIC, methods=("GET", "POST"))
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Set up the authenticator app: show the QR code, check one code, then log in."""
    user = _pending_user(request)
    if user is None:
        return _login_expired(request)
    if actions.has_two_factor(user):
        return redirect("accounts:two_factor")
    device = actions.start_totp_enrolment(user)
    form = EnrolForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = actions.confirm_totp_device(device, actor=user, request=request)
            _finish_login(request, user, device)
            request.session[NEW_BACKUP_CODES] = codes
            return redirect("accounts:backup_codes")
        form.add_error("token", _("This code is not correct. Check the time on your phone."))
    secret = device.config_url.split("secret=")[1].split("&")[0]
    return render(
        request,
        "accounts/enrol.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
    )


@rule(SIGNED_IN)
def backup_codes(request):
    codes = request.session.pop(NEW_BACKUP_CODES, None)
    if codes is None:
        return redirect("accounts:profile")
    return render(request, "accounts/backup_codes.html", {"codes": codes})


@rule(SIGNED_IN, methods=("POST",))
@require_POST
def regenerate_backup_codes(request):
    request.session[NEW_BACKUP_CODES] = actions.regenerate_backup_codes(
        request.user, request=request
    )
    return redirect("accounts:backup_codes")


@rule(PUBLIC, methods=("POST",))
@require_POST
def logout_view(request):
    if request.user.is_authenticated:
        actions.record_logout(request.user, request=request)
    logout(request)
    messages.success(request, _("You have been logged out."))
    return redirect("core:home")


@rule(SIGNED_IN)
def start_screen(request):
    """Where login leads: what is waiting for each of the user's roles."""
    elsewhere = start.straight_to(request.user)
    if elsewhere:
        return redirect(elsewhere)
    response = render(request, "accounts/start.html", {"sections": start.sections(request.user)})
    response["Cache-Control"] = "no-store"
    return response


@rule(SIGNED_IN, methods=("POST",))
@require_POST
def notifications(request):
    actions.set_daily_digest(
        request.user,
        request.POST.get("daily_digest") == "on",
        actor=request.user,
        request=request,
    )
    messages.success(
        request,
        _("You get one e-mail a day about reports.")
        if request.user.daily_digest
        else _("You get an e-mail about reports as they happen."),
        extra_tags="feedback-notifications",
    )
    return redirect(reverse("accounts:profile") + "#notifications")


@rule(SIGNED_IN)
def profile(request):
    backup = StaticDevice.objects.filter(user=request.user, confirmed=True).first()
    return render(
        request,
        "accounts/profile.html",
        {
            "memberships": access.memberships(request.user),
            "backup_codes_left": backup.token_set.count() if backup else 0,
        },
    )


# --- account request -----------------------------------------------------------------------------


@rule(PUBLIC, methods=("GET", "POST"))
@require_http_methods(["GET", "POST"])
def request_account(request):
    form = AccountRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if _too_many_requests(request, email):
            form.add_error(
                None,
                _(
                    "Too many account requests from here or for this address. Wait an hour and "
                    "try again; what you typed is still here."
                ),
            )
            return render(request, "accounts/request_account.html", {"form": form}, status=429)
        actions.submit_account_request(
            full_name=form.cleaned_data["full_name"],
            email=email,
            organisation=form.cleaned_data["organisation"],
            organisation_name=form.cleaned_data["organisation_name"],
            function=form.cleaned_data["function"],
            motivation=form.cleaned_data["motivation"],
            request=request,
        )
        # The same page whatever the address: the e-mail tells what is really the case.
        return render(request, "accounts/request_sent.html", {"email": email})
    return render(request, "accounts/request_account.html", {"form": form})


def _too_many_requests(request, email):
    """Rate limits of the account request form, per client address and per e-mail address (so
    that the form cannot be used to flood someone's mailbox). The counts are kept in the
    database (reports.throttle.throttled), so they hold across server processes."""
    from core.crypto import blind_index
    from reports.throttle import throttled

    return throttled(
        "account_request_ip", request, settings.SIGNAAL_ACCOUNT_REQUESTS_PER_HOUR
    ) or throttled(
        "account_request_to",
        request,
        settings.SIGNAAL_ACCOUNT_REQUESTS_PER_ADDRESS,
        key=blind_index(email, "throttle.account_request"),
    )


def _request_by_token(pk, token, status):
    account_request = AccountRequest.objects.filter(pk=pk, status=status).first()
    if account_request is None or not account_request.token_matches(token):
        return None, "invalid"
    if account_request.token_expired():
        return account_request, "expired"
    return account_request, "ok"


@rule(PUBLIC, methods=("GET", "POST"))
@require_http_methods(["GET", "POST"])
def request_verify(request, pk, token):
    """The link from the e-mail. GET shows a button; only POST confirms, so that mail scanners
    that open links do not confirm on someone's behalf."""
    account_request, state = _request_by_token(pk, token, AccountRequestStatus.UNVERIFIED)
    if state != "ok":
        return render(request, "accounts/link_invalid.html", {"state": state}, status=400)
    if request.method == "POST":
        actions.verify_account_request(account_request, request=request)
        return render(request, "accounts/request_verified.html")
    return render(request, "accounts/request_verify.html", {"account_request": account_request})


@rule("accounts.review_requests")
def review_list(request):
    requests_ = access.account_requests_for(request.user).select_related("organisation")
    status = request.GET.get("status", AccountRequestStatus.PENDING)
    if status not in AccountRequestStatus.values:
        status = AccountRequestStatus.PENDING
    page = Paginator(requests_.filter(status=status), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "accounts/review_list.html",
        {"page": page, "status": status, "statuses": AccountRequestStatus.choices},
    )


@rule("accounts.review_requests", methods=("GET", "POST"))
@require_http_methods(["GET", "POST"])
def review_request(request, pk):
    account_request = access.get_for(
        request.user,
        "accounts.review_requests",
        AccountRequest.objects.select_related("organisation"),
        pk=pk,
    )
    form = None
    if account_request.status == AccountRequestStatus.PENDING:
        form = ReviewForm(
            request.POST if request.method == "POST" else None,
            account_request=account_request,
            assignable_for=lambda org: access.assignable_roles(request.user, org),
        )
        if request.method == "POST" and form.is_valid():
            if form.cleaned_data["decision"] == ReviewForm.APPROVE:
                try:
                    approved = actions.approve_account_request(
                        account_request,
                        actor=request.user,
                        roles=set(form.cleaned_data["roles"]),
                        organisation=form.cleaned_data["organisation"],
                        request=request,
                    )
                except actions.RoleGrantRefused as refused:
                    form.add_error(None, refused.message)
                    return render(
                        request,
                        "accounts/review_request.html",
                        {"account_request": account_request, "form": form},
                        status=403,
                    )
                messages.success(
                    request, _("The request was approved; an activation link was sent.")
                )
                waiting = approved.user.role_grants.filter(status=RoleGrantStatus.PENDING)
                if waiting:
                    messages.info(
                        request,
                        _(
                            "These roles take effect once a second admin approves them on the "
                            "people screen: %(roles)s."
                        )
                        % {"roles": ", ".join(str(g.get_role_display()) for g in waiting)},
                    )
            else:
                actions.reject_account_request(
                    account_request,
                    actor=request.user,
                    reason=form.cleaned_data["reason"],
                    request=request,
                )
                messages.success(
                    request, _("The request was rejected; the applicant was told why.")
                )
            return redirect("accounts:review_list")
    elif request.method == "POST" and account_request.status == AccountRequestStatus.APPROVED:
        actions.resend_activation(account_request, actor=request.user, request=request)
        messages.success(request, _("A new activation link was sent."))
        return redirect("accounts:request_review", pk=pk)
    return render(
        request,
        "accounts/review_request.html",
        {"account_request": account_request, "form": form},
    )


@rule(PUBLIC, methods=("GET", "POST"))
@require_http_methods(["GET", "POST"])
def activate(request, pk, token):
    account_request, state = _request_by_token(pk, token, AccountRequestStatus.APPROVED)
    if state != "ok":
        return render(request, "accounts/link_invalid.html", {"state": state}, status=400)
    user = account_request.user
    form = ActivationForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        actions.activate_account(
            account_request, password=form.cleaned_data["new_password1"], request=request
        )
        _start_pending_login(request, user, "")
        messages.success(request, _("Your password is set. Now set up two-factor login."))
        return redirect("accounts:enrol")
    return render(request, "accounts/activate.html", {"form": form, "user_name": user.full_name})


# --- people of an organisation --------------------------------------------------------------------


def _people_page(request, grant_form=None, status=200):
    memberships = (
        access.memberships_for(request.user)
        .select_related("user", "organisation")
        .order_by("organisation__name", "user__full_name", "role")
    )
    page = Paginator(memberships, 50).get_page(request.GET.get("page"))
    grants = access.role_grants_for(request.user).select_related(
        "user", "organisation", "requested_by"
    )
    return render(
        request,
        "accounts/people.html",
        {
            "page": page,
            "form": RevokeForm(),
            "grant_form": grant_form or GrantRoleForm(actor=request.user),
            "grants": [(grant, actions.may_decide_grant(request.user, grant)) for grant in grants],
        },
        status=status,
    )


@rule("accounts.manage_people")
def people(request):
    return _people_page(request)


@rule("accounts.manage_people", methods=("POST",))
def grant_role(request):
    """Give a role. Roles that open cases or hand out roles wait for a second admin."""
    form = GrantRoleForm(request.POST, actor=request.user)
    status = 400
    if form.is_valid():
        try:
            result = actions.grant_role(
                form.cleaned_data["person"],
                form.cleaned_data["organisation"],
                form.cleaned_data["role"],
                actor=request.user,
                request=request,
            )
        except actions.RoleGrantRefused as refused:
            form.add_error(None, refused.message)
            status = 403
        else:
            if isinstance(result, RoleGrant):
                messages.success(
                    request,
                    _(
                        "The role awaits a second admin: it takes effect once another admin "
                        "approves it."
                    ),
                )
            else:
                messages.success(request, _("The role was granted."))
            return redirect("accounts:people")
    return _people_page(request, grant_form=form, status=status)


def _grant_for(request, pk):
    return access.get_for(
        request.user,
        "accounts.manage_people",
        access.role_grants_for(request.user).select_related("user", "organisation"),
        pk=pk,
    )


@rule("accounts.manage_people", methods=("POST",))
def approve_grant(request, pk):
    grant = _grant_for(request, pk)
    try:
        actions.approve_role_grant(grant, actor=request.user, request=request)
    except actions.RoleGrantRefused as refused:
        messages.error(request, refused.message)
        return _people_page(request, status=403)
    messages.success(
        request,
        _("%(name)s now has the role %(role)s.")
        % {"name": grant.user.full_name, "role": grant.get_role_display()},
    )
    return redirect("accounts:people")


@rule("accounts.manage_people", methods=("POST",))
def refuse_grant(request, pk):
    grant = _grant_for(request, pk)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for refusing the role."))
        return _people_page(request, status=400)
    try:
        actions.refuse_role_grant(
            grant, actor=request.user, reason=form.cleaned_data["reason"], request=request
        )
    except actions.RoleGrantRefused as refused:
        messages.error(request, refused.message)
        return _people_page(request, status=403)
    messages.success(request, _("The role was refused; it does not take effect."))
    return redirect("accounts:people")


@rule("accounts.manage_people", methods=("POST",))
@require_POST
def revoke_role(request, pk):
    membership = access.get_for(
        request.user,
        "accounts.manage_people",
        Membership.objects.select_related("user", "organisation"),
        pk=pk,
    )
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for removing the role."))
        return redirect("accounts:people")
    actions.revoke_membership(
        membership, actor=request.user, reason=form.cleaned_data["reason"], request=request
    )
    messages.success(request, _("The role was removed."))
    return redirect("accounts:people")


@rule("accounts.manage_people", methods=("POST",))
@require_POST
def reset_person_two_factor(request, pk):
    """For a lost phone: the person enrols a new authenticator at their next login."""
    person = access.get_for(request.user, "accounts.manage_people", User.objects.all(), pk=pk)
    form = RevokeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a reason for resetting two-factor login."))
        return redirect("accounts:people")
    actions.reset_two_factor(
        person, actor=request.user, reason=form.cleaned_data["reason"], request=request
    )
    messages.success(
        request,
        _("Two-factor login of %(name)s was reset; they set it up again at their next login.")
        % {"name": person.full_name},
    )
    return redirect("accounts:people")


# --- password reset (Django's views, our templates, e-mail through the worker) -------------------

password_reset = rule(PUBLIC, methods=("GET", "POST"))(
    auth_views.PasswordResetView.as_view(
        template_name="accounts/password_reset.html",
        form_class=QueuedPasswordResetForm,
        success_url=reverse_lazy("accounts:password_reset_done"),
    )
)
password_reset_done = rule(PUBLIC)(
    auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html")
)


class _AuditedPasswordResetConfirm(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            actions.record_password_changed(form.user, how="reset", request=self.request)
        return response


class _AuditedPasswordChange(auth_views.PasswordChangeView):
    def form_valid(self, form):
        with transaction.atomic():
            response = super().form_valid(form)
            actions.record_password_changed(form.user, how="change", request=self.request)
        return response


password_reset_confirm = rule(PUBLIC, methods=("GET", "POST"))(
    _AuditedPasswordResetConfirm.as_view(
        template_name="accounts/password_reset_confirm.html",
        success_url=reverse_lazy("accounts:password_reset_complete"),
    )
)
password_reset_complete = rule(PUBLIC)(
    auth_views.PasswordResetCompleteView.as_view(
        template_name="accounts/password_reset_complete.html"
    )
)
password_change = rule(SIGNED_IN, methods=("GET", "POST"))(
    _AuditedPasswordChange.as_view(
        template_name="accounts/password_change.html",
        success_url=reverse_lazy("accounts:profile"),
    )
)
