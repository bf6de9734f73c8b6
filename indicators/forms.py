from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Indicator, PremisesType, Subject


class PremisesChoiceField(forms.ModelChoiceField):
    """Kinds of place by their name in the active language."""

    def label_from_instance(self, obj):
        return obj.name_for()


class GuideForm(forms.Form):
    """'Wat zie je?': every field is optional, the selection lives in the URL (GET)."""

    subject = forms.ChoiceField(
        label=_("What did you notice?"),
        choices=[
            (Subject.PERSON, _("Something about a person")),
            (Subject.LOCATION, _("Something about a location or business")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    acute = forms.BooleanField(label=_("Someone is in acute danger"), required=False)
    minor = forms.BooleanField(label=_("It concerns someone under 18"), required=False)
    premises = PremisesChoiceField(
        label=_("Kind of place"),
        queryset=PremisesType.objects.all(),
        required=False,
        empty_label=_("Unknown or not applicable"),
        to_field_name="code",
    )
    s = forms.MultipleChoiceField(
        label=_("Signals"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["s"].choices = [
            (code, code)
            for code in Indicator.objects.filter(active=True).values_list("code", flat=True)
        ]

    def subject_value(self):
        if self.is_bound and self.is_valid() and self.cleaned_data["subject"]:
            return self.cleaned_data["subject"]
        return Subject.PERSON
