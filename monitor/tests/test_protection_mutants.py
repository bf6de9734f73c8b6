"""The suppression's helpers where the brute-force comparison in test_monitor.py does not reach,
pinned so that a changed rule fails a test (the survivors of `make mutation` for
monitor/protection.py, docs/testing.md): cells whose history is known only per year (hidden) can
be zero and do not stop the search for cells that can be worked out; integer intervals merge
when they touch."""

from monitor.protection import HIDDEN, PRIMARY, _merge, pinned_cells


def test_a_cell_after_a_hidden_one_can_still_be_worked_out():
    # a - W = 4 with "<5" in a and W hidden (0 or more): only a = 4, W = 0 fits.
    assert pinned_cells([("W", -1, HIDDEN), ("a", 1, PRIMARY)], 4) == ["a"]


def test_a_hidden_cell_may_be_zero():
    # a + h = 2: a = 1 with h = 1, or a = 2 with h = 0. Nothing can be worked out.
    assert pinned_cells([("h", 1, HIDDEN), ("a", 1, PRIMARY)], 2) == []


def test_integer_intervals_merge_when_they_overlap_or_touch():
    assert _merge([(4, 5), (1, 3)]) == [(1, 5)]  # 1-3 and 4-5: every integer from 1 to 5
    assert _merge([(1, 3), (3, 5)]) == [(1, 5)]
    assert _merge([(1, 3), (5, 6)]) == [(1, 3), (5, 6)]  # 4 is missing
