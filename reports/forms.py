"""The report form in short steps, the advice request, the mailbox and the staff forms.

Every text is cleaned the same way (TextField below); nothing is stored that the form does not
ask for."""

import html
import re
import unicodedata

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django.utils.formats import localize
from django.utils.functional import Promise
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.forms import RenderedOnceWhenEmpty
from indicators.exploitation import ExploitationForm
from indicators.models import Indicator, PremisesType, Sector
from regions.models import Municipality

from . import sanitise
from .languages import catalogue_language
from .models import AgeGroup, Answer, Gender

# Characters that reorder text (bidirectional overrides) or are invisible controls: a report
# must read as it was typed. Right-to-left letters themselves are fine.
_UNSAFE = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def clean_text(value, *, multiline=False):
    value = unicodedata.normalize("NFC", value or "")
    value = _UNSAFE.sub("", value)
    allowed = {"\n", "\t"} if multiline else set()
    value = "".join(
        ch
        for ch in value
        if ch in allowed
        or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
        or ch == "\u200d"  # zero-width joiner: part of many emoji
    )
    if multiline:
        value = re.sub(r"\r\n?", "\n", value)
    return value.strip()


LIMIT = _("At most {count} characters.")
TOO_LONG = _(
    "This text is longer than the %(limit)s characters that fit (it had %(length)s). Only the "
    "first %(limit)s characters have been kept: read the end again and shorten where needed."
)


class HoneypotField(forms.CharField):
    """A field only robots fill in, hidden from everyone: not shown (display: none), not read out
    (aria-hidden), not reachable by Tab and not filled in by the browser's autofill. It renders
    itself so that forms shown whole ({{ form }}) hide it too."""

    def __init__(self, **kwargs):
        kwargs.setdefault("template_name", "reports/honeypot_field.html")
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"})
        )
        super().__init__(**kwargs)


class TextField(forms.CharField):
    """Text as typed, its limit stated: the browser stops at maxlength, a longer text that gets
    through anyway is cut for the form and the draft (keep_the_start) with TOO_LONG beside it."""

    def __init__(self, *, multiline=False, **kwargs):
        self.multiline = multiline
        if multiline:
            kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 6}))
            if kwargs.get("max_length"):
                limit = format_lazy(LIMIT, count=kwargs["max_length"])
                help_text = kwargs.get("help_text")
                kwargs["help_text"] = format_lazy("{} {}", help_text, limit) if help_text else limit
        super().__init__(**kwargs)

    def to_python(self, value):
        return clean_text(super().to_python(value), multiline=self.multiline)


def keep_the_start(form):
    """After validation: every text field over its max_length shows (and so keeps, in the
    draft and the next post) only its first max_length characters, with TOO_LONG as its error.
    Returns whether anything was cut."""
    data = form.data.copy()
    cut = False
    for name, field in form.fields.items():
        limit = getattr(field, "max_length", None)
        key = form.add_prefix(name)
        if not limit or not hasattr(data, "getlist"):
            continue
        values = data.getlist(key)
        if any(len(value) > limit for value in values):
            longest = max(len(value) for value in values)
            data.setlist(key, [value[:limit] for value in values])
            form.errors[name] = form.error_class([TOO_LONG % {"limit": limit, "length": longest}])
            cut = True
    if cut:
        form.data = data
    return cut


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class AttachmentsField(forms.FileField):
    """Several files at once; each is checked (type from content, size, active content)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".jpg,.jpeg,.png,.pdf"}))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if len(files) > settings.SIGNAAL_MAX_ATTACHMENTS:
            raise ValidationError(
                _("You can add at most %(count)s files.")
                % {"count": settings.SIGNAAL_MAX_ATTACHMENTS}
            )
        errors = []
        for upload in files:
            try:
                sanitise.check(upload)
            except sanitise.AttachmentRejected as rejected:
                errors.append(f"{clean_text(upload.name)[:100]}: {rejected.message}")
            finally:
                upload.seek(0)
        if errors:
            raise ValidationError(errors)
        return files


PHONE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,19}$")
POSTCODE = re.compile(r"^[1-9][0-9]{3} ?[A-Za-z]{2}$")
HOUSE_NUMBER = re.compile(r"^[0-9]{1,5}( ?[A-Za-z0-9\-]{1,6})?$")


class LanguageSelect(forms.Select):
    """A select whose options are in another language than the page (catalogue texts)."""

    option_language = ""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if self.option_language and value:
            option["attrs"]["lang"] = self.option_language
        return option


class LongSelect(forms.Select):
    """A select with hundreds of options (the municipalities), rendered in Python: Django's
    template per option costs some 20 ms per page for 342 of them, format_html per option
    still some 3 ms. Measured again for issue 20 (bench/widget_bench.py --reports 5000
    --requests 30, SQLite, shared 2-core machine): a work list page costs 27 ms CPU as it was, 32
    ms with the small selects and the dates left to Django (as they were then), 78 ms with this
    select through Django's templates as well. Since issue 19's deep page the work list's other
    filter selects and the triage form's selects use it too (the same options; no whitespace
    between them, id before name); Django's select template was some 5 ms of a work-list page."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = []
        for key, label in self.choices:
            key = str(key)
            selected = " selected" if key in chosen else ""
            options.append(f'<option value="{_escaped(key)}"{selected}>{_escaped(label)}</option>')
        options = mark_safe("".join(options))  # noqa: S308 - keys and labels escaped above
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        return format_html("<select{}>{}</select>", flatatt(final), options)


