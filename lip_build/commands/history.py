"""The Click commands `lip diff`, `lip report` and `lip codeowners` (registered in lip_build/cli.py).

Thin shells: parse options, call one function, print or write the result. Problems with Git or
the configuration end in a German message and exit code 1 (2 for a wrong call), never a traceback.
"""

from __future__ import annotations

from pathlib import Path

import click

from lip_build.atomic import atomic_file
from lip_build.commands.clickde import GermanChoice, GermanPath, LipCommand
from lip_build.commands.common import plan_root, valid_plan
from lip_build.errors import BuildError, CodeownersError, GitError

DIFF_FORMATS = ("text", "markdown", "html", "pdf")


def _write(text: str, ausgabe: Path, what: str, base: Path) -> Path:
    """Write `text` atomically to `ausgabe` (relative to `base`); a German error if that fails."""
    target = ausgabe if ausgabe.is_absolute() else base / ausgabe
    try:
        atomic_file(target, text.encode("utf-8"))
    except OSError as error:
        raise click.ClickException(
            f"{what} konnte nicht nach „{ausgabe}“ geschrieben werden: {error.strerror}."
        ) from None
    return target


def _emit(text: str, ausgabe: Path | None, what: str) -> None:
    if ausgabe is None or str(ausgabe) == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    _write(text, ausgabe, what, Path.cwd())
    click.echo(f"{what} geschrieben: {ausgabe}", err=True)


_AUSGABE = click.option(
    "--ausgabe",
    type=GermanPath(dir_okay=False, path_type=Path),
    default=None,
    metavar="DATEI",
    help="In diese Datei schreiben statt auf den Bildschirm.",
)


@click.command("diff", cls=LipCommand)
@click.argument("bisher", metavar="BISHER")
@click.argument("neu", metavar="[NEU]", required=False)
@click.option(
    "--format",
    "fmt",
    type=GermanChoice(DIFF_FORMATS),
    default="text",
    show_default=True,
    help="text: Übersicht im Terminal; markdown: Synopse für Pull-Requests und Wikis; html: Seite für den Browser; "
    "pdf: zweispaltige Synopse für die Beratung in den Gremien (mit --ausgabe).",
)
@_AUSGABE
@click.pass_context
def diff_command(ctx: click.Context, bisher: str, neu: str | None, fmt: str, ausgabe: Path | None) -> None:
    """Synopse: was sich zwischen zwei Fassungen des Plans geändert hat.

    BISHER und NEU sind Git-Versionen: Tags (v2.0), Zweige (main), Commits (a1b2c3d) oder HEAD~1.
    Ohne NEU wird mit dem Arbeitsordner verglichen, samt nicht eingecheckter Änderungen. Frühere
    Fassungen liest lip direkt aus Git; der Arbeitsordner bleibt unberührt.

    Beispiel: lip diff v2.0 main --format markdown --ausgabe synopse.md
    """
    from lip_build.history.versions import synopse
    from lip_build.outputs.synopse import render_html, render_markdown, render_text

    if fmt == "pdf" and (ausgabe is None or str(ausgabe) == "-"):
        raise click.UsageError(
            "Das PDF wird in eine Datei geschrieben: Geben Sie sie mit --ausgabe an, z. B. --ausgabe synopse.pdf.", ctx
        )
    root = plan_root(ctx)
    try:
        result = synopse(root, bisher, neu)
    except GitError as error:
        raise click.ClickException(str(error)) from None
    if fmt == "pdf" and ausgabe is not None:
        from lip_build.outputs.synopse.render_pdf import write_pdf

        try:
            write_pdf(root, result, ausgabe if ausgabe.is_absolute() else Path.cwd() / ausgabe)
        except BuildError as error:
            raise click.ClickException(str(error)) from None
        click.echo(f"Synopse geschrieben: {ausgabe}", err=True)
        return
    renderers = {"text": render_text.render, "markdown": render_markdown.render, "html": render_html.page}
    _emit(renderers[fmt](result), ausgabe, "Synopse")


@click.command("report", cls=LipCommand)
@click.option(
    "--base",
    required=True,
    metavar="VERSION",
    help="Stand, in den der Pull-Request einfließen soll, z. B. origin/main.",
)
@click.option(
    "--head",
    default=None,
    metavar="VERSION",
    help="Stand mit den Änderungen (Standard: der Arbeitsordner).",
)
@_AUSGABE
@click.pass_context
def report_command(ctx: click.Context, base: str, head: str | None, ausgabe: Path | None) -> None:
    """Bericht für einen Pull-Request (Markdown): Prüfung, Änderungen, Betroffene, zu Prüfendes.

    Verglichen wird mit dem Stand von BASE, von dem der Pull-Request abzweigt. Neue IDs, die es
    auf BASE inzwischen schon gibt, werden gemeldet.

    Beispiel: lip report --base origin/main > bericht.md
    """
    from lip_build.outputs.pull_request import build_report, render

    root = plan_root(ctx)
    try:
        bericht = build_report(root, base, head)
    except GitError as error:
        raise click.ClickException(str(error)) from None
    _emit(render(bericht), ausgabe, "Bericht")


@click.command("codeowners", cls=LipCommand)
@click.option(
    "--ausgabe",
    type=GermanPath(dir_okay=False, path_type=Path),
    default=Path(".github/CODEOWNERS"),
    show_default=True,
    metavar="DATEI",
    help="Zieldatei, relativ zum Plan (GitLab: .gitlab/CODEOWNERS; „-“ für den Bildschirm).",
)
@click.pass_context
def codeowners_command(ctx: click.Context, ausgabe: Path) -> None:
    """Schreibt CODEOWNERS: Änderungen an einem Handlungsfeld prüft dessen Expert*innengruppe.

    Welches Team auf GitHub oder GitLab zu welchem Gremium gehört, steht in codeowners.yml.
    """
    from lip_build.history import git
    from lip_build.outputs.codeowners import load_config, render

    root = plan_root(ctx)
    plan = valid_plan(ctx)
    try:
        place = git.prefix(root)
    except GitError:
        place = ""  # outside Git the plan folder is the top
    try:
        text = render(plan, load_config(root), place)
    except CodeownersError as error:
        raise click.ClickException(str(error)) from None
    if str(ausgabe) == "-":
        click.echo(text, nl=False)
        return
    target = _write(text, ausgabe, "CODEOWNERS", root)
    shown = target.relative_to(root).as_posix() if target.is_relative_to(root) else str(target)
    click.echo(f"Geschrieben: {shown} ({len(plan.handlungsfelder)} Handlungsfelder)")


COMMANDS = (diff_command, report_command, codeowners_command)
