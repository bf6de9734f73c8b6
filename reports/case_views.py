"""The reporting point at work: work lists, the case screen (triage, status, persons, linked
reports, referrals, notes, messages, timeline) and the case summary for a case meeting."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Count, IntegerField, Q, Value, When
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import access
from accounts.access import rule
from core import crypto
from core.reversing import row_urls
from indicators.exploitation import ExploitationForm
from indicators.models import Indicator, PremisesType, Sector
from indicators.scoring import assess, signals_from_snapshot

from . import actions, languages, matching
from .case_forms import (
    LinkForm,
    NoteForm,
    PersonForm,
    ReasonForm,
    ReferralForm,
    StatusForm,
    TriageForm,
    WorklistForm,
    share_form_for,
)
from .forms import InboxFilterForm, StaffMessageForm
from .models import (
    OPEN_STATUSES,
    UNDECIDED_STATUSES,
    Answer,
    Attachment,
    Author,
    MatchKey,
    MatchKind,
    Message,
    ReferenceCounter,
    ReportLink,
)
from .summary import case_summary_pdf
from .timeline import timeline, timeline_html

PAGE_SIZE = 50


# --- work lists ----------------------------------------------------------------------------------


def _filtered(request, reports):
    inbox_form = InboxFilterForm(request.GET or None)
    work_form = WorklistForm(request.GET or None)
    if not request.GET:
        return reports, inbox_form, work_form, True
    valid = inbox_form.is_valid() & work_form.is_valid()
    if not valid:
        return reports.none(), inbox_form, work_form, False
    data = {**inbox_form.cleaned_data, **work_form.cleaned_data}
    # Bounds in local time on the indexed column (no per-row date conversion).
    if data["received_from"]:
        reports = reports.filter(created_at__gte=_local_midnight(data["received_from"]))
    if data["received_to"]:
        end = _local_midnight(data["received_to"] + timedelta(days=1))
        reports = reports.filter(created_at__lt=end)
    for name in ("kind", "status", "language", "priority"):
        if data[name]:
            reports = reports.filter(**{name: data[name]})
    if data["municipality"]:
        reports = reports.filter(municipality=data["municipality"])
    if data["acute"]:
        reports = reports.filter(acute_danger=Answer.YES)
    if data["minor"]:
        reports = reports.filter(minor_involved=True)
    if data["open"]:
        reports = reports.open()
    if data["overdue"]:
        reports = reports.overdue()
    if data["unread"]:
        reports = reports.filter(
            pk__in=Message.objects.filter(author=Author.REPORTER, read_at__isnull=True).values(
                "report_id"
            )
        )
    if data["assigned"] == "me":
        reports = reports.filter(assigned_to=request.user)
    elif data["assigned"] == "nobody":
        reports = reports.filter(assigned_to__isnull=True)
    if data["primary_form"] == "none":
        reports = reports.filter(primary_form="")
    elif data["primary_form"]:
        reports = reports.filter(primary_form=data["primary_form"])
    if data["q"]:
        reports = reports.filter(_search(data["q"]))
    return reports, inbox_form, work_form, True


def _local_midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))


def _search(text):
    """Reference, KvK number or company name (found through its keyed hash: exact after
    normalisation, since names are stored encrypted). Every branch uses an index: a full
    reference, the number of a reference ("123" finds MH-2026-000123 of every year and prefix),
    a KvK number, or the ids of reports whose company key matches."""
    text = text.strip()
    references = [text.upper()]
    if text.isdigit() and len(text) <= 6:
        references += [
            f"{prefix}-{year}-{int(text):06d}"
            for prefix, year in ReferenceCounter.objects.values_list("prefix", "year")
        ]
    condition = Q(reference__in=references)
    if text.isdigit() and len(text) == 8:
        condition |= Q(kvk_number=text)
    company = matching.normalise_company(text)
    if company:
        digest = crypto.blind_index(company, "company")
        ids = list(
            MatchKey.objects.filter(kind=MatchKind.COMPANY, digest=digest).values_list(
                "report_id", flat=True
            )[:1000]
        )
        if ids:
            condition |= Q(pk__in=ids)
    return condition


LIST_FIELDS = (
    "reference",
    "kind",
    "created_at",
    "status",
    "deadline",
    "priority",
    "acute_danger",
    "minor_involved",
    "language",
    "triaged",
    "municipality__name",
    "assigned_to__full_name",
)


def _with_counts(reports):
    """Attachments and unread messages for the reports of one page: two queries, whatever the
    page size (and nothing per row, nothing over the whole list)."""
    ids = [report.pk for report in reports]
    attachments = dict(
        Attachment.objects.filter(report_id__in=ids)
        .values("report_id")
        .annotate(n=Count("id"))
        .values_list("report_id", "n")
    )
    unread = dict(
        Message.objects.filter(report_id__in=ids, author=Author.REPORTER, read_at__isnull=True)
        .values("report_id")
        .annotate(n=Count("id"))
        .values_list("report_id", "n")
    )
    for report in reports:
        report.attachment_count = attachments.get(report.pk, 0)
        report.unread = unread.get(report.pk, 0)
    return reports


class UrgencyOrder:
    """The work list in order of urgency: open reports with someone in acute danger, then those
    past their deadline, then open ones with a minor involved, then the other open ones (each by
    deadline, then date received), then the closed ones, newest first.

    Two parts, so that nothing sorts the whole table: the open reports (a few thousand at most,
    found through the status index) sorted by a CASE on the tiers above, and the closed ones
    read newest first along the created_at index. Per page: two counts and one or two slices of
    ids, whatever the page size. Paginator asks count() and slices."""

    def __init__(self, reports, today):
        acute = Q(acute_danger=Answer.YES)
        overdue = Q(status__in=UNDECIDED_STATUSES, deadline__lt=today)
        minor = Q(minor_involved=True)
        self.reports = reports
        self.open = (
            reports.filter(status__in=OPEN_STATUSES)
            .annotate(
                tier=Case(
                    When(acute, then=Value(0)),
                    When(overdue, then=Value(1)),
                    When(minor, then=Value(2)),
                    default=Value(3),
                    output_field=IntegerField(),
                )
            )
            .order_by("tier", "deadline", "created_at", "id")
        )
        self.closed = reports.exclude(status__in=OPEN_STATUSES).order_by("-created_at", "-id")
        self._sizes = None

    def sizes(self):
        if self._sizes is None:
            total = self.reports.count()
            open_count = self.reports.filter(status__in=OPEN_STATUSES).count()
            self._sizes = (open_count, total - open_count)
        return self._sizes

    def count(self):
        return sum(self.sizes())

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        start, stop = window.start or 0, window.stop
        open_count, closed_count = self.sizes()
        ids = []
        if start < open_count:
            ids += self.open.values_list("pk", flat=True)[start : min(stop, open_count)]
        if stop > open_count and closed_count:
            ids += self.closed.values_list("pk", flat=True)[
                max(start - open_count, 0) : stop - open_count
            ]
        return ids


@rule("reports.handle")
def inbox(request):
    reports, inbox_form, work_form, valid = _filtered(request, access.reports_for(request.user))
    order = request.GET.get("sort", "")
    today = timezone.localdate()
    if order == "deadline":
        ordered = reports.order_by("deadline", "created_at").values_list("pk", flat=True)
    elif order == "newest":
        ordered = reports.order_by("-created_at").values_list("pk", flat=True)
    else:
        order = ""
        ordered = UrgencyOrder(reports, today)
    # Ids first: the count and the page's ids come from the indexes alone (a deep page skips
    # thousands of index entries, not thousands of joined rows), then the page's rows by id.
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    ids = list(page.object_list)
    # Encrypted fields stay out of the list: nothing to decrypt but what the table shows.
    rows = (
        access.reports_for(request.user)
        .filter(pk__in=ids)
        .select_related("municipality", "assigned_to")
        .only(*LIST_FIELDS)
        .order_by()
        .in_bulk()
    )
    page.object_list = _with_counts([rows[pk] for pk in ids if pk in rows])
    detail_url = row_urls("reports:detail")
    for report in page.object_list:
        report.url = detail_url(report.reference)
    query = request.GET.copy()
    query.pop("page", None)
    folded = [field for field in (*work_form, *inbox_form) if field.name not in BAR_FILTERS]
    return render(
        request,
        "reports/inbox.html",
        {
            "form": inbox_form,
            "work_form": work_form,
            "filter_forms": [work_form, inbox_form],
            "folded_filters": folded,
            "filters_open": any(
                field.errors or (field.data not in (None, "", False)) for field in folded
            ),
            "page": page,
            "querystring": query.urlencode(),
            "today": today,
            "sort": order,
        },
        status=200 if valid else 400,
    )


# The search field and the order stay in the compact bar above the list; the other filters fold.
BAR_FILTERS = {"q"}


# --- the case screen -----------------------------------------------------------------------------


def _staff_report(request, reference):
    """Every staff screen gets its report here, and so writes its read event (any method, any
    status, error re-renders included)."""
    return actions.open_report(
        reference,
        actor=request.user,
        request=request,
        queryset=access.reports_for(request.user).select_related(
            "municipality", "reporter_organisation", "catalogue_version", "assigned_to"
        ),
    )


@dataclass(slots=True)
class Suggested:
    """A report suggested to link (rows, not model instances: a large case has 200 of them)."""

    pk: int
    reference: str
    created_at: datetime
    url: str = ""


def _suggestions(report):
    """Other reports sharing an address, business, phone or person, with a pattern line."""
    keys = list(report.match_keys.all())
    if not keys:
        return []
    others = (
        MatchKey.objects.filter(
            Q(*[Q(kind=k.kind, digest=k.digest) for k in keys], _connector=Q.OR)
        )
        .exclude(report=report)
        .order_by("-report__created_at")
        .values_list("kind", "report_id", "report__reference", "report__created_at")
    )
    year_ago = timezone.now() - timedelta(days=365)
    result = {}
    for kind, pk, reference, created_at in others[:200]:
        entry = result.setdefault(kind, {"kind": kind, "reports": {}, "recent": 0})
        if pk not in entry["reports"]:
            entry["reports"][pk] = Suggested(pk, reference, created_at)
            if created_at >= year_ago:
                entry["recent"] += 1
    labels = dict(MatchKind.choices)
    lines = []
    for entry in result.values():
        count = entry["recent"] + (1 if report.created_at >= year_ago else 0)
        lines.append(
            {
                "kind": entry["kind"],
                "label": labels[entry["kind"]],
                "reports": list(entry["reports"].values()),
                "pattern": _("%(count)s reports about this %(what)s in the past 12 months")
                % {"count": count, "what": labels[entry["kind"]]},
            }
        )
    return lines


def _link_rows(report):
    """The links of a report with the other side's reference, status and date (for the list)
    and who made them when (for the timeline): one query for both."""
    brief = ("reference", "status", "created_at")
    return list(
        ReportLink.objects.filter(Q(first=report) | Q(second=report))
        .select_related("first", "second", "created_by")
        .only(
            "created_at",
            "created_by__full_name",
            *[f"{side}__{name}" for side in ("first", "second") for name in brief],
        )
    )


def _linked(report, rows):
    return [row.second if row.first_id == report.pk else row.first for row in rows]


def _assessment(report, premises):
    codes = report.confirmed_indicators if report.triaged else report.indicators
    signals = (
        signals_from_snapshot(report.catalogue_version.snapshot)
        if report.catalogue_version
        else None
    )
    return assess(codes, minor=report.minor_involved, premises=premises, signals=signals)


REFERRAL_FIELDS = (
    "report",
    "share_contact",
    "state",
    "sent_at",
    "answered_at",
    "decline_reason",
    "completed_at",
    "outcome",
    "revoked_at",
    "revoke_reason",
    "organisation__name",
    "legal_basis__name",
    "sent_by__full_name",
    "answered_by__full_name",
)
NOTE_FIELDS = ("report", "at", "body", "author__full_name")


def _case(request, report, *, status=200, show_contact=False, **forms):
    indicator_codes = set(report.indicators) | set(report.confirmed_indicators)
    # One query, with or without signals on the report: the report's signals (an inactive one
    # included) and the active ones that the triage form offers, in the catalogue's order.
    catalogue = list(
        Indicator.objects.filter(Q(active=True) | Q(code__in=indicator_codes))
        .order_by("domain", "code")
        .only("code", "text_nl", "domain", "strength", "active")
    )
    indicators = {i.code: i for i in catalogue}
    offered = [(i.code, i.text_nl) for i in catalogue if i.active]
    link_rows = _link_rows(report)
    linked = _linked(report, link_rows)
    linked_ids = {r.pk for r in linked}
    suggestions = _suggestions(report)
    for line in suggestions:
        # The pattern line counts them all; the screen offers the ten newest to link.
        line["reports"] = [r for r in line["reports"] if r.pk not in linked_ids][:10]
    premises = PremisesType.objects.filter(code=report.premises_type).first()
    # Read once, shown in their own parts of the screen and in the timeline.
    thread = list(report.messages.select_related("staff_member"))
    attachments = list(report.attachments.all())
    # Only what the screen and the timeline show: the summary and the reason for sharing contact
    # details stay encrypted in the database (two decryptions less per referral), the e-mail of
    # a person too (it is not on the screen).
    referrals = list(
        report.referrals.select_related(
            "organisation", "legal_basis", "sent_by", "answered_by"
        ).only(*REFERRAL_FIELDS)
    )
    notes = list(report.notes.select_related("author").only(*NOTE_FIELDS))
    persons = list(report.persons.defer("email"))
    _add_row_urls(report, attachments, persons, suggestions, linked, referrals)
    context = {
        "report": report,
        "indicators": [indicators[c] for c in report.indicators if c in indicators],
        "confirmed": [indicators[c] for c in report.confirmed_indicators if c in indicators],
        "assessment": _assessment(report, premises),
        "premises": premises,
        "sector": Sector.objects.filter(code=report.sector).first(),
        "primary_form_label": ExploitationForm(report.primary_form).label
        if report.primary_form
        else "",
        "other_form_labels": [ExploitationForm(f).label for f in report.other_forms],
        "show_contact": show_contact,
        "thread": thread,
        "attachments": attachments,
        "persons": persons,
        "linked": linked,
        "suggestions": [line for line in suggestions if line["reports"]],
        "referrals": referrals,
        "notes": notes,
        "timeline": timeline_html(
            timeline(
                report,
                notes=notes,
                messages=thread,
                attachments=attachments,
                referrals=referrals,
                links=link_rows,
            )
        ),
        "language_name": dict(languages.REPORT_LANGUAGES).get(report.language, report.language),
        "today": timezone.localdate(),
        "triage_form": forms.get("triage_form")
        or TriageForm.for_report(report, indicators=offered),
        "status_form": forms.get("status_form") or StatusForm(report=report),
        "person_form": forms.get("person_form") or PersonForm(),
        "link_form": forms.get("link_form") or LinkForm(user=request.user),
        "note_form": forms.get("note_form") or NoteForm(),
        "form": forms.get("message_form") or StaffMessageForm(),
    }
    response = render(request, "reports/detail.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _add_row_urls(report, attachments, persons, suggestions, linked, referrals):
    """The URLs of the case screen's rows, one reverse() per kind of row (core.reversing)."""
    reference = report.reference
    attachment_url = row_urls("reports:attachment", reference, number=True)
    for item in attachments:
        item.url = attachment_url(item.pk)
    remove_url = row_urls("reports:remove_person", reference, number=True)
    for person in persons:
        person.remove_url = remove_url(person.pk)
    detail_url = row_urls("reports:detail")
    for line in suggestions:
        for other in line["reports"]:
            other.url = detail_url(other.reference)
    unlink_url = row_urls("reports:unlink", reference)
    for other in linked:
        other.url = detail_url(other.reference)
        other.unlink_url = unlink_url(other.reference)
    share_url = row_urls("reports:share_referral_items", reference, number=True)
    revoke_url = row_urls("reports:revoke_referral", reference, number=True)
    for referral in referrals:
        referral.share_url = share_url(referral.pk)
        referral.revoke_url = revoke_url(referral.pk)