def _escaped(value):
    """conditional_escape without its lazy-string wrapper (a few µs per call)."""
    if isinstance(value, Promise):
        value = str(value)
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


class LongCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes by the hundred (the signals of the triage), rendered in Python: Django's
    templates per option cost some 20 ms per page for 108 of them. The HTML is byte for byte what
    django/forms/widgets/checkbox_select.html writes (reports/tests: compared on every kind of
    choice, value and attribute); ids, labels, checked state and aria attributes come from
    Django's own get_context. Measured again for issue 20 (bench/widget_bench.py --reports 5000
    --requests 30): the case screen with 20 of everything (a share form per active referral, each
    listing persons and attachments) costs 154-159 ms CPU with this widget, 204-210 ms with
    Django's templates."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        wrapper = widget["attrs"]
        html = ["<div"]
        if wrapper.get("id"):
            html.append(f' id="{_text(wrapper["id"])}"')
        if wrapper.get("class"):
            html.append(f' class="{_text(wrapper["class"])}"')
        html.append(">")
        for group, options, _index in widget["optgroups"]:
            if group:
                html.append(f"\n  <div><label>{_text(group)}</label>")
            for option in options:
                html.append(f"<div>\n    {_option_html(option)}</div>")
            if group:
                html.append("\n  </div>")
        html.append("\n</div>")
        return mark_safe("".join(html))  # noqa: S308 - every value escaped by _text or _formatted


def _text(value):
    """What {{ value }} writes in a template: localised, escaped unless already safe."""
    return conditional_escape(localize(value))


def _formatted(value):
    """What {{ value|stringformat:'s' }} writes: a safe value stays as it is."""
    return value if isinstance(value, SafeData) else escape(value)


