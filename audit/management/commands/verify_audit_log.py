from django.core.management.base import BaseCommand, CommandError

from audit.actions import verify_chain
from audit.anchoring import AnchorError, anchor_file, parse_anchor, read_anchors


class Command(BaseCommand):
    help = (
        "Verify the audit log: the keyed hash chain (changed, removed, inserted and forged "
        "events), the triggers that protect it, and every head anchored outside the database "
        "(a cut or rewritten tail). Prints the head to anchor."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--anchor",
            action="append",
            default=[],
            metavar="COUNT:HASH",
            help="also compare with a head recorded elsewhere (e.g. from the daily e-mail)",
        )
        parser.add_argument(
            "--anchor-file",
            help="the file of anchored heads (default: SIGNAAL_AUDIT_ANCHOR_FILE)",
        )

    def handle(self, *args, **options):
        try:
            given = [parse_anchor(text) for text in options["anchor"]]
        except AnchorError as error:
            raise CommandError(str(error)) from None
        path = options["anchor_file"] or anchor_file()
        anchors, problems = read_anchors(path)
        result = verify_chain([*anchors, *given])
        problems += result.problems
        self.stdout.write(
            f"head: {result.checked}:{result.head_hash} "
            f"({result.checked} events, last event id {result.head_id or '-'})"
        )
        self.stdout.write(
            f"compared with {result.anchors_compared} anchored head(s) "
            f"({len(anchors)} in {path}, {len(given)} given)"
        )
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"audit log NOT intact: {len(problems)} problem(s)")
        self.stdout.write(
            f"audit log intact: {result.checked} events verified, protecting triggers in place"
        )
