"""Melden: the public and professional report form, advice requests, the confirmation, the
anonymous mailbox, 'my reports' for professionals, and the reporting point's inbox."""

import logging
import uuid
from datetime import date
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.db import DatabaseError, transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from accounts import access
from accounts.access import PUBLIC, SIGNED_IN, rule
from core.dates import local_date
from indicators.exploitation import join_codes
from indicators.models import Domain, Indicator, PremisesType

from . import actions, languages, throttle
from .draft import DRAFT_HOURS, STEPS, BadDraft, Draft, DraftExpired
from .forms import (
    STEP_FORMS,
    AdviceForm,
    MailboxSignInForm,
    MessageForm,
    ProfessionalYouForm,
    SendForm,
    YouForm,
    keep_the_start,
)
from .models import AgeGroup, Answer, Attachment, Author, Channel, Kind, Report, ReporterType

logger = logging.getLogger(__name__)

RECEIVED_SALT = "reports.received"
RECEIVED_SECONDS = 60 * 60


def _organisations(user):
    return sorted({m.organisation for m in access.memberships(user)}, key=lambda o: o.name)


# --- the report form -----------------------------------------------------------------------------


def _step_form(step, draft, request, data=None, files=None):
    if step == "check":
        return SendForm(data, files, mailbox=draft.channel == Channel.PUBLIC)
    if step == "you" and draft.channel == Channel.PROFESSIONAL:
        initial = {"reporter_function": request.user.function}
        return ProfessionalYouForm(
            data,
            organisations=_organisations(request.user),
            language=draft.language,
            initial=initial,
        )
    return STEP_FORMS[step](data, language=draft.language)


def _stored_form(step, draft, request):
    """The form of `step` bound to what was typed before (for validating), unbound if the step
    was not visited."""
    if draft.has(step):
        return _step_form(step, draft, request, data=draft.bound(step))
    return _step_form(step, draft, request)


def _shown_form(step, draft, request):
    """The form of `step` to show: filled in with what was typed before, but not judged — errors
    appear only after the reporter pressed "Next" on it."""
    if step == "check" or not draft.has(step):
        return _stored_form(step, draft, request)
    form = _step_form(step, draft, request)
    typed = draft.data[step]
    for name, field in form.fields.items():
        if name in typed:
            values = typed[name]
            multiple = getattr(field.widget, "allow_multiple_selected", False)
            form.initial[name] = values if multiple else (values[0] if values else "")
    return form


def _from_guide(query):
    """Start values when the reporter comes from 'Wat zie je?' with signals ticked."""
    codes = set(query.getlist("s")) & set(
        Indicator.objects.filter(active=True).values_list("code", flat=True)
    )
    data = {}
    if codes or query.get("acute"):
        data["what"] = {
            "description": [""],
            "acute_danger": [Answer.YES if query.get("acute") else Answer.UNKNOWN],
            "indicators": sorted(codes),
        }
    premises = query.get("premises", "")
    if query.get("minor") or premises:
        data["who"] = {"age_group": [AgeGroup.MINOR if query.get("minor") else AgeGroup.UNKNOWN]}
        if premises and PremisesType.objects.filter(code=premises).exists():
            data["where"] = {"premises_type": [premises]}
    return data


def _indicator_groups(form, language):
    catalogue = languages.catalogue_language(language)
    selected = set(form["indicators"].value() or [])
    indicators = Indicator.objects.filter(active=True).order_by("domain", "code")
    labels = dict(Domain.choices)
    return [
        {
            "label": labels.get(domain, domain),
            "open": any(i.code in selected for i in items),
            "items": [
                {
                    "code": i.code,
                    "text": i.text_for(catalogue),
                    "checked": i.code in selected,
                }
                for i in items
            ],
        }
        for domain, items in ((d, list(i)) for d, i in groupby(indicators, key=lambda i: i.domain))
    ]


def _display(form, name):
    field = form.fields[name]
    value = form.cleaned_data.get(name)
    if value in (None, "", [], False):
        return ""
    if value is True:
        return _("Yes")
    if isinstance(value, date):
        return local_date(value)
    if hasattr(field, "queryset"):
        return str(value)
    if getattr(field, "choices", None) and not isinstance(value, list):
        return str(dict(field.choices).get(value, value))
    return str(value)


