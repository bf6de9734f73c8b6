"""Every editor path of the knowledge base in Debian's chromium, against the dev server with the
demo data of core/tests/test_browser.py: Wagtail's multiple upload of a good PDF and of a refused
file (the Dutch error shown, nothing left behind), the single upload, replacing the file, editing
the title, bulk delete, and a page created, published, unpublished and scheduled."""

# ruff: noqa: F811
import io
import json
import re

import pytest
from playwright.sync_api import expect

from content.pdfgen import make_pdf
from core.tests.test_browser import (  # noqa: F401 - pytest picks up the imported fixtures
    DEMO_PASSWORD,
    browser,
    log_in,
    running_server,
)

pytestmark = pytest.mark.browser

EDITOR = "redacteur@riec.demo.test"
EXE = b"MZ\x90\x00" + b"\x00" * 64
STATE = (
    "import json\n"
    "from pathlib import Path\n"
    "from django.conf import settings\n"
    "from wagtail.models import UploadedFile\n"
    "from content.models import KnowledgeDocument\n"
    "from search.models import SearchEntry\n"
    "docs = {d.title: [d.pk, d.file.name, d.extraction_status] for d in "
    "KnowledgeDocument.objects.all()}\n"
    "media = Path(settings.MEDIA_ROOT)\n"
    "files = sorted(str(p.relative_to(media)) for p in media.rglob('*') if p.is_file())\n"
    "texts = {e.title: e.body for e in SearchEntry.objects.filter(kind='document')}\n"
    "print(json.dumps({'docs': docs, 'files': files, 'uploads': UploadedFile.objects.count(),"
    " 'texts': texts}))\n"
)


def pdf(text):
    buffer = io.BytesIO()
    make_pdf(buffer, title="Browsertest", paragraphs_by_page=[[text]])
    return buffer.getvalue()


def state(server):
    return json.loads(server.manage("shell", "-c", STATE).strip().splitlines()[-1])


SETUP = (
    "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
    "from accounts.actions import sync_editor_group\n"
    "from accounts.models import Membership, Organisation, OrganisationKind, Role, User\n"
    "org = Organisation.objects.create(name='RIEC Test', kind=OrganisationKind.RIEC)\n"
    f"user = User.objects.create_user({EDITOR!r}, password={DEMO_PASSWORD!r}, full_name='Red')\n"
    "Membership.objects.create(user=user, organisation=org, role=Role.EDITOR)\n"
    "sync_editor_group(user)\n"
    "TOTPDevice.objects.create(user=user, name='test', confirmed=True)\n"
)


@pytest.fixture(scope="module")
def server():
    """A server with one editor instead of the whole demo (these paths need none of it)."""
    with running_server(
        "signaal-browser-editor-", [("migrate", "--noinput"), ("shell", "-c", SETUP)]
    ) as srv:
        yield srv


@pytest.fixture(scope="module")
def editor(browser, server):
    context = browser.new_context(base_url=server.base_url, locale="nl-NL")
    context.set_default_timeout(30_000)
    page = context.new_page()
    log_in(page, server, EDITOR)
    yield page
    context.close()


