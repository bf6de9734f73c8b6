"""Re-encrypt all personal data with the newest key (the first of SIGNAAL_ENCRYPTION_KEYS).

Put a new key in front of the old ones, restart, run this command, then remove the old keys.
It works in small batches, each in its own transaction, and skips what is already encrypted with
the newest key: interrupt it at any moment and run it again to continue."""

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core import crypto
from core.crypto import EncryptedTextField
from core.storage import walk

BATCH = 500


def encrypted_columns():
    """(model, [columns]) for every model with encrypted fields."""
    for model in apps.get_models():
        columns = [
            field.column
            for field in model._meta.concrete_fields
            if isinstance(field, EncryptedTextField)
        ]
        if columns:
            yield model, columns


class Command(BaseCommand):
    help = "Re-encrypt all personal data and attachments with the newest encryption key."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be re-encrypted."
        )
        parser.add_argument("--batch", type=int, default=BATCH)

    def handle(self, *args, dry_run=False, batch=BATCH, **options):
        crypto.reset_keys()
        total = 0
        for model, columns in encrypted_columns():
            count = self.rotate_table(model, columns, batch, dry_run)
            total += count
            self.stdout.write(f"{model._meta.label}: {count} values")
        files = self.rotate_files(dry_run)
        verb = "would re-encrypt" if dry_run else "re-encrypted"
        self.stdout.write(f"Done: {verb} {total} values and {files} files.")

    def rotate_table(self, model, columns, batch, dry_run):
        table, pk = model._meta.db_table, model._meta.pk.column
        quote = connection.ops.quote_name
        select = ", ".join(quote(c) for c in columns)
        done, last = 0, None
        while True:
            where = f"WHERE {quote(pk)} > %s " if last is not None else ""
            sql = (
                f"SELECT {quote(pk)}, {select} FROM {quote(table)} {where}"  # noqa: S608
                f"ORDER BY {quote(pk)} LIMIT {int(batch)}"
            )
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(sql, [last] if last is not None else [])
                rows = cursor.fetchall()
                if not rows:
                    return done
                for row in rows:
                    changes = {
                        column: crypto.rotate(value)
                        for column, value in zip(columns, row[1:], strict=True)
                        if value and crypto.needs_rotation(value)
                    }
                    done += len(changes)
                    if changes and not dry_run:
                        assignments = ", ".join(f"{quote(c)} = %s" for c in changes)
                        cursor.execute(
                            f"UPDATE {quote(table)} SET {assignments} "  # noqa: S608
                            f"WHERE {quote(pk)} = %s",
                            [*changes.values(), row[0]],
                        )
            last = rows[-1][0]
            self.stdout.write(f"  {model._meta.label} up to id {last}: {done}")

    def rotate_files(self, dry_run):
        """Every file in the private storage (a directory or a bucket), through the storage API:
        read, re-encrypt, write back under the same name (on disk atomically, in S3 as one
        upload)."""
        storage = storages["private"]
        done = 0
        for name in walk(storage):
            with storage.open(name, "rb") as handle:
                token = handle.read()
            if crypto.is_current(token):
                continue
            done += 1
            if dry_run:
                continue
            stored = storage.save(name, ContentFile(crypto.rotate_bytes(token)))
            if stored != name:
                storage.delete(stored)
                raise CommandError(f"the private storage would not overwrite {name}")
        return done
