"""Protection of small numbers: what the monitor may show outside the reporting point.

The rules (docs/monitor.md explains them for readers):

1. Primary suppression: a count from 1 up to settings.SIGNAAL_SMALL_NUMBER (4) is shown as "<5".
   Zero is shown: that nothing happened identifies no one.
2. Secondary suppression: the published figures are linked by sums - a row of a breakdown adds up
   to the total of its period, municipalities add up to their RIEC region and province, and the
   four quarters (plus history counted only per year) add up to the year. For every such sum
   ("relation") the suppressed cells must stay uncertain: each must keep at least two possible
   values, knowing that a "<5" cell is 1-4 and that a cell suppressed to protect others ("x") is 0
   or at least 5. Where a relation would pin a cell down, one more cell of that relation is
   suppressed: the smallest count of at least 5 if there is one, else a zero, and only when no part
   is left, the relation's total. This repeats until every relation is safe.
3. One pattern for everything: the cells of one year - the year, its quarters, every dimension,
   every region and province - are protected together, once per recount of the facts
   (monitor.facts.rebuild() stores the suppressed cells), so that a table of the year and a table
   of one of its quarters, a breakdown and its chart, the screen and the export all show the same
   cells suppressed, and two overlapping exports cannot be subtracted to recover a cell.
   Protected views offer only whole years and quarters: arbitrary date ranges could be subtracted
   from each other, so they are for the reporting point, which sees exact numbers anyway.

The check per relation (rule 2) is exact for that relation and gives the starting set only.
Combinations of relations are decided by the auditor further down: everything released as one
system of linear relations, every suppressed cell's interval computed with HiGHS
(highspy), more cells suppressed until each interval is at least
protection_width() wide; only a set it approves is released (monitor.stats.protect_all).
"""

import os
import threading
from collections import defaultdict, deque

from django.conf import settings

INF = float("inf")
PRIMARY = "primary"
SECONDARY = "secondary"
HIDDEN = "hidden"  # counted, never published on its own (history known only per year)

# Possible values of a suppressed cell as the reader sees it, as sorted lists of closed intervals.
PERIOD_YEAR = "Y"
QUARTERS = ["Q1", "Q2", "Q3", "Q4"]
UNALLOCATED = "U"  # the part of a year that is not in any quarter
TOTAL = "total"


def small_number():
    return settings.SIGNAAL_SMALL_NUMBER


def domain(state):
    if state == PRIMARY:
        return [(1, small_number())]
    if state == SECONDARY:
        return [(0, 0), (small_number() + 1, INF)]
    return [(0, INF)]


def _merge(intervals):
    intervals = sorted(intervals)
    merged = []
    for lo, hi in intervals:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


def _add(a, b):
    """Minkowski sum of two sets of integers given as intervals."""
    return _merge([(alo + blo, ahi + bhi) for alo, ahi in a for blo, bhi in b])


def _possible(own, rest, total):
    """How many values (capped at 2) the cell can take when cell + rest == total."""
    found = 0
    for lo, hi in own:
        for rlo, rhi in rest:
            # cell = total - r for r in [rlo, rhi]: cell in [total - rhi, total - rlo]
            clo, chi = max(lo, total - rhi), min(hi, total - rlo)
            if clo <= chi:
                found += 1 if clo == chi else 2
                if found >= 2:
                    return 2
    return found


def _negate(intervals):
    return _merge([(-hi, -lo) for lo, hi in intervals])


def pinned_cells(unknowns, target):
    """Which unknowns of one relation the reader can work out. The relation, with what is visible
    moved to the right: sum(sign * cell) == target, where `unknowns` lists (cell, sign, state) for
    the suppressed cells (+1 for a part, -1 for the whole)."""
    if all(sign > 0 and state == PRIMARY for _, sign, state in unknowns):
        # only "<5" parts with a known sum: k parts can make every sum from k to 4k, and a part is
        # pinned only at the two ends
        k, limit = len(unknowns), small_number()
        if target in (k, limit * k) or k == 1:
            return [cell for cell, _, _ in unknowns]
        return []
    domains = [domain(state) if sign > 0 else _negate(domain(state)) for _, sign, state in unknowns]
    # prefix[i]: the sums the domains before i can make; suffix[i]: those from i on
    prefix = [[(0, 0)]]
    for dom in domains:
        prefix.append(_add(prefix[-1], dom))
    suffix = [[(0, 0)]]
    for dom in reversed(domains):
        suffix.append(_add(suffix[-1], dom))
    suffix.reverse()
    pinned = []
    for i, (cell, _, state) in enumerate(unknowns):
        if state == HIDDEN:
            continue
        rest = _add(prefix[i], suffix[i + 1])
        if _possible(domains[i], rest, target) <= 1:
            pinned.append(cell)
    return pinned