def test_documents_every_path(editor, server):
    page = editor
    before = state(server)

    # 1. Multiple upload of a good PDF, then "Bijwerken" with a better title.
    page.goto("/cms/documents/multiple/add/")
    expect(page.locator("main")).to_contain_text("Wie het kan zien, volgt uit de collectie")
    page.set_input_files(
        "#fileupload",
        files=[
            {
                "name": "nagelstudio.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf(
                    "Signalen van uitbuiting in een nagelstudio aan de Amsterdamsestraat."
                ),
            }
        ],
    )
    item = page.locator("#upload-list > li").nth(0)
    title = item.locator("input[name$='-title']")
    # the upload stores, checks and extracts the file within the request: slow on a busy machine
    expect(title).to_be_visible(timeout=60_000)
    title.fill("Signalen nagelstudio browsertest")
    item.locator("button[type=submit]").click()
    # Wagtail takes the item off the list and says so.
    expect(page.locator(".messages")).to_contain_text("Document is bijgewerkt.")

    # 2. A refused file: the Dutch error in the upload list, nothing stored.
    page.set_input_files(
        "#fileupload",
        files=[{"name": "factuur.pdf", "mimeType": "application/pdf", "buffer": EXE}],
    )
    refused = page.locator("#upload-list > li").nth(0)  # newest first
    expect(refused.locator(".error_messages")).to_contain_text(
        "past niet bij de naam", timeout=60_000
    )
    expect(refused.locator(".error_messages")).to_be_visible()

    after = state(server)
    assert after["uploads"] == 0
    new = set(after["docs"]) - set(before["docs"])
    assert new == {"Signalen nagelstudio browsertest"}
    pk, file_name, _status = after["docs"]["Signalen nagelstudio browsertest"]
    assert len(after["files"]) == len(before["files"]) + 1
    assert not any("factuur" in name for name in after["files"])
    assert "nagelstudio" in after["texts"]["Signalen nagelstudio browsertest"]

    # 3. Single upload.
    page.goto("/cms/documents/add/")
    expect(page.locator("main")).to_contain_text("iedereen (openbaar)")
    page.fill("#id_title", "Losse upload browsertest")
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "los.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf("Arbeidsuitbuiting in de champignonteelt."),
            }
        ],
    )
    page.locator('form[action$="/documents/add/"] button[type=submit]').click()
    page.wait_for_url(re.compile(r"/cms/documents/(\?.*)?$"))

    # 4. Replace the file and edit the title; a refused replacement first.
    page.goto(f"/cms/documents/edit/{pk}/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "nieuw.pdf", "mimeType": "application/pdf", "buffer": EXE}],
    )
    page.locator(f'form[action*="/documents/edit/{pk}/"] button[type=submit]').first.click()
    expect(page.locator("main")).to_contain_text("past niet bij de naam")
    page.fill("#id_title", "Nagelstudio vervangen browsertest")
    page.set_input_files(
        "#id_file",
        files=[
            {
                "name": "vervangen.pdf",
                "mimeType": "application/pdf",
                "buffer": pdf("Nieuwe versie: uitbuiting in de schoonmaakbranche."),
            }
        ],
    )
    page.locator(f'form[action*="/documents/edit/{pk}/"] button[type=submit]').first.click()
    page.wait_for_url(re.compile(r"/cms/documents/(\?.*)?$"))
    after = state(server)
    assert after["docs"]["Nagelstudio vervangen browsertest"][0] == pk
    assert after["docs"]["Nagelstudio vervangen browsertest"][1] != file_name
    assert "schoonmaakbranche" in after["texts"]["Nagelstudio vervangen browsertest"]
    assert "Losse upload browsertest" in after["docs"]
    assert len(after["files"]) == len(before["files"]) + 2  # the replaced file is gone

    # 5. Bulk delete of both.
    page.goto("/cms/documents/?q=browsertest")
    for title_text in ("Nagelstudio vervangen browsertest", "Losse upload browsertest"):
        doc_pk = after["docs"][title_text][0]
        page.locator(f'input[data-bulk-action-checkbox][data-object-id="{doc_pk}"]').check()
    page.locator('[data-bulk-action-button][href*="delete"]').click()
    page.locator("main form button[type=submit], main form input[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/cms/documents/"))
    final = state(server)
    assert set(final["docs"]) == set(before["docs"])
    assert final["files"] == before["files"]
    assert final["uploads"] == 0


