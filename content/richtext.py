"""Links in rich text to documents and pages render only for those who may open them.

Wagtail expands `<a linktype="document" id="…">` when the text is rendered, without a request.
The middleware below keeps the request's user in a context variable for the length of the
request; the link handlers ask the access module for that user. A link the user may not follow
becomes a bare `<a>` (its text stays, no href, so no file name or page address). Outside a
request (indexing, e-mails, the worker) the user is anonymous: only public targets get a link.
"""

from contextvars import ContextVar
from html import escape

from django.contrib.auth.models import AnonymousUser
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from accounts import access

_current_user = ContextVar("signaal_rich_text_user", default=None)


def current_user():
    user = _current_user.get()
    return AnonymousUser() if user is None else user


def request_user(get_response):
    """Middleware (after authentication): the request's user for the link handlers."""

    def middleware(request):
        token = _current_user.set(getattr(request, "user", None))
        try:
            return get_response(request)
        finally:
            _current_user.reset(token)

    return middleware


class AccessDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        user = current_user()
        ids = [attrs.get("id") for attrs in attrs_list]
        visible = {
            str(doc.pk): doc
            for doc in access.documents_for(user).filter(pk__in=[i for i in ids if _whole(i)])
        }
        return [
            f'<a href="{escape(visible[str(i)].url)}">' if str(i) in visible else "<a>" for i in ids
        ]


class AccessPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        from wagtail.models import Page

        user = current_user()
        ids = [attrs.get("id") for attrs in attrs_list]
        pages = access.pages_for(user, Page.objects.filter(pk__in=[i for i in ids if _whole(i)]))
        visible = {str(page.pk): page for page in pages.defer_streamfields().specific()}
        answers = []
        for i in ids:
            page = visible.get(str(i))
            url = page.localized.url if page is not None else None
            answers.append(f'<a href="{escape(url)}">' if url else "<a>")
        return answers


def _whole(value):
    return str(value).isdigit()
