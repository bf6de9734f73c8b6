# Column mappings for the history import, uploads waiting for their mapping, and the outcome
# "closed, outcome unknown" of imported records.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("monitor", "0002_import_fingerprint"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="historicrecord",
            name="outcome",
            field=models.CharField(
                blank=True,
                choices=[
                    ("referred_police", "Referred to the police"),
                    ("referred_labour", "Referred to the labour inspectorate"),
                    ("referred_care", "Referred to care"),
                    ("no_indication", "No indication of human trafficking"),
                    ("insufficient", "Insufficient information"),
                    ("advice_given", "Advice given"),
                    ("closed_unknown", "Closed, outcome unknown"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="importbatch",
            name="mapping",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.CreateModel(
            name="ImportUpload",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "format",
                    models.CharField(
                        choices=[("counts", "Counts per year and form"), ("records", "Records")],
                        max_length=8,
                    ),
                ),
                ("file_name", models.CharField(max_length=200)),
                ("source", models.CharField(blank=True, max_length=200)),
                ("content", models.BinaryField()),
                ("headers", models.JSONField(default=list)),
                ("uploaded_at", models.DateTimeField()),
                (
                    "organisation",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        to="accounts.organisation",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["uploaded_at"], name="monitor_upload_uploaded")
                ],
            },
        ),
        migrations.CreateModel(
            name="ImportMapping",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("name", models.CharField(max_length=100, verbose_name="name")),
                (
                    "format",
                    models.CharField(
                        choices=[("counts", "Counts per year and form"), ("records", "Records")],
                        max_length=8,
                    ),
                ),
                ("columns", models.JSONField(default=dict)),
                ("saved_at", models.DateTimeField()),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="import_mappings",
                        to="accounts.organisation",
                    ),
                ),
                (
                    "saved_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "ordering": ["name"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("organisation", "name"), name="monitor_mapping_unique_name"
                    )
                ],
            },
        ),
    ]