class Table:
    """Cells with exact values and the relations (whole = sum of parts) between them."""

    def __init__(self):
        self.values = defaultdict(int)
        self.relations = []  # (whole, [parts])
        self.hidden = set()
        self.fixed = set()  # cells that may not be chosen for secondary suppression if avoidable

    def relate(self, whole, parts):
        parts = [part for part in parts if part != whole]
        if parts:
            self.relations.append((whole, parts))

    def protect(self):
        """Return {cell: state} for every suppressed (or hidden) cell."""
        limit = small_number()
        states = {cell: PRIMARY for cell, value in self.values.items() if 1 <= value <= limit}
        for cell in self.hidden:
            states[cell] = HIDDEN
        # A worklist: every relation is checked once, and again whenever one of its cells gets
        # suppressed; first in, first out, so the pattern is the same on every recount.
        containing = defaultdict(list)
        for number, (whole, parts) in enumerate(self.relations):
            for cell in (whole, *parts):
                containing[cell].append(number)
        queue = deque(range(len(self.relations)))
        queued = set(queue)
        while queue:
            number = queue.popleft()
            queued.discard(number)
            addition = self._unsafe(states, *self.relations[number])
            if addition is None:
                continue
            states[addition] = SECONDARY
            for other in [number, *containing[addition]]:
                if other not in queued:
                    queue.append(other)
                    queued.add(other)
        return states

    def _unsafe(self, states, whole, parts):
        """A cell to suppress so that this relation becomes safe, or None when it is safe (or
        nothing is left to suppress)."""
        unknowns = [(part, 1, states[part]) for part in parts if part in states]
        visible = sum(self.values[part] for part in parts if part not in states)
        if whole in states:
            unknowns.append((whole, -1, states[whole]))
            target = -visible
        else:
            target = self.values[whole] - visible
        if not unknowns or not pinned_cells(unknowns, target):
            return None
        return self._choose(states, whole, parts)

    def _choose(self, states, whole, parts):
        limit = small_number()
        candidates = [part for part in parts if part not in states]
        free = [part for part in candidates if part not in self.fixed] or candidates
        big = [part for part in free if self.values[part] > limit]
        if big:
            return min(big, key=lambda part: (self.values[part], str(part)))
        zeros = [part for part in free if self.values[part] == 0]
        if zeros:
            return min(zeros, key=str)
        if candidates:
            return min(candidates, key=lambda part: (self.values[part], str(part)))
        return None if whole in states else whole


# --- the auditor: everything released as one set of linear relations, checked with an LP solver ---
#
# The heuristic above (Table.protect) looks at one relation at a time. What is published together
# is one system of equations: every relation of every period, dimension, region, province and kind
# of a year (and so of every table, export, chart and quarterly overview built from them). The
# auditor writes it as a sparse matrix R (one row per relation, +1 for a part, -1 for its whole,
# so that R @ values == 0), moves what is shown exactly to the right-hand side, and asks the MILP
# solver HiGHS (highspy) for the smallest and the largest value of every suppressed
# cell that is consistent with everything published, knowing what a reader knows:
#
# - counts are whole numbers of at least 0;
# - a "<5" cell is 1..SIGNAAL_SMALL_NUMBER;
# - an "x" cell is any whole number of at least 0: an "x" may also hide a small count (a "<5"
#   turned into "x", see _candidates), so a reader cannot rule out 1..4;
# - hidden cells (history counted per year only) are any whole number of at least 0;
# - cells published before with the same count are known (they are on the right-hand side).
#
# A set is released only when every suppressed cell's interval [lowest, highest] is at least
# protection_width() wide; otherwise _candidates() picks more cells to suppress and the audit runs
# again (docs/monitor.md, "Protection of small numbers").

import highspy  # noqa: E402
import numpy as np  # noqa: E402 - the auditor's imports, kept with it
from scipy import sparse  # noqa: E402
from scipy.sparse.csgraph import connected_components  # noqa: E402


