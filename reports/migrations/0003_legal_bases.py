from django.db import migrations

LEGAL_BASES = [
    (
        "AVG art. 6 lid 1 sub e – publieke taak (Wmo 2015, Veilig Thuis)",
        "Verstrekking die nodig is voor de wettelijke taak van het meldpunt (Veilig Thuis) om "
        "uitbuiting te stoppen en hulp te organiseren.",
    ),
    (
        "AVG art. 6 lid 1 sub d – vitaal belang (acuut gevaar)",
        "Alleen bij acuut gevaar voor leven of gezondheid van de betrokkene.",
    ),
    (
        "AVG art. 6 lid 1 sub a – toestemming van de betrokkene",
        "Schriftelijke toestemming, bijvoorbeeld voor opvang of registratie bij CoMensha. "
        "Wees terughoudend: toestemming is kwetsbaar bij afhankelijkheid of dwang.",
    ),
    (
        "Melding van een concreet vermoeden aan politie, KMar of NLA",
        "Het doorgeven van een concreet vermoeden van mensenhandel aan een opsporingsdienst om de "
        "uitbuiting te stoppen; hiervoor is geen toestemming nodig.",
    ),
    (
        "Wet gegevensverwerking door samenwerkingsverbanden (WGS) – RIEC / Zorg- en Veiligheidshuis",
        "Gezamenlijke verwerking binnen een aangewezen samenwerkingsverband; controleer met de "
        "privacy officer of het verband is aangewezen.",
    ),
    (
        "Privacyprotocol RIECs-LIEC (convenant, art. 26 AVG)",
        "Verstrekking aan het RIEC voor de bestuurlijke aanpak binnen het convenant.",
    ),
]


def add(apps, schema_editor):
    LegalBasis = apps.get_model("reports", "LegalBasis")
    for name, description in LEGAL_BASES:
        LegalBasis.objects.get_or_create(name=name, defaults={"description": description})


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_case_handling")]
    operations = [migrations.RunPython(add, migrations.RunPython.noop)]
