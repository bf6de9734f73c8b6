"""Shared test personas: one organisation of each kind we need and one user per role, all with a
confirmed authenticator, plus a client that is logged in through two-factor."""

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.actions import sync_editor_group
from accounts.models import Membership, Organisation, OrganisationKind, Role, User
from regions.models import Municipality

PASSWORD = "Een-lang-wachtwoord-2026"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Argon2 is deliberately slow; the tests create many users. test_settings checks that the
    # project itself uses Argon2.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organisations(db):
    utrecht = Municipality.objects.get(code="GM0344")
    amersfoort = Municipality.objects.get(code="GM0307")
    make = Organisation.objects.create
    return {
        "utrecht": make(
            name="Gemeente Utrecht", kind=OrganisationKind.MUNICIPALITY, municipality=utrecht
        ),
        "amersfoort": make(
            name="Gemeente Amersfoort", kind=OrganisationKind.MUNICIPALITY, municipality=amersfoort
        ),
        "police": make(name="Politie Midden-Nederland", kind=OrganisationKind.POLICE),
        "vt": make(name="Veilig Thuis Utrecht", kind=OrganisationKind.REPORTING_POINT),
        "riec": make(name="RIEC Midden-Nederland", kind=OrganisationKind.RIEC),
    }


# The organisation each role's persona works for.
ROLE_HOME = {
    Role.PROFESSIONAL: "amersfoort",
    Role.REPORTING_POINT_STAFF: "vt",
    Role.PARTNER_CASE_WORKER: "police",
    Role.ANALYST: "riec",
    Role.EDITOR: "riec",
    Role.ORGANISATION_ADMIN: "utrecht",
    Role.PRIVACY_OFFICER: "vt",
    Role.PLATFORM_ADMIN: "riec",
}


def totp_code(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"


@pytest.fixture
def make_user(organisations):
    def make(role=None, organisation=None, email=None, two_factor=True):
        email = email or f"{role or 'nobody'}@test.example"
        user = User.objects.create_user(email, password=PASSWORD, full_name=f"Persona {role}")
        if role:
            org = organisations[organisation or ROLE_HOME[role]]
            Membership.objects.create(user=user, organisation=org, role=role)
            sync_editor_group(user)
        if two_factor:
            TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        return user

    return make


@pytest.fixture
def personas(make_user):
    return {role: make_user(role) for role in Role.values}


@pytest.fixture
def login():
    """Log a client in as if through password and two-factor login."""

    def do(client, user):
        client.force_login(user)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = TOTPDevice.objects.get(user=user).persistent_id
        session.save()
        return client

    return do
