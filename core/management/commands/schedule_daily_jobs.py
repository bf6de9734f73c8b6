from django.core.management.base import BaseCommand

from core.scheduling import schedule_next
from monitor.tasks import schedule_refresh


class Command(BaseCommand):
    help = (
        "Queue the daily jobs and the monitor's recount for the task worker (once; they "
        "reschedule themselves)."
    )

    def handle(self, *args, **options):
        result = schedule_next()
        if result is None:
            self.stdout.write("Daily jobs already scheduled (or the task backend cannot defer).")
        else:
            self.stdout.write(f"Daily jobs scheduled for {result.task.run_after:%Y-%m-%d %H:%M}.")
        if schedule_refresh() is not None:
            self.stdout.write("Monitor recount scheduled.")
