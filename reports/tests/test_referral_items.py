"""Sharing decided per item: a referral shares the persons and attachments chosen when referring;
anything added to the report later reaches the partner only when staff share it explicitly
(audited), and the partner sees when it was added."""

import importlib
import json
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from core.dates import local_date
from reports import actions as report_actions
from reports.actions import add_attachment, add_reporter_message
from reports.models import LegalBasis, Referral, ReferralItem

from .conftest import jpeg_with_gps, make_report
from .test_handling import pdf_text

pytestmark = pytest.mark.django_db

ADDED_ON = "Toegevoegd op"


def upload(name="foto.jpg"):
    return SimpleUploadedFile(name, jpeg_with_gps(), "image/jpeg")


@pytest.fixture
def case(personas, organisations, django_capture_on_commit_callbacks):
    """A report with two persons and two attachments, referred to the police with one of each;
    the police accepted."""
    staff = personas[Role.REPORTING_POINT_STAFF]
    report = make_report(reporter_type="citizen", reporter_name="Anna Melder")
    chosen = report_actions.add_person(report, actor=staff, role="victim", name="Olga Nowak")
    kept = report_actions.add_person(report, actor=staff, role="suspect", name="Piet Verborgen")
    add_attachment(report, upload("gedeeld.jpg"))
    add_attachment(report, upload("intern.jpg"))
    shared_file, kept_file = report.attachments.order_by("pk")
    with django_capture_on_commit_callbacks(execute=True):
        referral = report_actions.refer(
            report,
            actor=staff,
            organisation=organisations["police"],
            legal_basis=LegalBasis.objects.first(),
            summary="Mogelijke arbeidsuitbuiting",
            persons=[chosen.pk],
            attachments=[shared_file.pk],
        )
    report_actions.accept(referral, actor=personas[Role.PARTNER_CASE_WORKER])
    return {
        "staff": staff,
        "partner": personas[Role.PARTNER_CASE_WORKER],
        "report": report,
        "referral": referral,
        "chosen": chosen,
        "kept": kept,
        "shared_file": shared_file,
        "kept_file": kept_file,
    }


def partner_view(client, referral):
    """What the partner gets: the page, the PDF summary's text."""
    page = client.get(reverse("reports:partner_detail", args=[referral.pk]))
    assert page.status_code == 200
    pdf = client.get(reverse("reports:partner_summary_pdf", args=[referral.pk]))
    assert pdf.status_code == 200
    return page.content.decode(), pdf_text(pdf.content)


def download(client, referral, attachment):
    return client.get(reverse("reports:partner_attachment", args=[referral.pk, attachment.pk]))


def share_url(case):
    return reverse(
        "reports:share_referral_items", args=[case["report"].reference, case["referral"].pk]
    )


def test_the_partner_sees_only_the_items_chosen_when_referring(client, login, case):
    referral = case["referral"]
    login(client, case["partner"])
    page, pdf = partner_view(client, referral)
    assert "Olga Nowak" in page and "Olga Nowak" in pdf
    assert "Piet Verborgen" not in page and "Piet Verborgen" not in pdf
    assert download(client, referral, case["shared_file"]).status_code == 200
    assert download(client, referral, case["kept_file"]).status_code == 404
    # Shared with the referral itself: nothing is "added later".
    assert ADDED_ON not in page
    sent = AuditEvent.objects.get(action="referral.sent")
    assert sent.details["persons"] == [case["chosen"].pk]
    assert sent.details["attachments"] == [case["shared_file"].pk]


