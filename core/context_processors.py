from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from accounts import access


def _page_url(model_name):
    """The address of the first live page of a content page type (the document library, the
    theme page, the links page); editors may move or rename them."""
    key = f"signaal:page_url:{model_name}"
    url = cache.get(key)
    if url is None:
        from django.apps import apps
        from django.db import DatabaseError

        model = apps.get_model("content", model_name)
        try:
            page = model.objects.live().order_by("path").first()
        except DatabaseError:  # the page about an unreachable database must still render
            return ""
        url = page.url if page else ""
        cache.set(key, url, 60)
    return url


def _knowledge_base_url():
    return _page_url("DocumentLibraryPage")


def site(request):
    user = getattr(request, "user", None)
    return {
        "knowledge_base_url": SimpleLazyObject(_knowledge_base_url),
        "theme_page_url": SimpleLazyObject(lambda: _page_url("ThemePage")),
        "links_page_url": SimpleLazyObject(lambda: _page_url("LinksPage")),
        "news_index_url": SimpleLazyObject(lambda: _page_url("NewsIndexPage")),
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
