"""The spam trap (honeypot) of the advice form and the report form is hidden from everyone: inside
an element that is not shown and not read out, out of the Tab order and not autofilled."""

import re
from pathlib import Path

import pytest
from django.template.loader import render_to_string

from reports.forms import AdviceForm, SendForm

HIDDEN = re.compile(
    r'<div class="hp" aria-hidden="true"><label for="id_website">[^<]*</label>'
    r'<input type="text" name="website" tabindex="-1" autocomplete="off"[^>]*></div>'
)


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", [AdviceForm, SendForm])
def test_the_form_rendered_whole_hides_the_trap(form_class):
    html = str(form_class())
    assert HIDDEN.search(html), html
    assert html.count('name="website"') == 1


@pytest.mark.django_db
def test_the_advice_page_hides_the_trap(client):
    html = client.get("/melden/advies/").content.decode()
    assert len(HIDDEN.findall(html)) == 1
    assert html.count('name="website"') == 1


def test_the_trap_class_is_never_shown():
    css = Path("static/css/signaal.css").read_text()
    assert re.search(r"^\.hp \{ display: none; \}", css, re.M)


def test_a_plain_text_field_would_be_caught():
    """Without the trap's own template the field is an ordinary visible one."""
    from django import forms

    class Plain(forms.Form):
        website = forms.CharField(required=False)

    assert not HIDDEN.search(str(Plain()))
    assert render_to_string("reports/honeypot_field.html", {}).startswith('<div class="hp"')
