import hashlib

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    POLICE = "police", _("Police")
    LABOUR_INSPECTORATE = "labour_inspectorate", _("Labour inspectorate (NLA)")
    REPORTING_POINT = "reporting_point", _("Veilig Thuis / reporting point")
    CARE = "care", _("Care organisation")
    RIEC = "riec", _("RIEC")
    PUBLIC_PROSECUTOR = "public_prosecutor", _("Public prosecutor (OM)")
    KMAR = "kmar", _("Royal Netherlands Marechaussee (KMar)")
    IND = "ind", _("Immigration and Naturalisation Service (IND)")
    COMENSHA = "comensha", _("CoMensha")
    OTHER = "other", _("Other")


class Role(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional")
    REPORTING_POINT_STAFF = "reporting_point_staff", _("Reporting-point staff")
    PARTNER_CASE_WORKER = "partner_case_worker", _("Partner case worker")
    ANALYST = "analyst", _("Analyst")
    EDITOR = "editor", _("Editor")
    ORGANISATION_ADMIN = "organisation_admin", _("Organisation admin")
    PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")
    PLATFORM_ADMIN = "platform_admin", _("Platform admin")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=32, choices=OrganisationKind.choices)
    municipality = models.ForeignKey(
        "regions.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("For a municipality, or the municipality an organisation is based in."),
    )
    email_domains = models.CharField(
        _("e-mail domains"),
        max_length=500,
        blank=True,
        help_text=_("Work e-mail domains of this organisation, comma separated."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("an e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. Logs in with an e-mail address; acts for organisations through
    memberships, each with one role."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("name"), max_length=150)
    function = models.CharField(_("function"), max_length=150, blank=True)
    # E-mail about reports (a reporter's answer, a new report) once a day instead of one by one.
    daily_digest = models.BooleanField(_("one e-mail a day"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    # Django admin access; granted only through the platform admin role, see access.py.
    is_staff = models.BooleanField(_("staff status"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(organisation__is_active=True, user__is_active=True)


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_role_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} – {self.get_role_display()}"


# Roles that open case data: reports and their persons, referrals shared with a partner, the
# audit and access logs. With the roles that hand out roles, they take effect only after a second
# admin approved them (four eyes, see accounts.actions.grant_role); nobody approves their own.
CASE_ROLES = frozenset({Role.REPORTING_POINT_STAFF, Role.PRIVACY_OFFICER, Role.PARTNER_CASE_WORKER})
FOUR_EYES_ROLES = CASE_ROLES | {Role.ORGANISATION_ADMIN, Role.PLATFORM_ADMIN}


class RoleGrantStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting a second admin")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")


class RoleGrant(models.Model):
    """A role that waits for a second admin (FOUR_EYES_ROLES). It becomes a Membership only when
    an admin who neither asked for it nor receives it approves it; until then it gives nothing."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="role_grants"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="role_grants",
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RoleGrantStatus.choices,
        default=RoleGrantStatus.PENDING,
    )
    # Empty when the server's operator asked for it with `manage.py grant_role`.
    requested_by = models.ForeignKey(
        User,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["requested_at"]
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"],
                condition=models.Q(status="pending"),
                name="one_pending_grant_per_role",
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation} – {self.get_role_display()}"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


class AccountRequestStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("E-mail not yet verified")
    PENDING = "pending", _("Awaiting approval")
    APPROVED = "approved", _("Approved, awaiting activation")
    REJECTED = "rejected", _("Rejected")
    ACTIVATED = "activated", _("Activated")
    EXPIRED = "expired", _("Expired")


class AccountRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(
            status__in=[
                AccountRequestStatus.UNVERIFIED,
                AccountRequestStatus.PENDING,
                AccountRequestStatus.APPROVED,
            ]
        )

    def awaiting_decision(self):
        return self.filter(status=AccountRequestStatus.PENDING)


class AccountRequest(models.Model):
    """'Account aanvragen': a professional asks for an account; their organisation's admin (or a
    platform admin for an organisation not yet known) approves or rejects it."""

    full_name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("work e-mail address"))
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="account_requests",
    )
    organisation_name = models.CharField(_("organisation (not listed)"), max_length=200, blank=True)
    function = models.CharField(_("function"), max_length=150)
    motivation = models.TextField(_("motivation"), max_length=2000)
    requested_role = models.CharField(
        _("requested role"), max_length=32, choices=Role.choices, default=Role.PROFESSIONAL
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AccountRequestStatus.choices,
        default=AccountRequestStatus.UNVERIFIED,
    )
    token_hash = models.CharField(max_length=64, blank=True, db_index=True)
    token_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    verified_at = models.DateTimeField(_("e-mail verified"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decision_reason = models.TextField(_("reason"), blank=True)
    user = models.ForeignKey(
        User, on_delete=models.PROTECT, null=True, blank=True, related_name="account_requests"
    )

    objects = AccountRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("account request")
        verbose_name_plural = _("account requests")
        constraints = [
            # One open request per address: a second one is refused.
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(status__in=["unverified", "pending", "approved"]),
                name="one_open_request_per_email",
            )
        ]

    def __str__(self):
        return f"{self.full_name} <{self.email}>"

    @property
    def organisation_label(self):
        return str(self.organisation) if self.organisation_id else self.organisation_name

    def token_matches(self, token):
        return bool(self.token_hash) and constant_time_compare(self.token_hash, hash_token(token))

    def token_expired(self):
        return self.token_expires_at is None or self.token_expires_at <= timezone.now()
