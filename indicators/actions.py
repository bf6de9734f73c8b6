"""Changes to the catalogue as a whole."""

from django.apps import apps as installed_apps
from django.db import transaction

from .exploitation import join_codes, split_codes
from .models import CATALOGUE_LANGUAGES


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
            **{f"text_{code}": getattr(i, f"text_{code}", "") for code in CATALOGUE_LANGUAGES[1:]},
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


def _texts(Model, row, field):
    """The seed row's texts `field`_nl ... _uk that `Model` has (a migration's historical model
    may predate some languages)."""
    names = {f.name for f in Model._meta.get_fields()}
    return {
        f"{field}_{code}": row.get(f"{field}_{code}", "")
        for code in CATALOGUE_LANGUAGES
        if f"{field}_{code}" in names
    }


def _fill_blanks(obj, texts):
    """Give an existing row the seed's texts for the languages it has none in (a new language, or
    a text left empty); a text an editor wrote is kept."""
    blank = [name for name, value in texts.items() if value and not getattr(obj, name)]
    for name in blank:
        setattr(obj, name, texts[name])
    if blank:
        obj.save(update_fields=blank)


@transaction.atomic
def load_seed(seed, apps=None):
    """Add the seed's indicators, premises types, sectors and contact points that are missing, and
    the seed's texts in the languages an existing indicator, premises type or sector has no text
    in. What editors changed is left alone. Migrations pass their historical `apps`."""
    models = _models(apps)
    Indicator, PremisesType = models["Indicator"], models["PremisesType"]
    Sector, ContactPoint = models["Sector"], models["ContactPoint"]
    created = 0
    for row in seed.INDICATORS:
        texts = _texts(Indicator, row, "text")
        indicator, new = Indicator.objects.get_or_create(
            code=row["code"],
            defaults={
                **texts,
                "domain": row["domain"],
                "strength": row["strength"],
                "forms": join_codes(row["forms"]),
                "subject": row.get("subject", "person"),
                "minors": row.get("minors", False),
            },
        )
        if not new:
            _fill_blanks(indicator, texts)
        created += new
    for row in seed.PREMISES_TYPES:
        texts = _texts(PremisesType, row, "name")
        premises, new = PremisesType.objects.get_or_create(
            code=row["code"], defaults={**texts, "forms": join_codes(row.get("forms", []))}
        )
        if not new:
            _fill_blanks(premises, texts)
    for row in seed.SECTORS:
        texts = _texts(Sector, row, "name")
        sector, new = Sector.objects.get_or_create(code=row["code"], defaults=texts)
        if not new:
            _fill_blanks(sector, texts)
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
