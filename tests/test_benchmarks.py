"""The benchmark's synthetic plans are what they claim: clean plans of the requested size.

Timing is the benchmark scripts' job (benchmarks/), never a test's; this only keeps them runnable.
"""

from __future__ import annotations

import sys
from pathlib import Path

from lip_build.pipeline import load_plan

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from synthetic import write_synthetic_plan


def test_synthetic_plan_validates_clean(tmp_path: Path) -> None:
    result = load_plan(write_synthetic_plan(tmp_path / "plan", 100))
    assert [d.as_text() for d in result.diagnostics.items] == []
    assert result.plan is not None and len(result.plan.massnahmen) == 100
