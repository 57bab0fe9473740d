"""`lip import status`: read an edited export, show the changes, write them after confirmation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from lip_build.edit.status_import import Table, apply, changes, describe, read_tables
from lip_build.errors import StatusImportError
from lip_build.model.plan import Plan
from lip_build.view.formats import anzahl


def reference(kind: str, plan: Plan) -> tuple[list[Table], list[str]]:
    """The measure tables of a fresh export of the plan in the same format, and the key of each column."""
    from lip_build.outputs.opendata import tables
    from lip_build.outputs.opendata.columns import columns

    keys = [c.key for c in columns("massnahme")]
    if kind == "xlsx":
        workbook = tables.xlsx(plan, dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
        found = [t for t in read_tables("katalog.xlsx", workbook)[1] if t.header[: len(keys)] == _labels()]
        return found, keys
    if kind == "german":
        return read_tables("massnahmen.csv", tables.csv_german(plan, "massnahme"))[1], keys
    return read_tables("m.csv", tables.csv_machine(plan, "massnahme"))[1], keys


def _keys() -> list[str]:
    from lip_build.outputs.opendata.columns import columns

    return [c.key for c in columns("massnahme")]


def _labels() -> list[str]:
    from lip_build.outputs.opendata.columns import columns

    return [c.label for c in columns("massnahme")]


def run_import(root: Path, plan: Plan, datei: Path, ja: bool) -> int:
    name = datei.name
    try:
        try:
            data = datei.read_bytes()
        except OSError as error:
            raise StatusImportError([f"{name}: nicht lesbar ({error.strerror or error})."]) from None
        kind, uploaded = read_tables(name, data)
        if (
            kind == "machine"
            and uploaded[0].header
            and "id" not in uploaded[0].header
            and "Kennung" in "".join(uploaded[0].header)
        ):
            kind = "german"
        found = changes(name, uploaded, *reference(kind, plan), plan, dict(zip(_keys(), _labels(), strict=True)))
    except StatusImportError as error:
        for problem in error.problems:
            click.echo(problem, err=True)
        click.echo("Nichts geschrieben: bitte die genannten Zellen korrigieren und erneut einlesen.", err=True)
        return 1
    if not found:
        click.echo("Keine Änderungen: der Umsetzungsstand in der Datei entspricht dem Plan.")
        return 0
    click.echo(f"Änderungen aus {name}:")
    for change in found:
        click.echo(f"  {describe(change)}")
    measures = len({c.id for c in found})
    if not ja:
        try:
            count = anzahl(len(found), "Änderung", "Änderungen")
            question = f"{count} in {anzahl(measures, 'Maßnahme', 'Maßnahmen')} schreiben?"
            agreed = _yes(click.prompt(f"{question} [j/N]", default="", show_default=False))
        except click.Abort:
            agreed = False
        if not agreed:
            click.echo("Nichts geschrieben.")
            return 1
    try:
        written = apply(root, plan, found)
    except StatusImportError as error:
        for problem in error.problems:
            click.echo(problem, err=True)
        click.echo("Nichts geschrieben.", err=True)
        return 1
    for path in written:
        click.echo(f"Geschrieben: {path.relative_to(root).as_posix()}")
    return 0


def _yes(answer: str) -> bool:
    """Ja auf Deutsch (j, ja) – und y, yes, wie es viele Werkzeuge gewohnt sind; alles andere heißt nein."""
    return answer.strip().lower() in {"j", "ja", "y", "yes"}
