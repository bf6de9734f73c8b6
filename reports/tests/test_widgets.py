"""Widgets rendered in Python write exactly what Django's widget templates write (the two that the
measurements keep: reports/forms.py LongSelect and LongCheckboxSelectMultiple)."""

import pytest
from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from reports.case_forms import TriageForm
from reports.forms import LongCheckboxSelectMultiple

CHOICES = [
    ("a", "Alpha"),
    ("b", "<b>Bold</b> & 'quoted' \"text\""),
    ("c", mark_safe("<em>safe</em>")),
    ("d", gettext_lazy("Priority")),
    (4, "a number"),
]
GROUPED = [
    ("First & <group>", [("a", "Alpha"), ("b", "Beta")]),
    ("c", "Gamma"),
    ("Second", [("d", "Delta")]),
]


@pytest.mark.parametrize("choices", [CHOICES, GROUPED, [], [(None, "none"), ("", "empty")]])
@pytest.mark.parametrize("value", [None, [], ["a"], ["b", "c", "4"], ["d", "zzz"]])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"id": "id_field"},
        {"id": "id_f<x>", "class": "list & more"},
        {
            "id": "id_field",
            "aria-invalid": "true",
            "aria-describedby": "id_field_helptext",
            "required": True,
            "disabled": False,
            "data-safe": mark_safe("<i>"),
            "data-number": 7,
        },
    ],
)
def test_long_checkbox_list_writes_what_the_templates_write(choices, value, attrs):
    stock = forms.CheckboxSelectMultiple(choices=choices, attrs={"data-widget": "x"})
    fast = LongCheckboxSelectMultiple(choices=choices, attrs={"data-widget": "x"})
    assert fast.render("name", value, attrs) == stock.render("name", value, attrs)


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"triage-indicators": ["XX-99"], "triage-priority": "x"}])
def test_triage_checkboxes_render_as_before(data):
    """The whole field group (fieldset, legend, errors, aria-invalid) with the stock widget and
    with the Python one."""
    form = TriageForm(data, initial={"indicators": ["AU-18"]}, prefix="triage")
    form.is_valid()
    fast = [form[name].as_field_group() for name in ("indicators", "secondary_forms")]
    for name in ("indicators", "secondary_forms"):
        form.fields[name].widget.__class__ = forms.CheckboxSelectMultiple
    stock = [form[name].as_field_group() for name in ("indicators", "secondary_forms")]
    assert fast == stock
    assert 'value="AU-18"' in fast[0]
    if data:
        assert 'aria-invalid="true"' in fast[0]


def _select_as_before(widget, name, value, attrs=None):
    """LongSelect.render as it was written with format_html_join."""
    from django.forms.utils import flatatt
    from django.utils.html import format_html, format_html_join

    chosen = {str(v) for v in widget.format_value(value)}
    options = format_html_join(
        "",
        '<option value="{}"{}>{}</option>',
        (
            (str(key), mark_safe(" selected") if str(key) in chosen else "", label)
            for key, label in widget.choices
        ),
    )
    final = widget.build_attrs(widget.attrs, {**(attrs or {}), "name": name})
    return format_html("<select{}>{}</select>", flatatt(final), options)


@pytest.mark.parametrize("value", [None, "", "a", "4", ["b"]])
def test_long_select_writes_what_it_wrote_before(value):
    from reports.forms import LongSelect

    widget = LongSelect(choices=CHOICES + [("e&f", "E & F"), (mark_safe("<s>"), "safe key")])
    attrs = {"id": "id_x", "aria-invalid": "true"}
    assert widget.render("x", value, attrs) == _select_as_before(widget, "x", value, attrs)


@pytest.mark.django_db
@pytest.mark.parametrize("data", [None, {"municipality": "GM0344"}, {"municipality": "nope"}])
def test_municipality_list_from_the_cache_is_the_querysets(data):
    from reports.forms import InboxFilterForm, WhereForm

    for form in (InboxFilterForm(data), WhereForm(data)):
        form.is_valid()
        field = form.fields["municipality"]
        cached = form["municipality"].as_field_group()
        field.widget.choices = field.choices  # the queryset's own list, read from the database
        assert cached == form["municipality"].as_field_group()
        assert cached.count("<option") == field.queryset.count() + 1
        if data and data["municipality"] == "GM0344":
            assert form.cleaned_data["municipality"].code == "GM0344"
            assert 'value="GM0344" selected' in cached


@pytest.mark.django_db
@pytest.mark.parametrize("bound", [False, True])
def test_case_and_filter_forms_render_as_with_the_stock_widgets(bound):
    """Every field of the triage form with a Python-rendered widget, as whole field groups
    (label, errors, aria), against the same form with Django's own widget; the selects of the
    case and filter forms are Django's own again."""
    from reports.forms import LongCheckboxSelectMultiple
    from reports.models import Report

    report = Report(status="triage", priority="normal", indicator_codes="AU-18")
    data = {"indicators": ["XX-99"], "secondary_forms": ["nope"], "priority": "nope"}
    prefixed = {f"triage-{k}": v for k, v in data.items()}
    made = [TriageForm.for_report(report, prefixed if bound else None)]
    swapped = 0
    for form in made:
        form.is_valid()
        for name, field in form.fields.items():
            if not isinstance(field.widget, LongCheckboxSelectMultiple):
                continue
            fast = form[name].as_field_group()
            field.widget.__class__ = forms.CheckboxSelectMultiple
            swapped += 1
            assert fast == form[name].as_field_group(), (type(form).__name__, name)
    assert swapped == 2


# --- empty forms rendered once (core.forms.RenderedOnceWhenEmpty) ------------------------------


def _fresh(form):
    """The form's HTML rendered now, past the kept copy."""
    return forms.Form.render(form)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_an_empty_case_form_writes_what_django_renders(language):
    from django.utils import translation

    from reports.case_forms import LinkForm, NoteForm, PersonForm
    from reports.forms import StaffMessageForm

    with translation.override(language):
        for form in (PersonForm(), LinkForm(), NoteForm(), StaffMessageForm()):
            kept = str(form)
            assert kept == _fresh(form)
            assert str(type(form)()) is kept  # the second page gets the kept copy
            assert 'name="' in kept


def test_the_kept_empty_form_follows_the_language():
    from django.utils import translation

    from reports.case_forms import NoteForm

    with translation.override("nl"):
        dutch = str(NoteForm())
    with translation.override("en"):
        english = str(NoteForm())
    assert "Interne notitie" in dutch
    assert "Internal note" in english


def test_a_bound_form_shows_its_input_and_errors_not_the_kept_copy():
    from reports.case_forms import PersonForm

    empty = str(PersonForm())
    bound = PersonForm({"person-role": "victim", "person-email": "not <an> address"})
    assert not bound.is_valid()
    html = str(bound)
    assert html != empty
    assert "error-summary" in html
    assert "not &lt;an&gt; address" in html


@pytest.mark.django_db
def test_the_status_form_is_kept_per_set_of_next_statuses():
    from reports.case_forms import StatusForm
    from reports.models import Status

    class Report:
        def __init__(self, status):
            self.status = status

    new = StatusForm(report=Report(Status.NEW))
    closed = StatusForm(report=Report(Status.CLOSED))
    assert str(new) == _fresh(new)
    assert str(closed) == _fresh(closed)
    assert str(new) != str(closed)
