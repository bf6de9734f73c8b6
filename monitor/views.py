"""The monitor's dashboard, its exports and charts, and the quarterly overview for the newsletter.

Every figure comes from monitor.stats; whether the reader sees exact numbers is asked of the access
module (access.monitor_exact): only reporting-point staff do, and they can switch to the protected
figures as they would be published. Analysts and policy staff see aggregates only - no view here
ever shows a single report.
"""

import io
from urllib.parse import urlencode

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_POST

from accounts import access
from accounts.access import rule
from core import exports

from . import actions, charts, facts, stats
from .forms import PeriodForm
from .tasks import request_refresh

EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _selection(request):
    """(form, period, exact, query string) for the request's GET parameters."""
    years = stats.available_years()
    may_exact = access.monitor_exact(request.user)
    default = {"period": "year", "year": years[-1]}
    form = PeriodForm(request.GET or default, years=years, exact_allowed=may_exact)
    period = stats.Period.year(years[-1])
    protected_wanted = False
    if form.is_valid():
        period = form.cleaned_data["the_period"]
        protected_wanted = form.cleaned_data.get("protected", False)
    exact = may_exact and not protected_wanted
    if not exact and not period.protectable:
        form.add_error("period", _("Protected figures exist for whole years and quarters only."))
        period = stats.Period.year(years[-1])
    query = {"period": period.kind, "year": period.start[0]}
    if period.kind == "quarter":
        query["quarter"] = (period.start[1] + 2) // 3
    if period.kind == "range":
        query.update(
            start="%d-%02d" % period.start,  # noqa: UP031 - the month as typed
            end="%d-%02d" % period.end,  # noqa: UP031
        )
    if may_exact and not exact:
        query["protected"] = "on"
    return form, period, exact, urlencode(query)


def with_charts(tables):
    """(table, inline SVG of its chart or "") for the templates."""
    return [
        (table, charts.draw(table).svg(element_id=f"chart-{table.name}") if table.chart else "")
        for table in tables
    ]


@rule("monitor.view")
def dashboard(request):
    refresh = facts.ensure_fresh()
    form, period, exact, query = _selection(request)
    data, tables = stats.all_tables(period, exact)
    return render(
        request,
        "monitor/dashboard.html",
        {
            "form": form,
            "period": period,
            "exact": exact,
            "may_exact": access.monitor_exact(request.user),
            "may_import": access.can(request.user, "monitor.import"),
            "query": query,
            "tables": with_charts(tables),
            "sentences": stats.sentences(data),
            "refresh": refresh,
            "refresh_minutes": facts.refresh_minutes(),
            "small": stats.protection.small_number() + 1,
            "small_max": stats.protection.small_number(),
        },
    )


def _table(request, name):
    facts.ensure_fresh()
    _form, period, exact, _query = _selection(request)
    _data, tables = stats.all_tables(period, exact)
    if name == "alles":
        return period, exact, tables
    found = [table for table in tables if table.name == name]
    if not found:
        raise Http404
    return period, exact, found


def _plain(cell):
    """A cell for export: numbers as numbers, "<5", "x" and "no data" as text (a change stays a
    core.exports.Percent: a number in XLSX, text in CSV)."""
    if isinstance(cell, stats.Cell):
        return cell.shown if cell.number is None else cell.number
    return cell


def _filename(name, period, exact, extension):
    suffix = "" if exact else "-beschermd"
    slug = period.label.replace(" ", "-").lower()
    return f"signaal-{name}-{slug}{suffix}.{extension}"


@rule("monitor.view")
def export(request, name, extension):
    if extension not in EXPORT_TYPES or (extension == "csv" and name == "alles"):
        raise Http404
    period, exact, tables = _table(request, name)
    if extension == "csv":
        body = io.StringIO()
        body.write("\ufeff")  # Excel reads UTF-8 with a byte order mark
        writer = exports.csv_writer(body, delimiter=";")
        table = tables[0]
        writer.writerow([table.title])
        writer.writerow(table.header)
        for label, cells, _total in table.rows:
            writer.writerow([label, *[_plain(cell) for cell in cells]])
        if not exact:
            writer.writerow([])
            writer.writerow([legend_text()])
        content = body.getvalue().encode("utf-8")
    else:
        content = workbook(tables, exact)
    actions.record_table_export(
        name, period, file_format=extension, exact=exact, actor=request.user, request=request
    )
    response = HttpResponse(content, content_type=EXPORT_TYPES[extension])
    filename = _filename(name, period, exact, extension)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def legend_text():
    small = stats.protection.small_number() + 1
    return _(
        "<%(small)s: between 1 and %(max)s; x: not shown, so that a small number cannot be "
        "worked out from the totals."
    ) % {"small": small, "max": small - 1}


