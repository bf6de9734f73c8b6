"""The product's auditor (monitor.protection.Audit and secondary) on the two patterns of issue 17,
without a database: a year of 4 with four quarters of 1, and a form "<5" next to an exact total
that the quarters give away."""

from monitor import protection
from monitor.protection import PRIMARY, SECONDARY, Audit, Problem

QUARTERS = ["Q1", "Q2", "Q3", "Q4"]


def two_municipalities(a_quarters, b_quarters):
    values = {}
    for name, quarters in (("a", a_quarters), ("b", b_quarters)):
        for quarter, count in zip(QUARTERS, quarters, strict=True):
            values[("m", quarter, name)] = count
        values[("m", "Y", name)] = sum(quarters)
    for period in ["Y", *QUARTERS]:
        values[("t", period, "")] = values[("m", period, "a")] + values[("m", period, "b")]
    relations = [(("m", "Y", n), [("m", q, n) for q in QUARTERS]) for n in "ab"]
    relations += [(("t", p, ""), [("m", p, "a"), ("m", p, "b")]) for p in ["Y", *QUARTERS]]
    relations.append((("t", "Y", ""), [("t", q, "") for q in QUARTERS]))
    fixed = {cell for cell in values if cell[0] == "t"}
    return Problem(values, relations, fixed=fixed)


def test_a_year_of_four_with_four_quarters_of_one_is_pinned_by_primary_suppression_alone():
    problem = two_municipalities([1, 1, 1, 1], [10, 10, 10, 10])
    intervals = Audit(problem, protection.primary(problem)).intervals()
    assert intervals[("m", "Y", "a")] == (4, 4)
    assert all(intervals[("m", q, "a")] == (1, 1) for q in QUARTERS)


def test_the_auditor_suppresses_until_every_interval_is_wide_enough():
    problem = two_municipalities([1, 1, 1, 1], [10, 10, 10, 10])
    states, intervals, added, _rounds = protection.secondary(problem, protection.primary(problem))
    assert added
    assert all(high - low >= protection.protection_width() for low, high in intervals.values())
    # every "<5" keeps all of 1..4
    for cell, state in states.items():
        if state == PRIMARY:
            assert intervals[cell] == (1, protection.small_number())
    # and a fresh audit of the result agrees
    again = Audit(problem, states).intervals()
    assert again == intervals


def test_an_x_is_any_count_so_a_small_part_next_to_it_keeps_all_of_one_to_four():
    # total 7 = a (<5, really 2) + b (x, really 5): b can be 3..6, so a stays 1..4
    problem = Problem({"t": 7, "a": 2, "b": 5}, [("t", ["a", "b"])])
    intervals = Audit(problem, {"a": PRIMARY, "b": SECONDARY}).intervals()
    assert intervals["a"] == (1, 4)
    assert protection.exposed(intervals) == []
    # with a total of 3 = a (<5, 2) + b (x, 1) the x can only be 0..2: too narrow
    problem = Problem({"t": 3, "a": 2, "b": 1}, [("t", ["a", "b"])])
    intervals = Audit(problem, {"a": PRIMARY, "b": SECONDARY}).intervals()
    assert protection.exposed(intervals) == ["a", "b"]


def test_known_cells_count_as_published():
    problem = Problem({"t": 20, "a": 2, "b": 9, "c": 9}, [("t", ["a", "b", "c"])])
    states = {"a": PRIMARY, "b": SECONDARY, "c": SECONDARY}
    assert not protection.exposed(Audit(problem, states).intervals())
    # b and c were published exactly before with the same counts: a reader knows them
    intervals = Audit(problem, states, known=frozenset({"b", "c"})).intervals()
    assert intervals == {"a": (2, 2)}


def test_past_the_trial_budget_the_audit_still_decides(monkeypatch):
    """Without trial solves (budget spent) the cheapest candidates are taken untried: more cells
    may be suppressed, but nothing is released before every interval is wide enough."""
    monkeypatch.setattr(protection, "TRIAL_BUDGET", 0)
    problem = two_municipalities([1, 1, 1, 1], [10, 10, 10, 10])
    states, intervals, added, _rounds = protection.secondary(problem, protection.primary(problem))
    assert added
    assert all(high - low >= protection.protection_width() for low, high in intervals.values())
    assert Audit(problem, states).intervals() == intervals


# --- the shortcuts of secondary(), checked against exact intervals -------------------------------


def exact_intervals(problem, states):
    """Exact smallest and largest value of every suppressed, audited cell: a MILP per end with
    scipy (not the product's HiGHS wrapper), so the shortcuts are checked independently."""
    import numpy as np
    from scipy.optimize import Bounds, LinearConstraint, milp

    unknown = [cell for cell in problem.cells if cell in states]
    columns = [problem.index[cell] for cell in unknown]
    shown = np.ones(len(problem.cells), dtype=bool)
    shown[columns] = False
    rhs = -(problem.matrix[:, shown] @ problem.values[shown].astype(float))
    matrix = problem.matrix[:, columns]
    primary = [states[cell] == PRIMARY for cell in unknown]
    lower = np.array([1 if p else 0 for p in primary], dtype=float)
    upper = np.array([protection.small_number() if p else problem.bound for p in primary], float)
    result = {}
    for i, cell in enumerate(unknown):
        if states[cell] == protection.HIDDEN:
            continue
        ends = []
        for sense in (1.0, -1.0):
            objective = np.zeros(len(unknown))
            objective[i] = sense
            answer = milp(
                objective,
                constraints=[LinearConstraint(matrix, rhs, rhs)],
                integrality=np.ones(len(unknown)),
                bounds=Bounds(lower, upper),
            )
            ends.append(round(answer.x[i]))
        result[cell] = tuple(ends)
    return result


