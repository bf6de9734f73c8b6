"""Every way an editor adds or changes a document in /cms/, through Wagtail's real views: the
multiple upload (both its direct path and its two-step path through an UploadedFile), refused
files (a Dutch error, nothing left behind), and the index keeping the extracted text whichever of
the form and the extraction task finishes first."""

import io
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Collection, UploadedFile

from accounts.models import Role
from content.models import KnowledgeDocument, ThemePage
from content.pdfgen import make_pdf
from search.models import SearchEntry

EXE = b"MZ\x90\x00" + b"\x00" * 64
AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}


def pdf_bytes(text="Signalen van arbeidsuitbuiting in de distributiecentra."):
    buffer = io.BytesIO()
    make_pdf(buffer, title="Handreiking", paragraphs_by_page=[[text]])
    return buffer.getvalue()


@pytest.fixture
def editor(client, personas, login, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    login(client, personas[Role.EDITOR])
    return client


def files_on_disk(tmp_path):
    return sorted(p.name for p in tmp_path.rglob("*") if p.is_file())


def test_multiple_upload_stores_the_document_at_once(
    editor, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtaildocs:add_multiple"),
            {
                "files[]": SimpleUploadedFile("handreiking.pdf", pdf_bytes()),
                "collection": Collection.get_first_root_node().pk,
            },
            **AJAX,
        )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is True
    document = KnowledgeDocument.objects.get(pk=data["doc_id"])
    assert not UploadedFile.objects.exists()
    assert document.extraction_status == "done"
    entry = SearchEntry.objects.get(kind="document", object_id=document.pk)
    assert "distributiecentra" in entry.body
    # "Bijwerken": the metadata form shown next to the upload.
    prefix = f"doc-{document.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtaildocs:edit_multiple", args=[document.pk]),
            {
                f"{prefix}-title": "Handreiking distributiecentra",
                f"{prefix}-collection": Collection.get_first_root_node().pk,
                f"{prefix}-document_type": "handbook",
                f"{prefix}-language": "nl",
            },
            **AJAX,
        )
    assert response.status_code == 200
    assert response.json()["success"] is True, response.json()
    document.refresh_from_db()
    assert (document.title, document.document_type) == ("Handreiking distributiecentra", "handbook")
    entry = SearchEntry.objects.get(kind="document", object_id=document.pk)
    assert entry.title == "Handreiking distributiecentra"
    assert "distributiecentra" in entry.body


def test_multiple_upload_two_step_path_through_an_uploaded_file(
    editor, personas, tmp_path, django_capture_on_commit_callbacks
):
    """When the upload form needs more than title and collection, Wagtail keeps the file as an
    UploadedFile and creates the document from the form next to it ("Bijwerken"). That answered
    500: Wagtail's model check saw a document without a file (an empty extension)."""
    upload = UploadedFile.objects.create(
        for_content_type=ContentType.objects.get_for_model(KnowledgeDocument),
        file=SimpleUploadedFile("handreiking.pdf", pdf_bytes()),
        uploaded_by_user=personas[Role.EDITOR],
    )
    prefix = f"uploaded-document-{upload.pk}"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtaildocs:create_multiple_from_uploaded_document", args=[upload.pk]),
            {
                f"{prefix}-title": "Handreiking",
                f"{prefix}-collection": Collection.get_first_root_node().pk,
                f"{prefix}-document_type": "report",
                f"{prefix}-language": "nl",
            },
            **AJAX,
        )
    assert response.status_code == 200
    assert response.json()["success"] is True, response.json()
    document = KnowledgeDocument.objects.get()
    assert document.file_extension == "pdf"
    assert not UploadedFile.objects.exists()
    assert files_on_disk(tmp_path) == [document.file.name.rsplit("/", 1)[-1]]
    # A new document's file is read, also when the file came in outside the form.
    assert document.extraction_status == "done"
    assert "distributiecentra" in SearchEntry.objects.get(object_id=document.pk).body


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("factuur.pdf", EXE, "past niet bij de naam"),
        ("script.exe", EXE, "alleen bestanden in PDF"),
    ],
)
def test_a_refused_file_leaves_nothing_behind(editor, tmp_path, name, content, message):
    response = editor.post(
        reverse("wagtaildocs:add_multiple"),
        {
            "files[]": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
        **AJAX,
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert message in data["error_message"]
    assert not KnowledgeDocument.objects.exists()
    assert not UploadedFile.objects.exists()
    assert files_on_disk(tmp_path) == []
    # The single upload shows the same Dutch error next to the file field.
    response = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Factuur",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
            "document_type": "report",
            "language": "nl",
        },
    )
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["file"])
    assert not KnowledgeDocument.objects.exists()
    assert files_on_disk(tmp_path) == []


