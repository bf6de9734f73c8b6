"""A copy of the database (or of the private files) alone reveals no names, contact details or
narratives: everything personal is encrypted by the application."""

import uuid

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from accounts.models import Role
from reports import actions as report_actions
from reports.actions import add_attachment, add_reporter_message, send_staff_message, submit_report
from reports.models import LegalBasis

from .conftest import jpeg_with_gps

pytestmark = pytest.mark.django_db

SECRETS = {
    "description": "Zeldzaamverhaal Kwispeltuin",
    "street": "Geheimstraatlaan",
    "house_number": "777Q",
    "postcode": "9999 ZZ",
    "place": "Loods Achterhoekje",
    "occurred_period": "Elke maanvrijdag",
    "nationality": "Ruritaans",
    "exploiters": "Baas Grommelsnor 06-98765432",
    "company_name": "Schimmelbouw Ltd",
    "reporter_name": "Melder Vlinderhoed",
    "reporter_phone": "0687654321",
    "reporter_email": "vlinderhoed@example.org",
    "reporter_function": "Conciërge Sterrenschool",
    "reporter_organisation_text": "Sterrenschool Noord",
}
MORE = [
    "Slachtoffer Pimpelmees",
    "1999-02-03",
    "0611223344",
    "pimpelmees@example.org",
    "Interne notitie Zeepbel",
    "Vraag over Zwaluwstaart",
    "Antwoord over Zwaluwstaart",
    "Samenvatting Boterbloem",
    "foto-Kikkerdril.jpg",
]


def test_no_personal_value_is_readable_in_a_dump(personas, organisations, private_dir):
    staff = personas[Role.REPORTING_POINT_STAFF]
    report = submit_report(
        fields={**SECRETS, "acute_danger": "no", "reporter_type": "citizen"},
        kind="report",
        channel="public",
        language="nl",
        idempotency_key=uuid.uuid4(),
        passphrase="wachtwoordzin Kabouter",
    ).report
    report_actions.add_person(
        report,
        actor=staff,
        role="victim",
        name=MORE[0],
        birth_date=MORE[1],
        phone=MORE[2],
        email=MORE[3],
    )
    report_actions.add_note(report, MORE[4], actor=staff)
    send_staff_message(report, MORE[5], actor=staff)
    add_reporter_message(report, MORE[6])
    report_actions.refer(
        report,
        actor=staff,
        organisation=organisations["police"],
        legal_basis=LegalBasis.objects.first(),
        summary=MORE[7],
    )
    add_attachment(report, SimpleUploadedFile(MORE[8], jpeg_with_gps(), "image/jpeg"))
    known = list(SECRETS.values()) + MORE + [report.mailbox_code]
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from Django
            for row in cursor.fetchall():
                dump.append(" ".join(str(cell) for cell in row))
    text = "\n".join(dump)
    assert report.reference in text  # the dump is real: the reference is not secret
    found = [value for value in known if value.lower() in text.lower()]
    assert found == [], f"readable in the database: {found}"
    for path in private_dir.rglob("*"):
        if path.is_file():
            assert b"\xff\xd8\xff" not in path.read_bytes()[:10]
            assert b"Kikkerdril" not in path.read_bytes()


def test_key_rotation_re_encrypts_everything_and_can_be_resumed(monkeypatch, private_dir):
    import io

    from cryptography.fernet import Fernet
    from django.core.management import call_command

    from core import crypto
    from reports import storage
    from reports.models import Attachment, Report

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [old])
    crypto.reset_keys()
    try:
        for _ in range(3):
            report = submit_report(
                fields={**SECRETS, "acute_danger": "no", "reporter_type": "citizen"},
                kind="report",
                channel="public",
                language="nl",
                idempotency_key=uuid.uuid4(),
            ).report
        add_attachment(report, SimpleUploadedFile("a.jpg", jpeg_with_gps(), "image/jpeg"))
        monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [new, old])
        out = io.StringIO()
        call_command("rotate_encryption_keys", "--dry-run", stdout=out)
        # 43 in the reports, 9 in the three confirmation e-mails waiting in the outbox
        assert "would re-encrypt 52 values and 1 files" in out.getvalue()
        real_rotate, calls = crypto.rotate, []

        def failing(value):
            calls.append(value)
            if len(calls) == 20:
                raise KeyboardInterrupt
            return real_rotate(value)

        monkeypatch.setattr(crypto, "rotate", failing)
        with pytest.raises(KeyboardInterrupt):
            call_command("rotate_encryption_keys", "--batch", "1", stdout=io.StringIO())
        monkeypatch.setattr(crypto, "rotate", real_rotate)
        out = io.StringIO()
        call_command("rotate_encryption_keys", "--batch", "1", stdout=out)
        assert "re-encrypted 43 values and 1 files" in out.getvalue()  # the outbox was done before
        monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [new])  # the old key is gone
        crypto.reset_keys()
        for report in Report.objects.all():
            assert report.description == SECRETS["description"]
            assert report.reporter_email == SECRETS["reporter_email"]
        assert storage.read(Attachment.objects.get().storage_name)[:3] == b"\xff\xd8\xff"
    finally:
        monkeypatch.setattr(settings, "SIGNAAL_ENCRYPTION_KEYS", [])
        crypto.reset_keys()


def test_mailbox_passphrases_are_hashed_with_argon2id():
    from reports.hashers import hash_passphrase, verify_passphrase

    encoded = hash_passphrase("lange zin 2026")
    assert encoded.startswith("argon2$argon2id$") and "m=19456" in encoded and "p=1" in encoded
    assert verify_passphrase("lange zin 2026", encoded)
    assert not verify_passphrase("lange zin 2027", encoded)
    assert not verify_passphrase("lange zin 2026", "")
