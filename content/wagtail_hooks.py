from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import access

from .admin_views import ExtractionProblemsReport


@hooks.register("before_serve_page")
def check_page_access(page, request, serve_args, serve_kwargs):
    """Every page view asks the access module, on top of Wagtail's own restriction check."""
    if not access.can(request.user, "knowledge.view_page", page):
        if not access.is_verified(request.user):
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied


@hooks.register("register_admin_urls")
def extraction_report_urls():
    return [
        path(
            "reports/documents-without-text/",
            ExtractionProblemsReport.as_view(),
            name="signaal_extraction_report",
        ),
        path(
            "reports/documents-without-text/results/",
            ExtractionProblemsReport.as_view(results_only=True),
            name="signaal_extraction_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def extraction_report_menu_item():
    return MenuItem(
        _("Documents without searchable text"),
        reverse("signaal_extraction_report"),
        name="documents-without-text",
        icon_name="doc-full",
        order=900,
    )
