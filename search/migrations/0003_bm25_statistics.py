from django.db import migrations, models
from django.db.models import Count, Sum


def count_entries(apps, schema_editor):
    """The corpus statistics of the entries already indexed. The postings keep working as they
    are (their weight is read as the field-weighted frequency, their length as 0: no length
    normalisation) until `manage.py reindex_knowledge` rewrites them, so that the old version can
    keep serving search while this runs."""
    entries = apps.get_model("search", "SearchEntry").objects.aggregate(
        entries=Count("pk"), length=Sum("length")
    )
    apps.get_model("search", "SearchIndexState").objects.filter(pk=1).update(
        entry_count=entries["entries"] or 0, total_length=entries["length"] or 0
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_posting_weight_follows"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="searchposting",
            name="search_posting_score",
        ),
        migrations.AddField(
            model_name="searchposting",
            name="length",
            field=models.PositiveIntegerField(default=0, db_default=0),
        ),
        migrations.AddField(
            model_name="searchindexstate",
            name="entry_count",
            field=models.BigIntegerField(default=0, db_default=0),
        ),
        migrations.AddField(
            model_name="searchindexstate",
            name="total_length",
            field=models.BigIntegerField(default=0, db_default=0),
        ),
        migrations.RunPython(count_entries, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="searchposting",
            index=models.Index(
                fields=["term", "entry", "weight", "length"], name="search_posting_score"
            ),
        ),
    ]
