r"""The case screen and work lists with Python-rendered widgets and dates, or with Django's.

Runs bench/case_bench.py (same arguments, same output) after patching in Django's own rendering
for what --stock names, so that the two can be compared on one machine with the same data:

    checkboxes  reports.forms.LongCheckboxSelectMultiple renders through Django's templates
    longselect  reports.forms.LongSelect (the 342 municipalities) renders through Django's templates
    all         both

Without --stock nothing is patched (the tree as it is). Run the two with the same size, close
together, and compare the cpu column (the wall clock of a shared machine moves with the other
work on it) and p50/p95 of (a)-(m):

    .venv/bin/python bench/widget_bench.py --reports 5000 --requests 30
    .venv/bin/python bench/widget_bench.py --stock all --reports 5000 --requests 30

Issue 20 (December 2026, SQLite, shared 2-core machine, these two commands and --stock
checkboxes): mean CPU per work list page 27 ms as it is, 78 ms with Django's templates (the
municipality select); the case screen with 20 of everything 154-159 ms, 204-210 ms with Django's
checkbox templates. Two more copies were measured then and dropped: Python-rendered selects of a
few dozen options (FastSelect) and a copy of the |date filter (reports/dates.py LocalDates),
together +4.7 ms CPU on a work list page and nothing measurable on the case screen.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import case_bench  # noqa: E402

KINDS = ("checkboxes", "longselect")


def patch(kinds):
    from django import forms

    from reports import forms as report_forms

    stock_render = forms.Widget.render
    if "checkboxes" in kinds:
        report_forms.LongCheckboxSelectMultiple.render = stock_render
    if "longselect" in kinds:
        report_forms.LongSelect.render = stock_render


def main():
    argv = sys.argv[1:]
    kinds = set()
    if "--stock" in argv:
        at = argv.index("--stock")
        kinds = set(argv[at + 1].split(","))
        del argv[at : at + 2]
        if "all" in kinds:
            kinds = set(KINDS)
        unknown = kinds - set(KINDS)
        if unknown:
            sys.exit(f"--stock: unknown {', '.join(sorted(unknown))}; one or more of {KINDS}")
    sys.argv[1:] = argv
    setup = case_bench.setup_django

    def setup_and_patch(directory, database_url):
        connection = setup(directory, database_url)
        patch(kinds)
        print(f"Django's own rendering for: {', '.join(sorted(kinds)) or 'nothing'}", flush=True)
        return connection

    case_bench.setup_django = setup_and_patch
    case_bench.COMMAND = ".venv/bin/python bench/widget_bench.py" + (
        f" --stock {','.join(sorted(kinds))}" if kinds else ""
    )
    case_bench.main()


if __name__ == "__main__":
    main()
