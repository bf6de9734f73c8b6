from django.conf import settings

from accounts import access


def site(request):
    user = getattr(request, "user", None)
    return {
        "signaal_demo": settings.SIGNAAL_DEMO,
        "signed_in": user is not None and access.is_verified(user),
        "may_review_requests": user is not None and access.can(user, "accounts.review_requests"),
        "may_view_audit": user is not None and access.can(user, "audit.view_log"),
        "may_admin": user is not None and access.can(user, "platform.admin"),
    }
