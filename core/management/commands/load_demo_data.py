import hashlib
from base64 import b32encode

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.actions import BACKUP_DEVICE_NAME, sync_editor_group
from accounts.models import (
    AccountRequest,
    AccountRequestStatus,
    Membership,
    Organisation,
    OrganisationKind,
    Role,
    User,
)
from monitor import actions as monitor_actions
from monitor import facts
from monitor.models import ImportBatch
from monitor.policy import load_demo_policy
from regions.models import Municipality
from reports.demo import DEMO_PASSPHRASE, load_demo_reports

DEMO_PASSWORD = "Signaal-demo-2026"  # noqa: S105 - demo mode only, refused in production

ORGANISATIONS = [
    ("Gemeente Utrecht", OrganisationKind.MUNICIPALITY, "GM0344", "utrecht.demo.test"),
    ("Gemeente Amersfoort", OrganisationKind.MUNICIPALITY, "GM0307", "amersfoort.demo.test"),
    ("Gemeente Nieuwegein", OrganisationKind.MUNICIPALITY, "GM0356", "nieuwegein.demo.test"),
    ("Gemeente Almere", OrganisationKind.MUNICIPALITY, "GM0034", "almere.demo.test"),
    ("Politie eenheid Midden-Nederland", OrganisationKind.POLICE, "GM0344", "politie.demo.test"),
    ("Nederlandse Arbeidsinspectie", OrganisationKind.LABOUR_INSPECTORATE, None, "nla.demo.test"),
    ("Veilig Thuis Utrecht", OrganisationKind.REPORTING_POINT, "GM0344", "vtu.demo.test"),
    ("Zorgcoördinatie Mensenhandel Utrecht", OrganisationKind.CARE, "GM0344", "zorg.demo.test"),
    ("RIEC Midden-Nederland", OrganisationKind.RIEC, "GM0344", "riec.demo.test"),
]

# (e-mail, name, function, organisation, role)
USERS = [
    (
        "aandachtsfunctionaris@amersfoort.demo.test",
        "Sanne de Vries",
        "Aandachtsfunctionaris mensenhandel",
        "Gemeente Amersfoort",
        Role.PROFESSIONAL,
    ),
    (
        "meldpunt@vtu.demo.test",
        "Yusuf Demir",
        "Medewerker Advies- en Meldpunt Mensenhandel",
        "Veilig Thuis Utrecht",
        Role.REPORTING_POINT_STAFF,
    ),
    (
        "rechercheur@politie.demo.test",
        "Marieke Jansen",
        "Rechercheur AVIM",
        "Politie eenheid Midden-Nederland",
        Role.PARTNER_CASE_WORKER,
    ),
    (
        "inspecteur@nla.demo.test",
        "Piotr Nowak",
        "Inspecteur arbeidsuitbuiting",
        "Nederlandse Arbeidsinspectie",
        Role.PARTNER_CASE_WORKER,
    ),
    (
        "zorgcoordinator@zorg.demo.test",
        "Fatima El Amrani",
        "Zorgcoördinator mensenhandel",
        "Zorgcoördinatie Mensenhandel Utrecht",
        Role.PARTNER_CASE_WORKER,
    ),
    ("analist@riec.demo.test", "Thomas Bakker", "Analist", "RIEC Midden-Nederland", Role.ANALYST),
    (
        "redacteur@riec.demo.test",
        "Eva Visser",
        "Communicatieadviseur",
        "RIEC Midden-Nederland",
        Role.EDITOR,
    ),
    (
        "beheerder@utrecht.demo.test",
        "Ahmed Haddou",
        "Functioneel beheerder",
        "Gemeente Utrecht",
        Role.ORGANISATION_ADMIN,
    ),
    (
        "privacy@vtu.demo.test",
        "Lotte Smit",
        "Functionaris gegevensbescherming",
        "Veilig Thuis Utrecht",
        Role.PRIVACY_OFFICER,
    ),
    (
        "platformbeheer@riec.demo.test",
        "Daan Mulder",
        "Platformbeheerder",
        "RIEC Midden-Nederland",
        Role.PLATFORM_ADMIN,
    ),
]

PENDING_REQUEST = {
    "email": "j.peters@utrecht.demo.test",
    "full_name": "Joost Peters",
    "function": "Handhaver openbare ruimte",
    "motivation": "Ik kom bij controles van panden signalen tegen en wil de signaalkaarten en "
    "handreikingen kunnen lezen.",
}