def _back(reference, anchor=""):
    return redirect(reverse("reports:detail", kwargs={"reference": reference}) + anchor)


@rule("reports.handle")
def detail(request, reference):
    report = _staff_report(request, reference)
    actions.mark_read_by_staff(report)
    return _case(request, report)


@rule("reports.handle", methods=("POST",))
def reveal_contact(request, reference):
    if request.method != "POST":
        return _back(reference)
    report = _staff_report(request, reference)
    actions.reveal_contact(report, actor=request.user, request=request)
    return _case(request, report, show_contact=True)


@rule("reports.handle", methods=("POST",))
def staff_message(request, reference):
    if request.method != "POST":
        return _back(reference)
    report = _staff_report(request, reference)
    form = StaffMessageForm(request.POST)
    if not form.is_valid():
        return _case(request, report, message_form=form, status=400)
    if not (report.has_mailbox or report.submitted_by_id):
        form.add_error(None, _("This reporter has no mailbox: a message cannot reach them."))
        return _case(request, report, message_form=form, status=400)
    actions.send_staff_message(
        report, form.cleaned_data["body"], actor=request.user, request=request
    )
    messages.success(
        request,
        _("Your message has been placed in the reporter's mailbox."),
        extra_tags="feedback-berichten",
    )
    return _back(reference, "#berichten")


