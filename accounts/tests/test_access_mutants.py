"""The access module's mechanics, pinned so that a changed rule fails a test (the survivors of
`make mutation` for accounts/access.py, docs/testing.md): @rule decorates at import time, so the
URL walk in test_access.py never sees a changed rule(); these tests decorate a view themselves."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse

from accounts import access
from accounts.models import Role


def view(request, *args, **kwargs):
    return HttpResponse("bekeken")


def verified(user):
    user.is_verified = lambda: True
    return user


def ask(rf, guarded, user, method="GET", path="/proef/?a=1"):
    request = rf.generic(method, path)
    request.user = user
    return guarded(request)


def test_a_rule_declares_its_action_and_methods_on_the_view():
    guarded = access.rule("reports.handle", methods=("post", "GET"))(view)
    assert guarded.access_rule == "reports.handle"
    assert guarded.access_methods == ("GET", "HEAD", "POST")  # HEAD with GET, in this order
    assert guarded.__name__ == "view"
    assert access.rule("reports.handle")(view).access_methods == ("GET", "HEAD")
    assert access.rule("reports.handle", methods=("POST",))(view).access_methods == ("POST",)


@pytest.mark.parametrize(
    ("action", "methods"),
    [("reports.nope", ("GET",)), ("reports.handle", ()), ("reports.handle", ("GET", "PUT"))],
)
def test_an_unknown_action_or_method_is_a_programming_error(action, methods):
    with pytest.raises(ValueError):
        access.rule(action, methods=methods)


def test_anonymous_visitors_go_to_the_login_page_with_the_way_back(rf, db):
    guarded = access.rule("reports.handle")(view)
    response = ask(rf, guarded, AnonymousUser())
    assert response.status_code == 302
    assert response["Location"] == "/account/inloggen/?next=/proef/%3Fa%3D1"
    signed_in = access.rule(access.SIGNED_IN)(view)
    assert ask(rf, signed_in, AnonymousUser()).status_code == 302


def test_public_views_answer_everyone(rf, db):
    guarded = access.rule(access.PUBLIC)(view)
    assert ask(rf, guarded, AnonymousUser()).content == b"bekeken"


def test_a_user_without_the_role_is_refused_before_the_view_runs(rf, personas):
    guarded = access.rule("reports.handle", methods=("GET", "POST"))(view)
    with pytest.raises(PermissionDenied):
        ask(rf, guarded, verified(personas[Role.ANALYST]))
    staff = personas[Role.REPORTING_POINT_STAFF]
    response = ask(rf, guarded, staff)  # the role, but not through two-factor login
    assert response.status_code == 302 and response["Location"].startswith("/account/inloggen/")
    staff = verified(staff)
    for method in ("GET", "HEAD", "POST"):
        assert ask(rf, guarded, staff, method).status_code == 200, method
    assert ask(rf, access.rule(access.SIGNED_IN)(view), staff).status_code == 200


def test_a_method_the_view_does_not_declare_gets_405_after_the_rule(rf, personas):
    staff = verified(personas[Role.REPORTING_POINT_STAFF])
    response = ask(rf, access.rule("reports.handle")(view), staff, "POST")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    with pytest.raises(PermissionDenied):  # the rule first: nothing learnt about methods
        ask(rf, access.rule("reports.handle")(view), verified(personas[Role.ANALYST]), "POST")


def test_object_checks_get_the_user_and_the_object(personas, monkeypatch):
    staff = verified(personas[Role.REPORTING_POINT_STAFF])
    mine, other = object(), object()
    for action in ("reports.handle", "knowledge.view_document"):
        monkeypatch.setitem(
            access.OBJECT_CHECKS, action, lambda user, obj: user is staff and obj is mine
        )
        assert access.can(staff, action) is True
        assert access.can(staff, action, mine) is True
        assert access.can(staff, action, other) is False, action
        access.require(staff, action, mine)
        with pytest.raises(PermissionDenied):
            access.require(staff, action, other)


def test_memberships_are_fetched_once_with_their_organisation(personas, django_assert_num_queries):
    staff = verified(personas[Role.REPORTING_POINT_STAFF])
    with django_assert_num_queries(1):
        first = access.memberships(staff)
        assert [m.organisation.name for m in first] == ["Veilig Thuis Utrecht"]
    with django_assert_num_queries(0):
        assert access.memberships(staff) is first
        assert access.roles(staff) == {Role.REPORTING_POINT_STAFF}


def test_only_analysts_keep_the_policy_also_inside_the_riec(make_user):
    for role, allowed in ((Role.ANALYST, True), (Role.REPORTING_POINT_STAFF, False)):
        user = verified(make_user(role, organisation="riec"))
        assert access.can(user, "monitor.keep_policy") is allowed, role
