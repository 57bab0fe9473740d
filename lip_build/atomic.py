"""Writing files and folders completely or not at all: the one writer of every output.

A file is written to a temporary sibling and renamed into place; a folder is built next to its
target and swapped in when complete. A failure leaves the previous file or folder untouched, never
a half-written one. Published files are readable by everyone (mode 644, folders 755); a file that
is replaced keeps its mode, so an edited plan file stays as it was.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o644
FOLDER_MODE = 0o755


@contextlib.contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Yield an empty folder; on success it replaces `target`, on failure it is removed."""
    target.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}-neu-"))
    work.chmod(FOLDER_MODE)  # mkdtemp makes it private; a published site must be readable by the web server
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


def atomic_file(target: Path, data: bytes | str, *, overwrite: bool = True) -> None:
    """Write a file completely or not at all (text as UTF-8 with \\n line ends).

    With `overwrite=False` an existing file is never replaced: FileExistsError, nothing written.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if overwrite else FILE_MODE
    except FileNotFoundError:
        mode = FILE_MODE
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.chmod(temp, mode)  # mkstemp makes it private; outputs are published
        if overwrite:
            os.replace(temp, target)
        else:
            os.link(temp, target)  # fails if the target exists, atomically
    finally:
        if os.path.exists(temp):
            os.unlink(temp)


def copy_file(source: Path, target: Path) -> None:
    """Copy `source` to `target` completely or not at all, unless `target` holds the same bytes already.

    A rebuild of `lip serve` starts with hard links to the previous build's files: an unchanged file stays
    linked instead of being copied again (the web editor's scripts are 5 MB), and a changed one is replaced,
    never written through the link into the build that is still being served."""
    if target.is_file() and filecmp.cmp(source, target, shallow=False):
        return
    atomic_file(target, source.read_bytes())
