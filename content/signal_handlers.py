"""Upkeep of derived data only (no business logic): the search index and the anonymous page cache.
Wagtail publishes, unpublishes (scheduled expiry too), moves and deletes pages, and saves and
deletes documents, collections and view restrictions from its admin without calling our code.

Who may see what is never derived here: the access module decides at request time from the
restriction rows themselves (accounts.access.search_entries_for joins the index to the live
documents and pages). What the index keeps that can change with a restriction (a document's
collection, a page's tree path) is rewritten in the transaction of the change, and
`manage.py check_search_index` compares the index with the database. Every change that can alter
a public page or what an anonymous visitor may see empties the page cache of every process
(core.pagecache.invalidate_all(), in the same transaction). Wagtail's bulk actions update rows
without signals: the `after_bulk_action` hook in content/wagtail_hooks.py calls bulk_changed().
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.pagecache import invalidate_all

from . import indexing
from .models import KnowledgeDocument


def _published(sender, instance, **kwargs):
    invalidate_all()
    transaction.on_commit(lambda: indexing.index_page(instance))


def _unpublished(sender, instance, **kwargs):
    invalidate_all()
    indexing.remove_page(instance)


def _moved(sender, instance, **kwargs):
    invalidate_all()
    for page in Page.objects.descendant_of(instance, inclusive=True).live():
        indexing.index_page(page)


def _page_deleted(sender, instance, **kwargs):
    invalidate_all()
    indexing.remove_page(instance)


def _document_saved(sender, instance, **kwargs):
    """A document's title, file or collection changed: its public page, search hit and the
    library change with it. Its index entry is rewritten by the form that saved it and after
    text extraction (content.forms, content.tasks); here only the collection is kept in step."""
    invalidate_all()
    indexing.sync_document_collection(instance.pk, instance.collection_id)


def _document_deleted(sender, instance, **kwargs):
    invalidate_all()
    indexing.remove_document(instance.pk)


def _access_changed(sender, **kwargs):
    """A collection or a view restriction (or its groups) changed."""
    invalidate_all()


def bulk_changed(action_type, objects):
    """A Wagtail bulk action changed these documents or pages (already in the database, same
    transaction): keep the index's derived columns in step and empty the page cache."""
    invalidate_all()
    for obj in objects:
        if isinstance(obj, KnowledgeDocument):
            current = KnowledgeDocument.objects.filter(pk=obj.pk).values_list(
                "collection_id", flat=True
            )
            if current:
                indexing.sync_document_collection(obj.pk, current[0])
            else:
                indexing.remove_document(obj.pk)


def register():
    page_published.connect(_published, dispatch_uid="signaal_index_published")
    page_unpublished.connect(_unpublished, dispatch_uid="signaal_index_unpublished")
    post_page_move.connect(_moved, dispatch_uid="signaal_index_moved")
    # Only for the models meant: a receiver without a sender listens to every model and so makes
    # Django load and signal every row of every bulk delete instead of one DELETE (fast delete).
    # Deleting a page of any type deletes its `Page` row too, which sends this signal.
    post_delete.connect(_page_deleted, sender=Page, dispatch_uid="signaal_index_page_deleted")
    post_save.connect(
        _document_saved, sender=KnowledgeDocument, dispatch_uid="signaal_index_doc_saved"
    )
    post_delete.connect(
        _document_deleted, sender=KnowledgeDocument, dispatch_uid="signaal_index_doc_deleted"
    )
    for model in (Collection, CollectionViewRestriction, PageViewRestriction):
        name = model._meta.model_name
        post_save.connect(_access_changed, sender=model, dispatch_uid=f"signaal_cache_{name}")
        post_delete.connect(_access_changed, sender=model, dispatch_uid=f"signaal_cache_{name}_d")
    for model in (CollectionViewRestriction, PageViewRestriction):
        name = model._meta.model_name
        m2m_changed.connect(
            _access_changed,
            sender=model.groups.through,
            dispatch_uid=f"signaal_cache_{name}_groups",
        )
