"""`lip build`: the outputs of a validated plan (website in site/, documents in dist/)."""

from __future__ import annotations

from pathlib import Path

from .model import Plan


class BuildError(Exception):
    """A build step failed; the message is German and says what to do."""


def run_build(root: Path, plan: Plan, targets: set[str], quiet: bool = False) -> None:
    names = {"site": "die Website", "pdf": "die Drucksache als PDF", "docx": "die Drucksache als DOCX"}
    missing = ", ".join(names[t] for t in sorted(targets))
    raise BuildError(
        f"Der Plan ist gültig, aber {missing} kann lip noch nicht erstellen: diese Ausgaben sind in Arbeit. "
        "Bis dahin prüft „lip validate“ den Plan und „lip stats“ zeigt Kennzahlen."
    )
