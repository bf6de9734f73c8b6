"""Load the shipped CBS list of 1 January 2023 (342 municipalities). Newer lists are loaded with
`manage.py load_municipalities`; this migration reads only its own, fixed file."""

import csv
from pathlib import Path

from django.db import migrations

LIST = Path(__file__).resolve().parent.parent / "data" / "gemeenten-2023-01-01.csv"
RIEC = {
    "Noord-Nederland": "noord-nederland",
    "Oost-Nederland": "oost-nederland",
    "Midden-Nederland": "midden-nederland",
    "Noord-Holland": "noord-holland",
    "Amsterdam-Amstelland": "amsterdam-amstelland",
    "Den Haag": "den-haag",
    "Rotterdam": "rotterdam",
    "Zeeland-West-Brabant": "zeeland-west-brabant",
    "Oost-Brabant": "oost-brabant",
    "Limburg": "limburg",
}


def load(apps, schema_editor):
    Municipality = apps.get_model("regions", "Municipality")
    with open(LIST, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    Municipality.objects.bulk_create(
        [
            Municipality(
                code=row["gm_code"],
                cbs_name=row["cbs_name_in_source"],
                name=row["display_name"] or row["cbs_name_in_source"],
                province=row["pv_code"],
                riec_region=RIEC[row["riec_politie_eenheid"]],
                safety_region_code=row["vr_code"],
                safety_region=row["veiligheidsregio"],
                listed_on="2023-01-01",
            )
            for row in rows
        ]
    )


def unload(apps, schema_editor):
    apps.get_model("regions", "Municipality").objects.filter(listed_on="2023-01-01").delete()


class Migration(migrations.Migration):
    dependencies = [("regions", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
