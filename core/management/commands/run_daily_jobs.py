from django.core.management.base import BaseCommand

from core.scheduling import run_jobs


class Command(BaseCommand):
    help = "Run the daily jobs now (reminders for referrals, pruning of rate-limit records)."

    def handle(self, *args, **options):
        for job, result in run_jobs().items():
            self.stdout.write(f"{job}: {result}")
