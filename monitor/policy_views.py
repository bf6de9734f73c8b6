"""The municipal policy monitor: an overview of the region (also as CSV), one municipality's
states and history, and the form with which RIEC staff record new states."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts import access
from accounts.access import rule
from core import exports
from regions.models import RiecRegion

from . import actions, policy
from .models import PolicyState, PolicyTopic
from .policy_forms import QuarterForm, TopicStatusForm

CHART_WIDTH = 640
CHART_HEIGHT = 260
CHART_TOP = 24  # room for the value above a full bar
CHART_BOTTOM = 32  # room for the quarter under the bars
CHART_LEFT = 44  # room for the percentages of the grid lines


def _region_name():
    try:
        return RiecRegion(settings.SIGNAAL_RIEC_REGION).label
    except ValueError:
        return settings.SIGNAAL_RIEC_REGION


def _municipality(code):
    municipality = policy.region_municipalities().filter(code=code).first()
    if municipality is None:
        raise Http404
    return municipality


def _chart(series):
    """Geometry of the bar chart of the share per quarter, drawn as inline SVG by the template."""
    plot_height = CHART_HEIGHT - CHART_TOP - CHART_BOTTOM
    slot = (CHART_WIDTH - CHART_LEFT) / max(len(series), 1)
    bars = []
    for index, (quarter, share) in enumerate(series):
        height = round(plot_height * (share.percent or 0) / 100, 1)
        x = CHART_LEFT + index * slot
        bars.append(
            {
                "quarter": quarter,
                "share": share,
                "x": round(x + slot * 0.2, 1),
                "width": round(slot * 0.6, 1),
                "y": round(CHART_TOP + plot_height - height, 1),
                "height": height,
                "middle": round(x + slot / 2, 1),
            }
        )
    grid = [
        {"percent": percent, "y": round(CHART_TOP + plot_height * (100 - percent) / 100, 1)}
        for percent in (0, 25, 50, 75, 100)
    ]
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "left": CHART_LEFT,
        "axis_label_x": CHART_LEFT - 6,
        "label_y": CHART_HEIGHT - CHART_BOTTOM + 18,
        "bars": bars,
        "grid": grid,
    }


def _overview_context(request):
    overview = policy.Overview()
    # Bound only when a quarter was asked for: other parameters (a tracking tag) are no error.
    data = request.GET if "quarter" in request.GET else None
    form = QuarterForm(data, quarters=overview.quarters())
    quarter = form.chosen()
    day = overview.day_of(quarter)
    current = policy.Quarter.of(overview.today)
    shown = current.back(policy.QUARTERS_SHOWN)
    if quarter not in shown:
        shown.insert(0, quarter)
    series = [(q, overview.share_in_place(PolicyTopic.POLICY, overview.day_of(q))) for q in shown]
    total = len(overview.municipalities)
    topics = []
    for group, members in policy.TOPIC_GROUPS:
        for topic in members:
            states = overview.states(topic, day)
            topics.append(
                {
                    "topic": topic,
                    "group": group,
                    "in_place": policy.Share(states[PolicyState.IN_PLACE], total),
                    "in_progress": states[PolicyState.IN_PROGRESS],
                    "not_started": states[PolicyState.NOT_STARTED],
                    "not_recorded": states[None],
                }
            )
    return {
        "form": form,
        "overview": overview,
        "quarter": quarter,
        "day": day,
        "running": day < quarter.last_day,
        "share": overview.share_in_place(PolicyTopic.POLICY, day),
        "series": series,
        "chart": _chart(series),
        "topics": topics,
        "groups": [
            (group, [(topic, policy.SHORT_LABELS[topic]) for topic in members])
            for group, members in policy.TOPIC_GROUPS
        ],
        "rows": overview.rows(day),
        "region": _region_name(),
        "may_keep": access.can(request.user, "monitor.keep_policy"),
    }


@rule("monitor.view")
def overview(request):
    context = _overview_context(request)
    status = 400 if context["form"].errors else 200
    return render(request, "monitor/policy_overview.html", context, status=status)


@rule("monitor.view")
def export(request):
    """The overview's table as CSV: one line per municipality, its CBS code, then the state and
    its date for each topic. UTF-8 with a byte order mark and ';' between the fields, which is
    what Excel with Dutch settings opens without an import step (',' is the decimal separator
    there). States are written as shown on screen; dates as YYYY-MM-DD."""
    context = _overview_context(request)
    if context["form"].errors:
        return render(request, "monitor/policy_overview.html", context, status=400)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"beleidsmonitor-{context['day'].isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    writer = exports.csv_writer(response, delimiter=";")
    header = [_("Municipality"), _("CBS code")]
    for topic in policy.TOPICS:
        header += [str(topic.label), _("%(topic)s: as of") % {"topic": topic.label}]
    writer.writerow(header)
    for municipality, entries in context["rows"]:
        line = [municipality.name, municipality.code]
        for entry in entries:
            if entry is None:
                line += ["", ""]
            else:
                line += [entry.get_state_display(), entry.as_of.isoformat()]
        writer.writerow(line)
    return response


@rule("monitor.view")
def municipality(request, code):
    item = _municipality(code)
    current = policy.current_entries(item)
    groups = [
        (group, [(topic, current.get(topic.value)) for topic in members])
        for group, members in policy.TOPIC_GROUPS
    ]
    return render(
        request,
        "monitor/policy_municipality.html",
        {
            "municipality": item,
            "groups": groups,
            "history": policy.history(item),
            "may_keep": access.can(request.user, "monitor.keep_policy"),
        },
    )


@rule("monitor.keep_policy", methods=("GET", "POST"))
def record(request, code):
    item = _municipality(code)
    current = policy.current_entries(item)
    data = request.POST if request.method == "POST" else None
    groups = [
        (
            group,
            [
                TopicStatusForm(data, topic=topic, current=current.get(topic.value))
                for topic in members
            ],
        )
        for group, members in policy.TOPIC_GROUPS
    ]
    forms = [form for _group, members in groups for form in members]
    # Every topic is validated (no short cut through all()), so that all errors show at once.
    valid = [form.is_valid() for form in forms]
    if data is not None and all(valid):
        changes = [change for form in forms if (change := form.change())]
        if changes:
            actions.record_policy(item, changes, actor=request.user, request=request)
            messages.success(
                request,
                ngettext(
                    "%(count)s change to the policy status was saved.",
                    "%(count)s changes to the policy status were saved.",
                    len(changes),
                )
                % {"count": len(changes)},
            )
        else:
            messages.info(request, _("Nothing was changed, so nothing was saved."))
        return redirect("monitor:policy_municipality", code=item.code)
    has_errors = any(form.errors for form in forms)
    return render(
        request,
        "monitor/policy_record.html",
        {"municipality": item, "groups": groups, "forms": forms, "has_errors": has_errors},
        status=400 if has_errors else 200,
    )