def protection_width():
    """The least width (highest - lowest) of every suppressed cell's interval: the width of the
    "<5" class itself (1..4 spans 3), so that no reader can narrow a "<5" beyond what "<5" says,
    nor an "x" to fewer than four possible counts."""
    return small_number() - 1


class Problem:
    """Cells (any hashable keys) with exact values and relations whole == sum(parts), as a sparse
    matrix for the auditor. `fixed` cells (totals) are suppressed only as a last resort."""

    def __init__(self, values, relations, hidden=(), fixed=()):
        values = dict(values)
        for whole, parts in relations:  # a cell only in a relation counts 0
            for cell in (whole, *parts):
                values.setdefault(cell, 0)
        self.cells = list(values)
        self.index = {cell: i for i, cell in enumerate(self.cells)}
        self.values = np.array([values[cell] for cell in self.cells], dtype=np.int64)
        self.hidden = set(hidden)
        self.fixed = set(fixed)
        rows, cols, data = [], [], []
        for number, (whole, parts) in enumerate(relations):
            rows.append(number)
            cols.append(self.index[whole])
            data.append(-1.0)
            for part in parts:
                rows.append(number)
                cols.append(self.index[part])
                data.append(1.0)
        shape = (len(relations), len(self.cells))
        self.matrix = sparse.csr_matrix((data, (rows, cols)), shape=shape)
        self.by_cell = self.matrix.tocsc()
        self.bound = int(max(self.values.max(initial=0), small_number() + 1))

    def relations_of(self, cell):
        column = self.index[cell]
        return self.by_cell.indices[self.by_cell.indptr[column] : self.by_cell.indptr[column + 1]]

    def cells_of(self, relation):
        row = self.matrix.indices[self.matrix.indptr[relation] : self.matrix.indptr[relation + 1]]
        return [self.cells[i] for i in row]

    def value(self, cell):
        return int(self.values[self.index[cell]])


def _domain(problem, cell, state):
    """(lowest, highest) of a suppressed cell as a reader knows it: a "<5" is
    1..small number, an "x" or a hidden cell any whole number up to the largest count (which
    includes every value a "<5" or a shown count could have: more suppression never narrows)."""
    limit = small_number()
    if state == PRIMARY:
        return 1, limit
    return 0, problem.bound


