from django.core.management.base import BaseCommand, CommandError

from audit.actions import verify_chain


class Command(BaseCommand):
    help = "Verify the audit log's hash chain: detects changed, removed and inserted events."

    def handle(self, *args, **options):
        result = verify_chain()
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(problem)
            raise CommandError(f"audit log NOT intact: {len(result.problems)} problem(s)")
        self.stdout.write(f"audit log intact: {result.checked} events verified")
