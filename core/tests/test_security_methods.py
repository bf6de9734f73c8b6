"""Only the methods a view needs: every URL pattern against every HTTP method.

Two walls, each tested on its own. core.middleware.known_methods refuses everything but GET, HEAD
and POST on every URL (ours, the Django admin's, Wagtail's) before any view is reached; the access
rule of each of our views (accounts.access.rule) declares the methods the view handles and
answers 405 to the rest before the view runs. The walks below take every URL pattern of the URL
configuration (as accounts/tests/test_access.py builds them), so a new view cannot escape them.

Decided order in the rule: the login redirect and the role check come first (anonymous visitors
and users without the role learn nothing about a protected view, whatever the method), then the
method; all before the view fetches anything.
"""

import re
from collections import defaultdict

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client, override_settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse

from accounts import access
from accounts.models import Role
from accounts.tests.test_access import ALL_URLS, EXPECTED, OWN_URLS, declared_rule, url_for
from audit.models import AuditEvent
from reports.tests.conftest import make_report

pytestmark = pytest.mark.django_db

REFUSED_EVERYWHERE = ("OPTIONS", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT")
EVERY_METHOD = ("GET", "HEAD", "POST", *REFUSED_EVERYWHERE)
REFUSAL = "Deze pagina kan niet op deze manier worden opgevraagd."
WITHOUT_THE_WALL = [name for name in settings.MIDDLEWARE if name != "core.middleware.known_methods"]
NARRATIVE = "Arbeiders slapen in de loods bij de kas aan de Veilingweg."


def role_for(rule):
    """A persona that passes `rule` (None: anonymous)."""
    if rule == access.PUBLIC:
        return None
    if rule == access.SIGNED_IN:
        return Role.PROFESSIONAL
    return sorted(EXPECTED[rule])[0]


def sample_path(namespace, route, entry):
    """A path that reaches the pattern's view: reversed with the sample arguments of
    test_access.py where possible, otherwise made from the route."""
    if entry.name:
        try:
            return url_for(namespace, entry)
        except (KeyError, NoReverseMatch):
            pass
    path = re.sub(r"<(?:\w+:)?\w+>", "1", route)
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "x/", path)
    return "/" + path.replace("^", "").replace("$", "").replace(".*", "x")


def every_url():
    """(rule, path) of every URL pattern that a path can be made for."""
    urls, unresolved = [], []
    for namespace, route, entry in ALL_URLS:
        path = sample_path(namespace, route, entry)
        try:
            resolve(path)
        except Resolver404:
            unresolved.append(route)
            continue
        urls.append((declared_rule(route, entry), path))
    assert len(unresolved) <= 3, unresolved  # Wagtail's catch-alls like "cms/^.*/$"
    return urls


def by_rule(urls):
    grouped = defaultdict(list)
    for rule, path in urls:
        grouped[rule].append(path)
    return grouped


def client_as(role, make_user, login):
    client = Client()
    if role is not None:
        login(client, make_user(role))
    return client


def send(client, method, path):
    return client.generic(method, path)


def assert_refused(response, path, method, allowed=None):
    assert response.status_code == 405, (method, path, response.status_code)
    assert response["Allow"], (method, path)
    if allowed is not None:
        assert response["Allow"] == ", ".join(allowed), (method, path, response["Allow"])
    if method != "HEAD":
        assert response.content.decode() == REFUSAL, (method, path)


# --- the rule ------------------------------------------------------------------------------------


def sentinel():
    calls = []

    def view(request):
        calls.append(request.method)
        return "ran"

    return view, calls


def test_the_rule_answers_only_the_declared_methods_before_the_view_runs(rf):
    view, calls = sentinel()
    reading = access.rule(access.PUBLIC)(view)
    assert reading.access_methods == ("GET", "HEAD")
    for method in ("POST", *REFUSED_EVERYWHERE):
        request = rf.generic(method, "/x/")
        request.user = AnonymousUser()
        assert_refused(reading(request), "/x/", method, ("GET", "HEAD"))
    assert calls == []
    for method in ("GET", "HEAD"):
        request = rf.generic(method, "/x/")
        request.user = AnonymousUser()
        assert reading(request) == "ran"
    assert calls == ["GET", "HEAD"]

    view, calls = sentinel()
    posting = access.rule(access.PUBLIC, methods=("POST",))(view)
    assert posting.access_methods == ("POST",)
    for method in ("GET", "HEAD"):
        request = rf.generic(method, "/x/")
        request.user = AnonymousUser()
        assert_refused(posting(request), "/x/", method, ("POST",))
    assert calls == []


