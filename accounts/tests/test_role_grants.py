"""Four eyes: roles that open case data (or hand out roles) take effect only after a second admin
approves them, and nobody gives them to themselves, whichever way they try."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts import access, actions
from accounts.models import (
    CASE_ROLES,
    AccountRequest,
    AccountRequestStatus,
    Membership,
    Role,
    RoleGrant,
    RoleGrantStatus,
    User,
)
from audit.models import AuditEvent

PEOPLE = reverse("accounts:people")
GRANT = reverse("accounts:grant_role")


def verified(user):
    """A fresh copy of the user as after two-factor login (access caches roles per object)."""
    user = User.objects.get(pk=user.pk)
    user.is_verified = lambda: True
    return user


@pytest.fixture
def admins(personas, make_user):
    first = personas[Role.PLATFORM_ADMIN]
    second = make_user(Role.PLATFORM_ADMIN, email="tweede-beheerder@test.example")
    return verified(first), verified(second)


@pytest.fixture
def newcomer(make_user):
    return make_user(Role.PROFESSIONAL, organisation="vt", email="nieuw@test.example")


def events(action):
    return AuditEvent.objects.filter(action=action)


# --- the action --------------------------------------------------------------------------------


@pytest.mark.parametrize("role", sorted(CASE_ROLES))
def test_nobody_grants_themselves_a_case_role(admins, organisations, role):
    admin, _second = admins
    organisation = organisations["vt" if role != Role.PARTNER_CASE_WORKER else "police"]
    with pytest.raises(actions.RoleGrantRefused):
        actions.grant_role(admin, organisation, role, actor=admin)
    assert not Membership.objects.filter(user=admin, role=role).exists()
    assert not RoleGrant.objects.exists()
    assert role not in access.roles(verified(admin))


def test_a_case_role_waits_for_a_second_admin(
    admins, newcomer, organisations, mailoutbox, django_capture_on_commit_callbacks
):
    first, second = admins
    with django_capture_on_commit_callbacks(execute=True):
        grant = actions.grant_role(
            newcomer, organisations["vt"], Role.REPORTING_POINT_STAFF, actor=first
        )
    assert isinstance(grant, RoleGrant)
    assert grant.status == RoleGrantStatus.PENDING
    assert Role.REPORTING_POINT_STAFF not in access.roles(verified(newcomer))
    assert not access.can(verified(newcomer), "reports.handle")
    assert events("accounts.role_grant_requested").get().actor_id == first.pk
    assert [m.to for m in mailoutbox] == [[second.email]], "only the admin who may approve"

    with pytest.raises(actions.RoleGrantRefused):
        actions.approve_role_grant(grant, actor=first)  # the one who asked
    assert Role.REPORTING_POINT_STAFF not in access.roles(verified(newcomer))

    actions.approve_role_grant(grant, actor=second)
    assert Role.REPORTING_POINT_STAFF in access.roles(verified(newcomer))
    grant.refresh_from_db()
    assert (grant.status, grant.decided_by) == (RoleGrantStatus.APPROVED, second)
    approved = events("accounts.role_grant_approved").get()
    assert (approved.actor_id, approved.details["requested_by"]) == (second.pk, first.pk)
    with pytest.raises(actions.RoleGrantRefused):
        actions.approve_role_grant(grant, actor=second)  # decided once


def test_the_person_who_receives_the_role_cannot_approve_it(admins, organisations):
    first, second = admins
    grant = actions.grant_role(second, organisations["vt"], Role.PRIVACY_OFFICER, actor=first)
    with pytest.raises(actions.RoleGrantRefused):
        actions.approve_role_grant(grant, actor=second)
    assert Role.PRIVACY_OFFICER not in access.roles(verified(second))


def test_admin_roles_need_four_eyes_too(admins, newcomer, organisations):
    """Otherwise one admin could make a second account an admin and approve with it."""
    first, _second = admins
    grant = actions.grant_role(newcomer, organisations["vt"], Role.PLATFORM_ADMIN, actor=first)
    assert isinstance(grant, RoleGrant)
    assert Role.PLATFORM_ADMIN not in access.roles(verified(newcomer))


def test_other_roles_take_effect_at_once(admins, newcomer, organisations):
    first, _second = admins
    membership = actions.grant_role(newcomer, organisations["vt"], Role.ANALYST, actor=first)
    assert isinstance(membership, Membership)
    assert Role.ANALYST in access.roles(verified(newcomer))
    assert events("accounts.role_granted").get().details["role"] == Role.ANALYST


def test_refusing_needs_a_reason_and_grants_nothing(admins, newcomer, organisations):
    first, second = admins
    grant = actions.grant_role(newcomer, organisations["vt"], Role.PRIVACY_OFFICER, actor=first)
    with pytest.raises(actions.RoleGrantRefused):
        actions.refuse_role_grant(grant, actor=second, reason="  ")
    actions.refuse_role_grant(grant, actor=second, reason="Geen functionaris")
    grant.refresh_from_db()
    assert grant.status == RoleGrantStatus.REFUSED
    assert events("accounts.role_grant_refused").get().reason == "Geen functionaris"
    with pytest.raises(actions.RoleGrantRefused):
        actions.approve_role_grant(grant, actor=second)
    assert Role.PRIVACY_OFFICER not in access.roles(verified(newcomer))


def test_approving_an_account_request_for_yourself_is_refused(admins, organisations):
    first, _second = admins
    account_request = AccountRequest.objects.create(
        full_name="Ik",
        email=first.email,
        organisation=organisations["vt"],
        function="Beheer",
        motivation="Toegang",
        status=AccountRequestStatus.PENDING,
    )
    with pytest.raises(actions.RoleGrantRefused):
        actions.approve_account_request(
            account_request, actor=first, roles={Role.REPORTING_POINT_STAFF}, request=None
        )
    assert not Membership.objects.filter(user=first, role=Role.REPORTING_POINT_STAFF).exists()
    account_request.refresh_from_db()
    assert account_request.status == AccountRequestStatus.PENDING


def test_an_approved_account_request_leaves_case_roles_to_a_second_admin(admins, organisations):
    first, second = admins
    account_request = AccountRequest.objects.create(
        full_name="Nieuwe Medewerker",
        email="medewerker@test.example",
        organisation=organisations["vt"],
        function="Medewerker",
        motivation="Meldingen behandelen",
        status=AccountRequestStatus.PENDING,
    )
    actions.approve_account_request(
        account_request,
        actor=first,
        roles={Role.PROFESSIONAL, Role.REPORTING_POINT_STAFF},
        request=None,
    )
    user = User.objects.get(email="medewerker@test.example")
    assert set(Membership.objects.filter(user=user).values_list("role", flat=True)) == {
        Role.PROFESSIONAL
    }
    grant = RoleGrant.objects.get(user=user)
    assert (grant.role, grant.requested_by) == (Role.REPORTING_POINT_STAFF, first)
    actions.approve_role_grant(grant, actor=second)
    assert Membership.objects.filter(user=user, role=Role.REPORTING_POINT_STAFF).exists()


def _pending_request(organisations, email):
    return AccountRequest.objects.create(
        full_name="Aanvrager",
        email=email,
        organisation=organisations["vt"],
        function="Medewerker",
        motivation="Meldingen behandelen",
        status=AccountRequestStatus.PENDING,
    )


def test_the_review_screen_leaves_case_roles_to_a_second_admin(
    client, login, admins, organisations
):
    first, _second = admins
    account_request = _pending_request(organisations, "medewerker@test.example")
    login(client, first)
    response = client.post(
        reverse("accounts:request_review", args=[account_request.pk]),
        {"decision": "approve", "roles": [Role.REPORTING_POINT_STAFF]},
        follow=True,
    )
    assert "Deze rollen gaan in zodra een tweede beheerder" in response.content.decode()
    user = User.objects.get(email="medewerker@test.example")
    assert not Membership.objects.filter(user=user).exists()
    assert RoleGrant.objects.get(user=user).status == RoleGrantStatus.PENDING


def test_the_review_screen_refuses_a_request_for_yourself(client, login, admins, organisations):
    first, _second = admins
    account_request = _pending_request(organisations, first.email)
    login(client, first)
    response = client.post(
        reverse("accounts:request_review", args=[account_request.pk]),
        {"decision": "approve", "roles": [Role.REPORTING_POINT_STAFF]},
    )
    assert response.status_code == 403
    assert "Je kunt geen aanvraag voor je eigen account goedkeuren" in response.content.decode()
    assert not Membership.objects.filter(user=first, role=Role.REPORTING_POINT_STAFF).exists()
    assert not RoleGrant.objects.exists()


# --- the people screen -------------------------------------------------------------------------


def test_self_grant_on_the_people_screen_is_refused(client, login, admins, organisations):
    first, _second = admins
    login(client, first)
    response = client.post(
        GRANT,
        {
            "email": first.email,
            "organisation": organisations["vt"].pk,
            "role": Role.REPORTING_POINT_STAFF,
        },
    )
    assert response.status_code == 403
    assert "Je kunt jezelf deze rol niet geven" in response.content.decode()
    assert not Membership.objects.filter(user=first, role=Role.REPORTING_POINT_STAFF).exists()
    assert not RoleGrant.objects.exists()


def test_grant_and_approval_on_the_people_screen(client, login, admins, newcomer, organisations):
    first, second = admins
    login(client, first)
    response = client.post(
        GRANT,
        {
            "email": newcomer.email,
            "organisation": organisations["vt"].pk,
            "role": Role.REPORTING_POINT_STAFF,
        },
    )
    assert response.status_code == 302
    grant = RoleGrant.objects.get()
    body = client.get(PEOPLE).content.decode()
    assert "Rollen die wachten op een tweede beheerder" in body
    approve = reverse("accounts:approve_grant", args=[grant.pk])
    assert approve not in body, "the one who asked gets no approve button"
    assert client.post(approve).status_code == 403
    assert not Membership.objects.filter(user=newcomer, role=Role.REPORTING_POINT_STAFF).exists()

    client.post(reverse("accounts:logout"))
    login(client, second)
    assert approve in client.get(PEOPLE).content.decode()
    assert client.post(approve).status_code == 302
    assert Role.REPORTING_POINT_STAFF in access.roles(verified(newcomer))


def test_refusing_on_the_people_screen(client, login, admins, newcomer, organisations):
    first, second = admins
    grant = actions.grant_role(newcomer, organisations["vt"], Role.PRIVACY_OFFICER, actor=first)
    login(client, second)
    refuse = reverse("accounts:refuse_grant", args=[grant.pk])
    assert client.post(refuse, {"reason": ""}).status_code == 400
    assert client.post(refuse, {"reason": "Niet nodig"}).status_code == 302
    grant.refresh_from_db()
    assert grant.status == RoleGrantStatus.REFUSED


def test_grant_form_errors_are_in_dutch_and_keep_the_input(client, login, admins, organisations):
    first, _second = admins
    login(client, first)
    response = client.post(
        GRANT,
        {"email": "onbekend@test.example", "organisation": organisations["vt"].pk, "role": "x"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "Er is geen account met dit adres" in body
    assert 'value="onbekend@test.example"' in body


def test_organisation_admin_sees_only_grants_of_their_organisation(
    client, login, admins, personas, newcomer, organisations
):
    first, _second = admins
    grant = actions.grant_role(newcomer, organisations["vt"], Role.PRIVACY_OFFICER, actor=first)
    login(client, personas[Role.ORGANISATION_ADMIN])  # of Utrecht
    assert newcomer.email not in client.get(PEOPLE).content.decode()
    approve = reverse("accounts:approve_grant", args=[grant.pk])
    assert client.post(approve).status_code == 404
    refuse = reverse("accounts:refuse_grant", args=[grant.pk])
    assert client.post(refuse, {"reason": "Niet van jou"}).status_code == 404
    grant.refresh_from_db()
    assert grant.status == RoleGrantStatus.PENDING


# --- the Django admin --------------------------------------------------------------------------


def _admin_user_form(user, **memberships):
    data = {
        "full_name": user.full_name,
        "email": user.email,
        "function": user.function,
        "is_active": "on",
        "memberships-TOTAL_FORMS": "1",
        "memberships-INITIAL_FORMS": "0",
        "memberships-MIN_NUM_FORMS": "0",
        "memberships-MAX_NUM_FORMS": "1000",
        "memberships-0-organisation": memberships["organisation"].pk,
        "memberships-0-role": memberships["role"],
        "memberships-0-user": user.pk if user.pk else "",
    }
    return data


def test_the_django_admin_cannot_grant_roles(client, login, admins, organisations):
    first, _second = admins
    login(client, first)
    url = reverse("admin:accounts_user_change", args=[first.pk])
    page = client.get(url).content.decode()
    assert reverse("accounts:people") in page, "the admin points to the people screen"
    data = _admin_user_form(
        first, organisation=organisations["vt"], role=Role.REPORTING_POINT_STAFF
    )
    response = client.post(url, data)
    assert response.status_code == 302, "the user form itself is saved"
    assert not Membership.objects.filter(user=first, role=Role.REPORTING_POINT_STAFF).exists()
    assert not RoleGrant.objects.exists()
    assert Role.REPORTING_POINT_STAFF not in access.roles(verified(first))


def test_adding_a_user_in_the_django_admin_gives_no_role(client, login, admins, organisations):
    first, _second = admins
    login(client, first)
    new = User(full_name="Stroman", email="stroman@test.example", function="")
    data = _admin_user_form(new, organisation=organisations["vt"], role=Role.PRIVACY_OFFICER)
    response = client.post(reverse("admin:accounts_user_add"), data)
    assert response.status_code == 302
    created = User.objects.get(email="stroman@test.example")
    assert not Membership.objects.filter(user=created).exists()


# --- the command -------------------------------------------------------------------------------


def test_the_command_follows_the_same_rule(admins, newcomer, organisations):
    call_command("grant_role", newcomer.email, organisations["vt"].name, "reporting_point_staff")
    grant = RoleGrant.objects.get()
    assert grant.requested_by is None
    assert Role.REPORTING_POINT_STAFF not in access.roles(verified(newcomer))
    first, _second = admins
    actions.approve_role_grant(grant, actor=first)
    assert Role.REPORTING_POINT_STAFF in access.roles(verified(newcomer))


def test_the_command_gives_only_the_first_platform_admin_directly(make_user, organisations):
    founder = make_user(email="eerste@test.example")
    call_command("grant_role", founder.email, organisations["riec"].name, "platform_admin")
    assert Role.PLATFORM_ADMIN in access.roles(verified(founder))
    second = make_user(email="tweede@test.example")
    call_command("grant_role", second.email, organisations["riec"].name, "platform_admin")
    assert Role.PLATFORM_ADMIN not in access.roles(verified(second))
    assert RoleGrant.objects.get().user == second
