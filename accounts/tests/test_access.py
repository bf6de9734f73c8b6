"""The one access rule: every role against every action, and every URL against every role."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts import access
from accounts.models import Membership, Role

R = Role
# Written out by hand (not derived from access.PERMISSIONS) so that a change to the rules is a
# deliberate change to this table too.
EXPECTED = {
    "knowledge.view_restricted": set(Role.values),
    "reports.handle": {R.REPORTING_POINT_STAFF},
    "referrals.work": {R.PARTNER_CASE_WORKER},
    "monitor.view": {R.ANALYST, R.REPORTING_POINT_STAFF},
    "monitor.exact": {R.REPORTING_POINT_STAFF},
    "monitor.import": {R.REPORTING_POINT_STAFF},
    "monitor.keep_policy": {R.ANALYST},  # the persona's analyst works at the RIEC
    "content.edit": {R.EDITOR},
    "accounts.review_requests": {R.ORGANISATION_ADMIN, R.PLATFORM_ADMIN},
    "accounts.manage_people": {R.ORGANISATION_ADMIN, R.PLATFORM_ADMIN},
    "audit.view_log": {R.PRIVACY_OFFICER},
    "privacy.manage": {R.PRIVACY_OFFICER},
    "reports.access_log": {R.PRIVACY_OFFICER, R.REPORTING_POINT_STAFF},
    "platform.admin": {R.PLATFORM_ADMIN},
}


def verified(user, rf):
    """A user object as the OTP middleware leaves it after two-factor login."""
    user.is_verified = lambda: True
    return user


def test_the_table_covers_every_action():
    assert set(EXPECTED) == set(access.PERMISSIONS)


@pytest.mark.parametrize("role", Role.values)
@pytest.mark.parametrize("action", sorted(EXPECTED))
def test_role_against_action(personas, rf, role, action):
    user = verified(personas[role], rf)
    assert access.can(user, action) is (role in EXPECTED[action])


def test_anonymous_may_do_nothing_but_public(db):
    from django.contrib.auth.models import AnonymousUser

    anonymous = AnonymousUser()
    assert access.can(anonymous, access.PUBLIC)
    assert not access.can(anonymous, access.SIGNED_IN)
    for action in EXPECTED:
        assert not access.can(anonymous, action)


def test_no_roles_without_two_factor(personas):
    user = personas[Role.PLATFORM_ADMIN]
    user.is_verified = lambda: False
    assert access.roles(user) == set()
    assert not access.can(user, "platform.admin")


def test_no_roles_through_an_inactive_organisation(personas, rf):
    user = verified(personas[Role.ANALYST], rf)
    Membership.objects.get(user=user).organisation.__class__.objects.filter(
        memberships__user=user
    ).update(is_active=False)
    assert not access.can(user, "monitor.view")


def test_the_policy_monitor_is_kept_by_riec_analysts_only(make_user, organisations, rf):
    municipal = verified(
        make_user(Role.ANALYST, organisation="utrecht", email="gemeente@test.example"), rf
    )
    assert access.can(municipal, "monitor.view")
    assert not access.can(municipal, "monitor.keep_policy")


def test_unknown_action_is_a_programming_error(personas):
    with pytest.raises(ValueError):
        access.can(personas[Role.ANALYST], "reports.delete_everything")
    with pytest.raises(ValueError):
        access.rule("no.such.rule")


def test_organisation_admin_grants_only_roles_of_their_own_organisation(personas, organisations):
    admin = verified(personas[Role.ORGANISATION_ADMIN], None)
    assert access.assignable_roles(admin, organisations["utrecht"]) == {
        R.PROFESSIONAL,
        R.PARTNER_CASE_WORKER,
        R.ANALYST,
        R.ORGANISATION_ADMIN,
    }
    assert access.assignable_roles(admin, organisations["amersfoort"]) == set()
    platform = verified(personas[Role.PLATFORM_ADMIN], None)
    assert R.PLATFORM_ADMIN in access.assignable_roles(platform, organisations["utrecht"])
    assert R.REPORTING_POINT_STAFF in access.assignable_roles(platform, organisations["vt"])
    assert R.REPORTING_POINT_STAFF not in access.assignable_roles(
        platform, organisations["utrecht"]
    )


# --- every URL ----------------------------------------------------------------------------------


def walk(patterns, namespace=None, prefix=""):
    """Every URL pattern with its namespace and full route."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from walk(
                entry.url_patterns,
                entry.namespace or namespace,
                prefix + str(entry.pattern),
            )
        elif isinstance(entry, URLPattern):
            yield namespace, prefix + str(entry.pattern), entry