def random_problems(count):
    import random

    rng = random.Random(20261206)
    for _ in range(count):
        a = [rng.choice([0, 1, 2, 3, 4, 5, 6, 9]) for _ in QUARTERS]
        b = [rng.choice([0, 1, 2, 4, 7, 12]) for _ in QUARTERS]
        yield two_municipalities(a, b), rng


def test_a_relation_alone_allows_at_least_what_the_whole_system_allows():
    """widen_relations() relies on it: a cell narrow in one relation is narrow in the audit."""
    checked = 0
    for problem, rng in random_problems(12):
        states = protection.primary(problem)
        for cell in rng.sample(problem.cells, 3):
            states.setdefault(cell, SECONDARY)
        exact = exact_intervals(problem, states)
        for relation in range(problem.matrix.shape[0]):
            local = protection._relation_intervals(problem, states, frozenset(), relation)
            for cell, (low, high) in local.items():
                assert low <= exact[cell][0] and exact[cell][1] <= high, (cell, local, exact)
                checked += 1
    assert checked > 50


def test_more_suppression_never_narrows_an_interval():
    """secondary() relies on it: a cell shown wide enough stays so while cells are added."""
    checked = 0
    for problem, rng in random_problems(12):
        states = protection.primary(problem)
        before = exact_intervals(problem, states)
        candidate = rng.choice([c for c in problem.cells if states.get(c) != SECONDARY])
        after = exact_intervals(problem, {**states, candidate: SECONDARY})
        for cell, (low, high) in before.items():
            assert after[cell][0] <= low and high <= after[cell][1], (cell, before, after)
            checked += 1
    assert checked > 20


def test_widening_relations_leaves_no_relation_that_pins_a_cell_on_its_own():
    width = protection.protection_width()
    narrowed = 0
    for problem, _rng in random_problems(12):
        states = protection.primary(problem)
        relations = range(problem.matrix.shape[0])
        narrowed += any(
            high - low < width
            for relation in relations
            for low, high in protection._relation_intervals(
                problem, states, frozenset(), relation
            ).values()
        )
        widened, added = protection.widen_relations(problem, states)
        for relation in relations:
            for cell, (low, high) in protection._relation_intervals(
                problem, widened, frozenset(), relation
            ).items():
                assert high - low >= width, (cell, relation, added)
        for choice, _cell, _before, _after in added:
            assert states.get(choice) != SECONDARY and widened[choice] == SECONDARY
    assert narrowed  # the cases did need widening


def test_an_x_allows_every_value_a_small_count_or_a_shown_count_allowed():
    """The reason more suppression never narrows: the auditor's domain of an "x" contains the
    domain of a "<5" and every count that could be shown."""
    problem = two_municipalities([1, 2, 0, 30], [10, 10, 10, 10])
    x_low, x_high = protection._domain(problem, ("m", "Q1", "a"), SECONDARY)
    p_low, p_high = protection._domain(problem, ("m", "Q1", "a"), PRIMARY)
    assert x_low <= 0 and x_low <= p_low and p_high <= x_high
    assert x_high >= max(problem.values.tolist())


def test_the_protecting_cells_of_a_pinned_cell_make_it_wide_enough_in_one_step():
    """secondary() relies on it for a cell still exposed after a round: suppressing the cells
    protecting_cells() returns gives that cell an exact interval at least the protection width
    wide (checked with scipy's MILP, independently of the product's solver)."""
    width = protection.protection_width()
    opened = 0
    for problem, rng in random_problems(16):
        states = protection.primary(problem)
        for cell in rng.sample(problem.cells, 2):
            states.setdefault(cell, SECONDARY)
        blocks = protection.Blocks(problem)
        exact = exact_intervals(problem, states)
        for cell, (low, high) in exact.items():
            if high - low >= width:
                continue
            chosen, reached = protection.protecting_cells(
                problem, states, frozenset(), cell, width, blocks
            )
            if not chosen:
                continue
            assert all(states.get(other, PRIMARY) == PRIMARY for other in chosen)
            after = exact_intervals(problem, {**states, **dict.fromkeys(chosen, SECONDARY)})
            assert after[cell][1] - after[cell][0] >= width, (cell, chosen, after[cell])
            assert after[cell][0] <= reached[0] and reached[1] <= after[cell][1]
            assert reached[1] - reached[0] == width
            opened += 1
    assert opened > 10


def test_a_count_published_before_is_never_chosen_to_protect():
    problem = two_municipalities([1, 1, 1, 1], [10, 10, 10, 10])
    states = protection.primary(problem)
    blocks = protection.Blocks(problem)
    cell = ("m", "Y", "a")
    chosen, _reached = protection.protecting_cells(problem, states, frozenset(), cell, 3, blocks)
    known = frozenset(other for other in chosen if other not in states)
    assert known  # shown cells were chosen
    again, _reached = protection.protecting_cells(problem, states, known, cell, 3, blocks)
    assert again
    assert not set(again) & known