class Audit:
    """The system of one set of suppressed cells: the unknowns, the relations they are in, and
    their connected components (cells that share no chain of relations are solved apart)."""

    def __init__(self, problem, states, known=frozenset()):
        self.problem = problem
        self.states = states
        mask = np.zeros(len(problem.cells), dtype=bool)
        for cell in states:
            if cell not in known:
                mask[problem.index[cell]] = True
        self.columns = np.flatnonzero(mask)
        matrix = problem.matrix
        rhs = -(matrix[:, ~mask] @ problem.values[~mask].astype(float))
        unknown = matrix[:, self.columns].tocsr()
        rows = np.flatnonzero(np.diff(unknown.indptr))
        self.unknown = unknown[rows]
        self.rhs = rhs[rows]
        self.full_rhs = rhs  # every relation, with what is shown moved to the right
        self.row_ids = rows  # the problem's relation of every row of self.unknown
        self.row_of = np.full(matrix.shape[0], -1, dtype=np.int64)
        self.row_of[rows] = np.arange(len(rows))
        if len(self.columns):
            graph = self.unknown.T @ self.unknown
            _count, self.labels = connected_components(graph, directed=False)
        else:
            self.labels = np.zeros(0, dtype=np.int64)
        first = self.unknown.indices[self.unknown.indptr[:-1]]
        self.row_labels = self.labels[first] if len(rows) else np.zeros(0, dtype=np.int64)
        self.position = {int(c): i for i, c in enumerate(self.columns)}
        self._variables = _groups(self.labels)
        self._rows = _groups(self.row_labels)

    def component(self, label):
        empty = np.zeros(0, dtype=np.int64)
        return self._variables.get(label, empty), self._rows.get(label, empty)

    def intervals(self, cache=None, settled=None):
        """{cell: (lowest, highest)} of every suppressed, not hidden cell. `settled`
        ({cell: interval}) names cells already shown wide enough in a system of which this one
        is a widening (see secondary()): they are not solved again and keep the interval given,
        and a component with only settled cells is not solved at all."""
        problem = self.problem
        labels = range(int(self.labels.max(initial=-1)) + 1)
        settled = settled or {}
        result = {}
        for label in labels:
            variables, rows = self.component(label)
            names = [problem.cells[self.columns[v]] for v in variables]
            skip = np.array([name in settled for name in names], dtype=bool)
            if all(skip | np.array([self.states[name] == HIDDEN for name in names])):
                result.update({name: settled[name] for name in names if name in settled})
                continue
            key = None
            if cache is not None:
                key = (
                    tuple(names),
                    tuple(self.states[name] for name in names),
                    tuple(self.rhs[rows].tolist()),
                    tuple(np.flatnonzero(skip).tolist()),
                )
                if key in cache:
                    result.update(cache[key])
                    continue
            found = self._solve(variables, rows, skip=skip if skip.any() else None)
            found.update({name: settled[name] for name in names if name in settled})
            if key is not None:
                cache[key] = found
            result.update(found)
        return result

    def _solve(self, variables, rows, skip=None):
        """Intervals of the component's cells (but those where `skip` is true). Every solution
        the solver returns is a whole-number assignment consistent with everything published, so
        the values seen across them lie inside every cell's interval: two solves (smallest and
        largest sum of all cells) usually show most intervals wide enough at once (repeated for
        the cells still too narrow while that helps), and a cell is
        solved on its own only while what was seen is narrower than the protection width (its
        interval is then exact at the end that was solved)."""
        problem = self.problem
        names = [problem.cells[self.columns[v]] for v in variables]
        states = [self.states[name] for name in names]
        matrix = self.unknown[rows][:, variables] if len(rows) else None
        return _solve_system(problem, names, states, matrix, self.rhs[rows], skip=skip)

    def trial_interval(self, cell, candidate):
        """The interval of `cell` if `candidate` (shown now) were suppressed too ("x"), as far as
        needed to tell whether it is wide enough - the same answer as a new Audit with the
        candidate suppressed would give for `cell`, computed on the
        one component it changes: the component of `cell`, joined with the components of every
        relation of `candidate` and the candidate itself, with the candidate's count moved from
        the right-hand side into the unknowns."""
        problem = self.problem
        column = problem.index[candidate]
        relations = problem.relations_of(candidate)
        own = int(self.labels[self.position[problem.index[cell]]])
        inside = self.row_of[relations]
        labels = {own, *self.row_labels[inside[inside >= 0]].tolist()}
        variables = np.concatenate([self.component(label)[0] for label in sorted(labels)])
        audit_rows = np.concatenate([self.component(label)[1] for label in sorted(labels)])
        full_rows = np.unique(np.concatenate([self.row_ids[audit_rows], relations]))
        columns = np.append(self.columns[variables], column)
        matrix = problem.matrix[full_rows][:, columns].tocsr()
        rhs = self.full_rhs[full_rows] + matrix[:, -1].toarray().ravel() * problem.values[column]
        names = [problem.cells[c] for c in columns]
        states = [self.states[name] for name in names[:-1]] + [SECONDARY]
        only = names.index(cell)
        return _solve_system(problem, names, states, matrix, rhs, only=only)[cell]


def _solve_system(problem, names, states, matrix, rhs, only=None, skip=None):
    """The intervals of one connected system: `names` and their `states`, `matrix @ x == rhs`
    (see Audit._solve). Cells where `skip` is true are not asked for (they are known to be wide
    enough) and are left out of the result."""
    width = protection_width()
    domains = [_domain(problem, name, state) for name, state in zip(names, states, strict=True)]
    lower = np.array([d[0] for d in domains], dtype=float)
    upper = np.array([d[1] for d in domains], dtype=float)
    truth = problem.values[[problem.index[name] for name in names]].astype(float)
    seen = [truth.copy(), truth.copy()]
    audited = np.array([state != HIDDEN for state in states])
    if skip is not None:
        audited &= ~skip
    system = _System(matrix, rhs, lower, upper)

    def solve(objective):
        x = system.solve(objective)
        seen[0], seen[1] = np.minimum(seen[0], x), np.maximum(seen[1], x)

    positions = range(len(names)) if only is None else [only]
    if only is None:
        # push all cells still too narrow down together, then up, while that widens any
        narrow = audited & (seen[1] - seen[0] < width)
        while narrow.sum() > 1:
            solve(narrow.astype(float))
            solve(-narrow.astype(float))
            still = audited & (seen[1] - seen[0] < width)
            if still.sum() == narrow.sum():
                break
            narrow = still
    result = {}
    for i in positions:
        if not audited[i]:
            continue
        for sense in (1.0, -1.0):
            if seen[1][i] - seen[0][i] >= width:
                break
            reached = seen[0][i] <= lower[i] if sense > 0 else seen[1][i] >= upper[i]
            if not reached:
                objective = np.zeros(len(names))
                objective[i] = sense
                solve(objective)
        result[names[i]] = (int(seen[0][i]), int(seen[1][i]))
    return result