def test_the_rule_checks_access_first(rf, personas):
    """Anonymous: the login page; without the role: 403; whatever the method, before the view."""
    view, calls = sentinel()
    protected = access.rule("reports.handle")(view)
    request = rf.put("/meldpunt/x/")
    request.user = AnonymousUser()
    response = protected(request)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    analyst = personas[Role.ANALYST]
    analyst.is_verified = lambda: True
    request = rf.put("/meldpunt/x/")
    request.user = analyst
    with pytest.raises(PermissionDenied):
        protected(request)
    staff = personas[Role.REPORTING_POINT_STAFF]
    staff.is_verified = lambda: True
    request = rf.put("/meldpunt/x/")
    request.user = staff
    assert_refused(protected(request), "/meldpunt/x/", "PUT")
    assert calls == []


def test_a_view_cannot_declare_methods_that_signaal_refuses():
    for methods in (("PUT",), ("GET", "DELETE"), ("OPTIONS",), ()):
        with pytest.raises(ValueError):
            access.rule(access.PUBLIC, methods=methods)


# --- the walk: every URL, every method ----------------------------------------------------------

EVERY_URL = every_url()
# Our views, with their declared methods. Framework views among our URLs (set_language,
# Wagtail's page serving: access.PUBLIC_VIEWS) are behind the middleware only.
OWN = [
    (
        declared_rule(route, entry),
        sample_path(namespace, route, entry),
        entry.callback.access_methods,
    )
    for namespace, route, entry in OWN_URLS
    if hasattr(entry.callback, "access_methods")
]
FRAMEWORK_VIEWS = {
    f"{entry.callback.__module__}.{entry.callback.__name__}"
    for namespace, route, entry in OWN_URLS
    if not hasattr(entry.callback, "access_methods")
}


def test_the_walk_covers_every_url_and_every_view_declares_its_methods():
    assert len(EVERY_URL) >= len(ALL_URLS) - 3
    assert len(OWN) >= 90
    assert FRAMEWORK_VIEWS <= access.PUBLIC_VIEWS, "our views declare their methods in @rule"
    # The walk holds views of every kind: reading only, forms, and posting only.
    kinds = {methods for rule, path, methods in OWN}
    assert {("GET", "HEAD"), ("GET", "HEAD", "POST"), ("POST",)} <= kinds


@pytest.mark.parametrize("rule", sorted(by_rule(EVERY_URL), key=str))
def test_every_url_refuses_other_methods_before_any_view(rule, make_user, login):
    """OPTIONS, PUT, PATCH, DELETE, TRACE and CONNECT on every URL (ours, the admin's,
    Wagtail's), anonymous and as a user who may use the URL: 405 and no trace of a view."""
    paths = by_rule(EVERY_URL)[rule]
    for role in (None, role_for(rule) or Role.PROFESSIONAL):
        client = client_as(role, make_user, login)
        before = AuditEvent.objects.count()
        for path in paths:
            for method in REFUSED_EVERYWHERE:
                assert_refused(send(client, method, path), path, method)
        assert AuditEvent.objects.count() == before, (rule, role)