def declared_rule(route, entry):
    callback = entry.callback
    rule = getattr(callback, "access_rule", None)
    if rule:
        return rule
    for prefix, prefix_rule in access.PREFIX_RULES.items():
        if route.startswith(prefix):
            return prefix_rule
    if f"{callback.__module__}.{callback.__name__}" in access.PUBLIC_VIEWS:
        return access.PUBLIC
    return None


ALL_URLS = list(walk(get_resolver().url_patterns))
FRAMEWORK_PREFIXES = tuple(access.PREFIX_RULES)
OWN_URLS = [
    (ns, route, entry)
    for ns, route, entry in ALL_URLS
    if entry.name and not route.startswith(FRAMEWORK_PREFIXES) and entry.name != "wagtail_serve"
]


def test_every_url_declares_an_access_rule():
    missing = [route for ns, route, entry in ALL_URLS if declared_rule(route, entry) is None]
    assert missing == [], f"URL patterns without an access rule: {missing}"


DUMMY_ARGS = {
    "pk": 999999,
    "token": "x" * 20,
    "uidb64": "MQ",
    "path": "x",
    "reference": "MH-2026-999999",
    "other": "MH-2026-999998",
    "answer": "accept",
    "attachment_pk": 999999,
    "name": "per-jaar",
    "extension": "csv",
    "year": 2025,
    "quarter": 1,
    "code": "GM0344",
}


def url_for(namespace, entry):
    name = f"{namespace}:{entry.name}" if namespace else entry.name
    if entry.pattern.regex.groups and not entry.pattern.converters:
        return reverse(name, args=["999999", "x"][: entry.pattern.regex.groups])
    kwargs = {key: DUMMY_ARGS[key] for key in entry.pattern.converters}
    return reverse(name, kwargs=kwargs)


PROTECTED = [
    pytest.param(ns, entry, declared_rule(route, entry), id=route)
    for ns, route, entry in OWN_URLS
    if declared_rule(route, entry) != access.PUBLIC
]


@pytest.mark.parametrize(("namespace", "entry", "rule"), PROTECTED)
def test_anonymous_is_sent_to_login(client, db, namespace, entry, rule):
    url = url_for(namespace, entry)
    for method in (client.get, client.post):
        response = method(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("accounts:login")), url


@pytest.mark.parametrize(
    ("namespace", "entry", "rule"),
    [p for p in PROTECTED if p.values[2] != access.SIGNED_IN],
)
def test_every_role_without_the_permission_is_refused(
    client, personas, login, namespace, entry, rule
):
    url = url_for(namespace, entry)
    refused = [role for role in Role.values if role not in EXPECTED[rule]]
    assert refused, "a rule that every role passes should be SIGNED_IN"
    for role in refused:
        login(client, personas[role])
        assert client.get(url).status_code == 403, (url, role)
        assert client.post(url).status_code == 403, (url, role)


def test_admin_is_refused_to_every_role_but_platform_admin(client, personas, login):
    for role in Role.values:
        login(client, personas[role])
        response = client.get(reverse("admin:index"))
        if role == Role.PLATFORM_ADMIN:
            assert response.status_code == 200
        else:
            assert response.status_code == 302, role
            # The admin's own login page hands over to ours: there is no second way in.
            response = client.get(response["Location"])
            assert response["Location"].startswith(reverse("accounts:login"))


def test_wagtail_admin_is_for_editors_only(client, personas, login):
    for role in Role.values:
        login(client, personas[role])
        response = client.get("/cms/")
        if role == Role.EDITOR:
            assert response.status_code == 200, role
        else:
            assert response.status_code in (302, 403), role
            if response.status_code == 302:
                assert reverse("accounts:login") in response["Location"]
        client.logout()


def test_wagtail_admin_login_hands_over_to_ours(client, db):
    response = client.get("/cms/login/?next=/cms/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert client.get("/cms/")["Location"].startswith(reverse("accounts:login"))


def test_admin_pages_of_every_model_open_for_the_platform_admin(client, personas, login):
    login(client, personas[Role.PLATFORM_ADMIN])
    for model in (
        "accounts/organisation",
        "accounts/user",
        "accounts/accountrequest",
        "regions/municipality",
        "reports/legalbasis",
    ):
        assert client.get(f"/beheer/{model}/").status_code == 200, model