_solvers = threading.local()


def _highs():
    """One HiGHS instance per thread and process, reused for every system (HiGHS prints its
    banner once per process, when the first instance is made; an instance made before a fork is
    not used in the child, whose copy of HiGHS's thread pool has no threads)."""
    highs = getattr(_solvers, "highs", None)
    if highs is None or _solvers.pid != os.getpid():
        highs = _new_highs()
        _solvers.highs, _solvers.pid = highs, os.getpid()
    return highs


def _new_highs():
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("threads", 1)
    return highs


class _System:
    """One system `matrix @ x == rhs`, lower <= x <= upper, loaded into HiGHS once and solved for
    one objective after another: only the costs change, so the simplex starts from the last
    optimal basis (a hot start) instead of from nothing. The LP relaxation first: where its optimum
    is a whole-number point it is the optimum over whole numbers too (these tables are sums within
    sums, whose LP vertices are whole numbers); otherwise the same model is solved as a MILP."""

    def __init__(self, matrix, rhs, lower, upper, highs=None):
        self.size = len(lower)
        self.columns = np.arange(self.size, dtype=np.int32)
        highs = self.highs = _highs() if highs is None else highs
        highs.clearModel()
        model = highspy.HighsLp()
        model.num_col_ = self.size
        model.col_cost_ = np.zeros(self.size)
        model.col_lower_ = lower
        model.col_upper_ = upper
        if matrix is not None and matrix.shape[0]:
            columns = sparse.csc_matrix(matrix)
            model.num_row_ = columns.shape[0]
            model.row_lower_ = np.asarray(rhs, dtype=float)
            model.row_upper_ = np.asarray(rhs, dtype=float)
            model.a_matrix_.format_ = highspy.MatrixFormat.kColwise
            model.a_matrix_.start_ = columns.indptr
            model.a_matrix_.index_ = columns.indices
            model.a_matrix_.value_ = columns.data.astype(float)
        else:
            model.a_matrix_.start_ = np.zeros(self.size + 1, dtype=np.int32)
        highs.passModel(model)

    def solve(self, objective):
        highs = self.highs
        highs.changeColsCost(self.size, self.columns, np.asarray(objective, dtype=float))
        x = self._run()
        rounded = np.round(x)
        if np.abs(x - rounded).max(initial=0) < 1e-6:
            return rounded
        whole = np.full(self.size, highspy.HighsVarType.kInteger)
        highs.changeColsIntegrality(self.size, self.columns, whole)
        try:
            return np.round(self._run())
        finally:
            continuous = np.full(self.size, highspy.HighsVarType.kContinuous)
            highs.changeColsIntegrality(self.size, self.columns, continuous)

    def relaxed(self, objective, lower, upper):
        """The optimum of the LP relaxation for `objective` within new bounds, None when there
        is none."""
        highs = self.highs
        highs.changeColsBounds(self.size, self.columns, lower, upper)
        highs.changeColsCost(self.size, self.columns, np.asarray(objective, dtype=float))
        highs.run()
        if highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            return None
        return np.array(highs.getSolution().col_value)

    def _run(self):
        highs = self.highs
        highs.run()
        status = highs.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"the auditor's solver failed: {highs.modelStatusToString(status)}")
        return np.array(highs.getSolution().col_value)


def _groups(labels):
    """{label: indices with that label}, in one sort."""
    if not len(labels):
        return {}
    order = np.argsort(labels, kind="stable")
    ordered = labels[order]
    starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
    ends = [*starts[1:], len(labels)]
    return {int(ordered[a]): order[a:b] for a, b in zip(starts, ends, strict=True)}


def exposed(intervals, width=None):
    """The cells whose interval is narrower than the protection width, in a stable order."""
    width = protection_width() if width is None else width
    return [cell for cell, (low, high) in intervals.items() if high - low < width]


