"""Telling the user how far a build has come: steps with time, on a terminal only."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterator

import click


class Progress:
    """Build steps with counts and time, on a terminal only (quiet in CI and with --quiet)."""

    def __init__(self, quiet: bool = False) -> None:
        self.enabled = not quiet and sys.stderr.isatty()
        self.started = time.perf_counter()

    @contextlib.contextmanager
    def step(self, text: str) -> Iterator[None]:
        begin = time.perf_counter()
        if self.enabled:
            click.echo(f"• {text} …", err=True, nl=False)
        yield
        if self.enabled:
            click.echo(f" fertig ({time.perf_counter() - begin:.1f} s)", err=True)

    def done(self, text: str) -> None:
        if self.enabled:
            click.echo(f"{text} ({time.perf_counter() - self.started:.1f} s insgesamt)", err=True)
