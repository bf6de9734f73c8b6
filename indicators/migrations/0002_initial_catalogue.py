"""The first catalogue: about a hundred indicators from Dutch practice (see indicators/seed.py),
premises types, sectors and contact points. Later changes are made by editors, or by new
migrations calling the same loader."""

from django.db import migrations


def load(apps, schema_editor):
    from indicators import seed
    from indicators.actions import load_seed

    load_seed(seed, apps)


def unload(apps, schema_editor):
    for name in ("CatalogueVersion", "ContactPoint", "Sector", "PremisesType", "Indicator"):
        apps.get_model("indicators", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