def _candidates(problem, states, known, cell, reach=1, near=None):
    """Cells that could protect `cell`, cheapest first: a shown count above the small number in
    one of its relations (the smallest), then a shown zero, then a "<5" turned into "x" (the cell
    itself first: then a reader no longer knows it is 1..4), and only then a total. With reach 2
    also the cells of the relations of those cells; `near` gives the cells to choose from."""
    limit = small_number()
    if near is None:
        near = [cell]
        for _step in range(reach):
            near = [
                other
                for one in near
                for relation in problem.relations_of(one)
                for other in problem.cells_of(relation)
            ]
    seen = set()
    ranked = []
    for other in near:
        if other in seen or other in known or other in problem.hidden:
            continue
        seen.add(other)
        state = states.get(other)
        value = problem.value(other)
        if state is None:
            if other in problem.fixed:
                rank = (3, value)
            elif value > limit:
                rank = (0, value)
            elif value == 0:
                rank = (1, 0)
            else:
                continue  # a small count is always primary
        elif state == PRIMARY:
            rank = (2, 0 if other == cell else 1)
        else:
            continue
        ranked.append((rank, problem.index[other], other))
    return [other for _rank, _i, other in sorted(ranked)]


def _relation_intervals(problem, states, known, relation):
    """{cell: (lowest, highest)} of the audited suppressed cells of one relation, by interval
    arithmetic over the reader's domains and the relation alone. The relation on its own allows
    at least everything the whole system allows, so a cell narrow here is narrow in the audit."""
    start, end = problem.matrix.indptr[relation], problem.matrix.indptr[relation + 1]
    columns = problem.matrix.indices[start:end]
    signs = problem.matrix.data[start:end]
    terms = []  # (cell, sign, audited, lowest and highest of sign * cell)
    for column, sign in zip(columns.tolist(), signs.tolist(), strict=True):
        cell = problem.cells[column]
        state = states.get(cell)
        if state is None or cell in known:
            low = high = int(problem.values[column])
        else:
            low, high = _domain(problem, cell, state)
        if sign < 0:
            low, high = -high, -low
        audited = state is not None and state != HIDDEN and cell not in known
        terms.append((cell, sign, audited, low, high))
    lowest = sum(term[3] for term in terms)
    highest = sum(term[4] for term in terms)
    result = {}
    for cell, sign, audited, low, high in terms:
        if audited:
            # sign * cell == -(the rest), and the rest lies in [lowest - low, highest - high]
            top, bottom = min(high, low - lowest), max(low, high - highest)
            result[cell] = (bottom, top) if sign > 0 else (-top, -bottom)
    return result


def widen_relations(problem, states, known=frozenset(), width=None, relations=None):
    """Suppress more cells until no relation on its own pins a suppressed cell to fewer than
    `width` + 1 values: a cheap first step before the auditor (every cell this finds, the audit
    would find exposed too). Each relation is checked once, and again when one of its cells gets
    suppressed; the cell added is the cheapest candidate of that relation (as in _candidates).
    `relations` limits the first pass to those relations (the relations of cells just suppressed).
    Returns (states, added) with added as in secondary()."""
    width = protection_width() if width is None else width
    states = dict(states)
    added = []
    queue = deque(range(problem.matrix.shape[0]) if relations is None else sorted(relations))
    queued = set(queue)
    while queue:
        relation = queue.popleft()
        queued.discard(relation)
        intervals = _relation_intervals(problem, states, known, relation)
        narrow = [cell for cell, (low, high) in intervals.items() if high - low < width]
        if not narrow:
            continue
        cell = narrow[0]
        near = problem.cells_of(relation)
        candidates = _candidates(problem, states, known, cell, near=near)
        if not candidates:
            continue  # the audit decides, with the other relations of the cell
        choice = candidates[0]
        states[choice] = SECONDARY
        after = _relation_intervals(problem, states, known, relation)[cell]
        added.append((choice, cell, intervals[cell], after))
        for other in [relation, *problem.relations_of(choice).tolist()]:
            if other not in queued:
                queue.append(other)
                queued.add(other)
    return states, added


TRIES = 3  # candidates tried per exposed cell
# Trial solves per recount. Trials only choose which cell to add; the audit that decides the
# release is the same without them. Past this budget the cheapest candidate is taken untried, so
# a large set costs more suppressed cells instead of hours of solving.
TRIAL_BUDGET = 300
MAX_ROUNDS = 5000


