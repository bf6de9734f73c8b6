"""Response headers Django has no setting for."""

from django.utils.cache import add_never_cache_headers

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
