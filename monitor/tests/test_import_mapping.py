"""The import's mapping step: an export is uploaded as it is, its columns are mapped to ours or
ignored, the first rows are previewed with their errors, and the mapping can be saved for the next
file of the same organisation."""

from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from audit.models import AuditEvent
from monitor import actions
from monitor.models import HistoricRecord, ImportBatch, ImportMapping, ImportUpload
from monitor.tests.test_history import xlsx

pytestmark = pytest.mark.django_db

LIST = reverse("monitor:import_list")
# An export of a previous registration as it comes: its own names, an extra column, other order.
EXPORT = (
    "Registratienummer;Datum melding;Type;Vorm van uitbuiting;Opmerking intern;Plaats\n"
    "A-1;2021-03-04;melding;Arbeidsuitbuiting;bel terug =1+1;Utrecht\n"
    "A-2;15-06-2021;advies;;;\n"
    "A-3;2022-01-10;melding;Seksuele uitbuiting;zie dossier;GM0307\n"
)
EXPORT_MAPPING = {
    "column_0": "external_reference",
    "column_1": "created_at",
    "column_2": "kind",
    "column_3": "primary_form",
    "column_4": "",
    "column_5": "municipality",
}


@pytest.fixture
def staff(client, personas, login):
    login(client, personas[Role.REPORTING_POINT_STAFF])
    return client


def send(client, content, name="export.csv", batch_format="records"):
    """Upload a file; returns the URL of its mapping step."""
    if isinstance(content, str):
        content = content.encode()
    response = client.post(
        LIST,
        {
            "format": batch_format,
            "source": "Oude registratie",
            "file": SimpleUploadedFile(name, content, content_type="text/csv"),
        },
    )
    assert response.status_code == 302, response.content.decode()
    return response["Location"]


def post_mapping(client, url, mapping, action="import", save_as="", capture=None):
    data = {**mapping, "action": action, "save_as": save_as}
    if capture is None:
        return client.post(url, data)
    with capture(execute=True):
        return client.post(url, data)


def test_the_upload_leads_to_the_mapping_step_and_nothing_is_imported_yet(staff):
    url = send(staff, EXPORT)
    upload = ImportUpload.objects.get()
    assert url == reverse("monitor:import_mapping", args=[upload.pk])
    assert upload.headers[:3] == ["Registratienummer", "Datum melding", "Type"]
    assert not ImportBatch.objects.exists()
    page = staff.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    # one labelled choice per column of the file, "ignore" among the choices
    for index, title in enumerate(["Registratienummer", "Datum melding", "Opmerking intern"]):
        number = [0, 1, 4][index]
        assert f'<label for="id_column_{number}">Kolom {number + 1}: “{title}”</label>' in html
    assert "Deze kolom negeren" in html
    received = AuditEvent.objects.get(action="monitor.import_received")
    assert received.object_id == str(upload.pk)


def test_renamed_columns_are_mapped_and_extra_columns_ignored(
    staff, django_capture_on_commit_callbacks
):
    url = send(staff, EXPORT)
    response = post_mapping(staff, url, EXPORT_MAPPING, capture=django_capture_on_commit_callbacks)
    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("monitor:import_batch", args=[batch.pk])
    assert batch.state == "done", batch.errors
    assert batch.mapping == {
        "0": "external_reference",
        "1": "created_at",
        "2": "kind",
        "3": "primary_form",
        "5": "municipality",
    }
    records = {
        r.external_reference: r for r in HistoricRecord.objects.select_related("municipality")
    }
    assert sorted(records) == ["A-1", "A-2", "A-3"]
    assert records["A-1"].primary_form == "labour"
    assert records["A-1"].municipality.code == "GM0344"
    assert records["A-2"].kind == "advice" and records["A-2"].municipality is None
    assert timezone.localtime(records["A-3"].created_at).date() == datetime(2022, 1, 10).date()
    # the waiting file is gone once it is a batch
    assert not ImportUpload.objects.exists()


