"""Compare the search index with the database: entries missing, entries of documents or pages
that are gone or unpublished, and entries whose copied fields (title, URL, collection, page path)
differ. --fix rewrites those entries. Access never depends on these copies
(accounts.access.search_entries_for joins to the live rows); drift only means stale titles or
links for those who may see the entry."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from content import indexing
from content.models import KnowledgeDocument
from search.models import SearchEntry

COMPARED = ("title", "url", "collection_id", "page_path")


def drift():
    """[(problem, kind, object id)] where the index and the database differ."""
    expected = {}
    for document in KnowledgeDocument.objects.prefetch_related("publishers"):
        fields = indexing._document_fields(document)
        expected[("document", document.pk)] = (fields, document)
    for page in Page.objects.live().filter(depth__gte=2).specific():
        fields = indexing._page_fields(page)
        expected[(fields["kind"], page.pk)] = (fields, page)
    problems = []
    indexed = set()
    for entry in SearchEntry.objects.only("kind", "object_id", *COMPARED):
        key = (entry.kind, entry.object_id)
        indexed.add(key)
        if key not in expected:
            problems.append(("gone", *key))
            continue
        fields, _obj = expected[key]
        if any(
            getattr(entry, name) != (fields[name] or ("" if name != "collection_id" else None))
            for name in COMPARED
        ):
            problems.append(("changed", *key))
    problems += [("missing", *key) for key in expected if key not in indexed]
    return problems, expected


class Command(BaseCommand):
    help = "Compare the search index with the database (--fix: rewrite what differs)."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true")

    def handle(self, *args, fix=False, **options):
        problems, expected = drift()
        for problem, kind, object_id in problems:
            self.stdout.write(f"{problem}: {kind} {object_id}")
            if fix:
                if problem == "gone":
                    indexing.remove_entry_of(kind, object_id)
                else:
                    obj = expected[(kind, object_id)][1]
                    if kind == "document":
                        indexing.index_document(obj)
                    else:
                        indexing.index_page(obj)
        self.stdout.write(f"{len(problems)} difference(s)" + (" fixed" if fix else ""))
        if problems and not fix:
            raise CommandError("the search index differs from the database")
