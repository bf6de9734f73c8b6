"""Editors keep the catalogue (indicators, premises types, sectors, contact points)."""

from django.db import migrations

MODELS = ["indicator", "premisestype", "sector", "contactpoint"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="indicators", model=model)
        for action in ("add", "change", "delete", "view"):
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_initial_catalogue"), ("content", "0002_home_page_and_editor_permissions")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
