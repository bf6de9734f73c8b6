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

The check per relation is exact for that relation; combinations of several relations are covered
by the heuristic of rule 2 (at least two suppressed cells per relation), as in the hypercube
method of statistical offices, not by a full linear-programming audit.
"""

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
