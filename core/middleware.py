"""The client's address behind a proxy, response headers Django has no setting for, and the HTTP
methods Signaal answers at all."""

import ipaddress
import logging

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, MiddlewareNotUsed
from django.http import HttpResponseNotAllowed
from django.urls import Resolver404, resolve
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext

logger = logging.getLogger(__name__)

# No page of Signaal uses these browser features.
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), "
    "interest-cohort=()"
)


def security_headers(get_response):
    """Permissions-Policy on every response; for a signed-in user, no copy of any page in a
    browser or proxy cache (ASVS 8.2.1): their pages can hold report data."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and "Cache-Control" not in response:
            add_never_cache_headers(response)
        return response

    return middleware


def _networks():
    try:
        return [
            ipaddress.ip_network(value, strict=False) for value in settings.SIGNAAL_TRUSTED_PROXIES
        ]
    except ValueError as error:
        raise ImproperlyConfigured(f"SIGNAAL_TRUSTED_PROXIES: {error}") from None


def _trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(get_response):
    """Behind a reverse proxy (SIGNAAL_BEHIND_PROXY) REMOTE_ADDR is the proxy's address, which
    would make every visitor share one limit of submissions and one hashed address in the audit
    log. For a request from a trusted proxy, REMOTE_ADDR becomes the right-most address in
    X-Forwarded-For that is not itself a trusted proxy (the left part can be forged by the
    client). Requests from elsewhere keep their own address."""
    if not settings.SIGNAAL_BEHIND_PROXY:
        raise MiddlewareNotUsed
    networks = _networks()

    def middleware(request):
        meta = request.META
        if _trusted(meta.get("REMOTE_ADDR", ""), networks):
            for address in reversed(meta.get("HTTP_X_FORWARDED_FOR", "").split(",")):
                address = address.strip()
                if not address:
                    continue
                if not _trusted(address, networks):
                    try:
                        meta["REMOTE_ADDR"] = str(ipaddress.ip_address(address))
                    except ValueError:
                        logger.warning("X-Forwarded-For holds something that is no address")
                    break
        return get_response(request)

    return middleware


# Signaal has no API: browsers send GET, HEAD and POST, and no view (ours, the Django admin's or
# Wagtail's) needs more. OPTIONS, PUT, PATCH, DELETE, TRACE, CONNECT and anything invented are
# refused for every URL before a view runs; each of our views also declares its own methods in
# its access rule (accounts.access.rule), which refuses the rest before the view runs too.
KNOWN_METHODS = ("GET", "HEAD", "POST")


def method_not_allowed(permitted):
    """405 with the Allow header and a short explanation in the visitor's language."""
    response = HttpResponseNotAllowed(
        permitted,
        gettext("This page cannot be requested this way."),
        content_type="text/plain; charset=utf-8",
    )
    response["Cache-Control"] = "no-store"
    return response


def known_methods(get_response):
    """Refuse every method but GET, HEAD and POST before any view is reached. The Allow header
    names the methods the view at that address declares (or GET, HEAD and POST for views without
    a declaration: the admin's, Wagtail's)."""

    def middleware(request):
        if request.method in KNOWN_METHODS:
            return get_response(request)
        try:
            permitted = getattr(resolve(request.path_info).func, "access_methods", KNOWN_METHODS)
        except Resolver404:
            permitted = KNOWN_METHODS
        return method_not_allowed(permitted)

    return middleware


def admin_style_attributes(get_response):
    """Wagtail's admin (/cms/) sets style attributes and adds style elements from its scripts (the
    page editor's panels and toolbars, with sizes computed in the browser, so no fixed hash can
    name them). There, and only there, inline styles are allowed (style-src-attr and
    style-src-elem); scripts stay under the site's policy everywhere. Listed after CSPMiddleware,
    so that its policy sees the update."""

    def middleware(request):
        response = get_response(request)
        if request.path_info.startswith("/cms/"):
            update = dict(getattr(response, "_csp_update", None) or {})
            update["style-src-attr"] = ["'unsafe-inline'"]
            update["style-src-elem"] = ["'self'", "'unsafe-inline'"]
            response._csp_update = update
        return response

    return middleware


def admin_in_dutch(get_response):
    """The admin screens (/cms/ and /beheer/) in Dutch for everyone, whatever language the browser
    or the public side's language choice asks for (Wagtail follows the request's language for
    anyone without a saved preference). Listed after LocaleMiddleware."""
    from django.utils import translation

    def middleware(request):
        if request.path_info.startswith(("/cms/", "/beheer/")):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return get_response(request)

    return middleware