def workbook(tables, exact):
    book = exports.Workbook()
    for table in tables:
        sheet = book.sheet(table.name)
        sheet.append([table.title], bold=True)
        sheet.append(table.header)
        for label, cells, _total in table.rows:
            sheet.append([label, *[_plain(cell) for cell in cells]])
        if not exact:
            sheet.append([])
            sheet.append([legend_text()])
        sheet.column_width("A", 40)
    return book.content()


@rule("monitor.view")
def chart(request, name, extension):
    if extension not in ("svg", "png"):
        raise Http404
    _period, _exact, tables = _table(request, name)
    table = tables[0]
    if not table.chart:
        raise Http404
    drawing = charts.draw(table)
    if extension == "svg":
        content = '<?xml version="1.0" encoding="UTF-8"?>\n' + drawing.svg()
        response = HttpResponse(content, content_type="image/svg+xml; charset=utf-8")
    else:
        response = HttpResponse(drawing.png(), content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="signaal-{name}.{extension}"'
    return response


@rule("monitor.exact", methods=("POST",))
@require_POST
def refresh(request):
    request_refresh()
    messages.success(request, _("The figures are being recounted."))
    return redirect("monitor:dashboard")


@rule("monitor.exact")
def protection_audit(request):
    """The auditor's last verdict for the reporting point: which cells were suppressed to protect
    others, and why (monitor.stats.protect_all)."""
    from .models import Audit

    verdict = Audit.objects.order_by("-at").first()
    rows = []
    reasons = {
        "rule": _("a sum would show it"),
        "previous": _("suppressed in the previous release"),
    }
    for entry in verdict.added if verdict else []:
        names = stats.labels(entry["dimension"]) if entry["dimension"] != "total" else {}
        cell = _("Total") if entry["dimension"] == "total" else names.get(entry["value"], "?")
        why = reasons.get(entry["reason"], "")
        if entry["reason"] == "audit":
            protects = entry["protects"]
            other = stats.labels(protects[2]).get(protects[4], _("Total"))
            why = _(
                "protects %(cell)s (%(period)s), which could be narrowed to %(low)s-%(high)s"
            ) % {
                "cell": other,
                "period": protects[3],
                "low": entry["before"][0],
                "high": entry["before"][1],
            }
        interval = entry.get("interval") or []
        rows.append(
            {
                "year": entry["year"],
                "period": entry["period"],
                "kind": entry["kind"],
                "cell": f"{stats.DIMENSION_TITLES.get(entry['dimension'], '')} {cell}".strip(),
                "count": entry["count"],
                "why": why,
                "interval": f"{interval[0]}-{interval[1]}" if interval else "",
            }
        )
    return render(request, "monitor/protection_audit.html", {"verdict": verdict, "rows": rows})


# --- the quarterly overview -----------------------------------------------------------------------


def last_complete_quarter(today=None):
    today = today or timezone.localdate()
    quarter = (today.month - 1) // 3  # the quarter before this one
    if quarter == 0:
        return today.year - 1, 4
    return today.year, quarter


def overview_data(year, quarter):
    """What the quarterly overview shows, always protected (it is meant for publication)."""
    facts.ensure_fresh()
    complete_year = year if quarter == 4 else year - 1
    data = stats.series(exact=False, last_year=complete_year, years=4)
    tables = stats.series_tables(data)
    this = stats.Period.quarter(year, quarter)
    before = stats.Period.quarter(year - 1, quarter)
    this_has, before_has = stats.period_has_figures(this), stats.period_has_figures(before)
    now, then = stats.breakdowns(this, exact=False), stats.breakdowns(before, exact=False)
    current = {value: (label, cells) for value, label, cells in now["form"].rows}
    previous = {value: (label, cells) for value, label, cells in then["form"].rows}
    rows = []
    for value in [*stats.FORM_ORDER, stats.UNKNOWN]:
        if value in current or value in previous:
            label = (current.get(value) or previous.get(value))[0]
            rows.append(
                _quarter_row(
                    label,
                    previous.get(value, (0, {}))[1],
                    current.get(value, (0, {}))[1],
                    missing=(not before_has, not this_has),
                )
            )
    rows.append(
        _quarter_row(
            _("Total"),
            then["form"].totals,
            now["form"].totals,
            total=True,
            missing=(not before_has, not this_has),
        )
    )
    quarter_table = stats.TableData(
        "kwartaal",
        _("Reports per form of exploitation: %(this)s compared with %(before)s")
        % {"this": this.label, "before": before.label},
        [
            _("Form of exploitation"),
            before.label,
            this.label,
            pgettext("change in percent", "Change"),
        ],
        rows,
    )
    comparisons = [*_year_comparison(data), _quarter_comparison(this, before, this_has, before_has)]
    return data, tables, quarter_table, this, comparisons


def _year_comparison(data):
    """What the yearly sentences and changes compare, in words (never a year further back)."""
    if not data.years:
        return []
    last = data.years[-1]
    if not stats.has_figures(data, -1):
        return [_("Per year: there are no figures for %(year)s.") % {"year": last}]
    if len(data.years) < 2:
        return []
    previous = data.years[-2]
    if not stats.has_figures(data, -2):
        return [
            _(
                "Per year: there are no figures for %(previous)s, so %(year)s is not compared "
                "with another year."
            )
            % {"previous": previous, "year": last}
        ]
    return [
        _("Per year: %(year)s compared with %(previous)s.") % {"year": last, "previous": previous}
    ]


def _quarter_comparison(this, before, this_has, before_has):
    labels = {"this": this.label, "before": before.label}
    if not this_has:
        return _("Per quarter: there are no figures for %(this)s.") % labels
    if not before_has:
        return (
            _(
                "Per quarter: there are no figures for %(before)s, so %(this)s is not compared "
                "with another quarter."
            )
            % labels
        )
    return _("Per quarter: %(this)s compared with %(before)s.") % labels


def _quarter_row(label, before, this, total=False, missing=(False, False)):
    before = before.get(stats.Kind.REPORT, stats.Cell(0))
    this = this.get(stats.Kind.REPORT, stats.Cell(0))
    if missing[0]:
        before = stats.Cell(0, missing=True)
    if missing[1]:
        this = stats.Cell(0, missing=True)
    return label, [before, this, stats.change_cell(stats.change(before, this))], total


@rule("monitor.view")
def overview(request, year=None, quarter=None):
    if year is None:
        year, quarter = last_complete_quarter()
    if not 1 <= quarter <= 4 or not 1990 <= year <= 2100:
        raise Http404
    data, tables, quarter_table, this, comparisons = overview_data(year, quarter)
    return render(
        request,
        "monitor/overview.html",
        {
            "year": year,
            "quarter": quarter,
            "period": this,
            "tables": with_charts(tables),
            "quarter_table": quarter_table,
            "comparisons": comparisons,
            "sentences": stats.sentences(data),
            "legend": legend_text(),
            "quarters": recent_quarters(),
        },
    )


def recent_quarters(count=8):
    year, quarter = last_complete_quarter()
    result = []
    for _i in range(count):
        result.append((year, quarter))
        year, quarter = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    return result


@rule("monitor.view")
def overview_pdf(request, year, quarter):
    if not 1 <= quarter <= 4 or not 1990 <= year <= 2100:
        raise Http404
    from .overview_pdf import render_pdf

    data, tables, quarter_table, this, comparisons = overview_data(year, quarter)
    content = render_pdf(
        this, tables, quarter_table, stats.sentences(data), legend_text(), comparisons
    )
    actions.record_overview_export(year, quarter, actor=request.user, request=request)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="signaal-kwartaal-{year}-q{quarter}.pdf"'
    )
    return response
