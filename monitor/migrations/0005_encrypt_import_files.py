"""Uploaded import files (ImportBatch.content until imported, ImportUpload.content until mapped)
are stored encrypted: a reporting point's export may hold personal columns, also the ones mapped
to "ignored". The bytes are copied into an encrypted column and the plain one is dropped."""

import base64

from django.db import migrations

import core.crypto


def seal(apps, schema_editor):
    # "sealed" is an EncryptedTextField here: it encrypts the base64 text on the way in, which is
    # what EncryptedBinaryField stores
    for name in ("ImportBatch", "ImportUpload"):
        model = apps.get_model("monitor", name)
        for pk, content in model.objects.values_list("pk", "content").iterator(chunk_size=50):
            text = base64.b64encode(bytes(content or b"")).decode("ascii")
            model.objects.filter(pk=pk).update(sealed=text if text else "")


def unseal(apps, schema_editor):
    for name in ("ImportBatch", "ImportUpload"):
        model = apps.get_model("monitor", name)
        for pk, sealed in model.objects.values_list("pk", "sealed").iterator(chunk_size=50):
            model.objects.filter(pk=pk).update(content=base64.b64decode(sealed or ""))


class Migration(migrations.Migration):
    dependencies = [("monitor", "0004_released_cells_and_audit")]

    operations = [
        migrations.AddField(
            model_name="importbatch",
            name="sealed",
            field=core.crypto.EncryptedTextField(blank=True, default=""),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="importupload",
            name="sealed",
            field=core.crypto.EncryptedTextField(blank=True, default=""),
            preserve_default=False,
        ),
        migrations.RunPython(seal, unseal, elidable=False),
        migrations.RemoveField(model_name="importbatch", name="content"),
        migrations.RemoveField(model_name="importupload", name="content"),
        migrations.RenameField(model_name="importbatch", old_name="sealed", new_name="content"),
        migrations.RenameField(model_name="importupload", old_name="sealed", new_name="content"),
        migrations.AlterField(
            model_name="importbatch",
            name="content",
            field=core.crypto.EncryptedBinaryField(blank=True),
        ),
        migrations.AlterField(
            model_name="importupload",
            name="content",
            field=core.crypto.EncryptedBinaryField(blank=True),
        ),
    ]
