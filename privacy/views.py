"""The privacy officer's screens: checks and unusual patterns, data subjects' requests, the legal
hold, and the access log of a report (also for its case owner)."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.access import rule
from audit.events import Event
from audit.models import AuditEvent
from core import exports
from reports import actions as report_actions

from . import actions, checks
from .forms import (
    LegalHoldForm,
    PersonCorrectionForm,
    ReasonForm,
    ReporterCorrectionForm,
    SubjectSearchForm,
)
from .models import AuditVerification, RetentionRule, RetentionRun


@rule("privacy.manage")
def dashboard(request):
    return render(
        request,
        "privacy/dashboard.html",
        {
            "verification": AuditVerification.objects.first(),
            "rules": RetentionRule.objects.all(),
            "runs": RetentionRun.objects.all()[:5],
            "busy_days": checks.many_reports_per_day(),
            "after_hours": checks.outside_office_hours(),
            "after_end": checks.partner_reads_after_end(),
        },
    )


def _search_data(form):
    data = form.cleaned_data
    return {
        "name": data.get("name", ""),
        "birth_date": data.get("birth_date"),
        "email": data.get("email", ""),
        "phone": data.get("phone", ""),
    }


@rule("privacy.manage", methods=("GET", "POST"))
def subjects(request):
    """Find everything about a data subject; export it (POST)."""
    form = SubjectSearchForm(request.POST or request.GET or None)
    hits = None
    if form.is_bound and form.is_valid():
        hits = actions.find_subject(
            actor=request.user,
            reason=form.cleaned_data["reason"],
            request=request,
            **_search_data(form),
        )
        if request.method == "POST" and request.POST.get("export"):
            data = actions.export_subject(
                hits, actor=request.user, reason=form.cleaned_data["reason"], request=request
            )
            response = HttpResponse(data, content_type="application/json; charset=utf-8")
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
            response["Content-Disposition"] = f'attachment; filename="inzage-{stamp}.json"'
            response["Cache-Control"] = "no-store"
            return response
    response = render(
        request,
        "privacy/subjects.html",
        {"form": form, "hits": hits},
        status=400 if form.is_bound and form.errors else 200,
    )
    response["Cache-Control"] = "no-store"
    return response


def _report(request, reference, **details):
    """Every privacy screen of a report gets it here, and so writes its read event (any method,
    any status, error re-renders included)."""
    return report_actions.open_report(
        reference,
        actor=request.user,
        request=request,
        rule="privacy.manage",
        queryset=access.subject_reports_for(request.user),
        details=details,
    )


@rule("privacy.manage", methods=("GET", "POST"))
def person(request, reference, pk):
    report = _report(request, reference, person=pk)
    item = report.persons.filter(pk=pk).first()
    if item is None:
        raise Http404
    initial = {
        "name": item.name,
        "birth_date": item.birth_date or None,
        "phone": item.phone,
        "email": item.email,
        "description": item.description,
    }
    form = PersonCorrectionForm(request.POST or None, initial=initial)
    erase = ReasonForm(request.POST or None, prefix="erase")
    if request.method == "POST" and request.POST.get("erase-reason") is not None:
        if erase.is_valid():
            actions.erase_person(
                item, actor=request.user, reason=erase.cleaned_data["reason"], request=request
            )
            messages.success(request, _("The person's details have been erased."))
            return redirect("privacy:subjects")
    elif request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reason = data.pop("reason")
        data["birth_date"] = data["birth_date"].isoformat() if data["birth_date"] else ""
        actions.correct_person(item, data, actor=request.user, reason=reason, request=request)
        messages.success(request, _("The person's details have been corrected."))
        return redirect("privacy:person", reference=reference, pk=pk)
    return render(
        request,
        "privacy/person.html",
        {"report": report, "person": item, "form": form, "erase_form": erase},
        status=400 if request.method == "POST" else 200,
    )


@rule("privacy.manage", methods=("GET", "POST"))
def reporter(request, reference):
    report = _report(request, reference)
    initial = {
        "reporter_name": report.reporter_name,
        "reporter_phone": report.reporter_phone,
        "reporter_email": report.reporter_email,
    }
    form = ReporterCorrectionForm(request.POST or None, initial=initial)
    erase = ReasonForm(request.POST or None, prefix="erase")
    if request.method == "POST" and request.POST.get("erase-reason") is not None:
        if erase.is_valid():
            actions.erase_reporter(
                report, actor=request.user, reason=erase.cleaned_data["reason"], request=request
            )
            messages.success(request, _("The reporter's contact details have been erased."))
            return redirect("privacy:subjects")
    elif request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        reason = data.pop("reason")
        actions.correct_reporter(report, data, actor=request.user, reason=reason, request=request)
        messages.success(request, _("The reporter's contact details have been corrected."))
        return redirect("privacy:reporter", reference=reference)
    return render(
        request,
        "privacy/reporter.html",
        {"report": report, "form": form, "erase_form": erase},
        status=400 if request.method == "POST" else 200,
    )


@rule("privacy.manage", methods=("GET", "POST"))
def legal_hold(request, reference):
    report = _report(request, reference)
    form = LegalHoldForm(request.POST or None, initial={"hold": report.legal_hold})
    if request.method == "POST" and form.is_valid():
        actions.set_legal_hold(
            report,
            form.cleaned_data["hold"],
            actor=request.user,
            reason=form.cleaned_data["reason"],
            request=request,
        )
        messages.success(request, _("The legal hold has been changed."))
        return redirect("privacy:access_log", reference=reference)
    return render(
        request,
        "privacy/legal_hold.html",
        {"report": report, "form": form},
        status=400 if form.errors else 200,
    )


@rule("reports.access_log")
def access_log(request, reference):
    """Who saw or changed what of one report, and when: for the privacy officer and for the
    report's case owner."""
    from reports.models import Report

    report = report_actions.open_report(
        reference,
        actor=request.user,
        request=request,
        rule="reports.access_log",
        queryset=Report.objects.all(),
        event=Event.ACCESS_LOG_VIEWED,
    )
    events = (
        AuditEvent.objects.filter(object_type="reports.report", object_id=str(report.pk))
        .select_related("actor", "organisation")
        .order_by("-id")
    )
    return render(
        request,
        "privacy/access_log.html",
        {
            "report": report,
            "events": events[:500],
            "may_manage": access.can(request.user, "privacy.manage"),
        },
    )


