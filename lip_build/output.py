"""Writing outputs safely, and telling the user how far the build has come.

Outputs are written into a temporary sibling folder and swapped in only when complete,
so a failed build leaves the previous site/ or dist/ untouched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import click


@contextlib.contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Yield an empty folder; on success it replaces `target`, on failure it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-neu-"))
    work.chmod(0o755)  # mkdtemp makes it private; a published site must be readable by the web server
    try:
        yield work
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    old = target.parent / f".{target.name}-alt-{os.getpid()}"
    if target.exists():
        os.replace(target, old)
    os.replace(work, target)
    shutil.rmtree(old, ignore_errors=True)


def atomic_file(target: Path, data: bytes) -> None:
    """Write a file completely or not at all."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o644)  # mkstemp makes it private; documents are published
        os.replace(temp, target)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


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