def secondary(problem, states, known=frozenset(), width=None, cache=None):
    """Suppress more cells until the audit holds. Returns (states, intervals, added, rounds):
    `added` lists, in order, (cell added, cell it protects, its interval before, after).

    First every relation on its own is made wide enough (widen_relations). Each round then audits
    the cells not yet shown wide enough, and for every exposed cell (unless it or one of its
    protectors was just changed) suppresses at once the cells of the cheapest way it can move by
    the protection width (protecting_cells: a chain through region, quarters and municipalities
    is opened in one step, not one cell a round). Only where no such way exists (counts published
    before are in the way) it tries its cheapest candidates one by one as before: the first that
    makes it wide enough, else the one that widened it most, else, when nothing widens any exposed
    cell, the cheapest candidate of the first one. The cells a round suppressed get the check of
    widen_relations on their relations. The result is released only after a fresh audit of the
    whole set finds every interval wide enough."""
    width = protection_width() if width is None else width
    states = dict(states)
    cache = {} if cache is None else cache
    added = []
    trials = 0
    # Cells shown wide enough stay so: a round only suppresses more (a shown count or a "<5"
    # becomes "x", whose possible values include the ones before), so every assignment consistent
    # with what was published before is consistent with what is published now, and no interval
    # can narrow. A round therefore solves only the cells not yet shown wide; the release is
    # decided by a fresh audit of the final set that trusts nothing from the rounds.
    states, added = widen_relations(problem, states, known, width)
    settled, quick = {}, {}
    blocks = Blocks(problem)
    for rounds in range(1, MAX_ROUNDS + 1):
        audit = Audit(problem, states, known)
        intervals = audit.intervals(cache=quick, settled=settled)
        bad = exposed(intervals, width)
        if not bad:
            intervals = audit.intervals(cache=cache)
            bad = exposed(intervals, width)
            if not bad:
                return states, intervals, added, rounds
        settled = {
            cell: interval
            for cell, interval in intervals.items()
            if interval[1] - interval[0] >= width
        }
        touched = set()
        fallback = None
        before_states = set(states)
        for cell in sorted(bad, key=problem.index.get):
            if cell in touched:
                continue
            before = intervals[cell]
            chosen, reached = protecting_cells(problem, states, known, cell, width, blocks)
            chosen = [other for other in chosen if other not in touched]
            if chosen:
                for choice in chosen:
                    states[choice] = SECONDARY
                    added.append((choice, cell, before, reached))
                touched.update((*chosen, cell))
                continue
            candidates = _candidates(problem, states, known, cell)
            candidates = candidates or _candidates(problem, states, known, cell, reach=2)
            if not candidates:
                continue
            if fallback is None:
                fallback = (candidates[0], cell, before, before)
            choice, best = None, before
            tried = candidates[:TRIES] if trials < TRIAL_BUDGET else []
            for candidate in tried:
                trials += 1
                low, high = audit.trial_interval(cell, candidate)
                if high - low > best[1] - best[0]:
                    choice, best = candidate, (low, high)
                if high - low >= width:
                    break
            if not tried:
                choice = candidates[0]
            if choice is None:
                continue
            states[choice] = SECONDARY
            added.append((choice, cell, before, best))
            # the cell and its protector wait for the next round's audit
            touched.update((choice, cell))
        if not touched:
            if fallback is None:
                raise Unprotectable(bad[0], intervals[bad[0]])
            states[fallback[0]] = SECONDARY
            added.append(fallback)
        # the cells suppressed in this round may be pinned by a relation on its own
        new = [cell for cell in states if cell not in before_states]
        relations = {r for cell in new for r in problem.relations_of(cell).tolist()}
        states, more = widen_relations(problem, states, known, width, relations=relations)
        added.extend(more)
    raise Unprotectable(None, None)


