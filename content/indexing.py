"""Keeps the search index in step with the knowledge base. Access is not decided from anything
stored here: accounts.access.search_entries_for joins the entries to the live documents and pages
and applies the current restrictions, so a changed restriction takes effect at once whatever path
changed it. The entries' collection_id and page_path are copies for `check_search_index`, kept in
step by content/signal_handlers.py."""

from django.utils.html import strip_tags
from wagtail.models import Page

from search.indexing import bulk_index, index_entry, remove_entry
from search.models import SearchEntry

from .models import KnowledgeDocument, NewsPage


def _document_fields(document):
    facets = {
        "kind": ["document"],
        "type": [document.document_type],
        "organisation": [p.name for p in document.publishers.all()],
        "form": document.exploitation_form_codes,
    }
    if document.publication_date:
        facets["year"] = [str(document.publication_date.year)]
    return {
        "kind": "document",
        "object_id": document.pk,
        "title": document.title,
        "summary": document.summary,
        "body": "\n\n".join(part for part in (document.summary, document.text) if part),
        "url": document.detail_url,
        "date": document.publication_date,
        "collection_id": document.collection_id,
        "page_path": "",
        "facets": facets,
    }


def index_document(document):
    fields = _document_fields(document)
    return index_entry(fields.pop("kind"), fields.pop("object_id"), **fields)


def remove_document(document_id):
    remove_entry("document", document_id)


def remove_entry_of(kind, object_id):
    remove_entry(kind, object_id)


def sync_document_collection(document_id, collection_id):
    """Keep the entry's copy of the document's collection in step (Wagtail's bulk "add to
    collection" updates the document without saving it). Informational only: access is decided
    from the document row itself (accounts.access.search_entries_for)."""
    SearchEntry.objects.filter(kind="document", object_id=document_id).exclude(
        collection_id=collection_id
    ).update(collection_id=collection_id)


def _page_text(page):
    parts = [getattr(page, "intro", "") or ""]
    body = getattr(page, "body", None)
    if body is not None:
        parts.append(strip_tags(str(body.render_as_block())))
    links = getattr(page, "links", None)
    if links is not None:
        parts += [f"{b.value['title']} {b.value.get('description', '')}" for b in links]
    return "\n\n".join(strip_tags(p) for p in parts if p)


def _page_fields(page):
    page = page.specific
    is_news = isinstance(page, NewsPage)
    kind = "news" if is_news else "page"
    facets = {"kind": [kind]}
    date = page.date if is_news else None
    if date:
        facets["year"] = [str(date.year)]
    text = _page_text(page)
    return {
        "kind": kind,
        "object_id": page.pk,
        "title": page.title,
        "summary": (page.search_description or getattr(page, "intro", "") or "")[:500],
        "body": text,
        "url": page.url or "",
        "date": date,
        "collection_id": None,
        "page_path": page.path,
        "facets": facets,
    }


def index_page(page):
    if not page.live or page.depth < 2:
        return remove_page(page)
    fields = _page_fields(page)
    return index_entry(fields.pop("kind"), fields.pop("object_id"), **fields)


def remove_page(page):
    remove_entry("news", page.pk)
    remove_entry("page", page.pk)


def reindex_all():
    """Rebuild every entry, and drop entries whose document or page is gone; returns
    (documents, pages) indexed."""
    documents = [
        _document_fields(d) for d in KnowledgeDocument.objects.prefetch_related("publishers")
    ]
    pages = [_page_fields(p) for p in Page.objects.live().filter(depth__gte=2).specific()]
    bulk_index(documents + pages)
    current = {(f["kind"], f["object_id"]) for f in documents + pages}
    for kind, object_id in SearchEntry.objects.values_list("kind", "object_id"):
        if (kind, object_id) not in current:
            remove_entry(kind, object_id)
    return len(documents), len(pages)
