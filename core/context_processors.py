from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from accounts import access

NAV_PAGE_TYPES = ("DocumentLibraryPage", "ThemePage", "LinksPage", "NewsIndexPage")


def _nav_key(model_name, current):
    return f"signaal:nav_pages:{model_name}:{current}"


def _generation(request):
    """The page cache's generation, read once per request (the page cache middleware may have
    read it already)."""
    from . import pagecache

    if request is None:
        return pagecache.generation()
    current = getattr(request, "_signaal_page_generation", None)
    if current is None:
        current = request._signaal_page_generation = pagecache.generation()
    return current


def _nav_pages(model_name, current):
    """[(path, url, expire_at, restricted)] of the live pages of a content page type by tree
    position; `restricted` when the page or one of its ancestors has a view restriction. Kept
    for 60 seconds under the page cache's generation `current`: any publish, move, restriction
    or collection change makes a new generation, so no process links by a stale list."""
    key = _nav_key(model_name, current)
    found = cache.get(key)
    if found is None:
        from django.apps import apps
        from wagtail.models import PageViewRestriction

        model = apps.get_model("content", model_name)
        closed = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        found = [
            (page.path, page.url, page.expire_at, any(page.path.startswith(p) for p in closed))
            for page in model.objects.live().order_by("path")[:20]
        ]
        cache.set(key, found, 60)
    return found


def _page_url(model_name, user, request=None):
    """The address of the first live page of a content page type that `user` may open (the
    document library, the theme page, the links page); editors may move, rename or restrict
    them, and a page the visitor may not open is not linked (its address would tell it exists)."""
    from django.db import DatabaseError
    from django.utils import timezone

    try:
        pages = _nav_pages(model_name, _generation(request))
        now = timezone.now()
        for path, url, expire_at, restricted in pages:
            if expire_at is not None and expire_at <= now:
                continue
            if restricted and any(path.startswith(p) for p in _denied(user)):
                continue
            return url or ""
    except DatabaseError:  # the page about an unreachable database must still render
        return ""
    return ""


def _denied(user):
    from django.contrib.auth.models import AnonymousUser

    return access.denied_page_paths(user if user is not None else AnonymousUser())


def _knowledge_base_url(user, request=None):
    return _page_url("DocumentLibraryPage", user, request)


def site(request):
    user = getattr(request, "user", None)
    return {
        "knowledge_base_url": SimpleLazyObject(lambda: _knowledge_base_url(user, request)),
        "theme_page_url": SimpleLazyObject(lambda: _page_url("ThemePage", user, request)),
        "links_page_url": SimpleLazyObject(lambda: _page_url("LinksPage", user, request)),
        "news_index_url": SimpleLazyObject(lambda: _page_url("NewsIndexPage", user, request)),
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
