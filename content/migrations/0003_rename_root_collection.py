"""Wagtail's default collection is called "Root", and a document in it is public: the name says
nothing to an editor. It is renamed to say who can see it (content.access_label tells the editor
the same for every collection, from its restriction)."""

from django.db import migrations

OLD_NAME = "Root"
NEW_NAME = "Openbaar (iedereen)"


def rename(apps, schema_editor, old, new):
    Collection = apps.get_model("wagtailcore", "Collection")
    Collection.objects.filter(depth=1, name=old).update(name=new)


def forwards(apps, schema_editor):
    rename(apps, schema_editor, OLD_NAME, NEW_NAME)


def backwards(apps, schema_editor):
    rename(apps, schema_editor, NEW_NAME, OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0002_home_page_and_editor_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
