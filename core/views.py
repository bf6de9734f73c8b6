from django.shortcuts import render

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
    return render(request, "errors/500.html", status=500)


def csrf_failure(request, reason=""):
    return render(request, "errors/csrf.html", status=403)
