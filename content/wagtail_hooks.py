from django.http import Http404
from django.urls import path, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts import access

from .admin_views import ExtractionProblemsReport


@hooks.register("before_serve_page", order=10)
def check_page_access(page, request, serve_args, serve_kwargs):
    """Every page view asks the access module, and only the access module. A page the visitor may
    not see answers as a page that does not exist (404, also for anonymous visitors: the 404
    page offers the login), so nobody learns that a restricted page is there. A restricted page
    the access module opens is served here, never cached, so that Wagtail's own check (group
    membership without roles, no editors) does not overrule it."""
    if not access.can(request.user, "knowledge.view_page", page):
        raise Http404
    if page.get_view_restrictions().exists():
        response = page.serve(request, *serve_args, **serve_kwargs)
        add_never_cache_headers(response)
        return response
    return None


@hooks.register("after_bulk_action")
def after_bulk_action(request, action_type, objects, action_class_instance):
    """Wagtail's bulk actions (add to collection, delete, move, publish, …) change rows without
    signals, in one transaction with this hook: keep derived data in step there."""
    from .signal_handlers import bulk_changed

    bulk_changed(action_type, objects)


@hooks.register("register_rich_text_features", order=100)
def links_only_for_those_who_may_open_them(features):
    """After Wagtail's own handlers: ours replace them (content/richtext.py)."""
    from .richtext import AccessDocumentLinkHandler, AccessPageLinkHandler

    features.register_link_type(AccessDocumentLinkHandler)
    features.register_link_type(AccessPageLinkHandler)


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