@override_settings(MIDDLEWARE=WITHOUT_THE_WALL)
@pytest.mark.parametrize("rule", sorted(by_rule([(r, p) for r, p, m in OWN]), key=str))
def test_every_view_refuses_the_methods_it_does_not_declare(rule, make_user, login):
    """Without the middleware, each of our views on its own: a user who may use it gets 405 with
    the declared methods in Allow for every other method (a GET to a posting-only view too, and
    OPTIONS, PUT, PATCH, DELETE, TRACE, CONNECT always), before the view runs (the sample
    arguments would otherwise give 404 or a page, and no audit event)."""
    role = role_for(rule)
    client = client_as(role or Role.PROFESSIONAL, make_user, login)
    before = AuditEvent.objects.count()
    refused = 0
    for own_rule, path, methods in OWN:
        if own_rule != rule:
            continue
        for method in EVERY_METHOD:
            if method not in methods or method in REFUSED_EVERYWHERE:
                assert_refused(send(client, method, path), path, method, methods)
                refused += 1
    assert refused
    assert AuditEvent.objects.count() == before


@override_settings(MIDDLEWARE=WITHOUT_THE_WALL)
def test_anonymous_visitors_learn_nothing_about_a_protected_view_from_its_methods(client):
    """The login page for every method: the declared methods of a protected view stay unknown."""
    checked = 0
    for rule, path, methods in OWN:
        if rule == access.PUBLIC:
            for method in EVERY_METHOD:
                if method not in methods:
                    assert_refused(send(client, method, path), path, method, methods)
            continue
        for method in ("GET", "POST", "PUT", "DELETE"):
            response = send(client, method, path)
            assert response.status_code == 302, (method, path, response.status_code)
            assert response["Location"].startswith(reverse("accounts:login")), (method, path)
            checked += 1
    assert checked > 200


def test_the_allow_header_names_the_views_own_methods(client, make_user, login):
    login(client, make_user(Role.REPORTING_POINT_STAFF))
    note = reverse("reports:add_note", args=["MH-2026-000001"])
    assert send(client, "OPTIONS", note)["Allow"] == "POST"
    detail = reverse("reports:detail", args=["MH-2026-000001"])
    assert send(client, "PUT", detail)["Allow"] == "GET, HEAD"
    assert send(client, "DELETE", "/beheer/")["Allow"] == "GET, HEAD, POST"


# --- a real case: nothing of it in a refused answer, and no read event ---------------------------


@pytest.mark.parametrize("wall", [True, False], ids=["with-middleware", "rule-only"])
def test_a_case_is_not_shown_for_a_method_its_screen_does_not_take(wall, make_user, login):
    report = make_report(description=NARRATIVE)
    client = Client()
    login(client, make_user(Role.REPORTING_POINT_STAFF))
    reading = [
        reverse("reports:detail", args=[report.reference]),
        reverse("reports:summary", args=[report.reference]),
    ]
    posting = [
        reverse(f"reports:{name}", args=[report.reference])
        for name in ("add_note", "triage", "change_status", "add_person", "link")
    ]
    middleware = settings.MIDDLEWARE if wall else WITHOUT_THE_WALL
    with override_settings(MIDDLEWARE=middleware):
        before = AuditEvent.objects.count()
        for path in reading + posting:
            for method in ("OPTIONS", "PUT", "PATCH", "DELETE", "TRACE"):
                response = send(client, method, path)
                assert_refused(response, path, method)
                assert NARRATIVE not in response.content.decode()
        for path in reading:
            assert_refused(client.post(path), path, "POST", ("GET", "HEAD"))
        for path in posting:
            assert_refused(client.get(path), path, "GET", ("POST",))
        assert AuditEvent.objects.count() == before
        # The control: the same client does see the case, and its read is audited.
        response = client.get(reading[0])
        assert response.status_code == 200
        assert NARRATIVE in response.content.decode()
        assert AuditEvent.objects.count() > before


def test_the_privacy_officers_screens_take_only_their_methods(make_user, login):
    report = make_report(description=NARRATIVE)
    client = Client()
    login(client, make_user(Role.PRIVACY_OFFICER))
    with override_settings(MIDDLEWARE=WITHOUT_THE_WALL):
        before = AuditEvent.objects.count()
        for name in ("privacy:reporter", "privacy:legal_hold", "privacy:access_log"):
            path = reverse(name, args=[report.reference])
            for method in ("PUT", "PATCH", "DELETE", "OPTIONS"):
                assert_refused(send(client, method, path), path, method)
        assert AuditEvent.objects.count() == before
