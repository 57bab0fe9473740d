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


def test_benchmark_scripts_import_what_exists() -> None:
    """The scripts run their measurements in child processes from code strings; their imports must resolve."""
    import ast
    import importlib

    scripts = sorted((Path(__file__).resolve().parent.parent / "benchmarks").glob("bench_*.py"))
    checked = 0
    for script in scripts:
        tree = ast.parse(script.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "import" in node.value:
                for line in node.value.splitlines():
                    if line.startswith("from lip_build"):
                        module, names = line[5:].split(" import ")
                        found = importlib.import_module(module.strip())
                        for name in names.split(","):
                            assert hasattr(found, name.strip()), f"{script.name}: {line}"
                        checked += 1
    assert checked >= 8