def _summary(forms, draft):
    catalogue = languages.catalogue_language(draft.language)
    rows = []
    for step in STEPS[:-1]:
        form = forms[step]
        items = []
        for name, field in form.fields.items():
            if name == "indicators":
                continue
            shown = _display(form, name)
            if shown != "":
                item = {"label": field.label, "text": shown}
                if name == "premises_type" and catalogue != draft.language:
                    item["lang"] = catalogue
                items.append(item)
        if step == "what":
            codes = form.cleaned_data.get("indicators") or []
            texts = Indicator.objects.filter(code__in=codes).order_by("domain", "code")
            texts = [i.text_for(catalogue) for i in texts]
            items.append(
                {
                    "label": form.fields["indicators"].label,
                    "list": texts,
                    "text": "" if texts else _("None ticked"),
                    "lang": catalogue if texts and catalogue != draft.language else "",
                }
            )
        rows.append({"step": step, "title": form.title, "items": items})
    return rows


def _render_step(request, draft, step, form=None, *, status=200, notice=""):
    draft.step = step
    form = form if form is not None else _shown_form(step, draft, request)
    context = {
        "draft": draft,
        "token": draft.token(),
        "step": step,
        "steps": [(s, STEP_TITLES[s]) for s in STEPS],
        "number": STEPS.index(step) + 1,
        "total": len(STEPS),
        "form": form,
        "notice": notice,
        "languages": languages.REPORT_LANGUAGES,
        "catalogue_lang": languages.catalogue_language(draft.language),
        "acute": draft.data.get("what", {}).get("acute_danger") == [Answer.YES],
        "professional": draft.channel == Channel.PROFESSIONAL,
        "fresh": not draft.data,
        "draft_hours": DRAFT_HOURS,
    }
    if step == "what":
        context["indicator_groups"] = _indicator_groups(form, draft.language)
    if step == "check":
        forms = {s: _stored_form(s, draft, request) for s in STEPS[:-1]}
        if all(f.is_valid() for f in forms.values()):
            context["summary"] = _summary(forms, draft)
    response = render(request, "reports/step.html", context, status=status)
    response["Cache-Control"] = "no-store"
    return response


def _titles():
    from .forms import WhatForm, WhereForm, WhoForm

    return {
        "what": WhatForm.title,
        "where": WhereForm.title,
        "who": WhoForm.title,
        "you": YouForm.title,
        "check": SendForm.title,
    }


STEP_TITLES = _titles()


def _fields_for(forms, draft, user):
    what, where, who, you = (forms[s].cleaned_data for s in ("what", "where", "who", "you"))
    approximate_age = who.get("approximate_age")
    fields = {
        "description": what["description"],
        "acute_danger": what["acute_danger"],
        "indicator_codes": join_codes(what.get("indicators") or []),
        "municipality": where.get("municipality"),
        "street": where.get("street", ""),
        "house_number": where.get("house_number", ""),
        "postcode": where.get("postcode", ""),
        "place": where.get("place", ""),
        "premises_type": where.get("premises_type", ""),
        "occurred_on": where.get("occurred_on"),
        "occurred_period": where.get("occurred_period", ""),
        "victim_count": who.get("victim_count"),
        "age_group": who["age_group"],
        "approximate_age": approximate_age,
        "gender": who["gender"],
        "nationality": who.get("nationality", ""),
        "exploiters": who.get("exploiters", ""),
        "company_name": who.get("company_name", ""),
        "kvk_number": who.get("kvk_number", ""),
        "may_contact": you.get("may_contact", False),
        "reporter_phone": you.get("reporter_phone", ""),
    }
    if draft.channel == Channel.PROFESSIONAL:
        fields.update(
            reporter_type=ReporterType.PROFESSIONAL,
            reporter_name=user.full_name,
            reporter_email=user.email,
            reporter_function=you.get("reporter_function", ""),
            reporter_organisation=you["reporter_organisation"],
        )
    else:
        anonymous = you["identity"] == YouForm.ANONYMOUS
        fields.update(
            reporter_type=ReporterType.ANONYMOUS if anonymous else ReporterType.CITIZEN,
            reporter_name=you.get("reporter_name", ""),
            reporter_email=you.get("reporter_email", ""),
        )
    return fields


def _received_url(report, language):
    token = signing.dumps({"r": report.pk, "l": language}, salt=RECEIVED_SALT, compress=True)
    return reverse("reports:received", kwargs={"token": token})


def _unreachable(request, draft, *, status=503):
    """The database could not be reached: hand everything back, nothing is lost."""
    response = render(
        request,
        "reports/unreachable.html",
        {"token": draft.token(), "draft": draft, "form_url": request.path},
        status=status,
    )
    response["Cache-Control"] = "no-store"
    response["Retry-After"] = "60"
    return response


