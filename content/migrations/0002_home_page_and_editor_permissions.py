"""Replace Wagtail's welcome page by our home page, and let editors manage publishers."""

from django.db import migrations


def create_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("content.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    Page.objects.filter(depth=2, slug="home", content_type__app_label="wagtailcore").delete()
    root = Page.objects.get(depth=1)
    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="content")
    locale = Locale.objects.first()
    home = HomePage.objects.create(
        title="Signaal",
        draft_title="Signaal",
        slug="home",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=locale,
        live=True,
        intro="",
        body="[]",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Signaal"},
    )


def remove_home(apps, schema_editor):
    apps.get_model("content.HomePage").objects.all().delete()


def grant_publisher_permissions(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    publisher_type, _ = ContentType.objects.get_or_create(app_label="content", model="publisher")
    editors, _ = Group.objects.get_or_create(name="Editors")
    for action in ("add", "change", "delete", "view"):
        permission, _ = Permission.objects.get_or_create(
            content_type=publisher_type,
            codename=f"{action}_publisher",
            defaults={"name": f"Can {action} publisher"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]
    operations = [
        migrations.RunPython(create_home, remove_home),
        migrations.RunPython(grant_publisher_permissions, migrations.RunPython.noop),
    ]