def test_later_items_reach_the_partner_only_when_staff_share_them(
    client, login, case, django_capture_on_commit_callbacks
):
    report, referral = case["report"], case["referral"]
    later = report_actions.add_person(
        report, actor=case["staff"], role="witness", name="Karel Laat"
    )
    # The reporter sends a photo through the mailbox after the referral.
    with django_capture_on_commit_callbacks(execute=True):
        add_reporter_message(report, "Nog een foto van de loods.", uploads=[upload("nieuw.jpg")])
    mailbox_file = report.attachments.order_by("pk").last()
    assert mailbox_file.message is not None

    login(client, case["partner"])
    page, pdf = partner_view(client, referral)
    assert "Karel Laat" not in page and "Karel Laat" not in pdf
    assert reverse("reports:partner_attachment", args=[referral.pk, mailbox_file.pk]) not in page
    assert download(client, referral, mailbox_file).status_code == 404

    # The case screen offers them to share with this partner, and staff do.
    login(client, case["staff"])
    screen = client.get(reverse("reports:detail", args=[report.reference])).content.decode()
    assert share_url(case) in screen and "Delen met Politie Midden-Nederland" in screen
    prefix = f"share-{referral.pk}"
    response = client.post(
        share_url(case),
        {f"{prefix}-persons": [later.pk], f"{prefix}-attachments": [mailbox_file.pk]},
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="referral.items_shared")
    assert event.actor == case["staff"] and event.object_id == str(report.pk)
    assert event.details["referral"] == referral.pk
    assert event.details["persons"] == [later.pk]
    assert event.details["attachments"] == [mailbox_file.pk]
    recorded = json.dumps(event.details) + event.reason
    assert "Karel" not in recorded and "nieuw.jpg" not in recorded

    login(client, case["partner"])
    page, pdf = partner_view(client, referral)
    assert "Karel Laat" in page and "Karel Laat" in pdf
    assert "Piet Verborgen" not in page  # still only what was shared
    assert download(client, referral, mailbox_file).status_code == 200
    added = ReferralItem.objects.get(referral=referral, person=later).added_at
    when = timezone.localtime(added)
    assert page.count(ADDED_ON) == 2  # the person and the attachment, not the earlier items
    assert f"{ADDED_ON} {when.day} " in page
    assert f"{ADDED_ON} {local_date(added, language='nl')}" in pdf


def test_sharing_again_adds_nothing_twice(case):
    with pytest.raises(ValidationError):
        report_actions.share_items(
            case["referral"], persons=[case["chosen"].pk], actor=case["staff"]
        )
    assert case["referral"].items.count() == 2
    assert not AuditEvent.objects.filter(action="referral.items_shared").exists()


