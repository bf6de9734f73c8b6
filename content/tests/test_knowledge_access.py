"""Access that never leaks: anonymous, professional, group member and member of another group
against listing, search (counts, facets, suggestions), page views, downloads and /media/."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from accounts.models import Role
from audit.models import AuditEvent
from content.indexing import reindex_all
from content.models import DocumentLibraryPage, HomePage, KnowledgeDocument, ThemePage

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def kb(db, settings, tmp_path, make_user):
    """A small knowledge base: one document and one page at each access level."""
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    login_only = root.add_child(name="Professionals")
    CollectionViewRestriction.objects.create(
        collection=login_only, restriction_type=CollectionViewRestriction.LOGIN
    )
    partners = root.add_child(name="Partners")
    partner_group = Group.objects.create(name="Ketenpartners")
    other_group = Group.objects.create(name="Andere groep")
    restriction = CollectionViewRestriction.objects.create(
        collection=partners, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(partner_group)

    def document(title, collection, forms="|labour|"):
        doc = KnowledgeDocument(
            title=title,
            collection=collection,
            document_type="report",
            exploitation_forms=forms,
            summary=f"Over arbeidsuitbuiting: {title}",
            text="Arbeidsuitbuiting van arbeidsmigranten in de regio.",
        )
        doc.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(PDF), save=False)
        doc.save()
        return doc

    docs = {
        "public": document("Openbaar rapport", root),
        "login": document("Geheim rapport", login_only, forms="|criminal|"),
        "partners": document("Partnerbeeld", partners, forms="|smuggling|"),
    }
    home = HomePage.objects.get()
    library = home.add_child(instance=DocumentLibraryPage(title="Kennisbank", slug="kennisbank"))
    pages = {
        "public": home.add_child(instance=ThemePage(title="Openbaar thema", slug="open")),
        "login": home.add_child(instance=ThemePage(title="Besloten thema", slug="besloten")),
        "partners": home.add_child(instance=ThemePage(title="Partnerthema", slug="partners")),
    }
    PageViewRestriction.objects.create(
        page=pages["login"], restriction_type=PageViewRestriction.LOGIN
    )
    page_restriction = PageViewRestriction.objects.create(
        page=pages["partners"], restriction_type=PageViewRestriction.GROUPS
    )
    page_restriction.groups.add(partner_group)
    reindex_all()

    professional = make_user(Role.PROFESSIONAL)
    member = make_user(Role.PARTNER_CASE_WORKER)
    member.groups.add(partner_group)
    outsider = make_user(Role.ANALYST)
    outsider.groups.add(other_group)
    return {
        "docs": docs,
        "pages": pages,
        "library": library,
        "users": {"professional": professional, "member": member, "outsider": outsider},
    }


# who may see which level
SEES = {
    "anonymous": {"public"},
    "professional": {"public", "login"},
    "member": {"public", "login", "partners"},
    "outsider": {"public", "login"},
}


def as_(client, login, kb, who):
    if who != "anonymous":
        login(client, kb["users"][who])
    return client


@pytest.mark.parametrize("who", SEES)
def test_library_listing(client, login, kb, who):
    body = as_(client, login, kb, who).get(kb["library"].url).content.decode()
    for level, doc in kb["docs"].items():
        assert (doc.title in body) is (level in SEES[who]), (who, level)
    if who == "anonymous":
        assert "Er is 1 extra document zichtbaar als je bent ingelogd." in body
    else:
        assert "extra document" not in body
    assert f"{len(SEES[who])} document" in body


@pytest.mark.parametrize("who", SEES)
def test_downloads(client, login, kb, who):
    as_(client, login, kb, who)
    for level, doc in kb["docs"].items():
        response = client.get(doc.url)
        if level in SEES[who]:
            assert response.status_code == 200, (who, level)
            assert response["Content-Disposition"].startswith("attachment")
            b"".join(response.streaming_content)
        else:  # no existence oracle: as a document that does not exist
            assert response.status_code == 404, (who, level)


def test_restricted_downloads_are_audited(client, login, kb):
    login(client, kb["users"]["member"])
    client.get(kb["docs"]["public"].url)
    assert not AuditEvent.objects.filter(action="content.document_downloaded").exists()
    client.get(kb["docs"]["partners"].url)
    event = AuditEvent.objects.get(action="content.document_downloaded")
    assert event.actor == kb["users"]["member"]
    assert event.object_id == str(kb["docs"]["partners"].pk)


def test_media_url_never_serves_documents(client, kb):
    for doc in kb["docs"].values():
        assert client.get("/media/" + doc.file.name).status_code == 404


@pytest.mark.parametrize("who", SEES)
def test_page_views(client, login, kb, who):
    as_(client, login, kb, who)
    for level, page in kb["pages"].items():
        response = client.get(page.url)
        if level in SEES[who]:
            assert response.status_code == 200, (who, level)
        else:  # no existence oracle: as a page that does not exist
            assert response.status_code == 404, (who, level)


@pytest.mark.parametrize("who", SEES)
def test_search_results_counts_facets_and_suggestions(client, login, kb, who):
    as_(client, login, kb, who)
    response = client.get(reverse("content:search"), {"q": "arbeidsmigranten"})
    assert response.status_code == 200
    result = response.context["result"]
    titles = {hit.entry.title for hit in result.hits}
    visible_docs = {kb["docs"][level].title for level in SEES[who]}
    hidden_docs = {doc.title for doc in kb["docs"].values()} - visible_docs
    assert visible_docs <= titles
    assert not (hidden_docs & titles)
    assert result.total == len(titles)
    forms = dict(result.facets.get("form", []))
    assert ("smuggling" in forms) is ("partners" in SEES[who])
    assert ("criminal" in forms) is ("login" in SEES[who])
    body = response.content.decode()
    for title in hidden_docs:
        assert title not in body
    suggestions = client.get(reverse("content:suggest"), {"q": "Part"}).json()["suggestions"]
    assert ("Partnerbeeld" in suggestions) is ("partners" in SEES[who])
    assert ("Partnerthema" in suggestions) is ("partners" in SEES[who])


def test_search_survives_hostile_queries(client, kb):
    for query in ['"', '"open', "*", "a OR 1=1; --", "\u202e", "x" * 600, "%_\\", "(", "😀"]:
        response = client.get(reverse("content:search"), {"q": query, "page": "abc"})
        assert response.status_code == 200, query


def test_changing_a_restriction_takes_effect_at_once(client, kb):
    """No stale access data in the index: the filter is computed when searching."""
    public = Collection.get_first_root_node()
    doc = kb["docs"]["public"]
    closed = public.add_child(name="Net gesloten")
    CollectionViewRestriction.objects.create(
        collection=closed, restriction_type=CollectionViewRestriction.LOGIN
    )
    KnowledgeDocument.objects.filter(pk=doc.pk).update(collection=closed)
    from search.models import SearchEntry

    # The index still holds the old collection: access is decided from the document row.
    assert SearchEntry.objects.get(kind="document", object_id=doc.pk).collection_id == public.pk
    result = client.get(reverse("content:search"), {"q": "arbeidsuitbuiting"}).context["result"]
    assert doc.title not in {hit.entry.title for hit in result.hits}
    assert client.get(doc.url).status_code == 404


# --- Mijn kennisbank ------------------------------------------------------------------------------


def test_save_note_and_remove(client, login, kb):
    user = kb["users"]["professional"]
    login(client, user)
    doc = kb["docs"]["login"]
    client.post(reverse("content:toggle_saved"), {"kind": "document", "id": doc.pk})
    body = client.get(reverse("content:my_knowledge")).content.decode()
    assert doc.title in body
    saved = user.saved_items.get()
    url = reverse("content:edit_note", args=[saved.pk])
    client.post(url, {"note": "Bespreken in casusoverleg – ë"})
    assert (
        "Bespreken in casusoverleg – ë"
        in client.get(reverse("content:my_knowledge")).content.decode()
    )
    client.post(reverse("content:toggle_saved"), {"kind": "document", "id": doc.pk})
    assert not user.saved_items.exists()


def test_cannot_save_what_you_may_not_see(client, login, kb):
    login(client, kb["users"]["professional"])
    response = client.post(
        reverse("content:toggle_saved"), {"kind": "document", "id": kb["docs"]["partners"].pk}
    )
    assert response.status_code == 404
    assert client.post(reverse("content:toggle_saved"), {"kind": "x", "id": "y"}).status_code == 404


def test_notes_are_private(client, login, kb):
    owner = kb["users"]["professional"]
    login(client, owner)
    client.post(reverse("content:toggle_saved"), {"kind": "page", "id": kb["pages"]["public"].pk})
    saved = owner.saved_items.get()
    client.logout()
    login(client, kb["users"]["outsider"])
    assert client.get(reverse("content:edit_note", args=[saved.pk])).status_code == 404
    assert (
        kb["pages"]["public"].title
        not in client.get(reverse("content:my_knowledge")).content.decode()
    )


def test_lost_access_hides_saved_items(client, login, kb):
    member = kb["users"]["member"]
    login(client, member)
    doc = kb["docs"]["partners"]
    client.post(reverse("content:toggle_saved"), {"kind": "document", "id": doc.pk})
    member.groups.clear()
    client.logout()
    login(client, member)
    assert doc.title not in client.get(reverse("content:my_knowledge")).content.decode()


def _without_csrf(body, address):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", body).replace(address, "@")


def test_share_answers_the_same_whoever_the_address_is(
    client, login, kb, make_user, mailoutbox, django_capture_on_commit_callbacks
):
    """Whether an address has an account (that may open the item) is told only to the address."""
    colleague = make_user(Role.PARTNER_CASE_WORKER, email="collega@test.example")
    colleague.groups.add(Group.objects.get(name="Ketenpartners"))
    login(client, kb["users"]["member"])
    doc = kb["docs"]["partners"]
    share = reverse("content:share")
    assert client.get(share, {"kind": "document", "id": doc.pk}).status_code == 200
    answers, mails = {}, {}
    for case, address in (
        ("may_open", colleague.email),
        ("may_not_open", kb["users"]["professional"].email),
        ("no_account", "niemand@test.example"),
    ):
        mailoutbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                share,
                {"kind": "document", "id": doc.pk, "to": address, "message": "Lees <b>dit</b>"},
            )
        page = client.get(response["Location"])
        answers[case] = (
            response.status_code,
            response["Location"],
            page.status_code,
            _without_csrf(page.content.decode(), address),
        )
        [mail] = mailoutbox
        assert mail.to == [address]
        mails[case] = mail.body
    assert answers["may_open"][0] == 302
    assert "We hebben een e-mail gestuurd naar @." in answers["may_open"][3]
    assert answers["may_open"] == answers["may_not_open"] == answers["no_account"]
    # The e-mails tell the truth; only the link e-mail has the item and the sender's message.
    assert doc.detail_url in mails["may_open"]
    assert "Lees <b>dit</b>" in mails["may_open"]
    for case in ("may_not_open", "no_account"):
        assert doc.detail_url not in mails[case] and doc.title not in mails[case]
        assert "Lees" not in mails[case]
    assert "niet openen" in mails["may_not_open"]
    assert reverse("accounts:request_account") in mails["no_account"]
    events = AuditEvent.objects.filter(action="content.link_shared").order_by("pk")
    assert [e.details["sent_link"] for e in events] == [True, False, False]


def test_sharing_is_rate_limited(client, login, kb, settings, mailoutbox):
    settings.SIGNAAL_SHARES_PER_HOUR = 2
    login(client, kb["users"]["member"])
    data = {"kind": "document", "id": kb["docs"]["public"].pk, "to": "a@test.example"}
    for _ in range(2):
        assert client.post(reverse("content:share"), data).status_code == 302
    response = client.post(reverse("content:share"), {**data, "message": "Nog een keer"})
    assert response.status_code == 429
    body = response.content.decode()
    assert "Je hebt het afgelopen uur veel links verstuurd" in body
    assert "Nog een keer" in body, "what was typed is kept"


def test_share_refuses_items_you_cannot_see(client, login, kb):
    login(client, kb["users"]["professional"])
    response = client.get(
        reverse("content:share"), {"kind": "document", "id": kb["docs"]["partners"].pk}
    )
    assert response.status_code == 404


@pytest.mark.parametrize("who", SEES)
def test_document_detail_pages(client, login, kb, who):
    as_(client, login, kb, who)
    for level, doc in kb["docs"].items():
        response = client.get(reverse("content:document", args=[doc.pk]))
        if level in SEES[who]:
            assert response.status_code == 200, (who, level)
            assert doc.title in response.content.decode()
        else:
            assert response.status_code == 404, (who, level)


def test_feed_holds_only_public_items(client, login, kb):
    for doc in kb["docs"].values():
        KnowledgeDocument.objects.filter(pk=doc.pk).update(publication_date="2024-01-01")
    login(client, kb["users"]["member"])  # even a logged-in member gets the public feed
    body = client.get(reverse("content:feed")).content.decode()
    assert kb["docs"]["public"].title in body
    assert kb["docs"]["login"].title not in body
    assert kb["docs"]["partners"].title not in body


def test_hidden_count_is_only_for_anonymous_visitors(client, login, kb):
    body = client.get(reverse("content:search"), {"q": "arbeidsmigranten"}).content.decode()
    assert "notice" in body
    login(client, kb["users"]["professional"])
    body = client.get(reverse("content:search"), {"q": "arbeidsmigranten"}).content.decode()
    assert 'class="notice"' not in body


def test_reindex_drops_entries_of_deleted_documents(kb):
    from django.core.management import call_command

    from search.models import SearchEntry

    doc = kb["docs"]["public"]
    KnowledgeDocument.objects.filter(pk=doc.pk).delete()
    SearchEntry.objects.get_or_create(
        kind="document", object_id=doc.pk, defaults={"title": "weg", "url": "/"}
    )
    call_command("reindex_knowledge")
    assert not SearchEntry.objects.filter(kind="document", object_id=doc.pk).exists()
    assert SearchEntry.objects.filter(kind="document").count() == 2


def _queries(client, url, params=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params or {}).status_code == 200
    return len(context.captured_queries)


def test_list_pages_do_not_query_per_item(client, login, kb):
    """The library and search pages need as many queries for 3 documents as for 20."""
    login(client, kb["users"]["member"])
    library = kb["library"].url
    search = reverse("content:search")

    def measure():
        for _ in range(2):  # the first search after an index change reloads per-process caches
            _queries(client, library)
            _queries(client, search, {"q": "arbeidsmigranten"})
        return _queries(client, library), _queries(client, search, {"q": "arbeidsmigranten"})

    before = measure()
    root = Collection.get_first_root_node()
    for n in range(17):
        doc = KnowledgeDocument(
            title=f"Extra rapport {n}",
            collection=root,
            document_type="report",
            exploitation_forms="|labour|",
            text="Arbeidsmigranten in de kassen.",
        )
        doc.file.save(f"extra-{n}.pdf", ContentFile(PDF), save=False)
        doc.save()
    reindex_all()
    assert measure() == before


def test_my_knowledge_does_not_query_per_saved_item(client, login, kb):
    member = kb["users"]["member"]
    login(client, member)
    url = reverse("content:my_knowledge")
    toggle = reverse("content:toggle_saved")
    client.post(toggle, {"kind": "document", "id": kb["docs"]["public"].pk})
    client.post(toggle, {"kind": "page", "id": kb["pages"]["public"].pk})
    _queries(client, url)
    few = _queries(client, url)
    for level in ("login", "partners"):
        client.post(toggle, {"kind": "document", "id": kb["docs"][level].pk})
        client.post(toggle, {"kind": "page", "id": kb["pages"][level].pk})
    body = client.get(url).content.decode()
    assert "Partnerthema" in body and "Geheim rapport" in body
    assert _queries(client, url) == few