def _attrs_html(attrs):
    """django/forms/widgets/attrs.html: False leaves an attribute out, True writes its name."""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_formatted(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _option_html(option):
    """django/forms/widgets/checkbox_option.html (input_option.html, input.html)."""
    attrs = option["attrs"]
    value = option["value"]
    html = f'<input type="{_text(option["type"])}" name="{_text(option["name"])}"'
    if value is not None:
        html += f' value="{_formatted(value)}"'
    html += f"{_attrs_html(attrs)}>\n"
    if option["wrap_label"]:
        label_for = f' for="{_text(attrs["id"])}"' if attrs.get("id") else ""
        html = f"<label{label_for}>{html} {_text(option['label'])}</label>"
    return html + "\n\n"


def municipalities():
    return Municipality.objects.filter(ended_on__isnull=True).order_by("name")


def offer_municipalities(field):
    """Validate a municipality field against the database, but offer the list from the
    per-process catalogue cache: what the queryset would list (code, name), without reading
    and building 342 municipalities on every page, and only when the select is rendered."""
    field.queryset = municipalities()
    field.widget.choices = _CachedMunicipalities(field.empty_label)


class _CachedMunicipalities(BaseChoiceIterator):
    def __init__(self, empty_label):
        self.empty_label = empty_label

    def __iter__(self):
        yield ("", self.empty_label)
        yield from _catalogue_list(
            "municipalities", lambda: list(municipalities().values_list("code", "name"))
        )


# The catalogue changes rarely and the public form reads it on every step: each web process keeps
# the lists for a minute (an editor's change shows within a minute).
CATALOGUE_SECONDS = 60


def _catalogue_list(key, build):
    return cache.get_or_set(f"signaal:reports:{key}", build, CATALOGUE_SECONDS)


def premises_choices(language):
    name = f"name_{catalogue_language(language)}"
    rows = _catalogue_list(
        f"premises:{name}",
        lambda: list(PremisesType.objects.order_by(name).values_list("code", name)),
    )
    return [("", _("I don't know"))] + rows


def sector_choices(language):
    name = f"name_{catalogue_language(language)}"
    rows = _catalogue_list(
        f"sectors:{name}", lambda: list(Sector.objects.order_by(name).values_list("code", name))
    )
    return [("", _("I don't know"))] + rows


def indicator_choices():
    codes = _catalogue_list(
        "indicators",
        lambda: list(Indicator.objects.filter(active=True).values_list("code", flat=True)),
    )
    return [(code, code) for code in codes]


# --- the steps of the report form ------------------------------------------------------------


class WhatForm(forms.Form):
    title = _("What did you see?")

    description = TextField(
        label=_("What did you see or hear?"),
        multiline=True,
        max_length=5000,
        help_text=_(
            "Describe what happened, in your own words and your own language. "
            "Who did what, where, how often?"
        ),
    )
    acute_danger = forms.ChoiceField(
        label=_("Is someone in danger right now?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        initial=Answer.UNKNOWN,
        help_text=_("If someone is in danger right now, call 112 first."),
    )
    indicators = forms.MultipleChoiceField(
        label=_("Signals you noticed"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, language="nl", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicators"].choices = indicator_choices()


class WhereForm(forms.Form):
    title = _("Where and when?")

    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("I don't know"),
        to_field_name="code",
        widget=LongSelect,
    )
    street = TextField(label=_("Street"), max_length=100, required=False)
    house_number = TextField(label=_("House number"), max_length=12, required=False)
    postcode = TextField(
        label=_("Postcode"), max_length=7, required=False, help_text=_("For example 3511 AB")
    )
    place = TextField(
        label=_("Description of the place or business"),
        multiline=True,
        max_length=1000,
        required=False,
        help_text=_("For example the name of a shop, a car park, a field, a website."),
    )
    premises_type = forms.ChoiceField(
        label=_("Kind of place"), required=False, widget=LanguageSelect
    )
    occurred_on = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("When did you see it (last)?"),
    )
    occurred_period = TextField(
        label=_("When, in your own words"),
        max_length=200,
        required=False,
        help_text=_("For example: every weekend since March."),
    )

    def __init__(self, *args, language="nl", **kwargs):
        super().__init__(*args, **kwargs)
        offer_municipalities(self.fields["municipality"])
        self.fields["premises_type"].choices = premises_choices(language)
        if catalogue_language(language) != language:
            self.fields["premises_type"].widget.option_language = catalogue_language(language)

    def clean_postcode(self):
        value = self.cleaned_data["postcode"]
        if value and not POSTCODE.match(value):
            raise ValidationError(_("Enter a Dutch postcode: four digits and two letters."))
        compact = value.replace(" ", "").upper()
        return f"{compact[:4]} {compact[4:]}" if compact else ""

    def clean_house_number(self):
        value = self.cleaned_data["house_number"]
        if value and not HOUSE_NUMBER.match(value):
            raise ValidationError(_("Enter a house number, for example 12 or 12A."))
        return value

    def clean_occurred_on(self):
        value = self.cleaned_data["occurred_on"]
        if value and value > timezone.localdate():
            raise ValidationError(_("This date is in the future."))
        if value and value.year < 1950:
            raise ValidationError(_("Enter a date after 1950."))
        return value


class WhoForm(forms.Form):
    title = _("Who is involved?")

    victim_count = forms.IntegerField(
        label=_("How many people may be victims?"), min_value=0, max_value=999, required=False
    )
    age_group = forms.ChoiceField(
        label=_("How old are they?"),
        choices=AgeGroup.choices,
        widget=forms.RadioSelect,
        initial=AgeGroup.UNKNOWN,
    )
    approximate_age = forms.IntegerField(
        label=_("Approximate age"), min_value=0, max_value=120, required=False
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=Gender.choices, widget=forms.RadioSelect, initial=Gender.UNKNOWN
    )
    nationality = TextField(
        label=_("Nationality or language, if you know"), max_length=100, required=False
    )
    exploiters = TextField(
        label=_("Who may be exploiting them?"),
        multiline=True,
        max_length=3000,
        required=False,
        help_text=_("Names, nicknames, what they look like, cars, phone numbers, if you know."),
    )
    company_name = TextField(label=_("Company name"), max_length=200, required=False)
    kvk_number = TextField(
        label=_("KvK number"),
        max_length=8,
        required=False,
        help_text=_("The 8-digit number of the Chamber of Commerce, if you know it."),
    )

    def __init__(self, *args, language="nl", **kwargs):
        super().__init__(*args, **kwargs)

    def clean_kvk_number(self):
        value = self.cleaned_data["kvk_number"]
        if value and not re.fullmatch(r"[0-9]{8}", value):
            raise ValidationError(_("A KvK number has 8 digits."))
        return value

    def clean(self):
        data = super().clean()
        age, group = data.get("approximate_age"), data.get("age_group")
        if age is not None and group == AgeGroup.ADULT and age < 18:
            self.add_error("approximate_age", _("You chose 18 or older, but this age is under 18."))
        return data


class PassphraseMixin:
    def clean_passphrase_fields(self, data, *, required=False):
        passphrase, again = data.get("passphrase", ""), data.get("passphrase_again", "")
        if required and not passphrase:
            self.add_error("passphrase", _("Choose a passphrase."))
        if passphrase and len(passphrase) < 8:
            self.add_error("passphrase", _("Use at least 8 characters."))
        elif passphrase and passphrase != again:
            self.add_error("passphrase_again", _("The two passphrases are not the same."))


def passphrase_fields():
    """The passphrase is typed where it is used and never put back into a page (PasswordInput
    without render_value): the public report asks for it on the last step only, next to "Send",
    so that it never travels in the draft."""
    return {
        "passphrase": forms.CharField(
            label=_("Passphrase for your mailbox"),
            required=False,
            max_length=200,
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
            help_text=_(
                "Choose a passphrase of at least 8 characters. With it and the code you will get, "
                "you can add information later and answer questions from the reporting point."
            ),
        ),
        "passphrase_again": forms.CharField(
            label=_("Passphrase again"),
            required=False,
            max_length=200,
            strip=False,
            widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        ),
    }


class YouForm(forms.Form):
    title = _("About you")

    ANONYMOUS, CONTACT = "anonymous", "contact"
    identity = forms.ChoiceField(
        label=_("Do you want to stay anonymous?"),
        choices=[
            (ANONYMOUS, _("Yes, I report anonymously")),
            (CONTACT, _("No, I leave my contact details")),
        ],
        widget=forms.RadioSelect,
        initial=ANONYMOUS,
    )
    reporter_name = TextField(label=_("Your name"), max_length=150, required=False)
    reporter_phone = TextField(label=_("Your phone number"), max_length=20, required=False)
    reporter_email = forms.EmailField(label=_("Your e-mail address"), required=False)
    may_contact = forms.BooleanField(
        label=_("The reporting point may contact me about this report"), required=False
    )

    def __init__(self, *args, language="nl", **kwargs):
        super().__init__(*args, **kwargs)

    def clean_reporter_phone(self):
        value = self.cleaned_data["reporter_phone"]
        if value and not PHONE.match(value):
            raise ValidationError(
                _("Enter a phone number with digits only, for example 06 12345678.")
            )
        return value

    def clean(self):
        data = super().clean()
        if data.get("identity") == self.ANONYMOUS:
            for name in ("reporter_name", "reporter_phone", "reporter_email"):
                data[name] = ""
            data["may_contact"] = False
        elif data.get("identity") == self.CONTACT and not (
            data.get("reporter_phone")
            or data.get("reporter_email")
            or self.errors.get("reporter_phone")
            or self.errors.get("reporter_email")
        ):
            self.add_error("reporter_phone", _("Leave a phone number or an e-mail address."))
        return data


class ProfessionalYouForm(forms.Form):
    """A signed-in professional reports in their role; name and e-mail come from the account."""

    title = _("About you")

    reporter_organisation = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=None, empty_label=None
    )
    reporter_function = TextField(label=_("Your function"), max_length=150, required=False)
    reporter_phone = TextField(label=_("Phone number for questions"), max_length=20, required=False)
    may_contact = forms.BooleanField(
        label=_("The reporting point may contact me about this report"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, organisations=(), language="nl", **kwargs):
        super().__init__(*args, **kwargs)
        from accounts.models import Organisation

        self.fields["reporter_organisation"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations]
        )

    clean_reporter_phone = YouForm.clean_reporter_phone


class SendForm(PassphraseMixin, forms.Form):
    """The last step: attachments, the mailbox passphrase (public reports; typed here only, so
    that it is never part of the draft), and a field that only robots fill in."""

    title = _("Check and send")

    attachments = AttachmentsField(
        label=_("Photos or documents"),
        help_text=_("At most 5 files: photos (JPG, PNG) or PDF, up to 10 MB each."),
    )
    website = HoneypotField()

    def __init__(self, *args, mailbox=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.mailbox = mailbox
        if mailbox:
            self.fields.update(passphrase_fields())

    def clean(self):
        data = super().clean()
        if self.mailbox:
            self.clean_passphrase_fields(data)
        return data


STEP_FORMS = {"what": WhatForm, "where": WhereForm, "who": WhoForm, "you": YouForm}


# --- advice request ----------------------------------------------------------------------------


class AdviceForm(PassphraseMixin, forms.Form):
    """A professional consults the reporting point without naming anyone."""

    description = TextField(
        label=_("Your question"),
        multiline=True,
        max_length=5000,
        help_text=_(
            "Describe the situation without names, addresses or other details by which someone "
            "could be recognised."
        ),
    )
    suspected_form = forms.ChoiceField(
        label=_("Which form of exploitation do you suspect?"),
        required=False,
        choices=[("", _("I don't know"))] + list(ExploitationForm.choices),
    )
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("I don't know"),
        to_field_name="code",
        widget=LongSelect,
    )
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    minor_involved = forms.BooleanField(label=_("It concerns someone under 18"), required=False)
    acute_danger = forms.ChoiceField(
        label=_("Is someone in danger right now?"),
        choices=Answer.choices,
        widget=forms.RadioSelect,
        initial=Answer.NO,
        help_text=_("If someone is in danger right now, call 112 first."),
    )
    reporter_organisation_text = TextField(label=_("Your organisation"), max_length=200)
    reporter_function = TextField(label=_("Your function"), max_length=150, required=False)
    reporter_email = forms.EmailField(
        label=_("E-mail address for the answer"),
        required=False,
        help_text=_("We send only a notice that there is an answer, never the answer itself."),
    )
    website = HoneypotField()

    def __init__(self, *args, signed_in=False, language="nl", organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.signed_in = signed_in
        offer_municipalities(self.fields["municipality"])
        self.fields["sector"].choices = sector_choices(language)
        if signed_in:
            from accounts.models import Organisation

            del self.fields["reporter_organisation_text"]
            del self.fields["reporter_email"]
            self.fields["reporter_organisation"] = forms.ModelChoiceField(
                label=_("On behalf of"),
                queryset=Organisation.objects.filter(pk__in=[o.pk for o in organisations]),
                empty_label=None,
            )
        else:
            self.fields.update(passphrase_fields())

    def clean(self):
        data = super().clean()
        if not self.signed_in:
            # The answer reaches a public asker only through the mailbox.
            self.clean_passphrase_fields(data, required=True)
        return data


# --- mailbox and staff ---------------------------------------------------------------------------


class MailboxSignInForm(forms.Form):
    code = forms.CharField(
        label=_("Follow-up code"),
        max_length=20,
        help_text=_("For example ABCD-EFGH-JKLM"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    passphrase = forms.CharField(
        label=_("Passphrase"),
        max_length=200,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class MessageForm(forms.Form):
    body = TextField(label=_("Your message"), multiline=True, max_length=5000)
    attachments = AttachmentsField(
        label=_("Photos or documents"),
        help_text=_("At most 5 files: photos (JPG, PNG) or PDF, up to 10 MB each."),
    )


class StaffMessageForm(RenderedOnceWhenEmpty, forms.Form):
    body = TextField(label=_("Message to the reporter"), multiline=True, max_length=5000)


class InboxFilterForm(forms.Form):
    received_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Received until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(label=_("Kind"), required=False, widget=LongSelect)
    status = forms.ChoiceField(label=_("Status"), required=False, widget=LongSelect)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"),
        queryset=Municipality.objects.none(),
        required=False,
        empty_label=_("All"),
        to_field_name="code",
        widget=LongSelect,
    )
    acute = forms.BooleanField(label=_("Acute danger"), required=False)
    minor = forms.BooleanField(label=_("Minor involved"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False, widget=LongSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from .languages import REPORT_LANGUAGES
        from .models import Kind, Status

        everything = [("", _("All"))]
        self.fields["kind"].choices = everything + list(Kind.choices)
        self.fields["status"].choices = everything + list(Status.choices)
        self.fields["language"].choices = everything + REPORT_LANGUAGES
        offer_municipalities(self.fields["municipality"])

    def clean(self):
        data = super().clean()
        start, end = data.get("received_from"), data.get("received_to")
        if start and end and start > end:
            self.add_error("received_to", _("This date is before the start date."))
        return data
