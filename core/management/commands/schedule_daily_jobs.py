from django.core.management.base import BaseCommand
from django.utils import timezone

from core.models import ScheduledJob
from core.scheduling import ensure_scheduled


class Command(BaseCommand):
    help = (
        "Enter the periodic jobs (the daily jobs, the monitor's recount) in the schedule that the "
        "task workers run (idempotent; a worker's first heartbeat does it too)."
    )

    def handle(self, *args, **options):
        ensure_scheduled()
        for job in ScheduledJob.objects.order_by("name"):
            at = timezone.localtime(job.next_run_at)
            self.stdout.write(f"{job.name}: next run {at:%Y-%m-%d %H:%M}")
