from django import forms
from django.utils.translation import gettext_lazy as _

from reports.forms import TextField

from . import history
from .models import ImportBatch


class UploadForm(forms.Form):
    format = forms.ChoiceField(
        label=_("Kind of file"),
        choices=ImportBatch.Format.choices,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
    )
    source = TextField(
        label=_("Source"),
        max_length=200,
        help_text=_("Where the figures come from, for example “Registratie Meldpunt 2020–2023”."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.content = b""
        self.fields["file"].help_text = _(
            "CSV (separated by ; or ,) or Excel (.xlsx), at most %(size)s MB. After an error, "
            "choose the file again."
        ) % {"size": history.MAX_MEGABYTES}

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > history.MAX_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB."), params={"size": history.MAX_MEGABYTES}
            )
        content = uploaded.read()
        if not content.strip():
            raise forms.ValidationError(_("The file is empty."))
        try:
            history.check_file_type(content, uploaded.name)
        except history.ImportFileError as exc:
            raise forms.ValidationError(exc.message) from None
        self.content = content
        return uploaded

    def clean(self):
        data = super().clean()
        if data.get("format") and data.get("file") and not self.errors:
            problems = history.check_header(data["format"], self.content, data["file"].name)
            for problem in problems:
                self.add_error("file", problem)
        return data


class WithdrawForm(forms.Form):
    reason = TextField(
        label=_("Why is this import withdrawn?"),
        max_length=300,
        help_text=_("Recorded in the audit log."),
    )
