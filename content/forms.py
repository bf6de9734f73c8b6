from functools import partial
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils.html import format_html
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from indicators.exploitation import ExploitationForm, join_codes, split_codes

from .filetypes import check_upload
from .models import DocumentLanguage, DocumentType, Publisher, SavedItem

DEFAULTED_FIELDS = ("document_type", "language")


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
        # Wagtail's multiple upload validates this form with only a title, a collection and the
        # file; a field that is left out keeps the model's default, so the upload is stored at
        # once and the editor completes the rest in the form shown next to it.
        for name in DEFAULTED_FIELDS:
            if name in self.fields:
                self.fields[name].required = False
        self._show_audiences()

    def _show_audiences(self):
        """Tell the editor who will be able to see the document: after each collection's name,
        and in the file field's help (which Wagtail's multiple upload shows on its page)."""
        field = self.fields.get("collection")
        collections = list(field.queryset) if field is not None else list(self.collections)
        labels = {c.pk: audience_label(c) for c in collections}
        if field is not None:
            indented = field.label_from_instance
            field.label_from_instance = lambda c: format_html(
                "{} — {}", indented(c), labels.get(c.pk) or audience_label(c)
            )
            field.help_text = _("Who can see the document follows from its collection.")
        if "file" in self.fields:
            audiences = "; ".join(f"{c.name}: {labels[c.pk]}" for c in collections)
            help_text = self.fields["file"].help_text
            self.fields["file"].help_text = format_lazy(
                "{} {}",
                help_text,
                _("Who can see it follows from its collection: %(audiences)s.")
                % {"audiences": audiences},
            )

    def clean_document_type(self):
        return self.cleaned_data.get("document_type") or DocumentType.GENERAL

    def clean_language(self):
        return self.cleaned_data.get("language") or DocumentLanguage.DUTCH

    def clean_exploitation_forms(self):
        return join_codes(self.cleaned_data.get("exploitation_forms") or [])

    def save(self, commit=True):
        # A new document always has a new file, also when Wagtail's multiple upload attaches the
        # file outside the form (its two-step path through an UploadedFile).
        file_changed = self.instance._state.adding or "file" in self.changed_data
        document = super().save(commit=commit)
        if commit:
            transaction.on_commit(partial(_after_save, document.pk, file_changed))
        else:
            # Wagtail's multiple upload saves with commit=False and stores the document itself:
            # KnowledgeDocument.save() hands this on once the row (and so its key) exists.
            document.after_commit = partial(_after_save, file_changed=file_changed)
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


def audience_label(collection):
    """Who may see the documents of `collection`, in words (accounts.access decides)."""
    from accounts.access import collection_audience

    kind, groups = collection_audience(collection)
    if kind == "public":
        return _("everyone (public)")
    if kind == "login":
        return _("signed-in professionals")
    if kind == "groups" and groups:
        return _("only members of group %(groups)s") % {"groups": ", ".join(groups)}
    return _("only editors")


def _after_save(document_id, file_changed):
    """Index the document as it is now; a new file is then read in the task worker, which indexes
    the document again with its text. Queued only after the index is written, and both index
    from the locked, freshly read row (content.tasks.index_current): whichever of the two runs
    last, the index ends with the text."""
    from .tasks import enqueue_extraction, index_current

    document = index_current(document_id)
    if document is not None and file_changed:
        enqueue_extraction(document)


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