def test_replacing_the_file_reads_and_indexes_the_new_text(
    editor, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("oud.pdf", pdf_bytes("Oude tekst over bordelen."))},
            **AJAX,
        )
    document = KnowledgeDocument.objects.get()
    old_file = document.file.name
    data = {
        "title": document.title,
        "collection": document.collection_id,
        "document_type": "report",
        "language": "nl",
    }
    # A refused replacement changes nothing.
    response = editor.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {**data, "file": SimpleUploadedFile("nieuw.pdf", EXE)},
    )
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.file.name == old_file
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                **data,
                "file": SimpleUploadedFile("nieuw.pdf", pdf_bytes("Nieuwe tekst: nagelstudio.")),
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.file.name != old_file
    assert "nagelstudio" in document.text
    body = SearchEntry.objects.get(object_id=document.pk).body
    assert "nagelstudio" in body
    assert "bordelen" not in body
    assert len(files_on_disk(tmp_path)) == 1  # the old file is gone


def test_index_keeps_the_text_whichever_finishes_first(
    db, settings, tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    """The editor's save indexes the locked, freshly read row before it queues the extraction;
    the extraction stores and indexes the fresh row in one transaction."""
    from content import tasks
    from content.forms import _after_save

    settings.MEDIA_ROOT = tmp_path
    document = KnowledgeDocument(title="Rapport", collection=Collection.get_first_root_node())
    document.file.save("rapport.pdf", io.BytesIO(pdf_bytes()), save=False)
    document.save()

    def body():
        return SearchEntry.objects.get(object_id=document.pk).body

    # The worker wins: it runs the moment the extraction is queued. (The form's follow-up runs
    # after the commit, outside any transaction, where on_commit queues at once.)
    monkeypatch.setattr(
        tasks,
        "extract_document_text",
        SimpleNamespace(enqueue=lambda pk: tasks.extract_and_save(pk)),
    )
    monkeypatch.setattr(tasks.transaction, "on_commit", lambda func, **kwargs: func())
    _after_save(document.pk, file_changed=True)
    assert "distributiecentra" in body()
    document.refresh_from_db()
    assert document.extraction_status == "done"
    # The form wins: the worker runs after the form's indexing.
    KnowledgeDocument.objects.filter(pk=document.pk).update(text="")
    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=False) as queued:
        _after_save(document.pk, file_changed=True)
    assert "distributiecentra" not in body()
    tasks.extract_and_save(document.pk)
    assert "distributiecentra" in body()
    assert queued  # the extraction was queued (and ran above, as the worker would)

    # An editor renames the document while its text is being read: the task indexes both.
    read_file = tasks._extract_file

    def read_while_renamed(doc):
        KnowledgeDocument.objects.filter(pk=doc.pk).update(title="Nieuwe titel")
        return read_file(doc)

    monkeypatch.setattr(tasks, "_extract_file", read_while_renamed)
    tasks.extract_and_save(document.pk)
    entry = SearchEntry.objects.get(object_id=document.pk)
    assert entry.title == "Nieuwe titel"
    assert "distributiecentra" in entry.body


