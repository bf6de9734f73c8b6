"""Public pages for anonymous visitors from memory.

A visitor who is not signed in sees the same knowledge base, guide and news as every other
visitor, apart from the CSRF token in the page's forms (the language switch). So such a page is
kept for SIGNAAL_PAGE_CACHE_SECONDS (default 60) with the token taken out, and served again with
the visitor's own token put in: the view, its queries and its templates are skipped.

Only what is the same for everyone is kept:
- the pages listed in PUBLIC_PAGES: the knowledge base (Wagtail's pages, document pages, search),
  the guide and its signal cards, and the static pages. Everything else is left alone: a page
  that depends on a link's token or on stored state (confirming an address, the confirmation
  after sending) must always be fresh;
- GET or HEAD, a 200 HTML response, not marked private or no-store;
- a request without cookies other than the CSRF and language cookies: no session (not signed
  in, no mailbox sign-in) and no pending messages;
- a response that sets no cookie other than the CSRF cookie.
The key holds the scheme, host, full path with query string and language, and the generation
of the cache (core.models.PageCacheState, read once per cacheable request).

Each web process keeps its own copy (Django's local-memory cache, alias "pages"), at most
`MAX_ENTRIES` pages. invalidate_all() writes a new generation in the transaction of the change
that calls it, so no process serves a page it kept before that change once it is committed:
content/signal_handlers.py calls it for every publish, unpublish (scheduled expiry included),
move, delete, document or collection change and view-restriction change, and the
`after_bulk_action` hook in content/wagtail_hooks.py for every Wagtail bulk action (they update
rows without signals). A restriction therefore takes effect for anonymous visitors at once; the
cost is one primary-key read per request that could be served from memory. Signed-in users,
editors among them, always see the page as it is now.

Why the token is swapped here rather than by a standard tool (issue 20, looked at December 2026):
- Django's cache middleware and cache_page, and wagtail-cache (the maintained page cache for
  Wagtail), keep a page that carries a CSRF token per visitor only: the CSRF middleware marks it
  Vary: Cookie, and wagtail-cache documents that it caches such responses per cookie. Every
  public page carries one (the language switch in templates/base.html posts to Django's
  set_language, which takes a POST with a token), so every visitor's first view of every page
  would run the view: the same as not keeping pages that have a form, which here is all of them.
- Measured in-process (bench/pagecache_bench.py --requests 50, six public pages of the demo
  content, a shared 2-core machine, two runs): CPU per request 15.3/16.1 ms for the bare view,
  20.8/18.6 ms for a kept page, 29.0/28.1 ms for the page rendered; a throughput ratio to the
  bare view of 0.74/0.86 kept and 0.53/0.57 rendered, against load_bench's target of 0.50 and
  the 0.68 it measured with the cache (README, "Measured"). Rendering every public page would
  leave almost no margin on that target.
- Taking the token out of the pages - the language switch as GET links, or set_language exempted
  from CSRF - lets another site switch a visitor's language; a script that fills the token in
  from the cookie leaves visitors without JavaScript with a switch that fails. Django 5.2's
  CSRF check always needs the token (no mode that trusts Origin or Sec-Fetch-Site alone).
So the swap stays, and stays small: TOKEN matches only the hidden input that Django's
{% csrf_token %} writes, a hit is one bytes.replace with the visitor's own get_token(), and
core/tests/test_pagecache.py checks that a kept page's token works for its visitor and that
another's does not.
"""

import hashlib
import re
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers

TOKEN = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
MARKER = b"\x00csrf\x00"
ALLOWED_COOKIES = {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options")
# Views whose page is the same for every anonymous visitor (by URL name).
PUBLIC_PAGES = {
    "wagtail_serve",
    "core:home",
    "core:accessibility",
    "core:privacy",
    "content:document",
    "content:search",
    "indicators:guide",
    "indicators:card",
}


def _public_page(request):
    try:
        return resolve(request.path_info).view_name in PUBLIC_PAGES
    except Resolver404:
        return False


def generation():
    """The current generation of the page cache (shared by every process through the database)."""
    from .models import PageCacheState

    token = PageCacheState.objects.filter(pk=1).values_list("generation", flat=True).first()
    return token or ""


def invalidate_all():
    """Make every kept public page stale in every process. Call it inside the transaction of the
    change (publish, unpublish, restriction, collection, scheduled publishing): a rolled-back
    change leaves the cache as it was, a committed one is seen by the next request."""
    from .models import PageCacheState

    token = uuid.uuid4().hex
    if not PageCacheState.objects.filter(pk=1).update(generation=token):
        PageCacheState.objects.bulk_create(
            [PageCacheState(pk=1, generation=token)], ignore_conflicts=True
        )
        PageCacheState.objects.filter(pk=1).update(generation=token)


def _key(request, current):
    raw = "|".join(
        [
            current,
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            request.LANGUAGE_CODE,
        ]
    )
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def _cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        and set(request.COOKIES) <= ALLOWED_COOKIES
        and not request.user.is_authenticated
        and _public_page(request)
    )


def _cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
        and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
    )


def anonymous_pages(get_response):
    seconds = settings.SIGNAAL_PAGE_CACHE_SECONDS
    if not seconds:
        from django.core.exceptions import MiddlewareNotUsed

        raise MiddlewareNotUsed

    def middleware(request):
        if not _cacheable_request(request):
            return get_response(request)
        cache = caches["pages"]
        # the menu's page list (core.context_processors) is kept under the same generation
        request._signaal_page_generation = current = generation()
        key = _key(request, current)
        kept = cache.get(key)
        if kept is not None:
            headers, body = kept
            if MARKER in body:
                body = body.replace(MARKER, get_token(request).encode())
            response = HttpResponse(body, status=200)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = get_response(request)
        if _cacheable_response(response):
            body = TOKEN.sub(rb"\1" + MARKER + rb"\2", response.content)
            headers = [(name, response[name]) for name in KEPT_HEADERS if name in response]
            cache.set(key, (headers, body), seconds)
            patch_vary_headers(response, ("Cookie",))
        return response

    return middleware
