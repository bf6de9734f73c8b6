"""Importing history into the monitor: the upload and the list of imports, mapping an uploaded
file's columns to ours with a preview (then it is imported), one import's progress, validation
report and contents, and withdrawing an import."""

from datetime import timedelta
from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.access import rule
from core import exports

from . import actions, history
from .import_forms import MappingForm, UploadForm, WithdrawForm
from .models import ImportBatch, ImportUpload

State = ImportBatch.State
ERRORS_SHOWN = 500
EXAMPLES_DIR = Path(__file__).resolve().parent / "examples"
EXAMPLES = {"newsletter-history": "newsletter-history.csv", "records": "records-example.csv"}


def _batch(pk):
    return get_object_or_404(
        ImportBatch.objects.select_related("uploaded_by").defer("content"), pk=pk
    )


@rule("monitor.import", methods=("GET", "POST"))
def batch_list(request):
    """The imports so far, and the upload of a new one (POST)."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = actions.receive_upload(
            batch_format=form.cleaned_data["format"],
            file_name=form.cleaned_data["file"].name,
            content=form.content,
            source=form.cleaned_data["source"],
            organisation=_organisation(request.user),
            actor=request.user,
            request=request,
        )
        return redirect("monitor:import_mapping", pk=upload.pk)
    batches = ImportBatch.objects.select_related("uploaded_by").defer("content")
    page = Paginator(batches, 25).get_page(request.GET.get("page"))
    waiting = ImportUpload.objects.filter(
        uploaded_by=request.user, uploaded_at__gte=timezone.now() - _upload_age()
    ).defer("content")
    return render(
        request,
        "monitor/import_list.html",
        {
            "form": form,
            "page": page,
            "columns": history.COLUMNS,
            "examples": EXAMPLES,
            "waiting": waiting,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _upload_age():
    return timedelta(hours=actions.UPLOAD_HOURS)


def _organisation(user):
    """The organisation a mapping is saved for: the (first) one in which `user` imports."""
    found = sorted(access.import_organisations(user), key=lambda organisation: organisation.pk)
    return found[0] if found else None


def _saved_mapping(saved, headers):
    """The saved mapping whose columns are exactly the file's (the latest saved), or None."""
    names = {history.normalise_header(header) for header in headers if history.as_text(header)}
    for mapping in sorted(saved, key=lambda mapping: mapping.saved_at, reverse=True):
        if set(mapping.columns) == names:
            return mapping
    return None


def _apply(mapping, headers):
    """{index: field} of a saved mapping for these headers."""
    found = {}
    for index, header in enumerate(headers):
        field = (
            mapping.columns.get(history.normalise_header(header)) if history.as_text(header) else ""
        )
        if field:
            found[index] = field
    return found