def _send(request, draft):
    """The reporter pressed Send on the last step."""
    forms = {s: _stored_form(s, draft, request) for s in STEPS[:-1]}
    for step, form in forms.items():
        if not form.is_valid():
            return _render_step(
                request, draft, step, form, notice=_("Please complete this step first.")
            )
    send_form = _step_form("check", draft, request, data=request.POST, files=request.FILES)
    if not send_form.is_valid():
        return _render_step(request, draft, "check", send_form)
    if send_form.cleaned_data["website"]:
        logger.info("report form: honeypot filled in, nothing stored")
        return render(request, "reports/thanks.html", status=200)
    user = request.user if draft.channel == Channel.PROFESSIONAL else None
    if user is None and throttle.throttled("report", request, settings.SIGNAAL_REPORTS_PER_HOUR):
        return _render_step(
            request,
            draft,
            "check",
            send_form,
            status=429,
            notice=_(
                "Many reports have been sent from this connection. Please try again in an "
                "hour, or call the reporting point."
            ),
        )
    submission = actions.submit_report(
        fields=_fields_for(forms, draft, user),
        kind=Kind.REPORT,
        channel=draft.channel,
        language=draft.language,
        idempotency_key=draft.key,
        actor=user,
        passphrase=send_form.cleaned_data.get("passphrase", "") if user is None else "",
        uploads=send_form.cleaned_data["attachments"],
        request=request,
    )
    return redirect(
        _received_url(submission.report, draft.language)
        + ("?failed=" + str(len(submission.failed_files)) if submission.failed_files else "")
    )


def _received_url_for_key(key, language):
    return _received_url(Report.objects.only("pk").get(idempotency_key=key), language)


def _expired(request, channel, language):
    """A draft older than DRAFT_HOURS: what it holds is not brought back (it may be a page left
    in a shared computer's history), the form starts over with a notice. Only the language is
    kept."""
    language = languages.choose(language)
    draft = Draft(kind=Kind.REPORT, channel=channel, language=language)
    with languages.speaking(request, language):
        try:
            return _render_step(
                request,
                draft,
                "what",
                status=400,
                notice=_(
                    "This form was open for more than %(hours)s hours without being sent. To "
                    "protect what you typed, it has been removed. Please start again."
                )
                % {"hours": DRAFT_HOURS},
            )
        except DatabaseError:
            logger.exception("report form: database unreachable")
            return _unreachable(request, draft)


def _report_form(request, channel):
    if request.method != "POST":
        language = languages.choose(request.GET.get("taal"))
        draft = Draft(kind=Kind.REPORT, channel=channel, language=language)
        with languages.speaking(request, language):
            try:
                draft.data.update(_from_guide(request.GET))
                return _render_step(request, draft, "what")
            except DatabaseError:
                logger.exception("report form: database unreachable")
                return _unreachable(request, draft)
    try:
        draft = Draft.from_token(request.POST.get("draft"))
        if draft.channel != channel:
            raise BadDraft
    except DraftExpired as expired:
        return _expired(request, channel, expired.language)
    except BadDraft:
        response = render(request, "reports/bad_draft.html", status=400)
        response["Cache-Control"] = "no-store"
        return response
    action = request.POST.get("action", "next")
    step = draft.step
    with languages.speaking(request, draft.language):
        try:
            if Report.objects.filter(idempotency_key=draft.key).exists():
                # Sent already (a double submit, a retry, or the page replayed from history):
                # the same report, never its content or its code again.
                return redirect(_received_url_for_key(draft.key, draft.language))
            if step == "check" and action == "send":
                return _send(request, draft)
            form = _step_form(step, draft, request, data=request.POST, files=request.FILES)
            if step != "check":
                draft.remember(step, form, request.POST)
            if action.startswith("lang:"):
                draft.language = languages.choose(action[5:], draft.language)
                with languages.speaking(request, draft.language):
                    return _render_step(request, draft, step)
            if action == "back":
                return _render_step(request, draft, STEPS[max(STEPS.index(step) - 1, 0)])
            if action.startswith("goto:") and action[5:] in STEPS[:-1]:
                return _render_step(request, draft, action[5:])
            if action == "next" and step != "check":
                if not form.is_valid():
                    keep_the_start(form)
                    return _render_step(request, draft, step, form)
                return _render_step(request, draft, STEPS[STEPS.index(step) + 1])
            return _render_step(request, draft, step)
        except DatabaseError:
            logger.exception("report form: database unreachable")
            return _unreachable(request, draft)


