"""New signals for every form in both modes (issue 18): criminal exploitation seen at a location
(drug premises, cuckooing, stolen goods, young people coming and going, threats), human smuggling
as such, and a location signal for organ removal, surrogacy, forced marriage and illegal adoption;
the kind of place "transit point" and the contact point police AVIM. A database that already ran
0004 gets them here; load_seed only adds what is missing (editors' changes are kept) and numbers
a new catalogue version when the catalogue changed."""

from django.db import migrations


def load(apps, schema_editor):
    from indicators import seed
    from indicators.actions import load_seed

    load_seed(seed, apps)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0004_catalogue_in_six_languages")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
