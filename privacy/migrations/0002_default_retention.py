from django.db import migrations

# (kind, days after closing, rationale) — see docs/privacy.md; the region confirms or changes them.
DEFAULTS = [
    (
        "advice",
        365,
        "Een adviesvraag noemt niemand; de vraag en het antwoord helpen het meldpunt een jaar "
        "(herhaalde vragen, kwaliteit). Daarna blijven alleen de cijfers.",
    ),
    (
        "no_follow_up",
        730,
        "Een signaal zonder vervolg kan betekenis krijgen door een latere melding over hetzelfde "
        "adres of dezelfde persoon; twee jaar maakt zulke koppelingen mogelijk en beperkt het "
        "bewaren van onbewezen vermoedens.",
    ),
    (
        "referred",
        1825,
        "Ketenpartners kunnen tijdens opsporing en vervolging vragen naar de doorverwijzing; het "
        "meldpunt moet kunnen verantwoorden wat het deelde. Bewaart Veilig Thuis deze als "
        "Veilig Thuis-dossier (Wmo 2015), dan geldt twintig jaar: zet dan 7300 dagen.",
    ),
    (
        "attachments",
        365,
        "Foto's en documenten zijn na de doorverwijzing bij de ketenpartner; het meldpunt houdt "
        "ze een jaar voor vragen.",
    ),
    (
        "reporter_contact",
        180,
        "Contactgegevens van de melder zijn alleen nodig voor vragen tijdens de behandeling.",
    ),
    (
        "mailbox",
        365,
        "De postbus blijft een jaar open voor aanvullingen; daarna verdwijnen de berichten en "
        "de toegang.",
    ),
]


def add(apps, schema_editor):
    RetentionRule = apps.get_model("privacy", "RetentionRule")
    for kind, days, rationale in DEFAULTS:
        RetentionRule.objects.get_or_create(
            kind=kind, defaults={"days": days, "rationale": rationale}
        )


class Migration(migrations.Migration):
    dependencies = [("privacy", "0001_privacy")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
