"""Restore an encrypted backup into a fresh instance: an empty database of the same engine and
empty media and private directories. Afterwards the restored data is compared with the archive's
manifest and the audit log's hash chain is verified; the command fails when either is wrong.

The archive is decrypted with an age identity file (--identity, else SIGNAAL_BACKUP_IDENTITY_FILE)
holding the private key of one of the public keys it was made for. The instance needs the
encryption keys (SIGNAAL_ENCRYPTION_KEYS) and SECRET_KEY (or SIGNAAL_INDEX_KEY) of the instance
the backup was made from; the archive holds none of them.
Stop the web and task processes before restoring. On PostgreSQL create the empty database first
(createdb); the restore runs in one transaction, so a failed restore leaves it empty."""

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an encrypted backup into an empty database and empty media and private "
        "directories, then verify the audit log."
    )
    # A fresh instance has no tables yet: nothing to check before the restore.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive written by `manage.py backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Replace a non-empty SQLite database file and write over files in non-empty "
                "media and private directories. A PostgreSQL database must always be empty."
            ),
        )
        parser.add_argument(
            "--identity",
            help=(
                "The age identity file (private key) to decrypt the archive with; default "
                "SIGNAAL_BACKUP_IDENTITY_FILE."
            ),
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only decrypt and check the archive; restore nothing.",
        )

    def handle(self, *args, archive, force=False, check=False, identity=None, **options):
        try:
            result = restore_backup(archive, force=force, identity_file=identity, check_only=check)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        files = f"{result.files['media']} media and {result.files['private']} private files"
        if check:
            self.stdout.write(
                f"Archive intact: {manifest['database']['engine']} backup of "
                f"{manifest['created_at']} with {files}."
            )
            return
        self.stdout.write(
            f"Restored the {manifest['database']['engine']} backup of {manifest['created_at']} "
            f"with {files}."
        )
        for label, count in manifest["counts"].items():
            self.stdout.write(f"  {label}: {count}")
        for note in result.notes:
            self.stdout.write(f"Note: {note}")
        if not result.ok:
            for problem in result.problems:
                self.stderr.write(problem)
            raise CommandError(f"the restore is NOT sound: {len(result.problems)} problem(s)")
        self.stdout.write(
            f"audit log intact: {result.audit_checked} events verified, head "
            f"{manifest['audit_head']['last_hash']}"
        )
