"""Wagtail's admin under our policy (issue 19): its date widgets start without inline scripts,
style attributes are allowed on /cms/ only and scripts nowhere inline, no gravatar, Dutch only."""

import pytest
from django.conf import settings
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput

from accounts.models import Role


@pytest.mark.parametrize(
    "widget, starter",
    [
        (AdminDateInput, "initDateChooser"),
        (AdminDateTimeInput, "initDateTimeChooser"),
        (AdminTimeInput, "initTimeChooser"),
    ],
)
def test_date_widgets_have_no_inline_script(widget, starter):
    html = widget().render("go_live_at", None, attrs={"id": "id_go_live_at"})
    assert "<script" not in html
    assert f'data-signaal-widget-init="{starter}"' in html
    assert 'data-target="id_go_live_at"' in html


def test_the_admin_script_starts_only_the_known_widgets():
    script = (settings.BASE_DIR / "static" / "js" / "admin.js").read_text()
    assert "['initDateChooser', 'initDateTimeChooser', 'initTimeChooser']" in script


def test_no_gravatar_and_dutch_only():
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    assert settings.WAGTAILADMIN_PERMITTED_LANGUAGES == [("nl", "Nederlands")]


def policy(response):
    return dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )


@pytest.mark.django_db
def test_style_attributes_only_on_cms(client, make_user, login):
    login(client, make_user(Role.EDITOR))
    cms = client.get("/cms/")
    assert cms.status_code == 200
    assert policy(cms)["style-src-attr"] == "'unsafe-inline'"
    assert policy(cms)["style-src-elem"] == "'self' 'unsafe-inline'"
    assert "unsafe" not in policy(cms)["script-src"]
    assert "unsafe" not in policy(cms)["style-src"]
    elsewhere = client.get("/account/")
    assert "style-src-attr" not in policy(elsewhere)
    assert "style-src-elem" not in policy(elsewhere)


@pytest.mark.django_db
def test_the_admin_loads_our_script_and_speaks_dutch(client, make_user, login):
    login(client, make_user(Role.EDITOR))
    html = client.get("/cms/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "/static/js/admin.js" in html
    assert 'value="Zoeken"' in html and 'value="Search"' not in html
    assert '<html lang="nl"' in html
    beheer = client.get("/beheer/", HTTP_ACCEPT_LANGUAGE="en")
    assert beheer["Content-Language"] == "nl"
