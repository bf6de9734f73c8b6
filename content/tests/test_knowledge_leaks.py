"""The leak walk: restrictions changed by every path an editor or admin has, then anonymous
visitors, a professional without the group and a group member look everywhere a title can show
(search results, counts, facets, suggestions, snippets, the feed, rich-text links, status codes
and kept pages). Every check counts leaks; the walk expects 0, and test_the_walk_notices_a_leak
shows that it finds one when the access module skips the role check."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText

from accounts import access
from accounts.models import Membership, Role
from content.models import HomePage, KnowledgeDocument, ThemePage
from search.models import SearchEntry

from .test_knowledge_access import kb  # noqa: F401 - the fixture

MISSING = 987654


@pytest.fixture
def walk(kb, settings, make_user):  # noqa: F811
    settings.SIGNAAL_PAGE_CACHE_SECONDS = 60
    caches["pages"].clear()
    editor = make_user(Role.EDITOR)
    yield {**kb, "editor": editor}
    caches["pages"].clear()


def _client(login, user=None):
    client = Client()
    if user is not None:
        login(client, user)
    return client


def leaks(client, hidden, *, pages=()):
    """Where any of the `hidden` documents or `pages` shows up for this client: a list of
    (place, title). Status codes must equal those of a missing object."""
    found = []
    titles = [doc.title for doc in hidden] + [page.title for page in pages]
    search = client.get(reverse("content:search"), {"q": "arbeidsmigranten"})
    body = search.content.decode()
    result = search.context["result"]
    hit_titles = {hit.entry.title for hit in result.hits}
    for title in titles:
        if title in body:
            found.append(("search page", title))
        if title in hit_titles:
            found.append(("search hit", title))
    if result.total != len(hit_titles):
        found.append(("count", result.total))
    forms = dict(result.facets.get("form", []))
    for doc in hidden:
        code = doc.exploitation_forms.strip("|")
        if code in forms and not any(
            h.entry.object_id != doc.pk and code in (h.entry.body + h.entry.summary)
            for h in result.hits
        ):
            found.append(("facet", code))
    for title in titles:
        suggestions = client.get(reverse("content:suggest"), {"q": title[:5]}).json()
        if title in suggestions["suggestions"]:
            found.append(("suggestion", title))
    feed = client.get(reverse("content:feed")).content.decode()
    for title in titles:
        if title in feed:
            found.append(("feed", title))
    missing_detail = _comparable(client.get(reverse("content:document", args=[MISSING])))
    for doc in hidden:
        for url in (reverse("content:document", args=[doc.pk]), doc.url):
            answer = client.get(url)
            if _comparable(
                answer, url=url, missing=reverse("content:document", args=[MISSING])
            ) != (missing_detail):
                found.append(("status", url))
    missing_page = _comparable(client.get("/bestaat-niet/"))
    for page in pages:
        answer = client.get(page.url)
        if _comparable(answer, url=page.url, missing="/bestaat-niet/") != missing_page:
            found.append(("status", page.url))
    return found


def _comparable(response, url=None, missing=None):
    body = response.content.decode() if not response.streaming else ""
    body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body)
    if url is not None:
        body = body.replace(url.replace("/", "%2F"), missing.replace("/", "%2F"))
        body = body.replace(url, missing)
    return response.status_code, body


def everyone(login, walk):
    users = walk["users"]
    return {
        "anonymous": _client(login),
        "professional": _client(login, users["professional"]),
        "member": _client(login, users["member"]),
    }


def test_bulk_add_to_collection_in_the_admin(client, login, walk):
    public = walk["docs"]["public"]
    anonymous = _client(login)
    # kept in memory for anonymous visitors before the change
    assert anonymous.get(reverse("content:document", args=[public.pk])).status_code == 200
    assert anonymous.get(reverse("content:document", args=[public.pk]))["X-Page-Cache"] == "hit"
    partners = Collection.objects.get(name="Partners")
    login(client, walk["editor"])
    url = reverse("wagtail_bulk_action", args=("content", "knowledgedocument", "add_to_collection"))
    response = client.post(f"{url}?id={public.pk}", {"collection": partners.pk})
    assert response.status_code == 302, response.content[:500]
    public.refresh_from_db()
    assert public.collection == partners
    # the index's copy was updated in the same transaction, and the checker agrees
    assert SearchEntry.objects.get(kind="document", object_id=public.pk).collection_id == (
        partners.pk
    )
    call_command("check_search_index")
    clients = everyone(login, walk)
    assert leaks(clients["anonymous"], [public]) == []
    assert leaks(clients["professional"], [public]) == []
    assert leaks(clients["member"], []) == []
    body = clients["member"].get(reverse("content:search"), {"q": "arbeidsmigranten"})
    assert public.title in body.content.decode()


def test_collection_and_page_privacy_edits(login, walk):
    public_doc, public_page = walk["docs"]["public"], walk["pages"]["public"]
    anonymous = _client(login)
    assert anonymous.get(public_page.url).status_code == 200
    assert anonymous.get(public_page.url)["X-Page-Cache"] == "hit"
    closed = Collection.get_first_root_node().add_child(name="Dicht")
    KnowledgeDocument.objects.filter(pk=public_doc.pk).update(collection=closed)
    restriction = CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Ketenpartners"))
    page_restriction = PageViewRestriction.objects.create(
        page=public_page, restriction_type=PageViewRestriction.GROUPS
    )
    page_restriction.groups.add(Group.objects.get(name="Ketenpartners"))
    clients = everyone(login, walk)
    public_doc.refresh_from_db()
    for who in ("anonymous", "professional"):
        assert leaks(clients[who], [public_doc], pages=[public_page]) == [], who
    assert clients["member"].get(public_page.url).status_code == 200


def test_move_unpublish_and_delete(login, walk):
    home = HomePage.objects.get()
    login_page = walk["pages"]["login"]
    moved = home.add_child(instance=ThemePage(title="Verhuisd thema", slug="verhuisd"))
    moved.save_revision().publish()
    gone = home.add_child(instance=ThemePage(title="Ingetrokken thema", slug="ingetrokken"))
    gone.save_revision().publish()
    anonymous = _client(login)
    for page in (moved, gone):
        assert anonymous.get(page.url).status_code == 200
        assert anonymous.get(page.url)["X-Page-Cache"] == "hit"
    old_urls = [moved.url, gone.url]
    moved.move(login_page, pos="last-child")
    gone.unpublish()
    doc = walk["docs"]["public"]
    doc_url = reverse("content:document", args=[doc.pk])
    assert anonymous.get(doc_url).status_code == 200
    assert anonymous.get(doc_url)["X-Page-Cache"] == "hit"
    KnowledgeDocument.objects.get(pk=doc.pk).delete()
    for url in old_urls:
        assert anonymous.get(url).status_code == 404, url
    assert anonymous.get(doc_url).status_code == 404
    moved.refresh_from_db()
    gone.refresh_from_db()
    assert leaks(anonymous, [], pages=[moved, gone]) == []
    call_command("check_search_index")


@pytest.mark.parametrize("how", ["role revoked", "organisation switched off"])
def test_lost_role_closes_group_items(login, walk, how):
    member = walk["users"]["member"]
    group_doc, group_page = walk["docs"]["partners"], walk["pages"]["partners"]
    client = _client(login, member)
    assert leaks(client, []) == []
    assert client.get(group_page.url).status_code == 200
    if how == "role revoked":
        Membership.objects.filter(user=member).delete()
    else:
        organisation = Membership.objects.get(user=member).organisation
        organisation.is_active = False
        organisation.save()
    client = _client(login, member)
    assert leaks(client, [group_doc], pages=[group_page]) == []
    # like login-only items: without an active role those are closed too
    assert leaks(client, [walk["docs"]["login"]], pages=[walk["pages"]["login"]]) == []


def test_the_walk_notices_a_leak(login, walk, monkeypatch):
    """The mutation: a group check without the role check leaks the group items."""

    def groups_only(user, restriction):
        if restriction.restriction_type == restriction.LOGIN:
            return access.can(user, "knowledge.view_restricted")
        return bool({g.pk for g in restriction.groups.all()} & access._group_ids(user))

    monkeypatch.setattr(access, "_passes", groups_only)
    member = walk["users"]["member"]
    Membership.objects.filter(user=member).delete()
    found = leaks(_client(login, member), [walk["docs"]["partners"]])
    places = {place for place, _what in found}
    assert {"search hit", "suggestion", "status"} <= places, found


def test_editor_loses_cms_at_once(client, login, walk):
    editor = walk["editor"]
    login(client, editor)
    assert client.get("/cms/").status_code == 200
    organisation = Membership.objects.get(user=editor).organisation
    organisation.is_active = False
    organisation.save()  # not through the admin: only the request-time check stands
    assert editor.groups.filter(name="Editors").exists()
    login(client, editor)
    assert client.get("/cms/").status_code == 403
    url = reverse("wagtail_bulk_action", args=("content", "knowledgedocument", "add_to_collection"))
    doc = walk["docs"]["partners"]
    response = client.post(
        f"{url}?id={doc.pk}", {"collection": Collection.get_first_root_node().pk}
    )
    assert response.status_code == 403
    doc.refresh_from_db()
    assert doc.collection.name == "Partners"
    assert not editor.groups.filter(name="Editors").exists(), "the stale group is removed"


def test_rich_text_links_only_for_those_who_may_open_them(login, walk):
    from content.richtext import _current_user

    docs = walk["docs"]
    html = (
        "".join(
            f'<p><a linktype="document" id="{doc.pk}">{level}</a></p>'
            for level, doc in docs.items()
        )
        + f'<p><a linktype="page" id="{walk["pages"]["partners"].pk}">pagina</a></p>'
    )
    for who, user, sees in (
        ("anonymous", None, {"public"}),
        ("professional", walk["users"]["professional"], {"public", "login"}),
        ("member", walk["users"]["member"], {"public", "login", "partners"}),
    ):
        from django.contrib.auth.models import AnonymousUser

        if user is not None:
            user.is_verified = lambda: True
        token = _current_user.set(user or AnonymousUser())
        try:
            rendered = str(RichText(html))
        finally:
            _current_user.reset(token)
        for level, doc in docs.items():
            assert (doc.url in rendered) is (level in sees), (who, level)
            assert level in rendered  # the text stays
        assert (walk["pages"]["partners"].url in rendered) is ("partners" in sees), who


def test_check_search_index_reports_and_fixes_drift(walk):
    doc = walk["docs"]["public"]
    call_command("check_search_index")
    SearchEntry.objects.filter(kind="document", object_id=doc.pk).update(title="Oude titel")
    with pytest.raises(Exception, match="differs"):
        call_command("check_search_index")
    call_command("check_search_index", "--fix")
    call_command("check_search_index")
    assert SearchEntry.objects.get(kind="document", object_id=doc.pk).title == doc.title
