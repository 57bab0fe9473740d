"""What every command needs: the plan folder, the validated plan, coloured output."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from lip_build.load.files import find_plan_root
from lip_build.model.plan import Plan

if TYPE_CHECKING:
    from lip_build.pipeline import Result
from lip_build.outputs import diagnostic_formats as report


def plan_root(ctx: click.Context) -> Path:
    given: Path | None = ctx.obj.get("plan")
    start = given or Path.cwd()
    root = find_plan_root(start) if given is None else (given if (given / "content/plan.md").is_file() else None)
    if root is None:
        raise click.UsageError(
            f"In „{start}“ (und darüber) wurde kein Plan gefunden: es fehlt die Datei content/plan.md. "
            "Wechseln Sie in den Ordner des Repositorys oder geben Sie ihn mit --plan an."
        )
    return root


def load_once(root: Path) -> Result:
    """The check of the plan for a command that ends afterwards (not lip serve).

    The collector is paused while a plan is read (load/files.gc_paused), which leaves what was read in
    its oldest generation; a full collection later in the command (the site and the PDFs allocate a
    lot) would walk all of it again. The plan stays alive until the command ends, so it is moved out
    of the collector's sight (gc.freeze). It has no reference cycles (tests/test_model.py), so
    nothing is lost; lip serve does not do this, because there every rebuild leaves garbage behind."""
    import gc

    from lip_build.pipeline import load_plan

    result = load_plan(root)
    gc.freeze()
    return result


def valid_plan(ctx: click.Context, release: bool = False) -> Plan:
    """The plan without errors; for a release (lip build --release) also without placeholders of lip new."""
    from lip_build.check.placeholders import CODES

    result = load_once(plan_root(ctx))
    if result.plan is None:
        click.echo(report.as_text(result.diagnostics, result.files), err=True)
        click.echo("Der Plan hat Fehler; bitte zuerst beheben (lip validate).", err=True)
        ctx.exit(1)
    placeholders = [d for d in result.diagnostics.items if d.code in {c.code for c in CODES}]
    if release and placeholders:
        click.echo("\n".join(d.as_text() for d in placeholders), err=True)
        click.echo(
            f"Eine Freigabe darf keine Platzhalter aus „lip new“ enthalten ({len(placeholders)} gefunden); "
            "bitte zuerst ausfüllen (lip validate zeigt sie als Warnung).",
            err=True,
        )
        ctx.exit(1)
    assert result.plan is not None
    return result.plan


def colour(text: str, fmt: str) -> str:
    if fmt != "text" or not sys.stdout.isatty() or os.environ.get("NO_COLOR"):
        return text
    red, yellow = click.style("Fehler", fg="red", bold=True), click.style("Warnung", fg="yellow", bold=True)
    lines = [
        line.replace(" Fehler:", f" {red}:", 1).replace(" Warnung:", f" {yellow}:", 1) for line in text.split("\n")
    ]
    return "\n".join(lines)
