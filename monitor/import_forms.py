import difflib

from django import forms
from django.utils.translation import gettext
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
            problems = history.check_upload(data["format"], self.content, data["file"].name)
            for problem in problems:
                self.add_error("file", problem)
        return data


class WithdrawForm(forms.Form):
    reason = TextField(
        label=_("Why is this import withdrawn?"),
        max_length=300,
        help_text=_("Recorded in the audit log."),
    )


class ColumnChoice(forms.ChoiceField):
    """A choice every column of the file gets ("ignore" is a choice too, not a missing answer),
    so the label carries no "(optional)"."""

    def validate(self, value):
        if value in self.empty_values:
            return
        super().validate(value)


class MappingForm(forms.Form):
    """Which column of an uploaded file is which of ours: one choice per column of the file, one
    of ours or "ignore". Fields `column_0`, `column_1`, ... in the file's order."""

    save_as = TextField(
        label=_("Save this mapping as"),
        max_length=100,
        required=False,
        help_text=_(
            "A name, for example “Export previous registration”. The next file with the same "
            "columns gets this mapping at once."
        ),
    )

    use_required_attribute = False  # "ignore" (an empty value) is a valid choice

    def __init__(self, *args, batch_format, rows, initial_mapping, **kwargs):
        super().__init__(*args, **kwargs)
        self.batch_format = batch_format
        self.header = rows[0] if rows else []
        self.columns = history.COLUMNS[batch_format]
        width = max((len(row) for row in rows), default=0)
        used = [
            index
            for index in range(width)
            if any(index < len(row) and history.as_text(row[index]) for row in rows)
        ]
        choices = [("", gettext("Ignore this column"))]
        for column in self.columns:
            name = column.names[0]
            if column.required:
                name = gettext("%(name)s (required)") % {"name": name}
            choices.append((column.name, name))
        fields = {}
        for index in used:
            title = history.column_title(self.header, index)
            examples = [
                history.as_text(row[index])
                for row in rows[1:4]
                if index < len(row) and history.as_text(row[index])
            ]
            field = ColumnChoice(
                label=gettext("Column %(number)s: “%(title)s”")
                % {"number": index + 1, "title": title},
                choices=choices,
                initial=initial_mapping.get(index, ""),
                help_text=gettext("For example: %(values)s") % {"values": ", ".join(examples)}
                if examples
                else gettext("Empty in the first rows."),
            )
            field.title = title
            fields[f"column_{index}"] = field
        # The columns first, the name to save the mapping under last.
        self.fields = {**fields, "save_as": self.fields["save_as"]}

    def column_fields(self):
        return [self[name] for name in self.fields if name.startswith("column_")]

    def chosen(self):
        """{index as text: field} of what is chosen so far (also when the form has errors)."""
        data = getattr(self, "cleaned_data", None) or {}
        mapping = {}
        for name in self.fields:
            if name.startswith("column_"):
                value = data.get(name) if data else self[name].value()
                if value:
                    mapping[name.removeprefix("column_")] = value
        return mapping

    def clean(self):
        data = super().clean()
        taken = {}
        for name in self.fields:
            field = data.get(name)
            if not name.startswith("column_") or not field:
                continue
            if field in taken:
                self.add_error(
                    name,
                    _(
                        "%(ours)s is already the column “%(other)s”: choose another or ignore "
                        "this one."
                    )
                    % {
                        "ours": history.column_by_field(self.batch_format)[field].names[0],
                        "other": self.fields[taken[field]].title,
                    },
                )
            else:
                taken[field] = name
        for column in self.columns:
            if column.required and column.name not in taken:
                message = _(
                    "No column of the file is %(name)s, which is required: choose it for the "
                    "column that holds it."
                ) % {"name": column.names[0]}
                self.add_error(self._nearest_ignored(column), message)
        return data

    def _nearest_ignored(self, column):
        """The ignored column whose name looks most like `column` (where the reader should fix
        it), the first ignored one, or None (the error goes on top)."""
        ignored = [
            name
            for name in self.fields
            if name.startswith("column_") and not self.cleaned_data.get(name)
        ]
        titles = {history.normalise_header(self.fields[name].title): name for name in ignored}
        for title, name in titles.items():
            if any(candidate in title for candidate in column.names):
                return name
        for candidate in column.names:
            match = difflib.get_close_matches(candidate, list(titles), n=1, cutoff=0.5)
            if match:
                return titles[match[0]]
        return ignored[0] if ignored else None