@rule("monitor.import", methods=("GET", "POST"))
def mapping(request, pk):
    """Map the columns of an uploaded file to ours (or ignore them), see the first rows as they
    would be imported with their errors, then import; the mapping can be saved for the next
    file. Only the person who uploaded the file reaches it."""
    upload = get_object_or_404(
        ImportUpload,
        pk=pk,
        uploaded_by=request.user,
        uploaded_at__gte=timezone.now() - _upload_age(),
    )
    content = bytes(upload.content)
    rows = history.first_rows(content, upload.file_name, history.PREVIEW_ROWS + 1)
    saved = list(access.import_mappings_for(request.user).filter(format=upload.format))
    applied = None
    chosen = request.GET.get("koppeling", "")
    if chosen.isdigit():
        applied = next((mapping for mapping in saved if mapping.pk == int(chosen)), None)
    automatic = applied is None and _saved_mapping(saved, upload.headers) is not None
    if applied is None:
        applied = _saved_mapping(saved, upload.headers)
    header = rows[0] if rows else []
    initial = (
        _apply(applied, upload.headers) if applied else history.guess_mapping(upload.format, header)
    )
    organisation = _organisation(request.user)
    form = MappingForm(
        request.POST if request.method == "POST" else None,
        batch_format=upload.format,
        rows=rows,
        initial_mapping=initial,
        initial={"save_as": applied.name if applied else ""},
    )
    if organisation is None:
        del form.fields["save_as"]
    if request.method == "POST":
        if "discard" in request.POST:
            actions.discard_upload(upload, actor=request.user, request=request)
            messages.success(request, _("The file has been removed; nothing was imported."))
            return redirect("monitor:import_list")
        if form.is_valid() and request.POST.get("action") == "import":
            batch = actions.import_upload(
                upload,
                form.chosen(),
                save_as=form.cleaned_data.get("save_as", ""),
                organisation=organisation,
                actor=request.user,
                request=request,
            )
            return redirect("monitor:import_batch", pk=batch.pk)
    preview = history.preview(upload.format, content, upload.file_name, form.chosen())
    return render(
        request,
        "monitor/import_mapping.html",
        {
            "upload": upload,
            "form": form,
            "preview": preview,
            "saved": saved,
            "applied": applied,
            "automatic": automatic,
            "hours": actions.UPLOAD_HOURS,
        },
        status=400 if form.is_bound and form.errors else 200,
    )


def _percent(batch):
    """How far the current step of a running import is: checking the rows, then saving them."""
    if not batch.total_rows:
        return 0
    done = batch.processed_rows
    if batch.processed_rows >= batch.total_rows:
        done = batch.imported_rows
    return min(100, round(100 * done / batch.total_rows))


@rule("monitor.import")
def batch_detail(request, pk):
    batch = _batch(pk)
    busy = batch.state in (State.QUEUED, State.RUNNING)
    context = {
        "batch": batch,
        "busy": busy,
        "percent": _percent(batch),
    }
    if batch.state == State.FAILED:
        context["errors"] = batch.errors[:ERRORS_SHOWN]
        context["error_count"] = len(batch.errors)
    if batch.state == State.DONE:
        context["totals"] = history.totals_per_year(batch)
    return render(request, "monitor/import_batch.html", context)


@rule("monitor.import")
def batch_errors(request, pk):
    """Every error of a refused import as CSV (for Excel: semicolons, with a byte order mark)."""
    batch = _batch(pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="import-{batch.pk}-fouten.csv"'
    response.write("\ufeff")
    writer = exports.csv_writer(response, delimiter=";")
    writer.writerow([_("row"), _("column"), _("error")])
    for error in batch.errors:
        writer.writerow([error.get("row") or "", error.get("column", ""), error.get("message", "")])
    return response


@rule("monitor.import", methods=("GET", "POST"))
def batch_withdraw(request, pk):
    """Confirm (GET) and withdraw (POST) an imported batch."""
    batch = _batch(pk)
    form = WithdrawForm(request.POST or None)
    try:
        actions.check_move(batch, State.WITHDRAWN)
        if request.method == "POST" and form.is_valid():
            actions.withdraw_batch(
                batch, reason=form.cleaned_data["reason"], actor=request.user, request=request
            )
            messages.success(
                request, _("The import has been withdrawn; the monitor was recounted.")
            )
            return redirect("monitor:import_batch", pk=batch.pk)
    except ValidationError as refused:
        messages.error(request, refused.messages[0])
        return redirect("monitor:import_batch", pk=batch.pk)
    return render(
        request,
        "monitor/import_withdraw.html",
        {"batch": batch, "form": form, "totals": history.totals_per_year(batch)},
        status=400 if form.is_bound and form.errors else 200,
    )


@rule("monitor.import")
def example(request, name):
    """An example file of a documented format."""
    if name not in EXAMPLES:
        raise Http404
    return FileResponse(
        (EXAMPLES_DIR / EXAMPLES[name]).open("rb"),
        as_attachment=True,
        filename=EXAMPLES[name],
        content_type="text/csv; charset=utf-8",
    )
