"""The first catalogue: about a hundred indicators from Dutch practice (see indicators/seed.py),
premises types, sectors and contact points. Later changes are made by editors, or by new
migrations calling the same loader."""

from django.db import migrations


def load(apps, schema_editor):
    from indicators import seed

    Indicator = apps.get_model("indicators", "Indicator")
    PremisesType = apps.get_model("indicators", "PremisesType")
    Sector = apps.get_model("indicators", "Sector")
    ContactPoint = apps.get_model("indicators", "ContactPoint")
    CatalogueVersion = apps.get_model("indicators", "CatalogueVersion")

    def join(codes):
        return f"|{'|'.join(codes)}|" if codes else ""

    for row in seed.INDICATORS:
        Indicator.objects.get_or_create(
            code=row["code"],
            defaults={
                "text_nl": row["text_nl"], "text_en": row["text_en"], "domain": row["domain"],
                "strength": row["strength"], "forms": join(row["forms"]),
                "subject": row.get("subject", "person"), "minors": row.get("minors", False),
            },
        )
    for row in seed.PREMISES_TYPES:
        PremisesType.objects.get_or_create(
            code=row["code"],
            defaults={"name_nl": row["name_nl"], "name_en": row["name_en"],
                      "forms": join(row.get("forms", []))},
        )
    for row in seed.SECTORS:
        Sector.objects.get_or_create(
            code=row["code"], defaults={"name_nl": row["name_nl"], "name_en": row["name_en"]}
        )
    for row in seed.CONTACT_POINTS:
        ContactPoint.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"], "phone": row.get("phone", ""),
                "website": row.get("website", ""), "hours": row.get("hours", ""),
                "purpose_nl": row["purpose_nl"], "purpose_en": row.get("purpose_en", ""),
                "forms": join(row.get("forms", [])), "acute": row.get("acute", False),
                "needs_verification": row.get("verify", False),
            },
        )
    snapshot = [
        {
            "code": i.code, "text_nl": i.text_nl, "text_en": i.text_en, "domain": i.domain,
            "strength": i.strength, "forms": [c for c in i.forms.split("|") if c],
            "subject": i.subject, "minors": i.minors,
        }
        for i in Indicator.objects.filter(active=True).order_by("code")
    ]
    if not CatalogueVersion.objects.exists():
        CatalogueVersion.objects.create(number=1, snapshot=snapshot)


def unload(apps, schema_editor):
    for name in ("CatalogueVersion", "ContactPoint", "Sector", "PremisesType", "Indicator"):
        apps.get_model("indicators", name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
