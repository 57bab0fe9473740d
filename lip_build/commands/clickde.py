"""Click in German: help headings, usage errors and choices speak the users' language.

Click ships English texts only. The group below turns Click's exceptions into German
messages and exit codes (2 for a wrong call), and an unexpected crash into a short German
message instead of a traceback (set LIP_DEBUG=1 to see the traceback).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from click.exceptions import Abort, Exit, MissingParameter, NoSuchOption, UsageError

from lip_build.check.suggest import did_you_mean
from lip_build.view.formats import parse_date


class GermanChoice(click.Choice):  # type: ignore[type-arg]
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if value in self.choices:
            return value
        self.fail(
            f"„{value}“ ist nicht erlaubt.{did_you_mean(str(value), [str(c) for c in self.choices])} "
            f"Möglich sind: {', '.join(map(str, self.choices))}.",
            param,
            ctx,
        )


class GermanIntRange(click.IntRange):
    """An integer in a range, with German messages (Click's: "'abc' is not a valid integer range")."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            number = int(str(value).strip())
        except ValueError:
            self.fail(f"„{value}“ ist keine ganze Zahl.", param, ctx)
        if (self.min is not None and number < self.min) or (self.max is not None and number > self.max):
            self.fail(f"{number} liegt nicht zwischen {self.min} und {self.max}.", param, ctx)
        return number


class GermanDate(click.ParamType):  # type: ignore[type-arg]
    """A day written TT.MM.JJJJ or JJJJ-MM-TT (Click's DateTime speaks English and knows only the second)."""

    name = "datum"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return "TT.MM.JJJJ"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, dt.date):
            return value
        found = parse_date(str(value))
        if found is None:
            self.fail(f"„{value}“ ist kein Datum. Schreiben Sie es als TT.MM.JJJJ, z. B. 30.06.2027.", param, ctx)
        return found


class GermanPath(click.Path):
    """A path with German messages and metavar (Click's: "Directory 'x' is a file.", DIRECTORY)."""

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str | None:
        return "ORDNER" if not self.file_okay else "DATEI" if not self.dir_okay else "PFAD"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        path = Path(os.fsdecode(value)) if not isinstance(value, Path) else value
        if path.exists():
            if not self.file_okay and not path.is_dir():
                self.fail(f"„{path}“ ist eine Datei; hier gehört ein Ordner hin.", param, ctx)
            if not self.dir_okay and path.is_dir():
                self.fail(f"„{path}“ ist ein Ordner; hier gehört eine Datei hin.", param, ctx)
        elif self.exists:
            self.fail(f"„{path}“ gibt es nicht.", param, ctx)
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter as error:  # a case not handled above (permissions): German frame, Click's detail
            self.fail(f"„{path}“ lässt sich nicht verwenden ({error.message}).", param, ctx)


class _GermanHelp:
    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option: click.Option | None = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "Diese Hilfe anzeigen."
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="Aufruf: ")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        params = [p for p in self.get_params(ctx) if isinstance(p, click.Option)]  # type: ignore[attr-defined]
        rows = [r for p in params if (r := p.get_help_record(ctx))]
        rows = [
            (name, text.replace("[default: ", "[Standard: ").replace("[required]", "[Pflicht]")) for name, text in rows
        ]
        if rows:
            with formatter.section("Optionen"):
                formatter.write_dl(rows)


class LipCommand(_GermanHelp, click.Command):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[OPTIONEN]")
        super().__init__(*args, **kwargs)


class LipGroup(_GermanHelp, click.Group):
    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, short_help(command)))
        if rows:
            with formatter.section("Befehle"):
                formatter.write_dl(rows)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, **extra: Any) -> Any:  # type: ignore[override]
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
        except Exit as done:
            sys.exit(done.exit_code)
        except UsageError as error:
            if error.ctx is not None:
                click.echo(error.ctx.get_usage(), err=True)
                click.echo(f"Hilfe: {error.ctx.command_path} --help", err=True)
            click.echo(f"Fehler: {german_usage_message(error)}", err=True)
            sys.exit(2)
        except click.ClickException as error:
            click.echo(f"Fehler: {error.format_message()}", err=True)
            sys.exit(error.exit_code)
        except Abort:
            click.echo("Abgebrochen.", err=True)
            sys.exit(1)
        except Exception as error:  # a defect in lip itself: say so briefly, in German
            if os.environ.get("LIP_DEBUG"):
                raise
            click.echo(
                f"Interner Fehler in lip ({type(error).__name__}: {error}). Das liegt nicht an Ihren Dateien. "
                "Bitte melden Sie den Fehler mit dieser Ausgabe; LIP_DEBUG=1 zeigt Einzelheiten.",
                err=True,
            )
            sys.exit(3)
        sys.exit(code if isinstance(code, int) else 0)


def short_help(command: click.Command) -> str:
    """The first paragraph of a command's help, whole: Click cuts it at 45 characters or at "z. B." mid-phrase."""
    if command.short_help:
        return command.short_help
    return " ".join((command.help or "").partition("\n\n")[0].split())


def german_usage_message(error: UsageError) -> str:
    if isinstance(error, NoSuchOption):
        hint = f" Meinten Sie {', '.join(sorted(error.possibilities))}?" if error.possibilities else ""
        return f"Die Option „{error.option_name}“ gibt es nicht.{hint}"
    if isinstance(error, MissingParameter) and error.param is not None:
        names = "/".join(error.param.opts) if error.param.opts else str(error.param.name).upper()
        return f"Die Angabe „{names}“ fehlt."
    if isinstance(error, click.BadParameter) and error.param is not None:
        names = "/".join(error.param.opts) if error.param.opts else str(error.param.name).upper()
        return f"Ungültiger Wert für „{names}“: {error.message}"
    message = error.message
    if message.startswith("No such command"):
        name = message.split("'")[1] if "'" in message else message
        group = error.ctx.command if error.ctx else None
        known = list(group.commands) if isinstance(group, click.Group) else []
        return f"Den Befehl „{name}“ gibt es nicht.{did_you_mean(name, known)} Befehle: {', '.join(known)}."
    if message.startswith("Got unexpected extra argument"):
        return "Zu viele Angaben. Setzen Sie Werte mit Leerzeichen in Anführungszeichen."
    return message
