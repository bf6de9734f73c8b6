import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from accounts.access import PUBLIC, rule


@rule(PUBLIC)
def accessibility(request):
    return render(request, "core/accessibility.html")


@rule(PUBLIC)
def privacy(request):
    return render(request, "core/privacy.html")


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """Rendered without the request's context (no session, no user): the error may be that the
    database is gone. A database that cannot be reached is a 503 that says to try again."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = HttpResponse(render_to_string("errors/503.html"), status=503)
        response["Retry-After"] = "60"
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponse(render_to_string("errors/500.html"), status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/csrf.html", status=403)
