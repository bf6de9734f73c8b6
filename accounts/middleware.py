from django.contrib.auth import logout

from . import access


class TwoFactorRequiredMiddleware:
    """A session that is logged in but not through two-factor login (a device was reset, or a
    session was created some other way) is ended at once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not access.is_verified(user):
            logout(request)
        return self.get_response(request)


def wagtail_admin_access(get_response):
    """The Wagtail admin (/cms/) follows the access module at every request, not Wagtail's group
    membership alone: a signed-in user without the editor role in an active organisation (role
    revoked, organisation or account switched off) gets 403 at once, and the Editors group is
    brought in line with the role (accounts.actions.sync_editor_group) whenever the two differ.
    Anonymous visitors go on to Wagtail, whose login hands over to ours."""
    from django.core.exceptions import PermissionDenied

    from .actions import EDITORS_GROUP, sync_editor_group

    def middleware(request):
        if request.path_info.startswith("/cms/") and request.user.is_authenticated:
            may_edit = access.can(request.user, "content.edit")
            in_group = request.user.groups.filter(name=EDITORS_GROUP).exists()
            if may_edit != in_group:
                sync_editor_group(request.user)
            if not may_edit:
                raise PermissionDenied
        return get_response(request)

    return middleware
