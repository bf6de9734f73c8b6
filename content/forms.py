from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from indicators.exploitation import ExploitationForm

from .filetypes import check_upload
from .models import join_codes, split_codes


class KnowledgeDocumentForm(BaseDocumentForm):
    """The editors' document form: forms of exploitation as checkboxes, and the file's real type
    checked from its content, not its name."""

    exploitation_forms = forms.MultipleChoiceField(
        label=_("Forms of exploitation"),
        choices=ExploitationForm.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.pk:
            self.initial["exploitation_forms"] = split_codes(self.instance.exploitation_forms)

    def clean_exploitation_forms(self):
        return join_codes(self.cleaned_data.get("exploitation_forms") or [])

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            if upload.size > settings.SIGNAAL_MAX_DOCUMENT_BYTES:
                raise forms.ValidationError(
                    _("The file is larger than %(mb)s MB.")
                    % {"mb": settings.SIGNAAL_MAX_DOCUMENT_BYTES // (1024 * 1024)}
                )
            check_upload(upload)
        return upload
