"""The catalogue's signals, kinds of place and sectors in Polish, Romanian, Bulgarian and Ukrainian
too, the languages of the public report form. Existing rows get the seed's texts (load_seed fills
a language a row has no text in; what editors wrote is kept), which also numbers a new catalogue
version with the texts in six languages."""

from django.db import migrations, models


def fill(apps, schema_editor):
    from indicators import seed
    from indicators.actions import load_seed

    load_seed(seed, apps)


LANGUAGES = {"pl": "Polish", "ro": "Romanian", "bg": "Bulgarian", "uk": "Ukrainian"}


def add(model, field, label, max_length):
    return [
        migrations.AddField(
            model_name=model,
            name=f"{field}_{code}",
            field=models.CharField(
                default="", max_length=max_length, verbose_name=f"{label} ({language})"
            ),
            preserve_default=False,
        )
        for code, language in LANGUAGES.items()
    ]


class Migration(migrations.Migration):
    dependencies = [("indicators", "0003_editor_permissions")]
    operations = [
        *add("indicator", "text", "text", 300),
        *add("premisestype", "name", "name", 100),
        *add("sector", "name", "name", 100),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