class Blocks:
    """The problem's cells in blocks that share no relation (the cells of one year and kind), and
    the relations of every block: a protecting set never leaves the block of its cell."""

    def __init__(self, problem):
        self.problem = problem
        graph = problem.by_cell.T @ problem.by_cell if problem.matrix.shape[0] else None
        if graph is None:
            self.labels = np.arange(len(problem.cells))
        else:
            _count, self.labels = connected_components(graph, directed=False)
        first = problem.matrix.indices[problem.matrix.indptr[:-1]]
        self._columns = _groups(self.labels)
        self._rows = _groups(self.labels[first]) if len(first) else {}
        self._movers = {}

    def of(self, cell):
        """(columns, rows, mover) of the block of `cell`: the mover is the block's linear
        programme over the upward and downward change of each cell, loaded into its own HiGHS
        instance once and re-solved warm with new bounds and costs (see protecting_cells)."""
        label = int(self.labels[self.problem.index[cell]])
        columns = self._columns[label]
        rows = self._rows.get(label, np.zeros(0, dtype=np.int64))
        if label not in self._movers:
            matrix = self.problem.matrix[rows][:, columns]
            both = sparse.hstack([matrix, -matrix]).tocsc()  # change = up part - down part
            zero = np.zeros(both.shape[1])
            self._movers[label] = _System(
                both, np.zeros(both.shape[0]), zero, zero, highs=_new_highs()
            )
        return columns, rows, self._movers[label]


def protecting_cells(problem, states, known, cell, width, blocks):
    """The shown cells to suppress so that `cell` can move by `width` in all: the cheapest change
    of every cell of its block that keeps every relation and every reader's domain (a shown cell
    that moves becomes "x", 0 up to the largest count), found as a linear programme over the
    upward and downward change of each cell, up as far as the cell's domain allows and down for
    the rest. Cells suppressed as "x" move free, a "<5" nearly free; a count published exactly
    before does not move; a larger shown count costs a little more than a smaller one, a zero
    more, a total most (the order of _candidates). Returned: every shown cell that moves in the
    answer and every "<5" that leaves 1..small number (it becomes an "x"). Once they are
    suppressed the changed counts are a solution consistent with everything published, so the
    cell's interval is at least `width` wide (when the LP's optimum is a whole-number point, as it
    is for these sums of sums; otherwise the next audit finds the cell exposed again). Returns
    (cells, the interval the cell is then known to span at least); no cells when no such change
    exists."""
    columns, _rows, mover = blocks.of(cell)
    size = len(columns)
    values = problem.values[columns].astype(float)
    lower, upper = np.zeros(size), np.full(size, float(problem.bound))
    cost = np.zeros(size)
    limit = small_number()
    for i, column in enumerate(columns.tolist()):
        other = problem.cells[column]
        state = states.get(other)
        if other in known:
            lower[i] = upper[i] = values[i]
        elif state == PRIMARY and other != cell:
            cost[i] = 0.5  # moves, and becomes an "x" if it leaves 1..small number
        elif state is not None:
            lower[i], upper[i] = _domain(problem, other, state)
        elif other in problem.fixed:
            cost[i] = 10.0
        elif values[i] > limit:
            cost[i] = 1.0 + values[i] / problem.bound
        else:
            cost[i] = 2.0
    position = int(np.flatnonzero(columns == problem.index[cell])[0])
    own_low, own_high = _domain(problem, cell, states[cell])
    value = values[position]
    up = min(width, own_high - value)
    down = width - up
    reached = (int(value - down), int(value + up))
    if down > value - own_low:
        return [], reached
    chosen = set()
    for amount, side in ((up, 0), (down, 1)):
        if amount <= 0:
            continue
        high = np.concatenate([upper - values, values - lower])
        low = np.zeros(2 * size)
        low[side * size + position] = high[side * size + position] = amount
        other_side = (1 - side) * size + position
        high[other_side] = 0.0
        change = mover.relaxed(np.concatenate([cost, cost]), low, high)
        if change is None:
            return [], reached
        after = values + change[:size] - change[size:]
        moved = np.flatnonzero(np.abs(after - values) > 1e-6)
        for i in moved.tolist():
            other = problem.cells[columns[i]]
            state = states.get(other)
            shown = state is None and other not in known
            leaves = state == PRIMARY and not 1 - 1e-6 <= after[i] <= limit + 1e-6
            if shown or leaves:
                chosen.add(other)
    return sorted(chosen, key=problem.index.get), reached


class Unprotectable(Exception):
    """No further suppression protects a cell: the set cannot be released."""

    def __init__(self, cell, interval):
        super().__init__(f"cannot protect {cell!r} (interval {interval})")
        self.cell, self.interval = cell, interval


def primary(problem):
    """Counts from 1 to the small number, shown as "<5"; hidden cells."""
    limit = small_number()
    states = {
        cell: PRIMARY
        for cell, value in zip(problem.cells, problem.values.tolist(), strict=True)
        if 1 <= value <= limit
    }
    states.update(dict.fromkeys(problem.hidden, HIDDEN))
    return states
