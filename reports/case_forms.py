"""Forms of the reporting point's case screen and of the partners."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import access
from accounts.access import PARTNER_KINDS
from indicators.exploitation import ExploitationForm
from indicators.models import Indicator

from .forms import FastSelect, LongCheckboxSelectMultiple, TextField
from .models import LegalBasis, Outcome, PersonRole, Priority, Status
from .workflow import next_statuses

EMPTY_FORM = _("Not determined (counted as “Leeg”)")


class TriageForm(forms.Form):
    primary_form = forms.ChoiceField(
        label=_("Form of exploitation"), required=False, widget=FastSelect
    )
    secondary_forms = forms.MultipleChoiceField(
        label=_("Other forms that may apply"),
        required=False,
        widget=LongCheckboxSelectMultiple,
        choices=ExploitationForm.choices,
    )
    indicators = forms.MultipleChoiceField(
        label=_("Confirmed signals"), required=False, widget=LongCheckboxSelectMultiple
    )
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, widget=FastSelect)
    assigned_to = forms.ModelChoiceField(
        label=_("Assigned to"),
        queryset=None,
        required=False,
        empty_label=_("Nobody yet"),
        widget=FastSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["primary_form"].choices = [("", EMPTY_FORM)] + list(ExploitationForm.choices)
        self.fields["indicators"].choices = [
            (code, f"{code} {text}")
            for code, text in Indicator.objects.filter(active=True)
            .order_by("domain", "code")
            .values_list("code", "text_nl")
        ]
        self.fields["assigned_to"].queryset = access.staff_members().order_by("full_name")

    @classmethod
    def for_report(cls, report, data=None):
        initial = {
            "primary_form": report.primary_form,
            "secondary_forms": report.other_forms,
            "indicators": report.confirmed_indicators if report.triaged else report.indicators,
            "priority": report.priority,
            "assigned_to": report.assigned_to_id,
        }
        return cls(data, initial=initial, prefix="triage")


class StatusForm(forms.Form):
    to_status = forms.ChoiceField(label=_("New status"), widget=FastSelect)
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        widget=FastSelect,
        choices=[("", _("Choose when closing"))] + list(Outcome.choices),
    )
    reason = TextField(label=_("Reason or explanation"), max_length=500, required=False)

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, prefix="status", **kwargs)
        self.fields["to_status"].choices = [
            (status, Status(status).label) for status in next_statuses(report.status)
        ]

    def clean(self):
        data = super().clean()
        if data.get("to_status") == Status.CLOSED and not data.get("outcome"):
            self.add_error("outcome", _("Choose the outcome to close this report."))
        if data.get("to_status") == Status.REOPENED and not data.get("reason"):
            self.add_error("reason", _("State why the report is reopened."))
        return data


class PersonForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=PersonRole.choices, widget=FastSelect)
    name = TextField(label=_("Name"), max_length=150, required=False)
    birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    phone = TextField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    description = TextField(label=_("Description"), multiline=True, max_length=1000, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="person", **kwargs)

    def clean(self):
        data = super().clean()
        if not any(data.get(name) for name in ("name", "phone", "email", "description")):
            raise forms.ValidationError(_("Fill in at least a name, phone, e-mail or description."))
        return data

    def person_fields(self):
        data = dict(self.cleaned_data)
        data["birth_date"] = data["birth_date"].isoformat() if data.get("birth_date") else ""
        return data


class LinkForm(forms.Form):
    reference = forms.CharField(label=_("Reference of the other report"), max_length=20)
    reason = TextField(label=_("Why are they related?"), max_length=300, required=False)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, prefix="link", **kwargs)
        self.user = user

    def clean_reference(self):
        reference = self.cleaned_data["reference"].strip().upper()
        other = access.reports_for(self.user).filter(reference=reference).first()
        if other is None:
            raise forms.ValidationError(_("There is no report with this reference."))
        self.other = other
        return reference


class NoteForm(forms.Form):
    body = TextField(label=_("Internal note"), multiline=True, max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="note", **kwargs)


class ReferralForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Partner"), queryset=None)
    legal_basis = forms.ModelChoiceField(label=_("Legal basis"), queryset=None)
    summary = TextField(
        label=_("Summary for the partner"),
        multiline=True,
        max_length=5000,
        help_text=_("Write only what this partner needs to act."),
    )
    share_persons = forms.BooleanField(label=_("Share the persons recorded"), required=False)
    share_attachments = forms.BooleanField(label=_("Share the attachments"), required=False)
    share_contact = forms.BooleanField(
        label=_("Share the reporter's contact details"),
        required=False,
        help_text=_("Never by default; only when the partner needs them, with a reason."),
    )
    contact_reason = TextField(
        label=_("Why does the partner need the contact details?"), max_length=500, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import Organisation

        self.fields["organisation"].queryset = Organisation.objects.filter(
            is_active=True, kind__in=PARTNER_KINDS
        ).order_by("name")
        self.fields["legal_basis"].queryset = LegalBasis.objects.filter(active=True)

    def clean(self):
        data = super().clean()
        if data.get("share_contact") and not data.get("contact_reason"):
            self.add_error(
                "contact_reason", _("State why the partner needs the reporter's contact details.")
            )
        return data


class ReasonForm(forms.Form):
    reason = TextField(label=_("Reason"), max_length=500)


class OutcomeForm(forms.Form):
    outcome = TextField(
        label=_("Outcome for the reporting point"),
        multiline=True,
        max_length=3000,
        help_text=_("What did your organisation do, and with what result?"),
    )


class WorklistForm(forms.Form):
    """Filters and search of the work lists (on top of the inbox filters)."""

    q = forms.CharField(
        label=_("Reference, KvK number or company"),
        required=False,
        max_length=200,
    )
    assigned = forms.ChoiceField(
        label=_("Assigned"),
        required=False,
        widget=FastSelect,
        choices=[("", _("Anyone")), ("me", _("To me")), ("nobody", _("To nobody"))],
    )
    overdue = forms.BooleanField(label=_("Past the deadline"), required=False)
    open = forms.BooleanField(label=_("Open only"), required=False)
    primary_form = forms.ChoiceField(
        label=_("Form of exploitation"), required=False, widget=FastSelect
    )
    priority = forms.ChoiceField(
        label=_("Priority"),
        required=False,
        choices=[("", _("All"))] + list(Priority.choices),
        widget=FastSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["primary_form"].choices = [("", _("All")), ("none", EMPTY_FORM)] + list(
            ExploitationForm.choices
        )
