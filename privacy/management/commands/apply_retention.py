from django.core.management.base import BaseCommand

from privacy.models import RecordKind
from privacy.retention import apply_retention


class Command(BaseCommand):
    help = "Anonymise or delete what expired under the retention rules (also a daily job)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count; change nothing.")

    def handle(self, *args, dry_run=False, **options):
        summary = apply_retention(dry_run=dry_run)
        labels = dict(RecordKind.choices)
        verb = "would be handled" if dry_run else "handled"
        for kind, count in summary.items():
            self.stdout.write(f"{labels.get(kind, kind)}: {count} {verb}")
