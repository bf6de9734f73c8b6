"""Forms of the municipal policy monitor: the quarter filter of the overview and the record form,
one small form per topic (prefixed with the topic) so each field keeps its own error."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from reports.forms import TextField

from .models import PolicyState
from .policy import EARLIEST_DATE, Quarter

NOTE_MAX_LENGTH = 2000


class QuarterForm(forms.Form):
    quarter = forms.ChoiceField(label=_("Situation at the end of"))

    def __init__(self, *args, quarters, **kwargs):
        """`quarters`: the quarters one may choose, newest (the current one) first."""
        super().__init__(*args, **kwargs)
        current, *older = quarters
        self.fields["quarter"].choices = [
            (current.key, _("%(quarter)s (today)") % {"quarter": current})
        ] + [(quarter.key, str(quarter)) for quarter in older]
        self.fields["quarter"].initial = current.key
        self.current = current

    def chosen(self):
        """The chosen quarter; the current one when nothing (valid) was chosen."""
        if self.is_bound and self.is_valid():
            return Quarter.parse(self.cleaned_data["quarter"])
        return self.current


class TopicStatusForm(forms.Form):
    """The state of one topic in one municipality. Its initial values are the current state, today
    and an empty note: what the user leaves alone is not recorded again."""

    state = forms.ChoiceField(label=_("State"), choices=PolicyState.choices)
    as_of = forms.DateField(
        label=_("As of"),
        # The date the user saw when the form was shown, so that a form opened before midnight
        # and sent after it does not count as a changed date for every topic.
        show_hidden_initial=True,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )
    note = TextField(label=_("Note"), multiline=True, max_length=NOTE_MAX_LENGTH, required=False)

    def __init__(self, *args, topic, current, **kwargs):
        """`current`: the topic's latest PolicyStatus (or None when nothing was recorded yet)."""
        self.topic = topic
        self.current = current
        self.today = timezone.localdate()
        initial = {"state": current.state if current else "", "as_of": self.today, "note": ""}
        super().__init__(*args, prefix=topic.value, initial=initial, **kwargs)
        self.fields["note"].widget.attrs["rows"] = 2
        if current is None:
            self.fields["state"].required = False
            self.fields["state"].choices = [("", _("Not recorded")), *PolicyState.choices]

    @property
    def label(self):
        return self.topic.label

    def clean_as_of(self):
        as_of = self.cleaned_data["as_of"]
        if as_of > self.today:
            raise ValidationError(_("The date cannot be in the future."), code="future")
        if as_of < EARLIEST_DATE:
            raise ValidationError(
                _("Enter a date after %(date)s.") % {"date": EARLIEST_DATE.strftime("%d-%m-%Y")},
                code="too_early",
            )
        return as_of

    def clean(self):
        data = super().clean()
        if self.has_changed() and not data.get("state") and "state" not in self.errors:
            self.add_error(
                "state", ValidationError(_("Choose a state to record."), code="required")
            )
        return data

    def change(self):
        """What to record for this topic (for actions.record_policy), or None when the user left
        the topic as it was. Only call after is_valid()."""
        if not self.has_changed():
            return None
        return {
            "topic": self.topic.value,
            "state": self.cleaned_data["state"],
            "as_of": self.cleaned_data["as_of"],
            "note": self.cleaned_data["note"],
        }
