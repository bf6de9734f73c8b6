"""Forms of the reporting point's case screen and of the partners."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts import access
from accounts.access import PARTNER_KINDS
from core.dates import local_date
from core.forms import RenderedOnceWhenEmpty
from indicators.exploitation import ExploitationForm
from indicators.models import Indicator

from .forms import LongCheckboxSelectMultiple, LongSelect, TextField
from .models import Attachment, LegalBasis, Outcome, PersonRole, Priority, Status
from .workflow import next_statuses

EMPTY_FORM = _("Not determined (counted as “Leeg”)")


class TriageForm(forms.Form):
    primary_form = forms.ChoiceField(
        label=_("Form of exploitation"), required=False, widget=LongSelect
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
    priority = forms.ChoiceField(label=_("Priority"), choices=Priority.choices, widget=LongSelect)
    assigned_to = forms.ModelChoiceField(
        label=_("Assigned to"),
        queryset=None,
        required=False,
        empty_label=_("Nobody yet"),
        widget=LongSelect,
    )

    def __init__(self, *args, indicators=None, **kwargs):
        """indicators: the active signals as (code, Dutch text) in the catalogue's order, when
        the caller has read them already (else they are read here)."""
        super().__init__(*args, **kwargs)
        self.fields["primary_form"].choices = [("", EMPTY_FORM)] + list(ExploitationForm.choices)
        if indicators is None:
            indicators = (
                Indicator.objects.filter(active=True)
                .order_by("domain", "code")
                .values_list("code", "text_nl")
            )
        self.fields["indicators"].choices = [(code, f"{code} {text}") for code, text in indicators]
        self.fields["assigned_to"].queryset = access.staff_members().order_by("full_name")

    @classmethod
    def for_report(cls, report, data=None, indicators=None):
        initial = {
            "primary_form": report.primary_form,
            "secondary_forms": report.other_forms,
            "indicators": report.confirmed_indicators if report.triaged else report.indicators,
            "priority": report.priority,
            "assigned_to": report.assigned_to_id,
        }
        return cls(data, initial=initial, prefix="triage", indicators=indicators)


class StatusForm(RenderedOnceWhenEmpty, forms.Form):
    to_status = forms.ChoiceField(label=_("New status"))
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        required=False,
        choices=[("", _("Choose when closing"))] + list(Outcome.choices),
    )
    reason = TextField(label=_("Reason or explanation"), max_length=500, required=False)

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, prefix="status", **kwargs)
        self.fields["to_status"].choices = [
            (status, Status(status).label) for status in next_statuses(report.status)
        ]

    def render_key(self):
        return tuple(value for value, _label in self.fields["to_status"].choices)

    def clean(self):
        data = super().clean()
        if data.get("to_status") == Status.CLOSED and not data.get("outcome"):
            self.add_error("outcome", _("Choose the outcome to close this report."))
        if data.get("to_status") == Status.REOPENED and not data.get("reason"):
            self.add_error("reason", _("State why the report is reopened."))
        return data


class PersonForm(RenderedOnceWhenEmpty, forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=PersonRole.choices)
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


class LinkForm(RenderedOnceWhenEmpty, forms.Form):
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


class NoteForm(RenderedOnceWhenEmpty, forms.Form):
    body = TextField(label=_("Internal note"), multiline=True, max_length=5000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="note", **kwargs)


def person_label(person):
    """How staff recognise a person in a list of choices: the role, the name and the start of
    the description (staff forms only; partners see only what is shared with them)."""
    label = f"{person.get_role_display()}: {person.name or gettext('no name')}"
    if person.description:
        label += f" – {Truncator(person.description).chars(60)}"
    return label


def attachment_label(attachment):
    when = local_date(attachment.at, "short")
    kind = attachment.content_type or gettext("unknown type")
    return f"{attachment.original_name} ({kind}, {filesizeformat(attachment.size)}, {when})"


def _item_choices(persons, attachments, *, exclude_persons=(), exclude_attachments=()):
    return (
        [(str(p.pk), person_label(p)) for p in persons if p.pk not in exclude_persons],
        [
            (str(a.pk), attachment_label(a))
            for a in attachments
            if a.state == Attachment.State.STORED and a.pk not in exclude_attachments
        ],
    )


ITEM_ERRORS = {
    "persons": {"invalid_choice": _("Choose persons of this report from the list.")},
    "attachments": {"invalid_choice": _("Choose attachments of this report from the list.")},
}


def referral_summary(report):
    """A first summary for the partner from the parts of the report a referral shares: what was
    seen, where and when, who is involved, the form of exploitation. Never the reporter."""
    lines = [
        gettext("%(kind)s %(reference)s, received %(date)s.")
        % {
            "kind": report.get_kind_display(),
            "reference": report.reference,
            "date": local_date(report.created_at),
        }
    ]
    if report.description:
        lines.append(gettext("What was seen: %(text)s") % {"text": report.description})
    where = ", ".join(
        part
        for part in (
            " ".join(p for p in (report.street, report.house_number) if p),
            report.postcode,
            report.municipality.name if report.municipality_id else "",
            report.place,
        )
        if part
    )
    if where:
        lines.append(gettext("Where: %(where)s") % {"where": where})
    if report.occurred_on or report.occurred_period:
        when = " ".join(
            p
            for p in (
                local_date(report.occurred_on),
                report.occurred_period,
            )
            if p
        )
        lines.append(gettext("When: %(when)s") % {"when": when})
    who = []
    if report.victim_count:
        who.append(gettext("%(count)s possible victims") % {"count": report.victim_count})
    if report.minor_involved:
        who.append(gettext("a minor is involved"))
    if report.company_name:
        who.append(gettext("company: %(name)s") % {"name": report.company_name})
    if who:
        lines.append(gettext("Involved: %(who)s") % {"who": "; ".join(who)})
    if report.primary_form:
        lines.append(
            gettext("Form of exploitation: %(form)s")
            % {"form": ExploitationForm(report.primary_form).label}
        )
    if report.acute_danger == "yes":
        lines.append(gettext("The reporter says someone is in acute danger."))
    return "\n".join(lines)[:5000]


class LegalBasisChoice(forms.ModelChoiceField):
    """A radio per basis, its explanation (when to use it) beside its name."""

    def label_from_instance(self, obj):
        if not obj.description:
            return obj.name
        return format_html('{}<span class="helptext">{}</span>', obj.name, obj.description)


class ReferralForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Partner"), queryset=None, empty_label=_("Choose a partner")
    )
    legal_basis = LegalBasisChoice(
        label=_("Legal basis"),
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
        help_text=_(
            "On what ground may this partner receive these data? Ask the privacy officer when "
            "in doubt."
        ),
        error_messages={"required": _("Choose the legal basis for this referral.")},
    )
    summary = TextField(
        label=_("Summary for the partner"),
        multiline=True,
        max_length=5000,
        help_text=_(
            "Filled in from the report without the reporter's details: edit it so that it holds "
            "only what this partner needs to act."
        ),
    )
    persons = forms.MultipleChoiceField(
        label=_("Persons to share"),
        required=False,
        widget=LongCheckboxSelectMultiple,
        error_messages=ITEM_ERRORS["persons"],
        help_text=_(
            "Only the persons you tick. Persons recorded later reach the partner only when you "
            "share them from the case screen."
        ),
    )
    attachments = forms.MultipleChoiceField(
        label=_("Attachments to share"),
        required=False,
        widget=LongCheckboxSelectMultiple,
        error_messages=ITEM_ERRORS["attachments"],
        help_text=_(
            "Only the attachments you tick. Later attachments, also those the reporter sends "
            "through the mailbox, reach the partner only when you share them."
        ),
    )
    share_contact = forms.BooleanField(
        label=_("Share the reporter's contact details"),
        required=False,
        help_text=_("Never by default; only when the partner needs them, with a reason."),
    )
    contact_reason = TextField(
        label=_("Why does the partner need the contact details?"), max_length=500, required=False
    )

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import Organisation

        self.fields["organisation"].queryset = Organisation.objects.filter(
            is_active=True, kind__in=PARTNER_KINDS
        ).order_by("name")
        self.fields["legal_basis"].queryset = LegalBasis.objects.filter(active=True)
        self.report = report
        if not self.is_bound:
            self.initial.setdefault("summary", referral_summary(report))
        persons, attachments = _item_choices(report.persons.all(), report.attachments.all())
        for name, choices in (("persons", persons), ("attachments", attachments)):
            if choices:
                self.fields[name].choices = choices
            else:  # nothing to choose: no empty group of checkboxes
                del self.fields[name]

    def clean(self):
        data = super().clean()
        basis = data.get("legal_basis")
        if basis is not None and basis.needs_consent and self.report.reporter_type == "anonymous":
            self.add_error(
                "legal_basis",
                _(
                    "This report is anonymous: there is no one who can give consent. Choose "
                    "another legal basis."
                ),
            )
        if data.get("share_contact") and not data.get("contact_reason"):
            self.add_error(
                "contact_reason", _("State why the partner needs the reporter's contact details.")
            )
        data.setdefault("persons", [])
        data.setdefault("attachments", [])
        return data


class ShareItemsForm(forms.Form):
    """Share persons or attachments with the partner of an active referral that it does not
    have yet (one form per referral on the case screen, told apart by its prefix)."""

    persons = forms.MultipleChoiceField(
        label=_("Persons"),
        required=False,
        widget=LongCheckboxSelectMultiple,
        error_messages=ITEM_ERRORS["persons"],
    )
    attachments = forms.MultipleChoiceField(
        label=_("Attachments"),
        required=False,
        widget=LongCheckboxSelectMultiple,
        error_messages=ITEM_ERRORS["attachments"],
    )

    def __init__(self, *args, referral, persons, attachments, shared=((), ()), **kwargs):
        """`persons` and `attachments` are all of the report's; `shared` the ids of the persons
        and attachments the referral already has."""
        super().__init__(*args, prefix=f"share-{referral.pk}", **kwargs)
        self.referral = referral
        persons, attachments = _item_choices(
            persons,
            attachments,
            exclude_persons=set(shared[0]),
            exclude_attachments=set(shared[1]),
        )
        for name, choices in (("persons", persons), ("attachments", attachments)):
            if choices:
                self.fields[name].choices = choices
            else:
                del self.fields[name]

    @property
    def has_choices(self):
        """Is there anything of the report this referral does not share yet?"""
        return bool(self.fields)

    def clean(self):
        data = super().clean()
        if not self.referral.is_active:
            raise forms.ValidationError(_("This referral has ended: nothing more can be shared."))
        if not self.errors and not (data.get("persons") or data.get("attachments")):
            raise forms.ValidationError(_("Choose at least one person or attachment to share."))
        return data


def share_form_for(referral, persons, attachments, items, data=None):
    """The form to share more of a report with an active referral; `items` are the referral's
    ReferralItems (what it already shares)."""
    shared = (
        {item.person_id for item in items if item.person_id},
        {item.attachment_id for item in items if item.attachment_id},
    )
    return ShareItemsForm(
        data, referral=referral, persons=persons, attachments=attachments, shared=shared
    )


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
        choices=[("", _("Anyone")), ("me", _("To me")), ("nobody", _("To nobody"))],
        widget=LongSelect,
    )
    overdue = forms.BooleanField(label=_("Past the deadline"), required=False)
    unread = forms.BooleanField(label=_("New messages from the reporter"), required=False)
    open = forms.BooleanField(label=_("Open only"), required=False)
    primary_form = forms.ChoiceField(
        label=_("Form of exploitation"), required=False, widget=LongSelect
    )
    priority = forms.ChoiceField(
        label=_("Priority"),
        required=False,
        choices=[("", _("All"))] + list(Priority.choices),
        widget=LongSelect,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["primary_form"].choices = [("", _("All")), ("none", EMPTY_FORM)] + list(
            ExploitationForm.choices
        )
