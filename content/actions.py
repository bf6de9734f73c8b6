"""Changes to a user's own kennisbank, and sharing a link with a colleague."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from accounts import access
from audit.actions import record_event
from core.mail import send_after_commit

from .models import KnowledgeDocument, SavedItem


def item_url(item):
    return item.detail_url if isinstance(item, KnowledgeDocument) else item.get_url()


def _lookup(item):
    return {"document": item} if isinstance(item, KnowledgeDocument) else {"page": item}


@transaction.atomic
def toggle_saved(user, item):
    """Bookmark the page or document, or remove the bookmark; True when it is now saved."""
    existing = SavedItem.objects.filter(user=user, **_lookup(item)).first()
    if existing:
        existing.delete()
        return False
    SavedItem.objects.create(user=user, **_lookup(item))
    return True


def saved_document_ids(user):
    return set(
        access.saved_items_for(user).exclude(document=None).values_list("document_id", flat=True)
    )


def visible_saved_items(user):
    """The user's saved items that they may still see (access can change after saving)."""
    items = []
    for saved in access.saved_items_for(user).select_related("document__collection", "page"):
        if saved.document_id:
            if access.can(user, "knowledge.view_document", saved.document):
                items.append(saved)
        elif saved.page.live and access.can(user, "knowledge.view_page", saved.page):
            items.append(saved)
    return items


@transaction.atomic
def share_item(user, item, recipient, *, message, request):
    """Send a colleague a link. The link still goes through the access rules when opened; the
    form already refused colleagues who could not open it."""
    record_event(
        "content.link_shared",
        actor=user,
        target=item,
        request=request,
        details={"recipient": recipient.pk},
    )
    send_after_commit(
        "content/email/share",
        [recipient.email],
        {
            "sender": user,
            "title": item.title,
            "link": settings.SITE_URL + item_url(item),
            "message": message,
            "my_knowledge": settings.SITE_URL + reverse("content:my_knowledge"),
        },
    )
