"""The editors' document form: types from content, size limit, forms of exploitation."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

from content.models import KnowledgeDocument

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
EXE = b"MZ\x90\x00" + b"\x00" * 64


def ooxml(marker):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(marker, "<x/>")
    return buffer.getvalue()


@pytest.fixture
def form_for(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    DocumentForm = get_document_form(KnowledgeDocument)

    def make(name, content, **data):
        fields = {
            "title": "Rapport",
            "collection": Collection.get_first_root_node().pk,
            "document_type": "report",
            "language": "nl",
            **data,
        }
        return DocumentForm(fields, {"file": SimpleUploadedFile(name, content)})

    return make


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rapport.pdf", PDF),
        ("kaart.png", PNG),
        ("verslag.docx", ooxml("word/document.xml")),
        ("cijfers.xlsx", ooxml("xl/workbook.xml")),
    ],
)
def test_accepted_files(form_for, name, content):
    form = form_for(name, content)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("factuur.pdf", EXE),  # a renamed executable
        ("rapport.pdf", PNG),  # an image pretending to be a PDF
        ("verslag.docx", ooxml("xl/workbook.xml")),  # a spreadsheet named .docx
        ("script.exe", EXE),
        ("pagina.html", b"<script>alert(1)</script>"),
        ("leeg.pdf", b""),
    ],
)
def test_refused_files_get_a_clear_message(form_for, name, content):
    form = form_for(name, content)
    assert not form.is_valid()
    assert form.errors["file"]


def test_size_limit(form_for, settings):
    settings.SIGNAAL_MAX_DOCUMENT_BYTES = 10
    form = form_for("rapport.pdf", PDF)
    assert not form.is_valid()
    assert "MB" in str(form.errors["file"])


def test_forms_of_exploitation_are_stored_for_filtering(
    form_for, django_capture_on_commit_callbacks
):
    form = form_for("rapport.pdf", PDF, exploitation_forms=["labour", "criminal"])
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        document = form.save()
    assert document.exploitation_forms == "|criminal|labour|"
    assert KnowledgeDocument.objects.filter(exploitation_forms__contains="|labour|").exists()
    document.refresh_from_db()
    assert document.extraction_status in {"done", "failed", "no_text"}  # extracted at once here


def test_wagtail_multiple_upload_queues_extraction(form_for, django_capture_on_commit_callbacks):
    """Wagtail's uploader saves with commit=False and stores the document itself."""
    form = form_for("rapport.pdf", PDF)
    assert form.is_valid(), form.errors
    with django_capture_on_commit_callbacks(execute=True):
        document = form.save(commit=False)
        document._set_document_file_metadata()
        document.save()
    document.refresh_from_db()
    assert document.extraction_status != "pending"


def test_an_editor_uploads_through_the_wagtail_admin(
    client, personas, login, settings, tmp_path, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    from accounts.models import Role
    from content.pdfgen import make_pdf
    from search.models import SearchEntry

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    make_pdf(
        buffer,
        title="Nieuwe handreiking",
        paragraphs_by_page=[["Signalen van arbeidsuitbuiting in de distributiecentra."]],
    )
    login(client, personas[Role.EDITOR])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:add"),
            {
                "title": "Nieuwe handreiking",
                "file": SimpleUploadedFile("handreiking.pdf", buffer.getvalue()),
                "collection": Collection.get_first_root_node().pk,
                "document_type": "handbook",
                "language": "nl",
                "exploitation_forms": ["labour"],
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = KnowledgeDocument.objects.get(title="Nieuwe handreiking")
    assert document.extraction_status == "done"
    assert "distributiecentra" in document.text
    assert SearchEntry.objects.filter(kind="document", object_id=document.pk).exists()
    # Other roles cannot upload.
    client.logout()
    login(client, personas[Role.ANALYST])
    response = client.post(reverse("wagtaildocs:add"), {"title": "x"})
    # /cms/ is for the editor role only (accounts.middleware.wagtail_admin_access).
    assert response.status_code == 403
    assert KnowledgeDocument.objects.count() == 1


def test_editors_see_documents_whose_text_could_not_be_read(client, personas, login, form_for):
    from django.urls import reverse

    from accounts.models import Role
    from content.models import ExtractionStatus

    form = form_for("rapport.pdf", PDF)
    assert form.is_valid()
    document = form.save()
    KnowledgeDocument.objects.filter(pk=document.pk).update(
        extraction_status=ExtractionStatus.ENCRYPTED, extraction_error="password required"
    )
    login(client, personas[Role.EDITOR])
    response = client.get(reverse("signaal_extraction_report"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rapport" in body and "password required" in body
    client.logout()
    login(client, personas[Role.ANALYST])
    response = client.get(reverse("signaal_extraction_report"))
    assert response.status_code == 403  # /cms/ is for the editor role only
