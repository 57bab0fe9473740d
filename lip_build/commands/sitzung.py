"""`lip sitzung beschlussliste DATEI`: the decision list of one session as PDF in dist/."""

from __future__ import annotations

from pathlib import Path

import click

from lip_build.commands.clickde import GermanPath, LipCommand, LipGroup
from lip_build.commands.common import plan_root, valid_plan


@click.group("sitzung", cls=LipGroup, options_metavar="[OPTIONEN]", subcommand_metavar="BEFEHL [ANGABEN]...")
def sitzung_group() -> None:
    """Dokumente zu den Sitzungen der Gremien (content/sitzungen/)."""


@sitzung_group.command("beschlussliste", cls=LipCommand)
@click.argument("datei", type=GermanPath(exists=True, dir_okay=False, path_type=Path), metavar="DATEI")
@click.pass_context
def beschlussliste(ctx: click.Context, datei: Path) -> None:
    """Schreibt die Beschlussliste einer Sitzung als PDF nach dist/ (für das Protokoll).

    DATEI ist die Datei der Sitzung, z. B. content/sitzungen/lenkungsgruppe-2024-03-12.md. Die Liste
    nennt Gremium, Datum, Tagesordnung und jeden Beschluss mit Ziel oder Maßnahme, Änderung und
    Begründung. Der Plan muss fehlerfrei sein (lip validate).
    """
    from lip_build.errors import BuildError
    from lip_build.history.stamp import detect
    from lip_build.outputs.beschlussliste import find_sitzung, write_pdf

    root = plan_root(ctx)
    plan = valid_plan(ctx)
    sitzung = find_sitzung(root, plan, datei)
    if sitzung is None:
        vorhanden = ", ".join(x.quelle.pfad for x in plan.sitzungen) or "keine"
        raise click.ClickException(
            f"„{datei}“ ist keine Sitzung dieses Plans. Sitzungen liegen in content/sitzungen/ "
            f"(je Sitzung eine Datei). Vorhandene Sitzungen: {vorhanden}."
        )
    try:
        target = write_pdf(root, plan, sitzung, detect(root, plan.info.stand))
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    click.echo(f"Geschrieben: {target.relative_to(root).as_posix()}")


COMMANDS = (sitzung_group,)
