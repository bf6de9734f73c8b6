"""Importing history into the monitor: the upload and the list of imports, one import's progress,
validation report and contents, and withdrawing an import."""

from pathlib import Path

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import rule
from core import exports

from . import actions, history
from .import_forms import UploadForm, WithdrawForm
from .models import ImportBatch

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
        batch = actions.upload_batch(
            batch_format=form.cleaned_data["format"],
            file_name=form.cleaned_data["file"].name,
            content=form.content,
            source=form.cleaned_data["source"],
            actor=request.user,
            request=request,
        )
        return redirect("monitor:import_batch", pk=batch.pk)
    batches = ImportBatch.objects.select_related("uploaded_by").defer("content")
    page = Paginator(batches, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "monitor/import_list.html",
        {"form": form, "page": page, "columns": history.COLUMNS, "examples": EXAMPLES},
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
