from django.db import migrations


class Migration(migrations.Migration):
    """The flags are replaced by the shared items (0007); a separate migration, so that on
    PostgreSQL the rows written there are committed before the table is altered."""

    dependencies = [
        ("reports", "0007_referral_items"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="referral",
            name="share_attachments",
        ),
        migrations.RemoveField(
            model_name="referral",
            name="share_persons",
        ),
    ]
