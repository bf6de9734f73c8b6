"""An attacker of our own, written apart from the product's auditor (monitor.protection): it
imports a record-level history, reads only what an analyst can download (the XLSX of every year
and quarter) and see (the quarterly overviews), writes its own equations over every published
cell and asks its own MILP (scipy.optimize.milp) for the smallest and largest value of every
suppressed cell. Nothing may be recovered, and no interval may be narrower than the documented
protection width (3: a "<5" keeps all of 1..4). Turning secondary suppression off must let it
win (the mutation check)."""

import io
import random
from collections import defaultdict
from datetime import datetime

import numpy as np
import openpyxl
import pytest
from django.utils import timezone
from scipy import sparse
from scipy.optimize import Bounds, LinearConstraint, milp

from accounts.models import Role
from monitor import facts, stats
from monitor.models import HistoricRecord, ImportBatch
from reports.models import Kind

WIDTH = 3  # docs/monitor.md: the documented protection width
YEARS = [2022, 2023]
PERIODS = ["Y", "Q1", "Q2", "Q3", "Q4"]
BIG = 10_000
KIND_OF_COLUMN = [Kind.REPORT, Kind.ADVICE]


def history(personas, rng):
    """Small record-level rows over two years and four municipalities, with the two patterns of
    issue 17: in 2022 one municipality with exactly one report in each quarter (year 4, quarters
    1, 1, 1, 1), and in 2023 a rare form with two reports, one in Q2 and one in Q4 (Table 2 shows
    it "<5" next to an exact total, the quarterly overviews show it 0, <5, 0, <5)."""
    from regions.models import Municipality

    region = list(Municipality.objects.exclude(riec_region="").order_by("code")[:5])
    batch = ImportBatch.objects.create(
        format=ImportBatch.Format.RECORDS,
        file_name="geschiedenis.csv",
        content=b"",
        uploaded_at=timezone.now(),
        uploaded_by=personas[Role.REPORTING_POINT_STAFF],
        state=ImportBatch.State.DONE,
    )
    tz = timezone.get_current_timezone()
    rows = []

    def add(year, month, municipality, form, kind=Kind.REPORT):
        rows.append(
            HistoricRecord(
                batch=batch,
                row=len(rows) + 2,
                created_at=datetime(year, month, 10, 12, tzinfo=tz),
                kind=kind,
                primary_form=form,
                municipality=municipality,
                sector=rng.choice(["", "horeca"]),
                reporter_type=rng.choice(["anonymous", "professional"]),
                minor_involved=False,
                outcome=rng.choice(["", "referred_police"]),
            )
        )

    for year in YEARS:
        for _ in range(36):
            municipality = rng.choice(region[:3])
            form = rng.choice(["sexual", "sexual", "labour", "criminal", ""])
            kind = rng.choice([Kind.REPORT, Kind.REPORT, Kind.ADVICE])
            add(year, rng.randint(1, 12), municipality, form, kind)
    for month in (2, 5, 8, 11):  # 2022: four quarters of 1 in one municipality
        add(2022, month, region[3], "sexual")
    for month in (5, 11):  # 2023: a rare form in Q2 and Q4 only
        add(2023, month, region[0], "organ_removal")
    HistoricRecord.objects.bulk_create(rows)
    return rows


def value_of(raw):
    """(lowest, highest) a reader knows of a published figure, or None for no figure."""
    if isinstance(raw, int | float):
        return int(raw), int(raw)
    if raw == "<5":
        return 1, 4
    if raw == "x":
        return 0, BIG
    return None


def read_workbook(content):
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return {
        name: [list(row) for row in book[name].iter_rows(values_only=True)]
        for name in book.sheetnames
    }


