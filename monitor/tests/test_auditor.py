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