@rule("audit.view_log")
def export_audit_log(request):
    """The audit log as CSV (optionally from/to a date), itself an audited act."""
    from django import forms

    class Period(forms.Form):
        start = forms.DateField(required=False)
        end = forms.DateField(required=False)

    period = Period(request.GET)
    events = access.audit_events_for(request.user).select_related("actor", "organisation")
    if period.is_valid():
        if period.cleaned_data["start"]:
            events = events.filter(created_at__date__gte=period.cleaned_data["start"])
        if period.cleaned_data["end"]:
            events = events.filter(created_at__date__lte=period.cleaned_data["end"])
    actions.record_audit_export(request.GET.dict(), actor=request.user, request=request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="auditlog.csv"'
    writer = exports.csv_writer(response)
    writer.writerow(
        [
            "id",
            "time",
            "actor",
            "organisation",
            "action",
            "object_type",
            "object_id",
            "reason",
            "details",
            "previous_hash",
            "hash",
        ]
    )
    for event in events.order_by("id").iterator(chunk_size=2000):
        writer.writerow(
            [
                event.pk,
                event.created_at.isoformat(),
                event.actor.email if event.actor else "",
                event.organisation.name if event.organisation else "",
                event.action,
                event.object_type,
                event.object_id,
                event.reason,
                event.details,
                event.previous_hash,
                event.hash,
            ]
        )
    return response
