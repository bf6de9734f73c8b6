"""Search-index upkeep only (no business logic): Wagtail publishes, unpublishes, moves and
deletes pages and deletes documents from its admin, without calling our code."""

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import indexing
from .models import KnowledgeDocument


def _published(sender, instance, **kwargs):
    transaction.on_commit(lambda: indexing.index_page(instance))


def _unpublished(sender, instance, **kwargs):
    indexing.remove_page(instance)


def _moved(sender, instance, **kwargs):
    for page in Page.objects.descendant_of(instance, inclusive=True).live():
        indexing.index_page(page)


def _page_deleted(sender, instance, **kwargs):
    indexing.remove_page(instance)


def _document_deleted(sender, instance, **kwargs):
    indexing.remove_document(instance.pk)


def register():
    page_published.connect(_published, dispatch_uid="signaal_index_published")
    page_unpublished.connect(_unpublished, dispatch_uid="signaal_index_unpublished")
    post_page_move.connect(_moved, dispatch_uid="signaal_index_moved")
    # Only for the models meant: a receiver without a sender listens to every model and so makes
    # Django load and signal every row of every bulk delete instead of one DELETE (fast delete).
    # Deleting a page of any type deletes its `Page` row too, which sends this signal.
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="signaal_index_page_deleted")
    post_delete.connect(
        _document_deleted, sender=KnowledgeDocument, dispatch_uid="signaal_index_doc_deleted"
    )
