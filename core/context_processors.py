from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from accounts import access


def _knowledge_base_url():
    """The document library's address; editors may move or rename it."""
    url = cache.get("signaal:knowledge_base_url")
    if url is None:
        from django.db import DatabaseError

        from content.models import DocumentLibraryPage

        try:
            library = DocumentLibraryPage.objects.live().first()
        except DatabaseError:  # the page about an unreachable database must still render
            return ""
        url = library.url if library else ""
        cache.set("signaal:knowledge_base_url", url, 60)
    return url


def site(request):
    user = getattr(request, "user", None)
    return {
        "knowledge_base_url": SimpleLazyObject(_knowledge_base_url),
        "signaal_demo": settings.SIGNAAL_DEMO,
        # The language choice (templates/includes/language_choice.html): each named in itself.
        "site_languages": settings.LANGUAGES,
        "signed_in": user is not None and access.is_verified(user),
        "may_review_requests": user is not None and access.can(user, "accounts.review_requests"),
        "may_view_audit": user is not None and access.can(user, "audit.view_log"),
        "may_admin": user is not None and access.can(user, "platform.admin"),
        "may_edit_content": user is not None and access.can(user, "content.edit"),
        "may_handle_reports": user is not None and access.can(user, "reports.handle"),
        "may_work_referrals": user is not None and access.can(user, "referrals.work"),
        "may_manage_privacy": user is not None and access.can(user, "privacy.manage"),
        "may_view_monitor": user is not None and access.can(user, "monitor.view"),
    }
