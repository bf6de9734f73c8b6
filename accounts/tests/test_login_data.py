"""Login data (address and password) changes only on our own screens, which ask for the current
password and write an audit event: Wagtail's account screen and the Django admin's password
screens hand over to them, and the Django admin cannot change anyone's login address."""

from django.urls import reverse

from accounts.models import Role, User
from audit.models import AuditEvent
from conftest import PASSWORD

NEW_PASSWORD = "Een-ander-wachtwoord-77"


def test_wagtail_account_screen_changes_neither_address_nor_password(client, personas, login):
    editor = personas[Role.EDITOR]
    login(client, editor)
    assert client.get("/cms/").status_code == 200
    response = client.post(
        "/cms/account/",
        {
            "name_email-first_name": "Ander",
            "name_email-last_name": "Adres",
            "name_email-email": "aanvaller@elders.example",
            "password-old_password": PASSWORD,
            "password-new_password1": NEW_PASSWORD,
            "password-new_password2": NEW_PASSWORD,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:profile")
    editor.refresh_from_db()
    assert editor.email == "editor@test.example"
    assert editor.check_password(PASSWORD)
    assert client.get("/cms/account/")["Location"] == reverse("accounts:profile")


def test_the_django_admin_password_screen_hands_over_to_ours(client, personas, login):
    admin = personas[Role.PLATFORM_ADMIN]
    login(client, admin)
    for url in ("/beheer/password_change/", "/beheer/password_change/done/"):
        assert client.get(url).status_code == 302, url
    response = client.post(
        "/beheer/password_change/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("accounts:password_change")
    admin.refresh_from_db()
    assert admin.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="accounts.password_changed").exists()


def test_the_django_admin_cannot_change_a_login_address(client, personas, login):
    admin = personas[Role.PLATFORM_ADMIN]
    staff = personas[Role.REPORTING_POINT_STAFF]
    login(client, admin)
    url = reverse("admin:accounts_user_change", args=[staff.pk])
    response = client.post(
        url,
        {
            "full_name": staff.full_name,
            "email": "beheerder-zelf@elders.example",
            "function": "",
            "is_active": "on",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
            "memberships-MIN_NUM_FORMS": "0",
            "memberships-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.email == "reporting_point_staff@test.example"
    assert not User.objects.filter(email="beheerder-zelf@elders.example").exists()


def test_our_password_screen_asks_for_the_current_password_and_audits(client, personas, login):
    editor = personas[Role.EDITOR]
    login(client, editor)
    url = reverse("accounts:password_change")
    response = client.post(
        url,
        {"old_password": "fout", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    editor.refresh_from_db()
    assert editor.check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="accounts.password_changed").exists()
    response = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("accounts:profile")
    editor.refresh_from_db()
    assert editor.check_password(NEW_PASSWORD)
    event = AuditEvent.objects.get(action="accounts.password_changed")
    assert (event.actor_id, event.details["how"]) == (editor.pk, "change")
