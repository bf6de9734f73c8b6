"""Background work for the knowledge base: reading the text of uploaded documents."""

import importlib
import io
import logging
import os
import shutil
import tempfile

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .extraction import Extraction, extract
from .models import ExtractionStatus, KnowledgeDocument

logger = logging.getLogger(__name__)

RESULT_FIELDS = ["text", "page_count", "extraction_status", "extraction_error", "extracted_at"]


def enqueue_extraction(document):
    """Mark the document as waiting and queue its extraction once the current transaction has
    committed (the worker must see the row and the file). Call after an upload or a new file."""
    KnowledgeDocument.objects.filter(pk=document.pk).update(
        extraction_status=ExtractionStatus.PENDING, extraction_error=""
    )
    document.extraction_status = ExtractionStatus.PENDING
    document_id = document.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))


# Below e-mail (priority 0): a sign-in code must not wait for a stack of PDFs.
@task(priority=-10)
def extract_document_text(document_id):
    """Extract one document's text and page count and store them. Never raises for a bad or
    vanished document: the outcome is in the document's extraction status. Returns the status."""
    try:
        return extract_and_save(document_id)
    except Exception as exc:
        # Storing the result failed (database trouble, a bug): record what we can and let the
        # worker go on with the next task.
        logger.exception("Text extraction of document %s could not be stored", document_id)
        try:
            KnowledgeDocument.objects.filter(pk=document_id).update(
                extraction_status=ExtractionStatus.FAILED,
                extraction_error=_internal_error(exc),
                extracted_at=timezone.now(),
            )
        except Exception:
            logger.exception("Could not record the failure of document %s", document_id)
        return str(ExtractionStatus.FAILED)


def extract_and_save(document_id):
    """The task's work, synchronously: extract, then store and index the fresh row. Returns the
    status, or None when the document was deleted or got a new file meanwhile."""
    try:
        document = KnowledgeDocument.objects.get(pk=document_id)
    except KnowledgeDocument.DoesNotExist:
        logger.info("Document %s no longer exists; nothing to extract", document_id)
        return None
    try:
        result = _extract_file(document)
    except Exception as exc:
        # extract() reports bad files as a status; this is for the unexpected (storage, bugs).
        logger.exception("Text extraction of document %s failed", document_id)
        result = Extraction("", None, ExtractionStatus.FAILED, _internal_error(exc))
    if not _save(document, result):
        return None
    return str(result.status)


def _internal_error(exc):
    return f"Unexpected error during extraction ({type(exc).__name__}: {exc})"[:500]


def _extract_file(document):
    extension = document.file_extension
    try:
        path = document.file.path
    except NotImplementedError:  # a storage without local files: work on a temporary copy
        path = None
    if path is not None:
        if not os.path.exists(path):
            return Extraction("", None, ExtractionStatus.FAILED, "The file is missing.")
        return extract(path, extension)
    with tempfile.NamedTemporaryFile(suffix=f".{extension}") as copy:
        with document.file.open("rb") as source:
            shutil.copyfileobj(source, copy)
        copy.flush()
        return extract(copy.name, extension)


def _save(document, result):
    """Store the result and index the document, in one transaction on the locked row, unless the
    file was replaced while we read it (the new file has its own task). The row is read again
    under the lock, so an edit made during the extraction (a new title) is kept and indexed too;
    the status says "done" only when the index holds the text. The page count is only filled in
    when nobody entered one."""
    with transaction.atomic():
        current = KnowledgeDocument.objects.select_for_update().filter(pk=document.pk).first()
        if current is None or current.file.name != document.file.name:
            logger.info("Document %s was deleted or got a new file; result dropped", document.pk)
            return False
        current.text = result.text
        if current.page_count is None and result.page_count:
            current.page_count = result.page_count
        current.extraction_status = result.status
        current.extraction_error = result.error[:500]
        current.extracted_at = timezone.now()
        current.save(update_fields=RESULT_FIELDS)
        _index(current)
    return True


def index_current(document_id):
    """Index the document as it is in the database now, and return it (None when it is gone).
    The row is locked while it is read and indexed, so indexers of one document (an editor's
    save, the extraction task) follow each other and the index always ends with the latest row,
    whichever finishes first."""
    with transaction.atomic():
        document = KnowledgeDocument.objects.select_for_update().filter(pk=document_id).first()
        if document is not None:
            _index(document)
    return document


def _index(document):
    """Hand the document to content.indexing.index_document(document), if that module exists."""
    try:
        indexing = importlib.import_module("content.indexing")
    except ModuleNotFoundError as exc:
        if exc.name != "content.indexing":
            logger.exception("content.indexing could not be imported")
        return
    index_document = getattr(indexing, "index_document", None)
    if index_document is None:
        return
    try:
        with transaction.atomic():  # a savepoint: a failed index leaves the stored text alone
            index_document(document)
    except Exception:
        # The text is stored; the index can be rebuilt. Do not let it fail the extraction.
        logger.exception("Indexing document %s failed", document.pk)


@task(priority=-5)
def publish_scheduled():
    """Wagtail's scheduled publishing: publish the revisions whose go-live time has come and
    unpublish the pages whose expiry time has passed (every minute from core.scheduling). Wagtail
    sends page_published / page_unpublished for each, so the search index and the page cache
    follow (content.signal_handlers)."""
    from django.core.management import call_command

    from core.scheduling import recorded

    with recorded("publish_scheduled"):
        call_command("publish_scheduled", stdout=io.StringIO())