def test_an_extra_column_that_is_not_ignored_would_be_checked(staff):
    """The other way round: mapped as a column of ours, the remark is read as a form and fails,
    so ignoring is what keeps it out."""
    url = send(staff, EXPORT)
    response = post_mapping(staff, url, {**EXPORT_MAPPING, "column_4": "sector"}, action="preview")
    errors = response.context["preview"].errors
    assert {(e["row"], e["column"]) for e in errors} == {
        (2, "Opmerking intern"),
        (4, "Opmerking intern"),
    }


def test_a_missing_required_column_gets_a_dutch_error_next_to_its_field(staff):
    url = send(staff, EXPORT)
    mapping = {**EXPORT_MAPPING, "column_1": ""}  # the date left ignored
    response = post_mapping(staff, url, mapping)
    html = response.content.decode()
    assert response.status_code == 400
    message = (
        "Geen kolom van het bestand is datum, en die is verplicht: kies die bij de kolom "
        "waarin hij staat."
    )
    form = response.context["form"]
    # next to the column whose name looks like it: "Datum melding"
    assert form.errors == {"column_1": [message]}
    assert 'id="id_column_1_error"' in html and message in html
    assert 'class="error-summary"' in html
    assert not ImportBatch.objects.exists()
    assert ImportUpload.objects.count() == 1  # the file waits for a corrected mapping


def test_a_column_of_ours_chosen_twice_is_an_error(staff):
    url = send(staff, EXPORT)
    response = post_mapping(staff, url, {**EXPORT_MAPPING, "column_4": "kind"})
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["column_4"]
    assert "soort is al de kolom “Type”" in response.content.decode()


def test_the_preview_shows_the_first_rows_and_the_errors_per_row_and_column(staff):
    content = (
        "Datum melding;Type;Plaats\n"
        "2021-03-04;melding;Utrecht\n"
        "31-02-2021;melding;Utrecht\n"
        "2021-05-01;klacht;Atlantis\n"
    )
    url = send(staff, content)
    mapping = {"column_0": "created_at", "column_1": "kind", "column_2": "municipality"}
    response = post_mapping(staff, url, mapping, action="preview")
    assert response.status_code == 200
    preview = response.context["preview"]
    assert [number for number, _values in preview.rows] == [2, 3, 4]
    assert [(e["row"], e["column"]) for e in preview.errors] == [
        (3, "Datum melding"),
        (4, "Type"),
        (4, "Plaats"),
    ]
    html = response.content.decode()
    assert "Geen datum: 31-02-2021" in html
    assert "Onbekende gemeente: Atlantis" in html
    assert '<td class="field-error">klacht<ul class="errorlist"><li>' in html
    assert not ImportBatch.objects.exists()


