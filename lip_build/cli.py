"""The `lip` command line: the group with its global option; the commands live in lip_build.commands."""

from __future__ import annotations

from pathlib import Path

import click

from lip_build.commands import bericht, history, plan, sitzung
from lip_build.commands.clickde import GermanPath, LipGroup


@click.group(cls=LipGroup, options_metavar="[OPTIONEN]", subcommand_metavar="BEFEHL [ANGABEN]...")
@click.option(
    "--plan",
    type=GermanPath(file_okay=False, path_type=Path),
    default=None,
    metavar="ORDNER",
    help="Ordner des Plans (Standard: der nächste Ordner mit content/plan.md).",
)
@click.version_option(package_name="lip-build", message="lip %(version)s", help="Version anzeigen.")
@click.pass_context
def cli(ctx: click.Context, plan: Path | None) -> None:
    """lip – der Lokale Integrationsplan als Code.

    Prüft den Plan, erstellt Website und Ratsdrucksache und hilft beim Anlegen neuer Ziele und
    Maßnahmen. Hilfe zu einem Befehl: lip BEFEHL --help
    """
    ctx.ensure_object(dict)
    ctx.obj["plan"] = plan


for command in (*plan.COMMANDS, *history.COMMANDS, *sitzung.COMMANDS, *bericht.COMMANDS):
    cli.add_command(command)


def main() -> None:
    cli(prog_name="lip")
