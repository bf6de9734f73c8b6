"""Re-extract the text of knowledge documents, synchronously, and print a summary per status."""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from content.models import ExtractionStatus, KnowledgeDocument
from content.tasks import extract_document_text


class Command(BaseCommand):
    help = (
        "Extract the text and page count of every document again (or only those waiting, or the "
        "ones given), here and now rather than through the task queue."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument(
            "--pending", action="store_true", help="Only documents still waiting for extraction."
        )
        which.add_argument(
            "--id",
            type=int,
            action="append",
            dest="ids",
            metavar="N",
            help="Only the document with this id (may be given more than once).",
        )

    def handle(self, *args, pending=False, ids=None, **options):
        documents = KnowledgeDocument.objects.order_by("pk")
        if pending:
            documents = documents.filter(extraction_status=ExtractionStatus.PENDING)
        if ids:
            missing = set(ids) - set(documents.filter(pk__in=ids).values_list("pk", flat=True))
            if missing:
                raise CommandError(
                    f"No document with id {', '.join(str(pk) for pk in sorted(missing))}."
                )
            documents = documents.filter(pk__in=ids)
        verbose = options["verbosity"] >= 2
        counts = Counter()
        for pk, title in documents.values_list("pk", "title"):
            status = extract_document_text.call(pk)
            if status is None:  # deleted or replaced meanwhile
                counts["skipped"] += 1
                continue
            counts[status] += 1
            if verbose:
                self.stdout.write(f"{pk} {status} {title}")
        total = sum(counts.values())
        labels = dict(ExtractionStatus.choices)
        self.stdout.write(f"Extracted {total} document{'' if total == 1 else 's'}.")
        for status in [*ExtractionStatus.values, "skipped"]:
            if counts[status]:
                self.stdout.write(f"  {status}: {counts[status]} ({labels.get(status, status)})")