@never_cache
@rule(PUBLIC, methods=("GET", "POST"))
def report_form(request):
    return _report_form(request, Channel.PUBLIC)


@never_cache
@rule(SIGNED_IN, methods=("GET", "POST"))
def professional_report_form(request):
    return _report_form(request, Channel.PROFESSIONAL)


@never_cache
@rule(PUBLIC)
def received(request, token):
    try:
        payload = signing.loads(token, salt=RECEIVED_SALT, max_age=RECEIVED_SECONDS)
    except signing.BadSignature:
        raise Http404 from None
    language = languages.choose(payload.get("l") if isinstance(payload, dict) else None)
    try:
        with languages.speaking(request, language), transaction.atomic():
            report = Report.objects.get(pk=payload["r"])
            failed = list(report.attachments.filter(state=Attachment.State.FAILED))
            # The follow-up code is shown on the first view only: taken from the report in
            # this transaction and committed only once the page is rendered.
            return render(
                request,
                "reports/received.html",
                {
                    "report": report,
                    "code": actions.take_mailbox_code(report, request=request),
                    "has_mailbox": report.has_mailbox,
                    "failed": [a.original_name for a in failed],
                    "professional": report.channel == Channel.PROFESSIONAL,
                    # When to look in the mailbox: the reporting point's deadline for it.
                    "answer_by": local_date(report.deadline),
                },
            )
    except (Report.DoesNotExist, KeyError, TypeError):
        raise Http404 from None
    except DatabaseError:
        # The report is stored (this page comes after it was); only showing it has to wait.
        logger.exception("received page: database unreachable")
        with languages.speaking(request, language):
            response = HttpResponse(render_to_string("reports/received_later.html"), status=503)
        response["Retry-After"] = "60"
        return response


# --- advice requests ---------------------------------------------------------------------------


@never_cache
@rule(PUBLIC, methods=("GET", "POST"))
def advice_form(request):
    signed_in = access.is_verified(request.user)
    language = languages.catalogue_language(request.LANGUAGE_CODE)
    kwargs = {
        "signed_in": signed_in,
        "language": language,
        "organisations": _organisations(request.user) if signed_in else (),
        "initial": {"reporter_function": request.user.function} if signed_in else {},
    }
    form = AdviceForm(request.POST or None, **kwargs)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["website"]:
            return render(request, "reports/thanks.html")
        if not signed_in and throttle.throttled(
            "report", request, settings.SIGNAAL_REPORTS_PER_HOUR
        ):
            form.add_error(
                None, _("Many reports have been sent from this connection. Try again later.")
            )
            return render(request, "reports/advice.html", {"form": form}, status=429)
        fields = {
            "description": data["description"],
            "suspected_form": data["suspected_form"],
            "municipality": data["municipality"],
            "sector": data["sector"],
            "minor_involved": data["minor_involved"],
            "acute_danger": data["acute_danger"],
            "reporter_function": data.get("reporter_function", ""),
            "may_contact": True,
        }
        if signed_in:
            fields.update(
                reporter_type=ReporterType.PROFESSIONAL,
                reporter_name=request.user.full_name,
                reporter_email=request.user.email,
                reporter_organisation=data["reporter_organisation"],
            )
        else:
            fields.update(
                reporter_type=ReporterType.PROFESSIONAL,
                reporter_organisation_text=data["reporter_organisation_text"],
                reporter_email=data.get("reporter_email", ""),
            )
        try:
            submission = actions.submit_report(
                fields=fields,
                kind=Kind.ADVICE,
                channel=Channel.PROFESSIONAL if signed_in else Channel.PUBLIC,
                language=request.LANGUAGE_CODE,
                idempotency_key=_advice_key(request),
                actor=request.user if signed_in else None,
                passphrase=data.get("passphrase", ""),
                request=request,
            )
        except DatabaseError:
            logger.exception("advice form: database unreachable")
            form.add_error(None, UNREACHABLE)
            return render(
                request,
                "reports/advice.html",
                {"form": form, "key": request.POST.get("key")},
                status=503,
            )
        return redirect(_received_url(submission.report, request.LANGUAGE_CODE))
    key = _advice_key(request)
    if form.is_bound:
        keep_the_start(form)
    return render(
        request,
        "reports/advice.html",
        {"form": form, "key": key},
        status=400 if form.errors else 200,
    )


