"""Signaal's own additions to every screen of Wagtail's admin: a small script (accessible names
Wagtail's markup lacks, and the start of Wagtail's date widgets without inline scripts)."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def signaal_admin_js():
    return format_html('<script src="{}" defer></script>', static("js/admin.js"))
