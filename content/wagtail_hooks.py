from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from wagtail import hooks

from accounts import access


@hooks.register("before_serve_page")
def check_page_access(page, request, serve_args, serve_kwargs):
    """Every page view asks the access module, on top of Wagtail's own restriction check."""
    if not access.can(request.user, "knowledge.view_page", page):
        if not access.is_verified(request.user):
            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
