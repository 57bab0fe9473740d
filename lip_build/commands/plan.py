"""The commands on the plan itself: validate, stats, new, schema, review, build, serve.

Thin shells: each parses its options and calls one function of the pipeline or an output.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from lip_build.commands.clickde import GermanChoice, GermanDate, GermanIntRange, GermanPath, LipCommand, LipGroup
from lip_build.commands.common import colour, load_once, plan_root, valid_plan
from lip_build.diagnostics import Severity
from lip_build.outputs import diagnostic_formats as report


@click.command(cls=LipCommand)
@click.option(
    "--format",
    "fmt",
    type=GermanChoice(report.FORMATS),
    default="text",
    show_default=True,
    help="Ausgabeformat: text für Menschen, json für Programme, github/gitlab für Anmerkungen im Pull-/Merge-Request.",
)
@click.option("--strict", is_flag=True, help="Auch Warnungen führen zum Exit-Code 1.")
@click.pass_context
def validate(ctx: click.Context, fmt: str, strict: bool) -> None:
    """Prüft alle Dateien des Plans und meldet jedes Problem mit Datei und Zeile.

    Exit-Code 0: keine Fehler; 1: Fehler (mit --strict auch Warnungen); 2: falscher Aufruf.
    """
    result = load_once(plan_root(ctx))
    click.echo(colour(report.render(fmt, result.diagnostics, result.files), fmt))
    failed = result.diagnostics.has_errors or (strict and result.diagnostics.count(Severity.WARNING) > 0)
    ctx.exit(1 if failed else 0)


@click.command(cls=LipCommand)
@click.option(
    "--format", "fmt", type=GermanChoice(("text", "json")), default="text", show_default=True, help="Ausgabeformat."
)
@click.option(
    "--stichtag",
    type=GermanDate(),
    default=None,
    help="Umsetzungsstand zu diesem Tag (TT.MM.JJJJ), aus dem Verlauf der Maßnahmen, wie im Sachstandsbericht.",
)
@click.pass_context
def stats(ctx: click.Context, fmt: str, stichtag: dt.date | None) -> None:
    """Zählt Ziele und Maßnahmen je Handlungsfeld und Status."""
    from lip_build.history.stamp import detect
    from lip_build.outputs.stats import render_stats
    from lip_build.view.stichtag import zum_stichtag

    plan = valid_plan(ctx)
    version = detect(plan_root(ctx), plan.info.stand)
    if stichtag is None:
        click.echo(render_stats(plan, fmt, version))
        return
    stand = zum_stichtag(plan, stichtag)
    for hinweis in stand.hinweise:
        click.echo(hinweis.as_text(), err=True)
    click.echo(render_stats(stand.plan, fmt, version, stichtag))


@click.command(cls=LipCommand)
@click.argument("art", type=GermanChoice(("ziel", "massnahme")))
@click.option("--handlungsfeld", required=True, metavar="KÜRZEL", help="Kürzel des Handlungsfelds, z. B. BIL.")
@click.option("--titel", required=True, metavar="TITEL", help="Titel des neuen Ziels bzw. der neuen Maßnahme.")
@click.option(
    "--ziel",
    "ziel",
    default=None,
    metavar="ID",
    help="Nur bei Maßnahmen: ID des ersten Ziels (Standard: erstes Ziel des Felds).",
)
@click.pass_context
def new(ctx: click.Context, art: str, handlungsfeld: str, titel: str, ziel: str | None) -> None:
    """Legt ein neues Ziel oder eine neue Maßnahme (ART: ziel oder massnahme) mit der nächsten freien ID an.

    Beispiel: lip new massnahme --handlungsfeld BIL --titel "Sprachcafés in Stadtteilbibliotheken"
    """
    from lip_build.edit.scaffold import create
    from lip_build.errors import ScaffoldError

    root = plan_root(ctx)
    try:
        path = create(root, art, handlungsfeld, titel, ziel)
    except ScaffoldError as error:
        raise click.UsageError(str(error)) from None
    click.echo(f"Angelegt: {path.relative_to(root).as_posix()}")
    click.echo("Füllen Sie jetzt die markierten Angaben aus und prüfen Sie mit „lip validate“.")


@click.command(cls=LipCommand)
@click.option(
    "--ausgabe",
    type=GermanPath(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Ordner für die Schema-Dateien (relativ zum Plan).",
)
@click.pass_context
def schema(ctx: click.Context, ausgabe: Path) -> None:
    """Schreibt JSON-Schemas des Kopfbereichs für Editoren (yaml-language-server)."""
    from lip_build.outputs.jsonschema import write_schemas

    root = plan_root(ctx)
    target = ausgabe if ausgabe.is_absolute() else root / ausgabe
    shown = target.relative_to(root).as_posix() if target.is_relative_to(root) else str(target)
    written = write_schemas(target, shown)
    click.echo(f"{len(written) - 1} Schemas und die Zuordnung zu den Dateien geschrieben nach {shown}/.")
    click.echo(
        f"Einrichtung im Editor: doku/inhaltsmodell.md, Abschnitt „Prüfung im Editor“ ({shown}/yaml-schemas.json)."
    )


@click.group(cls=LipGroup, options_metavar="[OPTIONEN]", subcommand_metavar="BEFEHL [ANGABEN]...")
def review() -> None:
    """Maßnahmen nach Änderungen an ihren Zielen prüfen und bestätigen."""


@review.command(cls=LipCommand)
@click.argument("ids", nargs=-1, metavar="ID...")
@click.option("--alle", is_flag=True, help="Alle Maßnahmen des Plans bestätigen.")
@click.pass_context
def confirm(ctx: click.Context, ids: tuple[str, ...], alle: bool) -> None:
    """Bestätigt, dass Maßnahmen noch zu ihren Zielen passen (ID einer Maßnahme oder eines Ziels).

    Beispiel: lip review confirm BIL-M04 – oder BIL-Z02 für alle Maßnahmen, die diesem Ziel dienen.
    """
    from lip_build.check.document import read_documents
    from lip_build.diagnostics import Diagnostics
    from lip_build.edit.confirm import confirm as record
    from lip_build.errors import ReviewError

    root = plan_root(ctx)
    documents, _ = read_documents(root, Diagnostics())
    if alle:
        ids = tuple(d.identifier for d in documents if d.kind.name == "massnahme" and d.identifier)
    if not ids:
        raise click.UsageError("Nennen Sie mindestens eine ID (z. B. BIL-M04) oder --alle.")
    try:
        written = record(root, documents, list(ids))
    except ReviewError as error:
        raise click.UsageError(str(error)) from None
    for path in written:
        click.echo(f"Bestätigt: {path.relative_to(root).as_posix()}")
    if not written:
        click.echo("Nichts zu tun: alles war schon bestätigt.")


@click.command("format", cls=LipCommand)
@click.option("--check", is_flag=True, help="Nichts ändern, nur melden (Exit-Code 1, wenn eine Datei abweicht).")
@click.pass_context
def format_command(ctx: click.Context, check: bool) -> None:
    """Schreibt den Kopfbereich aller Dateien in der einheitlichen Form (wie der Web-Editor).

    Reihenfolge der Angaben wie im Inhaltsmodell, Listen untereinander, Anführungszeichen nur wo
    nötig (und immer bei OE- und Drucksachennummern). Der Text unter dem Kopfbereich bleibt unverändert.
    Exit-Code 0: alles einheitlich (oder umgeschrieben); 1: mit --check weicht eine Datei ab, oder eine
    Datei ist nicht lesbar.
    """
    from lip_build.edit.reformat import format_plan

    outcome = format_plan(plan_root(ctx), check)
    if outcome.diagnostics.items:
        click.echo(report.as_text(outcome.diagnostics, len(outcome.diagnostics.items)), err=True)
    for path in outcome.refused:
        click.echo(f"{path}: nicht umgeschrieben – die einheitliche Form würde einen Wert verändern.", err=True)
    for path in outcome.changed:
        if check:
            click.echo(f"{path}: Kopfbereich nicht in der einheitlichen Form (umschreiben mit „lip format“).")
        else:
            click.echo(f"Umgeschrieben: {path}")
        for line in outcome.comments.get(path, []):
            verb = "würde entfernt" if check else "entfernt"
            click.echo(f"{path}:{line}: Kommentar im Kopfbereich {verb} (Hinweise gehören in den Text).")
    if not outcome.changed:
        click.echo("Alle Kopfbereiche sind in der einheitlichen Form.")
    elif check:
        click.echo(f"{len(outcome.changed)} Dateien weichen ab; „lip format“ schreibt sie um.")
    failed = bool(outcome.diagnostics.items or outcome.refused or (check and outcome.changed))
    ctx.exit(1 if failed else 0)


@click.command(cls=LipCommand)
@click.option("--site", "only_site", is_flag=True, help="Nur die Website erstellen.")
@click.option("--pdf", "only_pdf", is_flag=True, help="Nur die Drucksache als PDF erstellen.")
@click.option("--docx", "only_docx", is_flag=True, help="Nur die Drucksache als DOCX erstellen.")
@click.option("--quiet", "-q", is_flag=True, help="Keine Fortschrittsanzeige.")
@click.option(
    "--release", is_flag=True, help="Offizielle Fassung: nur aus einem getaggten Commit ohne offene Änderungen."
)
@click.pass_context
def build(ctx: click.Context, only_site: bool, only_pdf: bool, only_docx: bool, quiet: bool, release: bool) -> None:
    """Prüft den Plan und erstellt Website (site/) und Drucksache (dist/)."""
    from lip_build.errors import BuildError
    from lip_build.outputs.build import run_build

    plan = valid_plan(ctx, release=release)
    targets = {t for t, chosen in (("site", only_site), ("pdf", only_pdf), ("docx", only_docx)) if chosen}
    try:
        notes = run_build(plan_root(ctx), plan, targets or {"site", "pdf", "docx"}, quiet=quiet, release=release)
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    for note in notes:
        click.echo(note, err=True)


@click.command(cls=LipCommand)
@click.pass_context
def export(ctx: click.Context) -> None:
    """Schreibt Ziele und Maßnahmen als offene Daten nach dist/daten/.

    CSV für Excel (Semikolon, Dezimalkomma, TT.MM.JJJJ) und maschinenlesbar, eine Excel-Arbeitsmappe
    mit einem Blatt je Handlungsfeld, den ganzen Plan als JSON mit JSON Schema und die Beschreibung
    für ein Open-Data-Portal (DCAT-AP.de). „lip build“ schreibt sie mit der Website.
    """
    from lip_build.errors import BuildError
    from lip_build.history.stamp import detect
    from lip_build.outputs.opendata import write_exports

    plan = valid_plan(ctx)
    root = plan_root(ctx)
    try:
        written = write_exports(root, plan, detect(root, plan.info.stand))
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    for path in written:
        click.echo(f"Geschrieben: {path.relative_to(root).as_posix()}")


@click.command(cls=LipCommand)
@click.option(
    "--ausgabe",
    type=GermanPath(file_okay=False, path_type=Path),
    default=Path("site/admin"),
    show_default=True,
    help="Ordner für den Web-Editor (relativ zum Plan).",
)
@click.pass_context
def cms(ctx: click.Context, ausgabe: Path) -> None:
    """Schreibt den Web-Editor (Decap CMS): Seite, aus dem Inhaltsmodell erzeugte Formulare, Skripte.

    „lip build --site“ schreibt ihn ebenfalls, nach site/admin/. Einrichtung: doku/web-editor.md.
    """
    from lip_build.errors import BuildError
    from lip_build.outputs.cms import write_admin

    plan = valid_plan(ctx)
    root = plan_root(ctx)
    target = ausgabe if ausgabe.is_absolute() else root / ausgabe
    try:
        written = write_admin(root, plan, target)
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    shown = target.relative_to(root).as_posix() if target.is_relative_to(root) else str(target)
    click.echo(f"Web-Editor geschrieben nach {shown}/ ({len(written)} Dateien, Formulare in {shown}/config.yml).")


@click.command(cls=LipCommand)
@click.option(
    "--port",
    type=GermanIntRange(0, 65535),
    default=8000,
    show_default=True,
    metavar="PORT",
    help="Port der Vorschau auf 127.0.0.1.",
)
@click.pass_context
def serve(ctx: click.Context, port: int) -> None:
    """Zeigt eine Vorschau der Website auf http://127.0.0.1:PORT/ und erneuert sie bei jeder Änderung.

    Hat der Plan nach einer Änderung Fehler, erscheinen die Meldungen von „lip validate“ und die
    Vorschau zeigt weiter den letzten fehlerfreien Stand. Beenden mit Strg+C.
    """
    from lip_build.errors import BuildError
    from lip_build.outputs.site.serve import serve as preview

    try:
        preview(plan_root(ctx), port, click.echo)
    except BuildError as error:
        raise click.ClickException(str(error)) from None


@click.group("import", cls=LipGroup, options_metavar="[OPTIONEN]", subcommand_metavar="BEFEHL [ANGABEN]...")
def import_group() -> None:
    """Bearbeitete Exporte (Excel, CSV) in den Plan übernehmen."""


@import_group.command("status", cls=LipCommand)
@click.argument("datei", type=GermanPath(exists=True, dir_okay=False, path_type=Path), metavar="DATEI")
@click.option("--ja", is_flag=True, help="Ohne Rückfrage schreiben (für Skripte).")
@click.pass_context
def import_status(ctx: click.Context, datei: Path, ja: bool) -> None:
    """Übernimmt den Umsetzungsstand aus einer bearbeiteten katalog.xlsx oder massnahmen*.csv.

    Nur die Spalten zum Umsetzungsstand (Status, Stand vom, Bemerkung) dürfen sich geändert haben.
    Zeigt jede Änderung je Maßnahme und schreibt erst nach Rückfrage (oder mit --ja). Kann eine Zeile
    nicht übernommen werden, nennt lip Zeile und Spalte und schreibt nichts. Exit-Code 1 bei Fehlern.
    """
    from lip_build.commands.status_import import run_import

    plan = valid_plan(ctx)
    ctx.exit(run_import(plan_root(ctx), plan, datei, ja))


COMMANDS = (validate, stats, new, schema, format_command, review, build, export, import_group, cms, serve)
