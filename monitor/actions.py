"""Every audited change and export of the monitor: `verb(obj, ..., *, actor, request=None)`, one
transaction each, with its audit event written inside it. Views and commands call these; none of
them writes an audit event itself.

The import's states are one table, TRANSITIONS, and every change of a batch's state is checked
against it here (check_move): uploading makes a batch "queued", the import task takes it
("running"), and it ends "done" or "failed"; a done batch can be withdrawn. Reading and checking
a file stays in monitor.history, recounting in monitor.facts.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.actions import record_event
from audit.events import Event
from core.dates import local_date

from . import facts, history, policy
from .models import (
    ImportBatch,
    ImportMapping,
    ImportUpload,
    PolicyState,
    PolicyStatus,
    PolicyTopic,
)

logger = logging.getLogger(__name__)

State = ImportBatch.State

# --- the import's states --------------------------------------------------------------------------

# The allowed changes of a batch's state. A batch is born "queued" (upload_batch) and nothing
# goes back to it. "running" -> "running": the task's second attempt after its worker died starts
# the batch over (import_batch with resume).
TRANSITIONS = {
    State.QUEUED: {State.RUNNING},
    State.RUNNING: {State.RUNNING, State.DONE, State.FAILED},
    State.DONE: {State.WITHDRAWN},
}

# What a user is told when a change they asked for is not allowed.
REFUSED = {
    State.WITHDRAWN: gettext_lazy("Only a completed import can be withdrawn."),
}


def allowed(old_state, new_state):
    return new_state in TRANSITIONS.get(old_state, set())


def check_move(batch, new_state):
    """ValidationError (in the user's language) unless the table allows `batch` to go to
    `new_state`."""
    if not allowed(batch.state, new_state):
        message = REFUSED.get(new_state) or _(
            "An import that is “%(state)s” cannot become “%(new)s”."
        ) % {"state": State(batch.state).label, "new": State(new_state).label}
        raise ValidationError(message, code="transition")


def _move(batch, new_state):
    check_move(batch, new_state)
    batch.state = new_state


# --- importing history ----------------------------------------------------------------------------


def upload_batch(*, batch_format, file_name, content, source="", mapping=None, actor, request=None):
    """Store an upload as a queued batch and queue its import once the upload is committed.
    `mapping` ({index as text: field}) says which column of the file is which of ours."""
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            format=batch_format,
            file_name=file_name[:200],
            source=source,
            content=content,
            mapping=mapping or {},
            uploaded_at=timezone.now(),
            uploaded_by=actor,
            total_rows=history.estimated_rows(content),
            state=State.QUEUED,
        )
        record_event(
            Event.IMPORT_UPLOADED,
            actor=actor,
            target=batch,
            request=request,
            details={
                "format": batch_format,
                "file_name": batch.file_name,
                "bytes": len(content),
                "source": source,
                "mapping": mapping or {},
            },
        )
    batch_id = batch.pk
    transaction.on_commit(lambda: history.run_import.enqueue(batch_id))
    return batch


def claim_batch(batch_id, *, resume=False):
    """Take a batch for importing: True when this caller now has it "running". One conditional
    update, so that of two workers only one gets it; the states it may come from are those the
    table allows to become "running" (without `resume`, not "running" itself: another worker may
    be busy with it)."""
    sources = [
        state
        for state in State
        if allowed(state, State.RUNNING) and (resume or state != State.RUNNING)
    ]
    return bool(
        ImportBatch.objects.filter(pk=batch_id, state__in=sources).update(
            state=State.RUNNING, processed_rows=0
        )
    )


def complete_batch(batch, checked):
    """Mark a batch whose rows have been saved as done: from now on they count. Run by the import
    task: the audit event has no actor (the uploader is in its details)."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().defer("content").get(pk=batch.pk)
        _move(batch, State.DONE)
        batch.total_rows = batch.processed_rows = checked.total
        batch.imported_rows = len(checked.valid)
        batch.errors = []
        batch.content = b""
        batch.finished_at = timezone.now()
        batch.save()
        record_event(
            Event.IMPORT_COMPLETED,
            actor=None,
            target=batch,
            details={"rows": batch.imported_rows, "uploaded_by": batch.uploaded_by_id},
        )
    return batch


def fail_batch(batch, errors, total=0):
    """Refuse the whole file: keep the errors, store no rows. Run by the import task."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().defer("content").get(pk=batch.pk)
        _move(batch, State.FAILED)
        batch.errors = list(errors)
        batch.total_rows = batch.processed_rows = total
        batch.imported_rows = 0
        batch.content = b""
        batch.finished_at = timezone.now()
        batch.save()
        record_event(
            Event.IMPORT_FAILED,
            actor=None,
            target=batch,
            details={"errors": len(batch.errors), "uploaded_by": batch.uploaded_by_id},
        )
    return batch


def withdraw_batch(batch, *, reason, actor, request=None):
    """Take an imported batch out of the monitor: its rows are deleted, the batch and the audit
    trail stay. The facts are recounted afterwards."""
    with transaction.atomic():
        batch = ImportBatch.objects.select_for_update().defer("content").get(pk=batch.pk)
        _move(batch, State.WITHDRAWN)
        removed = batch.counts.all().delete()[0] + batch.records.all().delete()[0]
        batch.save(update_fields=["state"])
        record_event(
            Event.IMPORT_WITHDRAWN,
            actor=actor,
            target=batch,
            request=request,
            reason=reason,
            details={"rows": removed},
        )
    facts.rebuild()
    return batch


def _imported_before(earlier):
    return {
        "row": None,
        "column": "",
        "message": _(
            "These rows were imported before, in “%(file)s” (%(source)s) of %(date)s: they would "
            "count twice. Withdraw that import first if this file replaces it."
        )
        % {
            "file": earlier.file_name,
            "source": earlier.source or "-",
            "date": local_date(earlier.uploaded_at),
        },
    }


def _internal_error(exc):
    return _("The import stopped because of an unexpected error (%(error)s).") % {
        "error": type(exc).__name__
    }


def import_batch(batch_id, *, resume=False):
    """Check and import one queued batch (the job of monitor.history.run_import). Returns its
    final state (None when it was not queued: another worker has it, or it was imported already).
    With `resume`, a batch left "running" by an interrupted attempt is started over, without what
    that attempt saved."""
    if not claim_batch(batch_id, resume=resume):
        return None
    if resume:
        history.remove_rows(ImportBatch.objects.defer("content").get(pk=batch_id))
    batch = ImportBatch.objects.defer("content").get(pk=batch_id)
    with translation.override(settings.LANGUAGE_CODE):
        try:
            content = bytes(ImportBatch.objects.values_list("content", flat=True).get(pk=batch_id))
            checked = history.check_file(
                batch.format,
                content,
                batch.file_name,
                progress=lambda processed, total: history.save_progress(batch_id, processed, total),
                mapping=batch.mapping or None,
            )
            del content
            if checked.errors:
                return fail_batch(batch, checked.errors, checked.total).state
            rows_fingerprint = checked.valid.fingerprint()
            earlier = (
                ImportBatch.objects.filter(fingerprint=rows_fingerprint, state=State.DONE)
                .exclude(pk=batch_id)
                .defer("content")
                .first()
            )
            if earlier is not None:
                return fail_batch(batch, [_imported_before(earlier)], checked.total).state
            ImportBatch.objects.filter(pk=batch_id).update(fingerprint=rows_fingerprint)
            history.save_progress(batch_id, checked.total, checked.total)
            history.save_rows(batch, checked)
            batch = complete_batch(batch, checked)
        except Exception as exc:
            logger.exception("Import of batch %s failed", batch_id)
            history.remove_rows(batch)
            error = {"row": None, "column": "", "message": _internal_error(exc)}
            return fail_batch(batch, [error]).state
    facts.rebuild()
    return batch.state


# --- the mapping step: an upload waiting for its columns to be mapped ----------------------------

# How long an uploaded file waits for its mapping before it is removed.
UPLOAD_HOURS = 24


def receive_upload(
    *, batch_format, file_name, content, source="", organisation, actor, request=None
):
    """Keep an uploaded file until its columns have been mapped (import_upload) or it is
    discarded; files older than UPLOAD_HOURS go first."""
    discard_expired_uploads()
    first = history.first_rows(content, file_name, 1)
    with transaction.atomic():
        upload = ImportUpload.objects.create(
            format=batch_format,
            file_name=file_name[:200],
            source=source,
            content=content,
            headers=[history.as_text(cell) for cell in first[0]] if first else [],
            uploaded_at=timezone.now(),
            uploaded_by=actor,
            organisation=organisation,
        )
        record_event(
            Event.IMPORT_RECEIVED,
            actor=actor,
            target=upload,
            request=request,
            details={
                "format": batch_format,
                "file_name": upload.file_name,
                "bytes": len(content),
                "columns": len(upload.headers),
            },
        )
    return upload


def discard_upload(upload, *, actor, request=None, expired=False):
    """Remove an uploaded file that will not be imported."""
    with transaction.atomic():
        record_event(
            Event.IMPORT_DISCARDED,
            actor=actor,
            target=upload,
            request=request,
            details={"file_name": upload.file_name, "expired": expired},
        )
        upload.delete()


def discard_expired_uploads():
    """Remove the uploads that waited longer than UPLOAD_HOURS for their mapping."""
    limit = timezone.now() - timedelta(hours=UPLOAD_HOURS)
    for upload in ImportUpload.objects.filter(uploaded_at__lt=limit).defer("content"):
        discard_upload(upload, actor=None, expired=True)


def save_mapping(organisation, name, batch_format, headers, mapping, *, actor, request=None):
    """Save (or replace) an organisation's named mapping: {normalised column name: field or ""}
    for every column of `headers`, so that the next file with these columns gets it at once."""
    columns = {
        history.normalise_header(header): mapping.get(str(index), "")
        for index, header in enumerate(headers)
        if history.as_text(header)
    }
    with transaction.atomic():
        saved, created = ImportMapping.objects.update_or_create(
            organisation=organisation,
            name=name,
            defaults={
                "format": batch_format,
                "columns": columns,
                "saved_at": timezone.now(),
                "saved_by": actor,
            },
        )
        record_event(
            Event.IMPORT_MAPPING_SAVED,
            actor=actor,
            target=saved,
            request=request,
            details={"name": name, "format": batch_format, "columns": columns, "new": created},
        )
    return saved


def import_upload(upload, mapping, *, save_as="", organisation=None, actor, request=None):
    """Import an uploaded file with its columns mapped ({index as text: field}): it becomes a
    queued batch (upload_batch) and the waiting file is removed; with `save_as`, the mapping is
    saved for the organisation's next import."""
    with transaction.atomic():
        if save_as and organisation is not None:
            save_mapping(
                organisation,
                save_as,
                upload.format,
                upload.headers,
                mapping,
                actor=actor,
                request=request,
            )
        batch = upload_batch(
            batch_format=upload.format,
            file_name=upload.file_name,
            content=bytes(upload.content),
            source=upload.source,
            mapping=mapping,
            actor=actor,
            request=request,
        )
        upload.delete()
    return batch


# --- the municipal policy monitor -----------------------------------------------------------------


def record_policy(municipality, changes, *, actor, request=None):
    """Record new statuses for one municipality: `changes` is a list of dicts with topic, state,
    as_of and note. One row and one audit event per change, all in one transaction."""
    today = timezone.localdate()
    for change in changes:
        if change["topic"] not in PolicyTopic.values or change["state"] not in PolicyState.values:
            raise ValueError(f"unknown topic or state: {change}")
        if not policy.EARLIEST_DATE <= change["as_of"] <= today:
            raise ValueError(f"date out of range: {change['as_of']}")
    now = timezone.now()
    created = []
    with transaction.atomic():
        before = policy.current_entries(municipality, today)
        for change in changes:
            status = PolicyStatus.objects.create(
                municipality=municipality,
                topic=change["topic"],
                state=change["state"],
                as_of=change["as_of"],
                note=change.get("note", ""),
                recorded_at=now,
                recorded_by=actor,
            )
            previous = before.get(change["topic"])
            record_event(
                Event.POLICY_RECORDED,
                actor=actor,
                target=status,
                request=request,
                details={
                    "municipality": municipality.code,
                    "topic": status.topic,
                    "state": status.state,
                    "as_of": status.as_of.isoformat(),
                    "previous_state": previous.state if previous else None,
                    "previous_as_of": previous.as_of.isoformat() if previous else None,
                },
            )
            created.append(status)
    return created


# --- exports --------------------------------------------------------------------------------------


def record_table_export(name, period, *, file_format, exact, actor, request=None):
    """Audit the download of one of the dashboard's tables (or all of them, "alles")."""
    with transaction.atomic():
        record_event(
            Event.MONITOR_EXPORTED,
            actor=actor,
            request=request,
            object_type="monitor.table",
            object_id=name,
            details={"period": period.label, "format": file_format, "exact": exact},
        )


def record_overview_export(year, quarter, *, actor, request=None):
    """Audit the download of the quarterly overview as PDF (protected figures only)."""
    with transaction.atomic():
        record_event(
            Event.MONITOR_EXPORTED,
            actor=actor,
            request=request,
            object_type="monitor.overview",
            object_id=f"{year}-Q{quarter}",
            details={"format": "pdf", "exact": False},
        )