UNREACHABLE = gettext_lazy(
    "Your message could not be sent because the reporting point's system cannot be reached right "
    "now. Nothing you typed is lost: it is still on this page. Please try again in a few minutes."
)


def _advice_key(request):
    """The idempotency key the form carries; a missing or altered one starts a new key."""
    try:
        return str(uuid.UUID(request.POST.get("key", "")))
    except ValueError:
        return str(uuid.uuid4())


# --- the anonymous mailbox -----------------------------------------------------------------------

SIGN_IN_REFUSED = gettext_lazy(
    "This code and passphrase do not match. Check both and try again. After five wrong attempts "
    "the mailbox stays closed for up to 15 minutes, also for the right passphrase."
)


@never_cache
@rule(PUBLIC, methods=("GET", "POST"))
def mailbox_sign_in(request):
    language = languages.choose(request.GET.get("taal") or request.POST.get("taal"))
    with languages.speaking(request, language):
        form = MailboxSignInForm(request.POST or None)
        status = 200
        if request.method == "POST" and form.is_valid():
            if throttle.throttled("mailbox", request, settings.SIGNAAL_MAILBOX_ATTEMPTS_PER_HOUR):
                # Counted per address over every code: says nothing about any one code.
                form.add_error(None, _("Too many attempts. Please try again in an hour."))
                status = 429
            else:
                report = actions.mailbox_sign_in(
                    form.cleaned_data["code"], form.cleaned_data["passphrase"], request
                )
                if report is None:
                    # One answer for an unknown code, a wrong passphrase and a closed mailbox.
                    form.add_error(None, SIGN_IN_REFUSED)
                    status = 400
                else:
                    request.session.cycle_key()
                    request.session[access.MAILBOX_SESSION_KEY] = {
                        "report": report.pk,
                        "language": language,
                    }
                    return redirect("reports:mailbox")
        elif form.errors:
            status = 400
        return render(
            request,
            "reports/mailbox_sign_in.html",
            {"form": form, "language": language, "languages": languages.REPORT_LANGUAGES},
            status=status,
        )


@never_cache
@rule(PUBLIC, methods=("GET", "POST"))
def mailbox(request):
    report = actions.open_mailbox(request)
    if report is None:
        return redirect("reports:mailbox_sign_in")
    language = languages.choose(request.session[access.MAILBOX_SESSION_KEY].get("language"))
    with languages.speaking(request, language):
        form = MessageForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            _message, failed = actions.add_reporter_message(
                report,
                form.cleaned_data["body"],
                uploads=form.cleaned_data["attachments"],
                request=request,
            )
            _tell_failed(request, failed)
            messages.success(request, _("Your message has been sent to the reporting point."))
            return redirect("reports:mailbox")
        return render(
            request,
            "reports/mailbox.html",
            {
                "report": report,
                "thread": report.messages.all(),
                "form": form,
            },
            status=400 if form.errors else 200,
        )


@rule(PUBLIC, methods=("POST",))
def mailbox_sign_out(request):
    if request.method == "POST":
        request.session.pop(access.MAILBOX_SESSION_KEY, None)
        request.session.cycle_key()
    return redirect("reports:mailbox_sign_in")


def _tell_failed(request, failed):
    for name in failed:
        messages.error(
            request,
            _("The file %(name)s could not be saved. Your message was sent without it.")
            % {"name": name},
        )


# --- 'my reports' for professionals --------------------------------------------------------------


@rule(SIGNED_IN)
def my_reports(request):
    reports = access.own_reports_for(request.user).annotate(
        unread=Count(
            "messages",
            filter=Q(messages__author=Author.STAFF, messages__read_at__isnull=True),
        )
    )
    return render(request, "reports/my_reports.html", {"reports": reports})


@never_cache
@rule(SIGNED_IN, methods=("GET", "POST"))
def my_report(request, reference):
    report = actions.open_report(
        reference,
        actor=request.user,
        request=request,
        rule=access.SIGNED_IN,
        queryset=access.own_reports_for(request.user),
    )
    form = MessageForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _message, failed = actions.add_reporter_message(
            report,
            form.cleaned_data["body"],
            uploads=form.cleaned_data["attachments"],
            actor=request.user,
            request=request,
        )
        _tell_failed(request, failed)
        messages.success(request, _("Your message has been sent to the reporting point."))
        return redirect("reports:my_report", reference=report.reference)
    return render(
        request,
        "reports/my_report.html",
        {"report": report, "thread": report.messages.all(), "form": form},
        status=400 if form.errors else 200,
    )
