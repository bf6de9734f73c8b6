"""A post too big to read (over DATA_UPLOAD_MAX_MEMORY_SIZE of text) on the public forms: an
answer in the visitor's language that says what happened and how to get back to what was typed,
instead of Django's bare 400 page and a traceback in the log. Below that size the form itself
refuses an over-long text beside its field and keeps the draft (reports.forms.keep_the_start)."""

import logging

from django.core.exceptions import RequestDataTooBig
from django.shortcuts import render
from django.urls import Resolver404, resolve

logger = logging.getLogger(__name__)

FORMS = {
    "reports:report",
    "reports:professional_report",
    "reports:advice",
    "reports:mailbox",
    "reports:my_report",
}


def oversized_posts(get_response):
    def middleware(request):
        if request.method == "POST":
            try:
                name = resolve(request.path_info).view_name
            except Resolver404:
                name = ""
            if name in FORMS:
                try:
                    request.POST  # noqa: B018 - parse here, before CSRF does, to catch the size
                except RequestDataTooBig:
                    logger.warning("post too big to read refused on %s", name)
                    response = render(request, "reports/too_big.html", status=413)
                    response["Cache-Control"] = "no-store"
                    return response
        return get_response(request)

    return middleware