def test_a_saved_mapping_is_used_again_when_the_headers_match(
    staff, personas, django_capture_on_commit_callbacks
):
    url = send(staff, EXPORT)
    post_mapping(
        staff,
        url,
        EXPORT_MAPPING,
        save_as="Export oude registratie",
        capture=django_capture_on_commit_callbacks,
    )
    saved = ImportMapping.objects.get()
    staff_user = personas[Role.REPORTING_POINT_STAFF]
    assert saved.organisation == staff_user.memberships.get().organisation
    assert saved.columns["datum_melding"] == "created_at"
    assert saved.columns["opmerking_intern"] == ""
    assert AuditEvent.objects.filter(action="monitor.import_mapping_saved").count() == 1

    # the next export: the same columns in another order, other rows
    lines = [line.split(";") for line in EXPORT.splitlines()]
    order = [5, 4, 3, 2, 1, 0]
    again = "\n".join(";".join(cells[i] for i in order) for cells in lines)
    again = again.replace("A-", "B-").replace("2021-03-04", "2023-03-04") + "\n"
    url = send(staff, again)
    page = staff.get(url)
    form = page.context["form"]
    chosen = {name: form[name].value() for name in form.fields if name != "save_as"}
    assert chosen == {
        "column_0": "municipality",
        "column_1": "",
        "column_2": "primary_form",
        "column_3": "kind",
        "column_4": "created_at",
        "column_5": "external_reference",
    }
    assert "De opgeslagen koppeling “Export oude registratie” is toegepast" in (
        page.content.decode()
    )
    response = post_mapping(staff, url, chosen, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert ImportBatch.objects.filter(state="done").count() == 2


def test_a_saved_mapping_is_offered_for_other_headers_and_not_applied_by_itself(
    staff, django_capture_on_commit_callbacks
):
    url = send(staff, EXPORT)
    post_mapping(
        staff, url, EXPORT_MAPPING, save_as="Oud", capture=django_capture_on_commit_callbacks
    )
    saved = ImportMapping.objects.get()
    url = send(staff, "Datum melding;Type;Nieuw veld\n2021-03-04;melding;x\n")
    page = staff.get(url)
    assert page.context["applied"] is None
    assert page.context["form"]["column_0"].value() == ""  # no name of ours, nothing saved
    assert f'<option value="{saved.pk}">Oud</option>' in page.content.decode()
    page = staff.get(url, {"koppeling": saved.pk})
    form = page.context["form"]
    assert [form[f"column_{i}"].value() for i in range(3)] == ["created_at", "kind", ""]


def test_an_xlsx_export_with_real_dates_and_extra_columns(
    staff, django_capture_on_commit_callbacks
):
    content = xlsx(
        [
            ["Nr", "Ontvangen", "Soort melding", "Aantal slachtoffers"],
            ["X1", datetime(2021, 3, 4, 10, 30), "melding", 3],
            ["X2", datetime(2021, 4, 5), "advies", 1],
        ]
    )
    url = send(staff, content, name="export.xlsx")
    mapping = {"column_0": "external_reference", "column_1": "created_at", "column_2": "kind"}
    post_mapping(
        staff, url, {**mapping, "column_3": ""}, capture=django_capture_on_commit_callbacks
    )
    batch = ImportBatch.objects.get()
    assert (batch.state, batch.imported_rows) == ("done", 2)


def test_the_file_is_removed_when_discarded_or_expired_and_only_its_uploader_sees_it(
    staff, client, make_user, login
):
    url = send(staff, EXPORT)
    upload = ImportUpload.objects.get()
    colleague = make_user(Role.REPORTING_POINT_STAFF, email="collega@test.example")
    other = login(client.__class__(), colleague)
    assert other.get(url).status_code == 404

    response = staff.post(url, {"discard": "1"})
    assert response.status_code == 302 and response["Location"] == LIST
    assert not ImportUpload.objects.exists()
    discarded = AuditEvent.objects.get(action="monitor.import_discarded")
    assert discarded.object_id == str(upload.pk)

    url = send(staff, EXPORT)
    ImportUpload.objects.update(uploaded_at=timezone.now() - timedelta(hours=25))
    assert staff.get(url).status_code == 404
    send(staff, EXPORT)  # a new upload clears the expired ones
    assert ImportUpload.objects.count() == 1
    assert (
        AuditEvent.objects.filter(action="monitor.import_discarded", details__expired=True).count()
        == 1
    )
    assert actions.UPLOAD_HOURS == 24


def test_with_every_column_ignored_nothing_is_read(staff):
    url = send(staff, "jaar;soort;aantal\n2020;melding;x\n", batch_format="counts")
    blank = {"column_0": "", "column_1": "", "column_2": ""}
    response = post_mapping(staff, url, blank, action="preview")
    preview = response.context["preview"]
    assert preview.columns == []
    # the missing columns, and not the bad count of row 2 (the names of row 1 are not used)
    assert [(e["row"], e["message"]) for e in preview.errors] == [
        (1, "Kolom jaar ontbreekt."),
        (1, "Kolom soort ontbreekt."),
        (1, "Kolom aantal ontbreekt."),
    ]


def test_the_recount_removes_uploads_that_waited_too_long(staff):
    from monitor.tasks import refresh_facts

    send(staff, EXPORT)
    send(staff, EXPORT)
    ImportUpload.objects.filter(pk=ImportUpload.objects.order_by("pk").first().pk).update(
        uploaded_at=timezone.now() - timedelta(hours=actions.UPLOAD_HOURS, minutes=1)
    )
    refresh_facts.enqueue()  # the immediate backend of the tests runs it at once
    assert ImportUpload.objects.count() == 1
    assert AuditEvent.objects.filter(action="monitor.import_discarded").count() == 1