@rule("reports.handle")
def attachment(request, reference, pk):
    report = _staff_report(request, reference)
    item = report.attachments.filter(pk=pk, state=Attachment.State.STORED).first()
    if item is None:
        raise Http404
    return attachment_response(
        report, item, actions.read_attachment(item, actor=request.user, request=request)
    )


def attachment_response(report, item, data):
    extension = {"image/jpeg": "jpg", "image/png": "png", "application/pdf": "pdf"}.get(
        item.content_type, "bin"
    )
    response = HttpResponse(data, content_type=item.content_type or "application/octet-stream")
    response["Content-Disposition"] = (
        f'attachment; filename="{report.reference}-{item.pk}.{extension}"'
    )
    response["Cache-Control"] = "no-store"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response


def _post_only(view):
    def wrapped(request, reference, *args, **kwargs):
        if request.method != "POST":
            return _back(reference)
        return view(request, _staff_report(request, reference), *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


@rule("reports.handle", methods=("POST",))
@_post_only
def triage(request, report):
    form = TriageForm.for_report(report, request.POST)
    if not form.is_valid():
        return _case(request, report, triage_form=form, status=400)
    data = form.cleaned_data
    actions.save_triage(
        report,
        actor=request.user,
        primary_form=data["primary_form"],
        secondary_forms=data["secondary_forms"],
        indicator_codes=data["indicators"],
        priority=data["priority"],
        assigned_to=data["assigned_to"],
        request=request,
    )
    messages.success(request, _("The triage has been saved."), extra_tags="feedback-triage")
    return _back(report.reference, "#triage")


@rule("reports.handle", methods=("POST",))
@_post_only
def change_status(request, report):
    form = StatusForm(request.POST, report=report)
    if form.is_valid():
        try:
            actions.change_status(
                report,
                form.cleaned_data["to_status"],
                actor=request.user,
                reason=form.cleaned_data["reason"],
                outcome=form.cleaned_data["outcome"],
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The status has been changed."), extra_tags="feedback-status"
            )
            return _back(report.reference, "#status")
    return _case(request, report, status_form=form, status=400)


@rule("reports.handle", methods=("POST",))
@_post_only
def add_person(request, report):
    form = PersonForm(request.POST)
    if not form.is_valid():
        return _case(request, report, person_form=form, status=400)
    actions.add_person(report, actor=request.user, request=request, **form.person_fields())
    messages.success(request, _("The person has been recorded."), extra_tags="feedback-persons")
    return _back(report.reference, "#persons")


@rule("reports.handle", methods=("POST",))
@_post_only
def remove_person(request, report, pk):
    person = report.persons.filter(pk=pk).first()
    if person is None:
        raise Http404
    actions.remove_person(person, actor=request.user, request=request)
    messages.success(request, _("The person has been removed."), extra_tags="feedback-persons")
    return _back(report.reference, "#persons")


@rule("reports.handle", methods=("POST",))
@_post_only
def link(request, report):
    form = LinkForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            actions.link(
                report,
                form.other,
                actor=request.user,
                reason=form.cleaned_data["reason"],
                request=request,
            )
        except ValidationError as error:
            form.add_error("reference", error)
        else:
            messages.success(
                request, _("The reports have been linked."), extra_tags="feedback-links"
            )
            return _back(report.reference, "#links")
    return _case(request, report, link_form=form, status=400)


@rule("reports.handle", methods=("POST",))
@_post_only
def unlink(request, report, other):
    other_report = access.reports_for(request.user).filter(reference=other).first()
    if other_report is None:
        raise Http404
    actions.unlink(report, other_report, actor=request.user, request=request)
    messages.success(request, _("The link has been removed."), extra_tags="feedback-links")
    return _back(report.reference, "#links")


@rule("reports.handle", methods=("POST",))
@_post_only
def add_note(request, report):
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _case(request, report, note_form=form, status=400)
    actions.add_note(report, form.cleaned_data["body"], actor=request.user, request=request)
    messages.success(request, _("The note has been saved."), extra_tags="feedback-notes")
    return _back(report.reference, "#notes")


@rule("reports.handle", methods=("GET", "POST"))
def refer(request, reference):
    report = _staff_report(request, reference)
    form = ReferralForm(request.POST if request.method == "POST" else None, report=report)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.refer(report, actor=request.user, request=request, **data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("The referral has been sent to %(partner)s.") % {"partner": data["organisation"]},
                extra_tags="feedback-referrals",
            )
            return _back(report.reference, "#referrals")
    return render(
        request,
        "reports/refer.html",
        {"report": report, "form": form},
        status=400 if form.errors else 200,
    )


@rule("reports.handle", methods=("GET", "POST"))
def share_referral_items(request, reference, pk):
    """Staff share persons or attachments with the partner of an active referral: the only way
    anything added to a report after the referral reaches the partner."""
    report = _staff_report(request, reference)
    referral = report.referrals.select_related("organisation").filter(pk=pk).first()
    if referral is None:
        raise Http404
    form = share_form_for(
        referral,
        report.persons.all(),
        report.attachments.filter(state=Attachment.State.STORED),
        list(referral.items.all()),
        request.POST if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.share_items(
                referral,
                persons=form.cleaned_data.get("persons", []),
                attachments=form.cleaned_data.get("attachments", []),
                actor=request.user,
                request=request,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Shared with %(partner)s.") % {"partner": referral.organisation.name},
                extra_tags="feedback-referrals",
            )
            return _back(report.reference, "#referrals")
    return render(
        request,
        "reports/share_items.html",
        {"report": report, "referral": referral, "form": form},
        status=400 if form.errors else 200,
    )


@rule("reports.handle", methods=("GET", "POST"))
def revoke_referral(request, reference, pk):
    report = _staff_report(request, reference)
    referral = report.referrals.filter(pk=pk).first()
    if referral is None:
        raise Http404
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.revoke(
                referral, form.cleaned_data["reason"], actor=request.user, request=request
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The referral has been revoked."), extra_tags="feedback-referrals"
            )
            return _back(report.reference, "#referrals")
    return render(
        request,
        "reports/revoke.html",
        {"report": report, "referral": referral, "form": form},
        status=400 if form.errors else 200,
    )


@rule("reports.handle")
def summary(request, reference):
    """The case summary for a case meeting: the whole case, for the reporting point."""
    report = _staff_report(request, reference)
    # Contact details stay out: they are shown only on request, on the case screen.
    context = _summary_context(report, parts={"summary", "persons", "attachments"})
    if request.GET.get("format") == "pdf":
        return _pdf(report, context)
    return render(request, "reports/summary.html", context)


def _summary_context(report, parts, referral=None, user=None):
    """What a summary shows: for the reporting point (no referral) the parts asked for; for a
    partner's case worker (`user`) only what access.shared_* give them for the referral."""
    indicators = Indicator.objects.filter(
        code__in=report.confirmed_indicators or report.indicators
    ).order_by("code")
    if referral is not None:
        persons = list(access.shared_persons(user, referral))
        attachments = list(access.shared_attachments(user, referral))
    else:
        persons = report.persons.all() if "persons" in parts else []
        attachments = (
            report.attachments.filter(state=Attachment.State.STORED)
            if "attachments" in parts
            else []
        )
    return {
        "report": report,
        "referral": referral,
        "parts": parts,
        "staff": referral is None,
        "indicators": indicators,
        "primary_form_label": ExploitationForm(report.primary_form).label
        if report.primary_form
        else _("Not determined"),
        "persons": persons,
        "attachments": attachments,
        "referrals": report.referrals.select_related("organisation") if referral is None else [],
    }


def _pdf(report, context):
    response = HttpResponse(case_summary_pdf(context), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="casus-{report.reference}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


# --- partners ----------------------------------------------------------------------------------


def _partner_referral(request, pk, what="referral"):
    """Every partner screen gets its referral here, and so writes its read event (any method,
    any status, error re-renders included)."""
    return actions.open_referral(
        pk,
        actor=request.user,
        request=request,
        what=what,
        queryset=access.referrals_for(request.user).select_related(
            "report", "report__municipality", "organisation", "legal_basis"
        ),
    )


@rule("referrals.work")
def partner_list(request):
    referrals = access.referrals_for(request.user).select_related(
        "report", "report__municipality", "organisation"
    )
    page = Paginator(referrals.order_by("-sent_at"), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reports/partner_list.html", {"page": page})


@rule("referrals.work")
def partner_detail(request, pk):
    referral = _partner_referral(request, pk)
    return _partner_page(request, referral)


def _partner_page(request, referral, *, decline_form=None, outcome_form=None, status=200):
    from .case_forms import OutcomeForm

    parts = access.shared_parts(request.user, referral)
    context = _summary_context(referral.report, parts, referral=referral, user=request.user)
    context.update(
        decline_form=decline_form or ReasonForm(prefix="decline"),
        outcome_form=outcome_form or OutcomeForm(prefix="outcome"),
    )
    response = render(request, "reports/partner_detail.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


@rule("referrals.work", methods=("POST",))
def partner_answer(request, pk, answer):
    from .case_forms import OutcomeForm

    if request.method != "POST":
        return redirect("reports:partner_detail", pk=pk)
    referral = _partner_referral(request, pk)
    decline_form = outcome_form = None
    try:
        if answer == "accept":
            actions.accept(referral, actor=request.user, request=request)
            messages.success(request, _("You accepted the referral."))
        elif answer == "decline":
            decline_form = ReasonForm(request.POST, prefix="decline")
            if not decline_form.is_valid():
                return _partner_page(request, referral, decline_form=decline_form, status=400)
            actions.decline(
                referral, decline_form.cleaned_data["reason"], actor=request.user, request=request
            )
            messages.success(request, _("You declined the referral."))
            return redirect("reports:partner_list")
        elif answer == "complete":
            outcome_form = OutcomeForm(request.POST, prefix="outcome")
            if not outcome_form.is_valid():
                return _partner_page(request, referral, outcome_form=outcome_form, status=400)
            actions.complete(
                referral, outcome_form.cleaned_data["outcome"], actor=request.user, request=request
            )
            messages.success(request, _("The outcome has been sent to the reporting point."))
            return redirect("reports:partner_list")
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("reports:partner_detail", pk=pk)


@rule("referrals.work")
def partner_attachment(request, pk, attachment_pk):
    # Only an attachment shared with this referral (404 for any other, also of the same report).
    referral, item, data = actions.open_referral_attachment(
        pk,
        attachment_pk,
        actor=request.user,
        request=request,
        queryset=access.referrals_for(request.user).select_related("report"),
    )
    return attachment_response(referral.report, item, data)


@rule("referrals.work")
def partner_summary_pdf(request, pk):
    referral = _partner_referral(request, pk, what="summary_pdf")
    parts = access.shared_parts(request.user, referral)
    return _pdf(
        referral.report,
        _summary_context(referral.report, parts, referral=referral, user=request.user),
    )
