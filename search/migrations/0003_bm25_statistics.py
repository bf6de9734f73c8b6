from django.db import migrations, models


def clear_index(apps, schema_editor):
    """Postings change meaning (field-weighted frequencies with the entry's length instead of a
    finished BM25 weight): the index is derived data, so empty it; `manage.py
    reindex_knowledge` (also run by load_demo_content) rebuilds it."""
    for name in ("SearchPosting", "SearchFacet", "SearchEntry", "SearchTerm", "SearchIndexState"):
        apps.get_model("search", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_posting_weight_follows"),
    ]

    operations = [
        migrations.RunPython(clear_index, migrations.RunPython.noop),
        migrations.RemoveIndex(
            model_name="searchposting",
            name="search_posting_score",
        ),
        migrations.AddField(
            model_name="searchposting",
            name="length",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="searchindexstate",
            name="entry_count",
            field=models.BigIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="searchindexstate",
            name="total_length",
            field=models.BigIntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="searchposting",
            index=models.Index(
                fields=["term", "entry", "weight", "length"], name="search_posting_score"
            ),
        ),
    ]
