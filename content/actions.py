"""Changes to a user's own kennisbank, and sharing a link with a colleague."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from accounts import access
from audit.actions import record_event
from audit.events import Event
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
def share_item(item, address, *, actor, message, request=None):
    """Send a colleague a link. The sender's screen says the same whatever the address (whether
    it has an account is not for the sender to learn); the address is told by e-mail what is the
    case: the link, or that their account cannot open it, or how to request an account. Only the
    link e-mail carries the item's title and the sender's message. The link still goes through
    the access rules when opened."""
    from accounts.models import User

    recipient = User.objects.filter(email__iexact=address, is_active=True).first()
    may_open = recipient is not None and access.could_view(recipient, item)
    record_event(
        Event.LINK_SHARED,
        actor=actor,
        target=item,
        request=request,
        details={"recipient": recipient.pk if recipient else None, "sent_link": may_open},
    )
    context = {"sender": actor, "site_url": settings.SITE_URL}
    if may_open:
        send_after_commit(
            "content/email/share",
            [recipient.email],
            {
                **context,
                "title": item.title,
                "link": settings.SITE_URL + item_url(item),
                "message": message,
                "my_knowledge": settings.SITE_URL + reverse("content:my_knowledge"),
            },
        )
    elif recipient is not None:
        send_after_commit("content/email/share_not_allowed", [recipient.email], context)
    else:
        send_after_commit(
            "content/email/share_no_account",
            [address],
            {**context, "request_account": settings.SITE_URL + reverse("accounts:request_account")},
        )


def record_download(document, *, actor, request=None):
    """A restricted document was downloaded: an audit event (public ones are not personal)."""
    with transaction.atomic():
        record_event(Event.DOCUMENT_DOWNLOADED, actor=actor, target=document, request=request)
