"""Write an encrypted backup: the database, MEDIA_ROOT and SIGNAAL_PRIVATE_DIR in one archive.

The archive is a tar.gz encrypted with age to the public keys of SIGNAAL_BACKUP_RECIPIENTS: this
machine needs no key that opens it. See core/backup.py for the format."""

from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Write an encrypted backup of the database, media and private files to one archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", required=True, help="Where to write the archive (e.g. NAME.tar.gz.age)."
        )
        parser.add_argument(
            "--force", action="store_true", help="Overwrite the output file if it exists."
        )

    def handle(self, *args, output, force=False, **options):
        try:
            result = create_backup(output, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        manifest = result.manifest
        self.stdout.write(f"Backup written to {result.path} ({result.size} bytes, mode 600).")
        self.stdout.write(f"  created at: {manifest['created_at']}")
        self.stdout.write(f"  database: {manifest['database']['engine']}")
        for label, count in manifest["counts"].items():
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(
            f"  files: {result.files['media']} media, {result.files['private']} private"
        )
        head = manifest["audit_head"]
        self.stdout.write(f"  audit log: {head['count']} events, head {head['last_hash']}")
        self.stdout.write(f"  encrypted with age for {', '.join(result.recipients)}")
