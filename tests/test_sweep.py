"""A fast subset of the sweep of breakages (benchmarks/sweep_breakages.py): each case gives what it expects.

The whole sweep (70 and more cases, with `lip build`) is a script that reports; these cases run
`lip validate` only, through the same code, so the script and its verdicts stay working.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from sweep_breakages import CASES, _copy, run_case

FAST = [case for case in CASES if case.fast]


def test_the_sweep_covers_at_least_fifty_breakages() -> None:
    assert len(CASES) >= 50
    assert len({case.name for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", FAST, ids=lambda case: case.name)
def test_fast_case(case: object) -> None:
    outcome = run_case(case, build=False)  # type: ignore[arg-type]
    assert not outcome.traceback, outcome
    assert not outcome.silent_green, outcome
    assert outcome.verdict == "ok", outcome


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_every_case_still_applies_to_the_shipped_plan(case: object, tmp_path: Path) -> None:
    """Each change finds the text it breaks: after `lip format` rewrote lists as blocks, six cases
    looked for "[jugendliche, mso]" and the whole sweep stopped at the first of them."""
    root = _copy(tmp_path / "plan")
    for change in case.changes:  # type: ignore[attr-defined]
        change(root)