class Reader:
    """The attacker's knowledge: variables for cells, bounds, equations."""

    def __init__(self):
        self.index = {}
        self.low, self.high = [], []
        self.equations = []
        self.suppressed = set()  # the cells the attacker saw as "<5" or "x" somewhere

    def var(self, key):
        if key not in self.index:
            self.index[key] = len(self.low)
            self.low.append(0)
            self.high.append(BIG)
        return self.index[key]

    def know(self, key, raw):
        known = value_of(raw)
        if known is None:
            return None
        i = self.var(key)
        if not isinstance(raw, int | float):
            self.suppressed.add(key)
        self.low[i], self.high[i] = max(self.low[i], known[0]), min(self.high[i], known[1])
        return i

    def equal(self, whole, parts):
        self.equations.append((self.var(whole), [self.var(p) for p in parts]))

    def intervals(self):
        """Smallest and largest value of every cell the attacker saw suppressed ("<5" or "x").
        Cells known exactly move to the right-hand side; the rest is one sparse MILP per end of
        every suppressed cell (cells that only appear in a relation, never published, are free
        unknowns of at least 0: they are not audited, only used)."""
        low, high = np.array(self.low, float), np.array(self.high, float)
        assert np.all(low <= high), "the published figures contradict each other"
        free = np.flatnonzero(low < high)
        column = {int(i): j for j, i in enumerate(free)}
        rows, cols, data, rhs = [], [], [], []
        for whole, parts in self.equations:
            terms = [(whole, -1.0)] + [(part, 1.0) for part in parts]
            unknown = [(column[i], sign) for i, sign in terms if i in column]
            if not unknown:
                continue
            row = len(rhs)
            rhs.append(-sum(sign * low[i] for i, sign in terms if i not in column))
            for j, sign in unknown:
                rows.append(row)
                cols.append(j)
                data.append(sign)
        matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(rhs), len(free)))
        constraint = LinearConstraint(matrix, rhs, rhs)
        bounds = Bounds(low[free], high[free])
        integral = np.ones(len(free))
        found = {}
        for key in sorted(self.suppressed, key=str):
            i = self.index[key]
            if i not in column:  # shown exactly elsewhere: recovered without solving
                found[key] = (int(low[i]), int(high[i]))
                continue
            j = column[i]
            ends = []
            for sense in (1, -1):
                c = np.zeros(len(free))
                c[j] = sense
                result = milp(c, constraints=[constraint], integrality=integral, bounds=bounds)
                assert result.status == 0, result.message
                ends.append(round(result.x[j]))
            found[key] = tuple(ends)
        return found


def published(client):
    """Everything an analyst downloads: all tables of every year and quarter, and the quarterly
    overviews. Returns the Reader with its equations."""
    from regions.models import Municipality

    reader = Reader()
    names = {m.name: m for m in Municipality.objects.all()}
    groups = defaultdict(lambda: defaultdict(set))  # (period, dimension) -> group label -> names
    for year in YEARS:
        for period in PERIODS:
            query = (
                f"period=year&year={year}"
                if period == "Y"
                else (f"period=quarter&year={year}&quarter={period[1]}")
            )
            response = client.get(f"/monitor/export/alles.xlsx?{query}")
            assert response.status_code == 200
            sheets = read_workbook(response.content)
            for dimension in stats.BREAKDOWNS:
                rows = sheets[dimension][2:]
                for column, kind in enumerate(KIND_OF_COLUMN, start=1):
                    parts = []
                    for row in rows:
                        if not row or row[0] is None or len(row) <= column:
                            continue
                        label, raw = row[0], row[column]
                        if label in ("Totaal", "Total"):
                            reader.know((year, period, kind, "total", ""), raw)
                            continue
                        key = (year, period, kind, dimension, label)
                        if reader.know(key, raw) is not None:
                            parts.append(key)
                    reader.equal((year, period, kind, "total", ""), parts)
            if period == "Y":
                table1 = [r for r in sheets["per-jaar"][2:] if r and r[0]]
                header = sheets["per-jaar"][1]
                for kind, row in zip(KIND_OF_COLUMN, table1, strict=False):
                    for column, raw in zip(header[1:], row[1:], strict=False):
                        if str(column) == str(year):
                            reader.know((year, "Y", kind, "total", ""), raw)
                table2 = sheets["vorm-per-jaar"]
                for row in table2[2:]:
                    if not row or row[0] is None:
                        continue
                    for column, raw in zip(table2[1][1:], row[1:], strict=False):
                        if str(column) != str(year):
                            continue
                        if row[0] in ("Totaal", "Total"):
                            reader.know((year, "Y", Kind.REPORT, "total", ""), raw)
                        else:
                            reader.know((year, "Y", Kind.REPORT, "form", row[0]), raw)
    # the attacker's own structure: quarters add up to the year, municipalities to regions
    labels = defaultdict(set)
    for year, _period, kind, dimension, label in list(reader.index):
        labels[(year, kind, dimension)].add(label)
    for (year, kind, dimension), values in labels.items():
        for label in values:
            reader.equal(
                (year, "Y", kind, dimension, label),
                [(year, q, kind, dimension, label) for q in PERIODS[1:]],
            )
    for key in list(reader.index):
        year, period, kind, dimension, label = key
        if dimension == "municipality" and label in names:
            m = names[label]
            groups[(year, period, kind, "region")][str(m.get_riec_region_display())].add(label)
            groups[(year, period, kind, "province")][str(m.get_province_display())].add(label)
    for (year, period, kind, group), members in groups.items():
        for label, munis in members.items():
            reader.equal(
                (year, period, kind, group, label),
                [(year, period, kind, "municipality", m) for m in munis],
            )
    # the quarterly overviews: the same form cells, and the same quarter a year earlier
    for year in YEARS[1:]:
        for quarter in (1, 2, 3, 4):
            page = client.get(f"/monitor/kwartaal/{year}/{quarter}/")
            table = page.context["quarter_table"]
            for label, cells, total in table.rows:
                for when, cell in ((year - 1, cells[0]), (year, cells[1])):
                    key = (
                        when,
                        f"Q{quarter}",
                        Kind.REPORT,
                        "total" if total else "form",
                        "" if total else label,
                    )
                    reader.know(key, cell.value if not cell.state else cell.shown)
    return reader