PAGE_STATE = (
    "import json\n"
    "from wagtail.models import Page\n"
    "page = Page.objects.filter(slug='browserthema').first()\n"
    "print(json.dumps(page and {'id': page.pk, 'live': page.live, 'expired': page.expired,"
    " 'go_live_at': str(page.go_live_at), 'expire_at': str(page.expire_at),"
    " 'scheduled': page.scheduled_revision is not None}))\n"
)
RUN_SCHEDULE_NOW = (
    "from datetime import timedelta\n"
    "from django.utils import timezone\n"
    "from wagtail.models import Page, Revision\n"
    "page = Page.objects.get(slug='browserthema')\n"
    "past = timezone.now() - timedelta(seconds=5)\n"
    "for r in Revision.objects.filter(object_id=str(page.pk)).exclude(approved_go_live_at=None):\n"
    "    r.approved_go_live_at = past\n"
    "    r.content['go_live_at'] = past.isoformat()\n"
    "    r.save(update_fields=['approved_go_live_at', 'content'])\n"
    "{extra}"
    "from content.tasks import publish_scheduled\n"
    "publish_scheduled.call()\n"
)


def page_state(server):
    return json.loads(server.manage("shell", "-c", PAGE_STATE).strip().splitlines()[-1])


def publish(page):
    page.locator('footer [data-w-dropdown-target="toggle"]').click()
    with page.expect_navigation():
        page.locator('button[name="action-publish"]').click()


def test_page_create_publish_unpublish_and_schedule(editor, browser, server):
    page = editor
    anonymous = browser.new_context(base_url=server.base_url, locale="nl-NL")
    visitor = anonymous.new_page()
    home_id = json.loads(
        server.manage(
            "shell", "-c", "from content.models import HomePage; print(HomePage.objects.get().pk)"
        )
        .strip()
        .splitlines()[-1]
    )

    # Create and publish.
    page.goto(f"/cms/pages/add/content/themepage/{home_id}/")
    page.fill("#id_title", "Browserthema")
    page.locator("#id_title").press("Tab")  # Wagtail fills the slug from the title on leaving it
    expect(page.locator("#id_slug")).to_have_value("browserthema")
    publish(page)
    state_ = page_state(server)
    assert state_["live"] is True
    assert visitor.goto("/browserthema/").status == 200
    expect(visitor.locator("h1")).to_contain_text("Browserthema")

    # Unpublish: the page is gone for visitors at once (no cached copy).
    page.goto(f"/cms/pages/{state_['id']}/unpublish/")
    page.locator("main form [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/cms/pages/"))
    assert page_state(server)["live"] is False
    assert visitor.goto("/browserthema/").status == 404

    # Schedule: go live and expire through Wagtail's schedule dialog, then publish.
    page.goto(f"/cms/pages/{state_['id']}/edit/")
    page.locator('button[data-side-panel-toggle="status"]').click()
    page.locator('[data-a11y-dialog-show="schedule-publishing-dialog"]').first.click()
    page.fill("#id_go_live_at", "2099-01-01 09:00")
    page.fill("#id_expire_at", "2099-01-02 09:00")
    # The date picker stays open over the button: press it without pointing through the picker.
    with page.expect_navigation():
        page.locator("#schedule-publishing-dialog button.action-save").dispatch_event("click")
    publish(page)
    scheduled = page_state(server)
    assert scheduled["scheduled"] is True
    assert scheduled["live"] is False
    assert visitor.goto("/browserthema/").status == 404
    # Its time comes: the periodic job publishes it ...
    server.manage("shell", "-c", RUN_SCHEDULE_NOW.format(extra=""))
    assert page_state(server)["live"] is True
    assert visitor.goto("/browserthema/").status == 200
    # ... and unpublishes it once it has expired.
    server.manage(
        "shell",
        "-c",
        RUN_SCHEDULE_NOW.format(extra="Page.objects.filter(pk=page.pk).update(expire_at=past)\n"),
    )
    final = page_state(server)
    assert (final["live"], final["expired"]) == (False, True)
    assert visitor.goto("/browserthema/").status == 404
    anonymous.close()
