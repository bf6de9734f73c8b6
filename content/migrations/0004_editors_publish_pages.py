"""The editor role publishes, unpublishes and schedules pages itself: Wagtail's "Editors" group
(which follows the role, accounts.actions.sync_editor_group) gets the publish permission on the
whole page tree that Wagtail gives only to its "Moderators"."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    editors = Group.objects.filter(name="Editors").first()
    root = Page.objects.filter(depth=1).first()
    if editors is None or root is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    permission, _ = Permission.objects.get_or_create(
        content_type=page_type, codename="publish_page", defaults={"name": "Can publish any page"}
    )
    GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=permission)


def revoke(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name="Editors", page__depth=1, permission__codename="publish_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_rename_root_collection"),
        ("wagtailcore", "0098_apitoken"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
