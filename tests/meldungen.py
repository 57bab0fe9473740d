"""The exact wording of every finding of every fixture and scenario, kept in tests/snapshots/meldungen.json.

Codes and lines alone let a wrong value in a message pass ("Meinten Sie …?" with the wrong
suggestion, a list of allowed values that lost one). Each fixture and scenario therefore also
compares its full output, line by line, with the snapshot. After an intended change of wording:

    LIP_MELDUNGEN_ERNEUERN=1 .venv/bin/pytest tests/test_diagnostics.py tests/test_diagnostics_cases.py

and review the diff of tests/snapshots/meldungen.json before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from lip_build.diagnostics import Diagnostics

SNAPSHOT = Path(__file__).resolve().parent / "snapshots" / "meldungen.json"


def check_messages(case: str, diagnostics: Diagnostics) -> None:
    lines = [d.as_text() for d in diagnostics.items]
    recorded: dict[str, list[str]] = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.is_file() else {}
    if os.environ.get("LIP_MELDUNGEN_ERNEUERN"):
        recorded[case] = lines
        SNAPSHOT.write_text(json.dumps(recorded, ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8")
        return
    assert case in recorded, f"{case}: keine Meldungen in {SNAPSHOT.name}; erneuern mit LIP_MELDUNGEN_ERNEUERN=1"
    assert lines == recorded[case]
