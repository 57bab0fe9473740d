"""The Click command `lip bericht` (registered in lip_build/cli.py): the Sachstandsbericht to the council.

A thin shell: parse the options, read the plan as of the Stichtag and the status changes from Git, call
outputs.bericht.write_bericht. Problems end in a German message and exit code 1 (2 for a wrong call).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from lip_build.commands.clickde import GermanDate, LipCommand
from lip_build.commands.common import plan_root, valid_plan
from lip_build.diagnostics import Diagnostics
from lip_build.errors import BuildError, GitError
from lip_build.load.source import read_source
from lip_build.model.plan import Plan
from lip_build.schema import DRUCKSACHE_NR


def _nummer(ctx: click.Context, param: click.Parameter, value: str) -> str:
    if not DRUCKSACHE_NR.match(value.strip()):
        raise click.BadParameter(
            f"„{value}“ ist keine Drucksachennummer. Schreiben Sie sie wie NNNN/JJJJ, z. B. 1234/2027.", ctx, param
        )
    return value.strip()


@click.command("bericht", cls=LipCommand)
@click.option("--stichtag", required=True, type=GermanDate(), help="Tag, zu dem berichtet wird (TT.MM.JJJJ).")
@click.option(
    "--seit",
    default=None,
    metavar="TAG|DATUM",
    help="Beginn des Berichtszeitraums: Git-Tag oder -Version (v2.0) oder Datum (31.12.2026). Standard: der "
    "letzte Berichtsstand vor dem Stichtag.",
)
@click.option("--nummer", required=True, callback=_nummer, metavar="NNNN/JJJJ", help="Nummer der Drucksache.")
@click.option(
    "--datum",
    "unterschrift",
    type=GermanDate(),
    default=None,
    help="Datum unter der Drucksache („Hannover / …“). Standard: der Stichtag.",
)
@click.option(
    "--ohne-spaetere",
    is_flag=True,
    help="Einträge im Verlauf nach dem Stichtag auslassen, für einen Bericht zu einem früheren Stichtag "
    "(ohne diese Angabe ist ein solcher Eintrag ein Fehler).",
)
@click.option("--quiet", "-q", is_flag=True, help="Keine Fortschrittsanzeige.")
@click.pass_context
def bericht_command(
    ctx: click.Context,
    stichtag: dt.date,
    seit: str | None,
    nummer: str,
    unterschrift: dt.date | None,
    ohne_spaetere: bool,
    quiet: bool,
) -> None:
    """Schreibt den Sachstandsbericht (Informationsdrucksache) als PDF und DOCX nach dist/.

    Der Stand jeder Maßnahme ist der letzte Eintrag ihres Verlaufs bis zum Stichtag. Ein Eintrag nach
    dem Stichtag ist ein Fehler (mit Datei und Zeile), etwa ein vertipptes Jahr; für einen Bericht zu
    einem früheren Stichtag lässt --ohne-spaetere solche Einträge aus (mit Hinweis). Welche Maßnahmen
    seit --seit ihren Umsetzungsstand geändert haben, liest lip aus der Git-Geschichte der
    Maßnahmendateien.

    Beispiel: lip bericht --stichtag 30.06.2027 --seit 31.12.2026 --nummer 1234/2027
    """
    from lip_build.history.stamp import detect
    from lip_build.history.transitions import since
    from lip_build.outputs.bericht import write_bericht
    from lip_build.outputs.bericht.assemble import Auftrag
    from lip_build.outputs.progress import Progress
    from lip_build.view.stichtag import vorheriger_stand, zum_stichtag

    root = plan_root(ctx)
    plan = valid_plan(ctx)
    if not ohne_spaetere and (spaetere := _eintraege_nach(root, plan, stichtag)):
        for ort, datum in spaetere:
            click.echo(
                f"{ort}: Fehler: Der Eintrag im Verlauf vom {datum:%d.%m.%Y} liegt nach dem Stichtag "
                f"{stichtag:%d.%m.%Y}.",
                err=True,
            )
        click.echo(
            f"Ein Bericht zum {stichtag:%d.%m.%Y} kann diese Einträge noch nicht kennen: Prüfen Sie ihr Datum (ein "
            "vertipptes Jahr?) und den Stichtag. Für einen Bericht zu einem früheren Stichtag, der spätere Einträge "
            "auslässt, rufen Sie lip bericht mit --ohne-spaetere auf. Nichts geschrieben.",
            err=True,
        )
        ctx.exit(1)
    stand = zum_stichtag(plan, stichtag)
    for hinweis in stand.hinweise:
        click.echo(hinweis.as_text(), err=True)
    beginn = seit or (f"{vorher:%d.%m.%Y}" if (vorher := vorheriger_stand(stand.plan, stichtag)) else None)
    try:
        verlauf = since(root, beginn) if beginn else None
    except GitError as error:
        if seit is not None:
            raise click.ClickException(str(error)) from None
        # The period was not asked for: the report is still useful without the changes of its period.
        click.echo(
            f"Hinweis: Die Änderungen seit dem {beginn} fehlen im Bericht, weil Git sie nicht liefert: {error}",
            err=True,
        )
        verlauf = None
    if verlauf is not None and (spaeter := verlauf.nach(stichtag)):
        click.echo(
            f"Hinweis: {len(spaeter)} Änderungen des Umsetzungsstands nach dem Stichtag werden nicht aufgeführt "
            f"({', '.join(w.massnahme for w in spaeter[:8])}{' …' if len(spaeter) > 8 else ''}).",
            err=True,
        )
    auftrag = Auftrag(nummer, stand, verlauf, unterschrift or stichtag)
    try:
        written = write_bericht(root, auftrag, detect(root, plan.info.stand), Progress(quiet=quiet))
    except BuildError as error:
        raise click.ClickException(str(error)) from None
    for path in written:
        click.echo(f"Geschrieben: {path.relative_to(root).as_posix()}")


def _eintraege_nach(root: Path, plan: Plan, stichtag: dt.date) -> list[tuple[str, dt.date]]:
    """Each entry of a Verlauf dated after the Stichtag: "datei:zeile:spalte" of its date, and the date."""
    found = []
    for m in plan.massnahmen:
        spaeter = [(i, e.datum) for i, e in enumerate(m.umsetzung.verlauf) if e.datum > stichtag]
        if not spaeter:
            continue
        source = read_source(root, m.quelle.pfad, Diagnostics())  # the plan validated: the file reads again
        for index, datum in spaeter:
            pos = source.line_of("umsetzung", "verlauf", index, "datum") if source else None
            found.append((f"{m.quelle.pfad}:{pos.line}:{pos.column}" if pos else m.quelle.pfad, datum))
    return found


COMMANDS = (bericht_command,)