@pytest.fixture
def analyst(client, login, personas):
    login(client, personas[Role.ANALYST])
    return client


def attack(client):
    reader = published(client)
    intervals = reader.intervals()
    recovered = {k: v for k, v in intervals.items() if v[0] == v[1]}
    narrow = {k: v for k, v in intervals.items() if v[1] - v[0] < WIDTH}
    return intervals, recovered, narrow


def test_the_attacker_recovers_nothing_and_narrows_nothing(db, personas, analyst, settings):
    history(personas, random.Random(17))
    facts.rebuild()
    intervals, recovered, narrow = attack(analyst)
    # the four quarters of 1 are there and suppressed: the attack had something to try
    quarters = {k[1] for k in intervals if k[0] == 2022 and k[3] == "municipality"}
    assert {"Q1", "Q2", "Q3", "Q4"} <= quarters
    assert len(intervals) > 20
    # the rare form of 2023 is suppressed in Table 2 and in the quarterly overviews
    assert any(k[:2] == (2023, "Y") and k[3] == "form" for k in intervals)
    assert any(k[:2] == (2023, "Q2") and k[3] == "form" for k in intervals)
    assert not recovered, recovered
    assert not narrow, narrow


def test_without_secondary_suppression_the_attacker_wins(db, personas, analyst, monkeypatch):
    from monitor import protection

    def primary_only(problem, tables, previous):
        states = protection.primary(problem)
        return states, {}, [], 1, frozenset()

    monkeypatch.setattr(stats, "choose_suppression", primary_only)
    history(personas, random.Random(17))
    facts.rebuild()
    _intervals, recovered, narrow = attack(analyst)
    assert recovered or narrow


def test_the_reporting_point_still_gets_exact_tables(db, personas, client, login):
    rows = history(personas, random.Random(17))
    facts.rebuild()
    login(client, personas[Role.REPORTING_POINT_STAFF])
    page = client.get("/monitor/?period=year&year=2023")
    data = page.context["tables"][0][0]
    expected = defaultdict(int)
    for row in rows:
        expected[(row.created_at.year, row.kind)] += 1
    for kind, (_label, cells, _total) in zip(KIND_OF_COLUMN, data.rows, strict=True):
        assert [c.value for c in cells] == [expected[(y, kind)] for y in YEARS]
        assert not any(c.state for c in cells)
    table2 = page.context["tables"][2][0]
    names = {label: code for code, label in stats.labels("form").items()}
    by_form = defaultdict(int)
    for row in rows:
        if row.kind == Kind.REPORT:
            by_form[(row.created_at.year, row.primary_form)] += 1
    checked = 0
    for label, cells, total in table2.rows:
        if total:
            assert [c.value for c in cells] == [expected[(y, Kind.REPORT)] for y in YEARS]
        else:
            assert [c.value for c in cells] == [by_form[(y, names[label])] for y in YEARS]
        assert not any(c.state for c in cells)
        checked += 1
    assert checked >= 5
    # the percentages: the change on the year before, from the exact counts
    changes = page.context["tables"][1][0]
    for kind, (_label, cells, _total) in zip(KIND_OF_COLUMN, changes.rows, strict=True):
        before, this = expected[(2022, kind)], expected[(2023, kind)]
        assert before
        exact = (this - before) * 100 / before
        # rounded as the newsletter writes it: to the whole percent, from 50% on to 5%
        assert abs(cells[-1].fraction * 100 - exact) <= (2.5 if abs(exact) >= 50 else 0.5)
        assert str(cells[-1]).endswith("%")
    audit = client.get("/monitor/bescherming/")
    assert audit.status_code == 200
    assert audit.context["verdict"].approved
