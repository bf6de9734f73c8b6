from django import forms
from django.utils.translation import gettext_lazy as _

from reports.forms import TextField


class ReasonMixin(forms.Form):
    reason = TextField(
        label=_("Reason (for example the number of the request)"),
        max_length=300,
        help_text=_("Recorded in the audit log."),
    )


class SubjectSearchForm(ReasonMixin):
    name = TextField(label=_("Name"), max_length=150, required=False)
    birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = TextField(label=_("Phone"), max_length=30, required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("name") or data.get("email") or data.get("phone")):
            raise forms.ValidationError(_("Fill in a name, an e-mail address or a phone number."))
        if data.get("birth_date") and not data.get("name"):
            self.add_error("name", _("A date of birth is searched together with a name."))
        return data


class PersonCorrectionForm(ReasonMixin):
    name = TextField(label=_("Name"), max_length=150, required=False)
    birth_date = forms.DateField(
        label=_("Date of birth"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    phone = TextField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    description = TextField(label=_("Description"), multiline=True, max_length=1000, required=False)


class ReporterCorrectionForm(ReasonMixin):
    reporter_name = TextField(label=_("Name"), max_length=150, required=False)
    reporter_phone = TextField(label=_("Phone"), max_length=30, required=False)
    reporter_email = forms.EmailField(label=_("E-mail"), required=False)


class ReasonForm(ReasonMixin):
    pass


class LegalHoldForm(ReasonMixin):
    hold = forms.BooleanField(label=_("Keep this report (legal hold)"), required=False)
