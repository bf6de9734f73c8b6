from django import forms
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.utils.translation import gettext_lazy as _

from core.mail import send_after_commit

from .models import AccountRequest, Organisation, Role, User


class LoginForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    password = forms.CharField(
        label=_("Password"),
        max_length=4096,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The six digits from your authenticator app, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


class EnrolForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your app"),
        max_length=8,
        help_text=_("Enter the six digits your authenticator app shows for Signaal."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not token.isdigit() or len(token) != 6:
            raise forms.ValidationError(_("Enter the six digits, without letters."))
        return token


class AccountRequestForm(forms.ModelForm):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
        empty_label=_("My organisation is not listed"),
    )

    class Meta:
        model = AccountRequest
        fields = [
            "full_name",
            "email",
            "organisation",
            "organisation_name",
            "function",
            "motivation",
        ]
        labels = {
            "full_name": _("Name"),
            "email": _("Work e-mail address"),
            "organisation_name": _("Name of your organisation (if not listed)"),
            "function": _("Function"),
            "motivation": _("Why do you need an account?"),
        }
        help_texts = {
            "email": _("Use the address of your organisation; we send a confirmation link to it."),
        }
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "function": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "motivation": forms.Textarea(attrs={"rows": 5}),
        }

    def clean_email(self):
        # Whether the address has an account or a request in progress is not for the form to
        # say: accounts.actions.submit_account_request tells the address itself by e-mail.
        return self.cleaned_data["email"].lower()

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("organisation") and not cleaned.get("organisation_name", "").strip():
            self.add_error(
                "organisation_name",
                _("Choose your organisation, or enter its name if it is not listed."),
            )
        return cleaned


class ReviewForm(forms.Form):
    APPROVE, REJECT = "approve", "reject"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(APPROVE, _("Approve")), (REJECT, _("Reject"))],
        widget=forms.RadioSelect,
    )
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
        help_text=_("Required when approving a request for an organisation that was not listed."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when rejecting; it is sent to the applicant."),
    )

    def __init__(self, *args, account_request, assignable_for, **kwargs):
        super().__init__(*args, **kwargs)
        self.account_request = account_request
        self.assignable_for = assignable_for
        if account_request.organisation_id:
            del self.fields["organisation"]
            allowed = assignable_for(account_request.organisation)
            self.fields["roles"].choices = [c for c in Role.choices if c[0] in allowed]
        self.fields["roles"].initial = [account_request.requested_role]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == self.REJECT and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Give the reason for the rejection."))
        if decision == self.APPROVE:
            organisation = self.account_request.organisation or cleaned.get("organisation")
            if organisation is None:
                self.add_error("organisation", _("Choose the organisation this person works for."))
                return cleaned
            roles = set(cleaned.get("roles") or [])
            if not roles:
                self.add_error("roles", _("Choose at least one role."))
            elif roles - self.assignable_for(organisation):
                self.add_error("roles", _("You may not grant one of these roles here."))
            cleaned["organisation"] = organisation
        return cleaned


class ActivationForm(SetPasswordForm):
    """Choose a password; the labels come from Django and are translated."""


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the e-mail sent by the task worker after commit."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        send_after_commit("accounts/email/password_reset", [to_email], context)


class GrantRoleForm(forms.Form):
    """Give a person who already has an account a role; new people come through account
    requests. Whether the role needs a second admin is decided by accounts.actions.grant_role."""

    email = forms.EmailField(label=_("E-mail address of the person"), max_length=254)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, actor, **kwargs):
        from . import access

        super().__init__(*args, **kwargs)
        self.actor = actor
        organisations = Organisation.objects.filter(is_active=True)
        if Role.PLATFORM_ADMIN not in access.roles(actor):
            admin_of = access.organisations_with_role(actor, Role.ORGANISATION_ADMIN)
            organisations = organisations.filter(pk__in=[o.pk for o in admin_of])
        self.fields["organisation"].queryset = organisations

    def clean(self):
        from . import access

        cleaned = super().clean()
        email = cleaned.get("email")
        if email:
            person = User.objects.filter(email__iexact=email, is_active=True).first()
            if person is None or not access.can(self.actor, "accounts.manage_people", person):
                self.add_error(
                    "email",
                    _(
                        "There is no account with this address among the people you manage. "
                        "New people ask for an account with 'Account aanvragen'."
                    ),
                )
            cleaned["person"] = person
        organisation, role = cleaned.get("organisation"), cleaned.get("role")
        if organisation and role and role not in access.assignable_roles(self.actor, organisation):
            self.add_error("role", _("You may not grant this role in this organisation."))
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.TextInput)