def demo_totp_key(email):
    """A fixed key per demo user, so that the demo works the same on every machine."""
    return hashlib.sha256(f"signaal-demo-totp:{email}".encode()).hexdigest()[:40]


def demo_backup_codes(email):
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    codes = []
    for i in range(10):
        digest = hashlib.sha256(f"signaal-demo-backup:{email}:{i}".encode()).digest()
        codes.append("".join(alphabet[b % len(alphabet)] for b in digest[:8]))
    return codes


class Command(BaseCommand):
    help = "Load the demo region Midden-Nederland: organisations and one user per role. Idempotent."

    def handle(self, *args, **options):
        if not settings.SIGNAAL_DEMO:
            raise CommandError(
                "Demo data is only loaded with SIGNAAL_DEMO=true (never in production)."
            )
        with transaction.atomic():
            organisations = self.load_organisations()
            self.load_users(organisations)
            self.load_pending_request(organisations)
            created, mailbox_code = load_demo_reports()
            load_demo_policy(actor=User.objects.get(email="analist@riec.demo.test"))
            history_batch = self.load_history()
        if history_batch is not None:
            monitor_actions.import_batch(history_batch.pk)  # counts the monitor's facts too
        else:
            facts.rebuild()  # the monitor counts the demo reports at once
        self.print_logins()
        self.stdout.write(f"Demo reports created: {created}.")
        if mailbox_code:
            self.stdout.write(
                f"Demo mailbox (/melden/postbus/): code {mailbox_code}, passphrase "
                f"'{DEMO_PASSPHRASE}'"
            )

    def load_organisations(self):
        organisations = {}
        for name, kind, code, domain in ORGANISATIONS:
            municipality = Municipality.objects.get(code=code) if code else None
            organisations[name], _ = Organisation.objects.get_or_create(
                name=name,
                defaults={"kind": kind, "municipality": municipality, "email_domains": domain},
            )
        return organisations

    def load_users(self, organisations):
        for email, name, function, organisation, role in USERS:
            user = User.objects.filter(email=email).first()
            if user is None:
                user = User.objects.create_user(
                    email, password=DEMO_PASSWORD, full_name=name, function=function
                )
            Membership.objects.get_or_create(
                user=user, organisation=organisations[organisation], role=role
            )
            sync_editor_group(user)
            if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
                TOTPDevice.objects.create(
                    user=user, name="Demo", key=demo_totp_key(email), confirmed=True
                )
            if not StaticDevice.objects.filter(user=user, name=BACKUP_DEVICE_NAME).exists():
                device = StaticDevice.objects.create(
                    user=user, name=BACKUP_DEVICE_NAME, confirmed=True
                )
                StaticToken.objects.bulk_create(
                    [StaticToken(device=device, token=code) for code in demo_backup_codes(email)]
                )

    def load_pending_request(self, organisations):
        if AccountRequest.objects.filter(email=PENDING_REQUEST["email"]).exists():
            return
        AccountRequest.objects.create(
            organisation=organisations["Gemeente Utrecht"],
            status=AccountRequestStatus.PENDING,
            **PENDING_REQUEST,
        )

    def load_history(self):
        """The newsletter's Tables 1 and 2 (2020-2023) as imported history of the reporting
        point, once."""
        name = "newsletter-history.csv"
        if ImportBatch.objects.filter(file_name=name).exists():
            return None
        path = settings.BASE_DIR / "monitor" / "examples" / name
        return monitor_actions.upload_batch(
            batch_format=ImportBatch.Format.COUNTS,
            file_name=name,
            content=path.read_bytes(),
            source="Nieuwsbrief Samen tegen mensenhandel, Q1 2024",
            actor=User.objects.get(email="meldpunt@vtu.demo.test"),
        )

    def print_logins(self):
        write = self.stdout.write
        write("")
        write("Demo logins (demo mode only). Password for every account: " + DEMO_PASSWORD)
        write("Two-factor: enter one of the backup codes shown (each works once), or add the")
        write("key to an authenticator app, or run: .venv/bin/python manage.py demo_totp EMAIL")
        write("")
        for email, _name, _function, organisation, role in USERS:
            device = StaticDevice.objects.filter(user__email=email, name=BACKUP_DEVICE_NAME).first()
            codes = list(device.token_set.values_list("token", flat=True)[:3]) if device else []
            key = b32encode(bytes.fromhex(demo_totp_key(email))).decode()
            write(f"  {Role(role).label:24} {email}")
            write(f"  {'':24} {organisation}; backup codes: {', '.join(codes) or 'all used'}")
            write(f"  {'':24} authenticator key: {key}")
        write("")
