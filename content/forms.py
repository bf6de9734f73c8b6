from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from indicators.exploitation import ExploitationForm, join_codes, split_codes

from .filetypes import check_upload
from .models import DocumentType, Publisher, SavedItem


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

    def save(self, commit=True):
        document = super().save(commit=commit)
        # Wagtail's multiple upload saves with commit=False and stores the document itself; by
        # the time the transaction commits it has its key either way.
        file_changed = "file" in self.changed_data
        transaction.on_commit(lambda: _after_save(document.pk, file_changed))
        return document

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


def _after_save(document_id, file_changed):
    """A new file is read in the task worker (which then indexes it); other changes are indexed
    at once."""
    from .indexing import index_document
    from .models import KnowledgeDocument
    from .tasks import enqueue_extraction

    document = KnowledgeDocument.objects.filter(pk=document_id).first()
    if document is None:
        return
    if file_changed:
        enqueue_extraction(document)
    index_document(document)


class LibraryFilterForm(forms.Form):
    """Filters of the document library; every field is optional and bad values are ignored."""

    type = forms.MultipleChoiceField(required=False, choices=DocumentType.choices)
    organisation = forms.MultipleChoiceField(required=False, choices=())
    year = forms.IntegerField(required=False, min_value=1900, max_value=2100)
    form = forms.MultipleChoiceField(required=False, choices=ExploitationForm.choices)
    order = forms.ChoiceField(
        required=False, choices=[("date", _("Newest first")), ("title", _("Title"))]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [
            (str(pk), name) for pk, name in Publisher.objects.values_list("pk", "name")
        ]

    def cleaned(self, name):
        return getattr(self, "cleaned_data", {}).get(name)

    def filter(self, documents):
        data = self.cleaned_data
        if data["type"]:
            documents = documents.filter(document_type__in=data["type"])
        if data["organisation"]:
            documents = documents.filter(publishers__in=data["organisation"]).distinct()
        if data["year"]:
            documents = documents.filter(publication_date__year=data["year"])
        if data["form"]:
            condition = Q()
            for code in data["form"]:
                condition |= Q(exploitation_forms__contains=f"|{code}|")
            documents = documents.filter(condition)
        return documents

    def querystring(self):
        """The active filters, to keep them in pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        pairs = []
        for name in ("type", "organisation", "form"):
            pairs += [(name, value) for value in self.cleaned_data[name]]
        for name in ("year", "order"):
            if self.cleaned_data[name]:
                pairs.append((name, self.cleaned_data[name]))
        return urlencode(pairs)


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=500, required=False, strip=True)
    type = forms.MultipleChoiceField(required=False, choices=DocumentType.choices)
    organisation = forms.MultipleChoiceField(required=False, choices=())
    year = forms.MultipleChoiceField(required=False, choices=())
    form = forms.MultipleChoiceField(required=False, choices=ExploitationForm.choices)
    kind = forms.MultipleChoiceField(
        required=False,
        choices=[("document", _("Documents")), ("page", _("Pages")), ("news", _("News"))],
    )
    order = forms.ChoiceField(
        required=False, choices=[("relevance", _("Relevance")), ("date", _("Newest first"))]
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=10_000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Organisation names and years are open lists: any value is allowed and simply matches
        # nothing when unknown.
        data = self.data
        for name in ("organisation", "year"):
            values = data.getlist(name) if hasattr(data, "getlist") else []
            self.fields[name].choices = [(v[:100], v[:100]) for v in values]

    def filters(self):
        return {
            name: self.cleaned_data[name]
            for name in ("type", "organisation", "year", "form", "kind")
            if self.cleaned_data.get(name)
        }

    def facet_labels(self):
        return {
            "type": dict(DocumentType.choices),
            "form": dict(ExploitationForm.choices),
            "kind": dict(self.fields["kind"].choices),
        }

    def querystring(self, without_page=True):
        if not self.is_bound or not self.is_valid():
            return ""
        pairs = [("q", self.cleaned_data["q"])]
        for name, values in self.filters().items():
            pairs += [(name, value) for value in values]
        if self.cleaned_data.get("order"):
            pairs.append(("order", self.cleaned_data["order"]))
        return urlencode(pairs)


class NoteForm(forms.ModelForm):
    class Meta:
        model = SavedItem
        fields = ["note"]
        labels = {"note": _("Your note")}
        help_texts = {"note": _("Only you can read this note.")}
        widgets = {"note": forms.Textarea(attrs={"rows": 8})}


class ShareForm(forms.Form):
    to = forms.EmailField(
        label=_("E-mail address of your colleague"),
        help_text=_(
            "Your colleague needs a Signaal account that may open this item; we tell them by "
            "e-mail if they have none."
        ),
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, item, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item

    def clean_to(self):
        # Whether the address has an account that may open the item is not for the form to say:
        # content.actions.share_item tells the address itself by e-mail.
        return self.cleaned_data["to"].strip().lower()
