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