def test_an_item_of_another_report_is_refused(client, login, case, organisations):
    other = make_report()
    stranger = report_actions.add_person(
        other, actor=case["staff"], role="victim", name="Vreemde Persoon"
    )
    add_attachment(other, upload())
    stranger_file = other.attachments.get()
    for chosen in ({"persons": [stranger.pk]}, {"attachments": [stranger_file.pk]}):
        with pytest.raises(ValidationError):
            report_actions.share_items(case["referral"], actor=case["staff"], **chosen)
        with pytest.raises(ValidationError):
            report_actions.refer(
                case["report"],
                actor=case["staff"],
                organisation=organisations["riec"],
                legal_basis=LegalBasis.objects.first(),
                summary="x",
                **chosen,
            )
    assert case["referral"].items.count() == 2
    assert Referral.objects.count() == 1

    login(client, case["staff"])
    prefix = f"share-{case['referral'].pk}"
    response = client.post(share_url(case), {f"{prefix}-persons": [stranger.pk]})
    assert response.status_code == 400
    assert "Kies personen van deze melding uit de lijst." in response.content.decode()
    response = client.post(
        reverse("reports:refer", args=[case["report"].reference]),
        {
            "organisation": organisations["police"].pk,
            "legal_basis": LegalBasis.objects.first().pk,
            "summary": "Mijn samenvatting blijft staan",
            "attachments": [stranger_file.pk],
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Kies bijlagen van deze melding uit de lijst." in page
    assert "Mijn samenvatting blijft staan" in page
    assert case["referral"].items.count() == 2 and Referral.objects.count() == 1


def test_the_referral_form_shares_the_items_ticked(client, login, case, organisations):
    report = case["report"]
    login(client, case["staff"])
    url = reverse("reports:refer", args=[report.reference])
    form = client.get(url).content.decode()
    assert "Mogelijk slachtoffer: Olga Nowak" in form and "intern.jpg" in form
    response = client.post(
        url,
        {
            "organisation": organisations["riec"].pk,
            "legal_basis": LegalBasis.objects.first().pk,
            "summary": "Voor het RIEC",
            "persons": [case["kept"].pk],
        },
    )
    assert response.status_code == 302
    referral = Referral.objects.get(organisation=organisations["riec"])
    assert list(referral.items.values_list("person", "attachment")) == [(case["kept"].pk, None)]


def test_nothing_is_shared_without_a_choice_or_after_the_referral_ended(client, login, case):
    login(client, case["staff"])
    response = client.post(share_url(case), {})
    assert response.status_code == 400
    assert "Kies ten minste één persoon of bijlage om te delen." in response.content.decode()
    report_actions.revoke(case["referral"], "Verkeerde partner", actor=case["staff"])
    with pytest.raises(ValidationError):
        report_actions.share_items(case["referral"], persons=[case["kept"].pk], actor=case["staff"])
    prefix = f"share-{case['referral'].pk}"
    response = client.post(share_url(case), {f"{prefix}-persons": [case["kept"].pk]})
    assert response.status_code == 400
    assert not case["referral"].items.filter(person=case["kept"]).exists()


def test_a_removed_person_leaves_the_partners_view(client, login, case):
    report_actions.remove_person(case["chosen"], actor=case["staff"])
    assert not case["referral"].items.filter(kind="person").exists()
    login(client, case["partner"])
    page, pdf = partner_view(client, case["referral"])
    assert "Olga Nowak" not in page and "Olga Nowak" not in pdf


def test_before_acceptance_the_partner_sees_no_items(client, login, case, organisations):
    referral = report_actions.refer(
        case["report"],
        actor=case["staff"],
        organisation=organisations["police"],
        legal_basis=LegalBasis.objects.first(),
        summary="Tweede doorverwijzing",
        persons=[case["kept"].pk],
        attachments=[case["kept_file"].pk],
    )
    login(client, case["partner"])
    page, pdf = partner_view(client, referral)
    assert "Piet Verborgen" not in page and "Piet Verborgen" not in pdf
    assert download(client, referral, case["kept_file"]).status_code == 404


def test_the_data_migration_converts_the_old_flags(case, organisations):
    """share_persons / share_attachments become the items that existed when the referral was
    sent; later ones are not shared. Run on the real tables with the two old columns put back
    for the duration of the test (the test's transaction undoes it)."""
    report, staff = case["report"], case["staff"]
    old = report_actions.refer(
        report,
        actor=staff,
        organisation=organisations["riec"],
        legal_basis=LegalBasis.objects.first(),
        summary="Van voor de upgrade",
    )
    nothing = report_actions.refer(
        report,
        actor=staff,
        organisation=organisations["police"],
        legal_basis=LegalBasis.objects.first(),
        summary="Niets gedeeld",
    )
    later = report_actions.add_person(report, actor=staff, role="other", name="Na het versturen")
    add_attachment(report, upload("later.jpg"))
    Referral.objects.filter(pk__in=[old.pk, nothing.pk]).update(
        sent_at=timezone.now() - timedelta(minutes=5)
    )
    report.persons.exclude(pk=later.pk).update(created_at=timezone.now() - timedelta(hours=1))
    # File names are encrypted: told apart in Python.
    early_files = [a for a in report.attachments.all() if a.original_name != "later.jpg"]
    for attachment in early_files:
        type(attachment).objects.filter(pk=attachment.pk).update(
            at=timezone.now() - timedelta(hours=1)
        )
    ReferralItem.objects.filter(referral__in=[old, nothing]).delete()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # no ALTER TABLE with deferred checks pending
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        for column in ("share_persons", "share_attachments"):
            cursor.execute(
                f"ALTER TABLE reports_referral ADD COLUMN {column} boolean NOT NULL DEFAULT false"
            )
        cursor.execute(
            "UPDATE reports_referral SET share_persons = true, share_attachments = true "
            "WHERE id = %s",
            [old.pk],
        )
    apps = MigrationLoader(connection).project_state(("reports", "0007_referral_items")).apps
    migration = importlib.import_module("reports.migrations.0007_referral_items")
    migration.share_what_was_shared(apps, None)

    items = ReferralItem.objects.filter(referral=old)
    assert set(items.filter(kind="person").values_list("person", flat=True)) == {
        case["chosen"].pk,
        case["kept"].pk,
    }
    assert set(items.filter(kind="attachment").values_list("attachment", flat=True)) == {
        a.pk for a in early_files
    }
    old.refresh_from_db()
    assert {item.added_at for item in items} == {old.sent_at}
    assert {item.added_by_id for item in items} == {staff.pk}
    assert not ReferralItem.objects.filter(referral=nothing).exists()
    # The fixture's referral (made with items, flags false) is left as it was.
    assert case["referral"].items.count() == 2
