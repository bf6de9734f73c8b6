"""Reading the monitor: periods, the tables of the dashboard, exact or protected.

Every figure the monitor shows or exports comes from here, so the screen, the charts, the CSV and
XLSX exports and the quarterly overview always agree. Whether a reader gets exact or protected
numbers is decided by accounts.access.monitor_exact() (the one access module).
"""

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from core import exports
from indicators.exploitation import ExploitationForm
from reports.models import Kind, ReporterType

from . import protection
from .facts import DIMENSIONS, UNKNOWN
from .models import HISTORIC_OUTCOMES, HISTORY_OUTCOME, Audit, Fact, ReleasedCell

GROUPS = ("region", "province")  # derived from the municipality


@dataclass(frozen=True)
class Period:
    """A year, a quarter of a year, or (exact views only) a range of whole months."""

    start: tuple  # (year, month)
    end: tuple  # (year, month), inclusive
    kind: str = "year"  # year, quarter, range

    @classmethod
    def year(cls, year):
        return cls((year, 1), (year, 12), "year")

    @classmethod
    def quarter(cls, year, quarter):
        return cls((year, 3 * quarter - 2), (year, 3 * quarter), "quarter")

    @property
    def protectable(self):
        return self.kind in ("year", "quarter")

    @property
    def protection_key(self):
        """(year, period code) of the stored suppression pattern."""
        if self.kind == "year":
            return self.start[0], protection.PERIOD_YEAR
        return self.start[0], f"Q{(self.start[1] + 2) // 3}"

    @property
    def label(self):
        (sy, sm), (ey, em) = self.start, self.end
        if self.kind == "year":
            return str(sy)
        if self.kind == "quarter":
            return _("Q%(quarter)s %(year)s") % {"quarter": (sm + 2) // 3, "year": sy}
        return _("%(start)s to %(end)s") % {
            "start": month_label(sy, sm),
            "end": month_label(ey, em),
        }

    def facts_filter(self):
        """Q for the facts of this period. Year-only history counts for a period that covers its
        whole year."""
        (sy, sm), (ey, em) = self.start, self.end
        start, end = sy * 12 + sm - 1, ey * 12 + em - 1
        month_q = Q()
        for year in range(sy, ey + 1):
            first = max(start, year * 12) - year * 12 + 1
            last = min(end, year * 12 + 11) - year * 12 + 1
            if first == 1 and last == 12:
                month_q |= Q(year=year)
            else:
                month_q |= Q(year=year, month__gte=first, month__lte=last)
        return month_q


def month_label(year, month):
    return f"{MONTHS[month]} {year}"


# --- cells ------------------------------------------------------------------------------------


@dataclass
class Cell:
    value: int
    state: str = ""  # "", primary, secondary
    missing: bool = False  # a year (or quarter) without any figures: "no data", not 0

    @property
    def shown(self):
        """The figure as printed: the number, "<5", "x" or "no data"."""
        if self.missing:
            return _("no data")
        if self.state == protection.PRIMARY:
            return f"<{protection.small_number() + 1}"
        if self.state:
            return "x"
        return format_count(self.value)

    @property
    def suppressed(self):
        return bool(self.state)

    @property
    def number(self):
        """The number for exports and charts, or None when suppressed or missing."""
        return None if self.state or self.missing else self.value


def format_count(value):
    """12345 -> "12.345", as Dutch readers write it."""
    return f"{value:,}".replace(",", ".")


def change(previous, current):
    """The change from `previous` to `current` in percent as people write it: "+60%", "-13%";
    None when it cannot be given (a suppressed figure, a period without data, or nothing to
    compare with).

    Changes of 50% or more are rounded to the nearest 5%, smaller ones to the whole percent, as
    the newsletter writes them (74 -> 118 is "+60%", 79 -> 89 "+13%", 20 -> 53 "+165%")."""
    if previous.suppressed or current.suppressed or not previous.value:
        return None
    if previous.missing or current.missing:
        return None
    percent = (current.value - previous.value) * 100 / previous.value
    return round_change(percent)


def round_change(percent):
    magnitude = abs(percent)
    rounded = 5 * int(magnitude / 5 + 0.5) if magnitude >= 50 else int(magnitude + 0.5)
    return rounded if percent >= 0 else -rounded


def format_change(rounded):
    if rounded is None:
        return ""
    if rounded == 0:
        return "0%"
    return f"{'+' if rounded > 0 else '−'}{abs(rounded)}%"


def change_cell(rounded):
    """A change as a table cell: shown as "+60%", written to XLSX as the number 0.6 with a
    percentage format; "" when there is no change to give."""
    if rounded is None:
        return ""
    return exports.Percent(rounded / 100, format_change(rounded))


# --- dimension values and labels -----------------------------------------------------------------


def municipalities():
    """id -> (name, code, RIEC region, province) of every municipality, fetched once per
    process (the list changes with a CBS update, which comes with a deployment)."""
    global _MUNICIPALITIES
    if _MUNICIPALITIES is None:
        from regions.models import Municipality

        _MUNICIPALITIES = {
            str(pk): (name, code, region, province)
            for pk, name, code, region, province in Municipality.objects.values_list(
                "pk", "name", "code", "riec_region", "province"
            )
        }
    return _MUNICIPALITIES


_MUNICIPALITIES = None


def groups_of(municipality_id):
    info = municipalities().get(municipality_id)
    if info is None:
        return {}
    return {"region": info[2], "province": info[3]}


def labels(dimension):
    """value -> label for a dimension, in the current language."""
    from django.utils.translation import get_language

    from regions.models import Province, RiecRegion

    if dimension == "form":
        result = {code: str(label) for code, label in ExploitationForm.choices}
        result[UNKNOWN] = "Leeg"
        return result
    if dimension == "municipality":
        result = {pk: info[0] for pk, info in municipalities().items()}
    elif dimension == "region":
        result = {code: str(label) for code, label in RiecRegion.choices}
    elif dimension == "province":
        result = {code: str(label) for code, label in Province.choices}
    elif dimension in ("sector", "premises"):
        from reports.forms import premises_choices, sector_choices

        pick = sector_choices if dimension == "sector" else premises_choices
        result = {code: str(label) for code, label in pick(get_language() or "nl") if code}
    elif dimension == "reporter":
        result = {code: str(label) for code, label in ReporterType.choices}
    elif dimension == "minor":
        result = {"yes": _("Minor involved"), "no": _("No minor known")}
    elif dimension == "outcome":
        # Imported history may be closed without a known outcome (HistoricRecord), or not say
        # anything about it (counts per year): neither is "still open".
        result = {code: str(label) for code, label in HISTORIC_OUTCOMES}
        result[HISTORY_OUTCOME] = _("Unknown")
        result[UNKNOWN] = _("Still open")
        return result
    else:
        result = {}
    result[UNKNOWN] = _("Unknown")
    return result


DIMENSION_TITLES = {
    "form": gettext_lazy("Form of exploitation"),
    "municipality": gettext_lazy("Municipality"),
    "region": gettext_lazy("RIEC region"),
    "province": gettext_lazy("Province"),
    "sector": gettext_lazy("Sector"),
    "premises": gettext_lazy("Kind of place"),
    "reporter": gettext_lazy("Reporter"),
    "minor": gettext_lazy("Minors"),
    "outcome": gettext_lazy("Outcome"),
}
BREAKDOWNS = [
    "form",
    "municipality",
    "region",
    "province",
    "sector",
    "premises",
    "reporter",
    "minor",
    "outcome",
]
FORM_ORDER = ["labour", "criminal", "sexual", "organ_removal", "surrogacy", "forced_marriage"]
FORM_ORDER += ["illegal_adoption", "other", "smuggling"]
KINDS = [Kind.REPORT, Kind.ADVICE]


# --- protection: building the linked table of a year -------------------------------------------


def period_of(month):
    if month is None:
        return protection.UNALLOCATED
    return f"Q{(month + 2) // 3}"


def linked_table(rows):
    """The protection.Table of one year and kind from its facts: rows of (month, dimension,
    value, count)."""
    table = protection.Table()
    values = table.values
    periods = [protection.PERIOD_YEAR, *protection.QUARTERS, protection.UNALLOCATED]
    seen = defaultdict(set)  # dimension -> values
    for month, dimension, value, count in rows:
        period = period_of(month)
        cells = [(dimension, period, value), (dimension, protection.PERIOD_YEAR, value)]
        if dimension == "form":
            cells += [
                (protection.TOTAL, period, ""),
                (protection.TOTAL, protection.PERIOD_YEAR, ""),
            ]
        seen[dimension].add(value)
        if dimension == "municipality":
            for group, group_value in groups_of(value).items():
                cells += [
                    (group, period, group_value),
                    (group, protection.PERIOD_YEAR, group_value),
                ]
                seen[group].add(group_value)
        for cell in cells:
            values[cell] += count
    members = defaultdict(set)  # (group, group value) -> municipalities
    ungrouped = sorted(m for m in seen["municipality"] if not groups_of(m))  # unknown ones
    for municipality in seen["municipality"]:
        for group, group_value in groups_of(municipality).items():
            members[(group, group_value)].add(municipality)
    for period in periods:
        total = (protection.TOTAL, period, "")
        for dimension in DIMENSIONS:
            table.relate(total, [(dimension, period, value) for value in sorted(seen[dimension])])
        for group in GROUPS:
            parts = [(group, period, value) for value in sorted(seen[group])]
            parts += [("municipality", period, m) for m in ungrouped]
            table.relate(total, parts)
        for (group, group_value), munis in sorted(members.items()):
            table.relate(
                (group, period, group_value), [("municipality", period, m) for m in sorted(munis)]
            )
    for dimension in [*DIMENSIONS, *GROUPS, protection.TOTAL]:
        dimension_values = seen[dimension] if dimension != protection.TOTAL else {""}
        for value in sorted(dimension_values):
            parts = [(dimension, quarter, value) for quarter in protection.QUARTERS]
            unallocated = (dimension, protection.UNALLOCATED, value)
            if values.get(unallocated):
                parts.append(unallocated)
                table.hidden.add(unallocated)
            table.relate((dimension, protection.PERIOD_YEAR, value), parts)
    table.fixed = {cell for cell in values if cell[0] == protection.TOTAL}
    return table


def problem_of_all(year_rows):
    """Everything the monitor can release outside the reporting point as one protection.Problem:
    the linked tables of every year and kind (years, quarters, dimensions, regions, provinces,
    totals), their cells keyed (year, kind, dimension, period, value). Table 1 and 2, the
    breakdowns, charts, exports and quarterly overviews all show cells of this set."""
    values, relations, hidden, fixed, tables = {}, [], set(), set(), {}
    for (year, kind), rows in sorted(year_rows.items()):
        table = linked_table(rows)
        tables[(year, kind)] = table

        def key(cell, year=year, kind=kind):
            return (year, kind, *cell)

        for cell, count in table.values.items():
            values[key(cell)] = count
        relations += [(key(whole), [key(p) for p in parts]) for whole, parts in table.relations]
        hidden |= {key(cell) for cell in table.hidden}
        fixed |= {key(cell) for cell in table.fixed}
    return protection.Problem(values, relations, hidden, fixed), tables


def choose_suppression(problem, tables, previous):
    """The suppression of everything released: primary "<5", the per-relation rule of
    protection.Table as a start, cells suppressed in the previous release that still have the
    same count (so a published pattern does not move), then the auditor's rounds until every
    suppressed cell keeps protection.protection_width(). Cells published exactly before with the
    same count are known to every reader: the audit counts them as shown. Returns
    (states, intervals, added, rounds, known)."""
    states = protection.primary(problem)
    rule = {}
    for (year, kind), table in tables.items():
        for cell, state in table.protect().items():
            if state == protection.SECONDARY:
                rule[(year, kind, *cell)] = state
    known = set()
    for cell, (count, state) in previous.items():
        if cell not in problem.index or problem.value(cell) != count:
            continue
        if state == protection.SECONDARY:
            rule[cell] = protection.SECONDARY
        elif not state:
            known.add(cell)
    for cell in rule:
        states.setdefault(cell, protection.SECONDARY)
    known = frozenset(known - {c for c, s in states.items() if s != protection.SECONDARY})
    states, intervals, added, rounds = protection.secondary(problem, states, known)
    return states, intervals, added, rounds, known


def _released_before():
    return {
        (c.year, c.kind, c.dimension, c.period, c.value): (c.count, c.state)
        for c in ReleasedCell.objects.all()
    }


def protect_all():
    """Choose, audit and release the cells of every year and kind (called by facts.rebuild()
    inside its transaction). Only a set the auditor approved replaces the released cells; when it
    cannot be protected, the previous release stays and the verdict says why."""
    started = time.monotonic()
    rows = defaultdict(list)
    for year, month, kind, dimension, value, count in Fact.objects.values_list(
        "year", "month", "kind", "dimension", "value", "count"
    ).iterator(chunk_size=5000):
        rows[(year, kind)].append((month, dimension, value, count))
    problem, tables = problem_of_all(rows)
    previous = _released_before()
    verdict = Audit(at=timezone.now(), width=protection.protection_width(), approved=False)
    try:
        states, intervals, added, rounds, known = choose_suppression(problem, tables, previous)
    except protection.Unprotectable as error:
        verdict.cells = verdict.primary = verdict.secondary = verdict.rounds = 0
        verdict.message = str(error)
        verdict.seconds = round(time.monotonic() - started, 3)
        verdict.save()
        Audit.objects.filter(approved=False).exclude(pk=verdict.pk).delete()
        return verdict
    released = [
        ReleasedCell(
            year=year,
            kind=kind,
            dimension=dimension,
            period=period,
            value=value,
            count=count,
            state=states.get(cell, "") if states.get(cell) != protection.HIDDEN else "",
        )
        for cell, count in zip(problem.cells, problem.values.tolist(), strict=True)
        for year, kind, dimension, period, value in [cell]
        if period != protection.UNALLOCATED
    ]
    ReleasedCell.objects.all().delete()
    ReleasedCell.objects.bulk_create(released, batch_size=5000)
    by_audit = {choice: (protects, before, after) for choice, protects, before, after in added}
    log = []
    for cell, state in states.items():
        if state != protection.SECONDARY or cell in known:
            continue
        year, kind, dimension, period, value = cell
        entry = {
            "year": year,
            "kind": kind,
            "dimension": dimension,
            "period": period,
            "value": value,
            "count": problem.value(cell),
            "interval": list(intervals.get(cell, ())),
        }
        if cell in by_audit:
            protects, before, after = by_audit[cell]
            entry.update(
                reason="audit",
                protects=list(protects),
                before=list(before),
                after=list(after),
            )
        elif cell in previous and previous[cell][1] == protection.SECONDARY:
            entry["reason"] = "previous"
        else:
            entry["reason"] = "rule"
        log.append(entry)
    verdict.approved = True
    verdict.cells = len(released)
    verdict.primary = sum(1 for s in states.values() if s == protection.PRIMARY)
    verdict.secondary = len(log)
    verdict.rounds = rounds
    verdict.added = log
    verdict.seconds = round(time.monotonic() - started, 3)
    verdict.save()
    Audit.objects.exclude(pk=verdict.pk).delete()
    return verdict


# --- the tables --------------------------------------------------------------------------------


@dataclass
class Breakdown:
    """Counts of one dimension in one period: rows of (value, label, {kind: Cell}), totals."""

    dimension: str
    rows: list = field(default_factory=list)
    totals: dict = field(default_factory=dict)

    @property
    def title(self):
        return DIMENSION_TITLES[self.dimension]


def released(filter_q):
    """{(year, kind, period, dimension, value): (count, state)} of the cells the auditor approved:
    the one place every protected figure comes from."""
    return {
        (c.year, c.kind, c.period, c.dimension, c.value): (c.count, c.state)
        for c in ReleasedCell.objects.filter(filter_q)
    }


def breakdowns(period, exact):
    """Every breakdown of the period: {dimension: Breakdown}. One query: the facts (exact) or the
    released cells (protected)."""
    counts = defaultdict(int)
    states = {}
    if exact:
        for row in (
            Fact.objects.filter(period.facts_filter())
            .values("kind", "dimension", "value")
            .annotate(n=Sum("count"))
            .order_by()
        ):
            kind, dimension, value, n = row["kind"], row["dimension"], row["value"], row["n"]
            counts[(kind, dimension, value)] += n
            if dimension == "form":
                counts[(kind, protection.TOTAL, "")] += n
            if dimension == "municipality":
                for group, group_value in groups_of(value).items():
                    counts[(kind, group, group_value)] += n
    else:
        year, code = period.protection_key
        for key, (count, state) in released(Q(year=year, period=code)).items():
            # a suppressed zero is a row like any other: leaving it out would show it is 0
            if count or state:
                counts[key[1], key[3], key[4]] = count
                states[key[1], key[3], key[4]] = state

    def cell(kind, dimension, value):
        return Cell(
            counts.get((kind, dimension, value), 0), states.get((kind, dimension, value), "")
        )

    result = {}
    for dimension in BREAKDOWNS:
        names = labels(dimension)
        present = {value for (_, d, value) in counts if d == dimension}
        if dimension == "form":
            order = [*FORM_ORDER, UNKNOWN]
            present |= {"labour", "criminal", "sexual", UNKNOWN}
        elif dimension in ("minor",):
            order = ["yes", "no"]
        else:
            order = sorted(present, key=lambda v: (v == UNKNOWN, str(names.get(v, v)).lower()))
        breakdown = Breakdown(dimension)
        for value in order:
            if value not in present:
                continue
            breakdown.rows.append(
                (
                    value,
                    names.get(value, value),
                    {kind: cell(kind, dimension, value) for kind in KINDS},
                )
            )
        breakdown.totals = {kind: cell(kind, protection.TOTAL, "") for kind in KINDS}
        result[dimension] = breakdown
    return result


@dataclass
class Series:
    """Table 1 and Table 2 of the newsletter: per year the reports and advice requests, and the
    reports per form of exploitation with "Leeg" and the total."""

    years: list
    kinds: dict  # kind -> [Cell per year]
    kind_changes: dict  # kind -> [rounded change or None per year]
    forms: list  # (value, label, [Cell per year], [change per year])
    form_totals: list  # [Cell per year]


def year_range(data_years, last_year=None, years=None):
    """The years a series shows: every year from the first with figures up to `last_year` (or
    the last with figures), the years in between without figures included, so that a change "on
    the year before" is always one on the year before; at most the last `years` of them."""
    if last_year is not None:
        data_years = [year for year in data_years if year <= last_year]
    if not data_years:
        return []
    end = max(data_years) if last_year is None else last_year
    shown = list(range(min(data_years), end + 1))
    return shown[-years:] if years else shown


def series(exact, last_year=None, years=None):
    """The yearly series up to `last_year` (from the first year with figures, at most `years` of
    them); a year without figures has cells that are `missing`."""
    counts = defaultdict(int)
    for row in (
        Fact.objects.filter(dimension="form")
        .values("year", "kind", "value")
        .annotate(n=Sum("count"))
        .order_by()
    ):
        counts[(row["year"], row["kind"], row["value"])] += row["n"]
        counts[(row["year"], row["kind"], None)] += row["n"]
    states = {}
    if not exact:
        # protected: the released cells of the years, never the facts themselves
        counts = defaultdict(int)
        cells = released(
            Q(period=protection.PERIOD_YEAR) & Q(dimension__in=[protection.TOTAL, "form"])
        )
        for (year, kind, _period, dimension, value), (count, state) in cells.items():
            key = (year, kind, None if dimension == protection.TOTAL else value)
            counts[key], states[key] = count, state
    data_years = {year for (year, _, _) in counts}
    all_years = year_range(sorted(data_years), last_year, years)

    def cell(year, kind, value):
        if year not in data_years:
            return Cell(0, missing=True)
        return Cell(counts.get((year, kind, value), 0), states.get((year, kind, value), ""))

    def changes(cells):
        return [None] * min(len(cells), 1) + [
            change(a, b) for a, b in zip(cells, cells[1:], strict=False)
        ]

    kinds = {kind: [cell(year, kind, None) for year in all_years] for kind in KINDS}
    names = labels("form")
    present = {value for (_, kind, value) in counts if kind == Kind.REPORT and value is not None}
    forms = []
    for value in [*FORM_ORDER, UNKNOWN]:
        if value in present or value in ("labour", "criminal", "sexual", UNKNOWN):
            cells = [cell(year, Kind.REPORT, value) for year in all_years]
            forms.append((value, names[value], cells, changes(cells)))
    return Series(
        years=all_years,
        kinds=kinds,
        kind_changes={kind: changes(cells) for kind, cells in kinds.items()},
        forms=forms,
        form_totals=kinds[Kind.REPORT],
    )


def has_figures(data, index):
    """Whether the year at `index` of a Series has figures (its cells are not `missing`)."""
    return not data.kinds[Kind.REPORT][index].missing


def sentences(data):
    """Generated sentences about the last year of a Series, as the newsletter writes them: only
    ever compared with the year right before it."""
    if not data.years:
        return []
    last = data.years[-1]
    if not has_figures(data, -1):
        return [_("There are no figures for %(year)s.") % {"year": last}]
    if len(data.years) < 2:
        return []
    previous = data.years[-2]
    if not has_figures(data, -2):
        return [
            _(
                "There are no figures for %(previous)s, so %(year)s is not compared with the "
                "year before."
            )
            % {"previous": previous, "year": last}
        ]
    result = []
    subjects = {Kind.REPORT: _("reports"), Kind.ADVICE: _("advice requests")}
    for kind, subject in subjects.items():
        rounded = data.kind_changes[kind][-1]
        if rounded is not None:
            result.append(change_sentence(subject, rounded, previous))
    for value, label, _cells, changes in data.forms:
        if value and changes[-1] is not None and changes[-1] != 0:
            subject = _("reports of %(form)s") % {"form": label.lower()}
            result.append(change_sentence(subject, changes[-1], previous))
    return result


def change_sentence(subject, rounded, previous):
    if rounded > 0:
        return _("The number of %(subject)s rose by %(percent)s%% compared with %(year)s.") % {
            "subject": subject,
            "percent": rounded,
            "year": previous,
        }
    if rounded < 0:
        return _("The number of %(subject)s fell by %(percent)s%% compared with %(year)s.") % {
            "subject": subject,
            "percent": -rounded,
            "year": previous,
        }
    return _("The number of %(subject)s was the same as in %(year)s.") % {
        "subject": subject,
        "year": previous,
    }


def period_has_figures(period):
    """Whether anything was counted in `period`: a quarter of a year that was only counted per
    year (imported counts) has no figures, nor has a year before any history or report."""
    # every report and count has a form (maybe "Leeg"): "form" keeps to the index on dimension
    return Fact.objects.filter(period.facts_filter(), dimension="form").exists()


def available_years():
    years = list(Fact.objects.order_by("year").values_list("year", flat=True).distinct())
    return years or [date.today().year]


# --- tables as shown and exported ---------------------------------------------------------------


@dataclass
class TableData:
    """One table exactly as the screen shows it and the exports write it: a header and rows of a
    label and cells (Cell for counts, str for changes)."""

    name: str
    title: str
    header: list
    rows: list  # (label, [Cell or str], is_total)
    chart: str = ""  # "years" or "bars": how monitor.charts draws it


def series_tables(data):
    years = list(data.years)  # numbers: the XLSX export writes them as numbers
    kind_names = {Kind.REPORT: _("Number of reports"), Kind.ADVICE: _("Number of advice requests")}
    change_names = {
        Kind.REPORT: _("Reports: change on the year before"),
        Kind.ADVICE: _("Advice requests: change on the year before"),
    }
    table1 = TableData(
        "per-jaar",
        _("Table 1: reports and advice requests per year"),
        [_("Count"), *years],
        [(kind_names[kind], data.kinds[kind], False) for kind in KINDS],
        chart="years",
    )
    changes1 = TableData(
        "verandering-per-jaar",
        _("Change on the year before"),
        [pgettext("change in percent", "Change"), *years],
        [
            (change_names[kind], [change_cell(c) for c in data.kind_changes[kind]], False)
            for kind in KINDS
        ],
    )
    table2 = TableData(
        "vorm-per-jaar",
        _("Table 2: form of exploitation per year (reports)"),
        [_("Form of exploitation"), *years],
        [(label, cells, False) for _value, label, cells, _changes in data.forms]
        + [(_("Total"), data.form_totals, True)],
        chart="years",
    )
    changes2 = TableData(
        "vorm-verandering",
        _("Form of exploitation: change on the year before"),
        [_("Form of exploitation"), *years],
        [
            (label, [change_cell(c) for c in changes], False)
            for _value, label, _cells, changes in data.forms
        ],
    )
    return [table1, changes1, table2, changes2]


def breakdown_tables(found, period):
    tables = []
    header = [_("Reports"), _("Advice requests")]
    for dimension, breakdown in found.items():
        rows = [
            (label, [cells[kind] for kind in KINDS], False) for _v, label, cells in breakdown.rows
        ]
        rows.append((_("Total"), [breakdown.totals[kind] for kind in KINDS], True))
        tables.append(
            TableData(
                dimension,
                _("%(dimension)s, %(period)s")
                % {"dimension": breakdown.title, "period": period.label},
                [str(breakdown.title), *header],
                rows,
                chart="bars",
            )
        )
    return tables


def all_tables(period, exact, years=10):
    """Every table of the dashboard for `period`, in the order of the page."""
    data = series(exact, last_year=period.end[0], years=years)
    return data, series_tables(data) + breakdown_tables(breakdowns(period, exact), period)
