from django.core.management.base import BaseCommand

from content.indexing import reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index of the knowledge base from its documents and pages."

    def handle(self, *args, **options):
        documents, pages = reindex_all()
        self.stdout.write(f"Indexed {documents} documents and {pages} pages.")