def test_deleting_removes_row_file_and_index_entry(
    editor, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            reverse("wagtaildocs:add_multiple"),
            {"files[]": SimpleUploadedFile("weg.pdf", pdf_bytes())},
            **AJAX,
        )
    document = KnowledgeDocument.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(reverse("wagtaildocs:delete", args=[document.pk]))
    assert response.status_code == 302
    assert not KnowledgeDocument.objects.exists()
    assert not SearchEntry.objects.filter(kind="document").exists()
    assert files_on_disk(tmp_path) == []


def test_scheduled_expiry_and_go_live_run_from_the_schedule(db, client):
    from datetime import timedelta

    from content.models import HomePage
    from content.tasks import publish_scheduled
    from core.models import ScheduledJob
    from core.scheduling import ensure_scheduled

    ensure_scheduled()
    home = HomePage.objects.get()
    page = home.add_child(instance=ThemePage(title="Verloopt", slug="verloopt"))
    page.save_revision().publish()
    assert client.get(page.url).status_code == 200
    page.expire_at = timezone.now() - timedelta(minutes=1)
    page.save()
    later = home.add_child(instance=ThemePage(title="Later", slug="later", live=False))
    later.save_revision(approved_go_live_at=timezone.now() - timedelta(seconds=5))
    publish_scheduled.call()
    page.refresh_from_db()
    later.refresh_from_db()
    assert (page.live, page.expired) == (False, True)
    assert later.live
    assert client.get("/verloopt/").status_code == 404
    assert client.get("/later/").status_code == 200
    assert ScheduledJob.objects.get(name="publish_scheduled").succeeded_at is not None


def test_editors_see_who_will_see_the_document(editor, personas):
    from django.contrib.auth.models import Group
    from wagtail.models import CollectionViewRestriction

    from content.forms import audience_label

    root = Collection.get_first_root_node()
    assert root.name == "Openbaar (iedereen)"  # renamed from Wagtail's "Root"
    login_only = root.add_child(name="Professionals")
    CollectionViewRestriction.objects.create(
        collection=login_only, restriction_type=CollectionViewRestriction.LOGIN
    )
    partners = Collection.get_first_root_node().add_child(name="Partners")
    restriction = CollectionViewRestriction.objects.create(
        collection=partners, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Ketenpartners"))
    below = partners.add_child(name="Onder partners")  # inherits the group restriction
    login_only.refresh_from_db()  # collections are kept in name order: adding one moves others
    assert str(audience_label(root)) == "iedereen (openbaar)"
    assert str(audience_label(login_only)) == "ingelogde professionals"
    assert str(audience_label(partners)) == "alleen leden van groep Ketenpartners"
    assert str(audience_label(below)) == "alleen leden van groep Ketenpartners"
    # A restriction changed later changes what the editor is told.
    restriction.restriction_type = CollectionViewRestriction.LOGIN
    restriction.save()
    assert str(audience_label(below)) == "ingelogde professionals"
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()

    for url in (reverse("wagtaildocs:add"), reverse("wagtaildocs:add_multiple")):
        page = editor.get(url).content.decode()
        assert "Partners: alleen leden van groep Ketenpartners" in page, url
        assert "Openbaar (iedereen): iedereen (openbaar)" in page, url
    single = editor.get(reverse("wagtaildocs:add")).content.decode()
    assert "Professionals — ingelogde professionals" in single


def test_an_editor_opens_a_group_page_on_the_site(client, personas, login):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    from content.models import HomePage

    page = HomePage.objects.get().add_child(instance=ThemePage(title="Groep", slug="groep"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Ketenpartners"))
    login(client, personas[Role.EDITOR])
    response = client.get(page.url)
    assert response.status_code == 200
    assert b"Groep" in response.content
    client.logout()
    assert client.get(page.url).status_code == 404  # as a page that does not exist


def test_editors_publish_pages_themselves(db):
    from wagtail.models import GroupPagePermission

    assert GroupPagePermission.objects.filter(
        group__name="Editors", page__depth=1, permission__codename="publish_page"
    ).exists()
