from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.utils.translation import gettext_lazy as _

from accounts import access

from .models import NewsPage


class LatestFeed(Feed):
    """News and new documents as RSS. Feed readers do not log in, so the feed holds exactly what
    an anonymous visitor may see."""

    title = _("Signaal knowledge base: news and documents")
    link = "/"
    description = _("The latest news and documents on human trafficking in the region.")

    def items(self):
        anonymous = AnonymousUser()
        news = list(access.pages_for(anonymous, NewsPage.objects.all()).order_by("-date")[:20])
        documents = list(
            access.documents_for(anonymous)
            .exclude(publication_date=None)
            .order_by("-publication_date")[:20]
        )
        items = news + documents
        items.sort(
            key=lambda item: getattr(item, "date", None) or item.publication_date, reverse=True
        )
        return items[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "intro", None) or getattr(item, "summary", "")

    def item_link(self, item):
        return item.url if isinstance(item, NewsPage) else item.detail_url

    def item_pubdate(self, item):
        import datetime

        date = getattr(item, "date", None) or item.publication_date
        return datetime.datetime.combine(date, datetime.time(9, 0))
