"""Changes to the catalogue as a whole."""

from django.apps import apps as installed_apps
from django.db import transaction

from .exploitation import join_codes, split_codes


def _models(apps):
    """The catalogue's models: the current ones, or a migration's historical ones."""
    apps = apps or installed_apps
    return {
        name: apps.get_model("indicators", name)
        for name in ("Indicator", "PremisesType", "Sector", "ContactPoint", "CatalogueVersion")
    }


def _snapshot(Indicator):
    return [
        {
            "code": i.code,
            "text_nl": i.text_nl,
            "text_en": i.text_en,
            "domain": i.domain,
            "strength": i.strength,
            "forms": split_codes(i.forms),
            "subject": i.subject,
            "minors": i.minors,
        }
        for i in Indicator.objects.filter(active=True).order_by("code")
    ]


@transaction.atomic
def publish_catalogue(apps=None):
    """Number the current catalogue if it differs from the last version; return the version a
    report should record."""
    models = _models(apps)
    CatalogueVersion = models["CatalogueVersion"]
    snapshot = _snapshot(models["Indicator"])
    latest = CatalogueVersion.objects.select_for_update().order_by("-number").first()
    if latest is not None and latest.snapshot == snapshot:
        return latest
    return CatalogueVersion.objects.create(
        number=(latest.number + 1) if latest else 1, snapshot=snapshot
    )


@transaction.atomic
def load_seed(seed, apps=None):
    """Add the seed's indicators, premises types, sectors and contact points that are missing.
    What editors changed is left alone. Migrations pass their historical `apps`."""
    models = _models(apps)
    Indicator, PremisesType = models["Indicator"], models["PremisesType"]
    Sector, ContactPoint = models["Sector"], models["ContactPoint"]
    created = 0
    for row in seed.INDICATORS:
        _, new = Indicator.objects.get_or_create(
            code=row["code"],
            defaults={
                "text_nl": row["text_nl"],
                "text_en": row["text_en"],
                "domain": row["domain"],
                "strength": row["strength"],
                "forms": join_codes(row["forms"]),
                "subject": row.get("subject", "person"),
                "minors": row.get("minors", False),
            },
        )
        created += new
    for row in seed.PREMISES_TYPES:
        PremisesType.objects.get_or_create(
            code=row["code"],
            defaults={
                "name_nl": row["name_nl"],
                "name_en": row["name_en"],
                "forms": join_codes(row.get("forms", [])),
            },
        )
    for row in seed.SECTORS:
        Sector.objects.get_or_create(
            code=row["code"], defaults={"name_nl": row["name_nl"], "name_en": row["name_en"]}
        )
    for row in seed.CONTACT_POINTS:
        ContactPoint.objects.get_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "phone": row.get("phone", ""),
                "website": row.get("website", ""),
                "hours": row.get("hours", ""),
                "purpose_nl": row["purpose_nl"],
                "purpose_en": row.get("purpose_en", ""),
                "forms": join_codes(row.get("forms", [])),
                "acute": row.get("acute", False),
                "needs_verification": row.get("verify", False),
            },
        )
    publish_catalogue(apps)
    return created
