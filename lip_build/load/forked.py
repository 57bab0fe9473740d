"""A list of work split over two processes where that pays: a forked child takes the first part.

Reading and checking the files of a large plan is CPU work in pure Python; one process uses one
core. For 1,000 files and more, a child forked at that point reads the first part while this process
reads the rest, then sends its result back through a pipe. The child gets no new interpreter (a
fork shares what is already loaded), and what it sends is packed into plain tuples first: pickling
the checked objects as they are (NamedTuples, dataclasses) would cost more than the child saves
(measured at 5,000 measures: the identifier mentions alone 0.71 s as NamedTuples, 0.09 s as tuples).

Forking is left out where it is not safe or not possible: on systems without fork (Windows) and
while other threads run (lip serve's watcher), because a thread holding a lock at the fork would
leave the child waiting forever. Then everything is read here, as for a small plan. A child that
fails for any reason is not trusted: its part is read again here, so an error surfaces as it would
without the child, with its traceback in this process. The child's work must not call Typst: in a
process that has run Typst before, a forked child that calls it waits forever (Typst's threads do not
survive the fork; found by the mutation test). Reading and the field check do not; the glyph check,
which may ask Typst, runs after the parts are back.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
P = TypeVar("P")

FORK_FROM = 1000  # items; below, forking and sending costs about what the second core saves
# The child's share: it also packs and pickles its result, while this process only unpickles, so the
# child gets a little less to do (balanced on the 5,000-measure plan: 0.6 ms to read and check a file,
# 0.1 ms to pack and send it, 0.05 ms to unpack it).
CHILD_SHARE = 0.45


def can_fork() -> bool:
    return hasattr(os, "fork") and threading.active_count() == 1


def in_two(
    items: Sequence[T],
    work: Callable[[Sequence[T]], R],
    pack: Callable[[R], P],
    unpack: Callable[[P], R],
    finish: Callable[[R], R] = lambda result: result,
) -> list[R]:
    """`finish(work(part))` over `items` in one or two parts, the results in the order of the parts.

    With two parts, `work(first part)` runs in a forked child and reaches this process as
    `unpack(pack(result))`, which must equal the result. `finish` always runs in this process: on its
    own part while the child is still at work, then on the child's (for what is cheaper to do here
    than to send: lip binds the records here)."""
    if len(items) < FORK_FROM or not can_fork():
        return [finish(work(items))]
    cut = round(len(items) * CHILD_SHARE)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:  # no memory or process slot for a child: then one process does all of it
        os.close(read_end)
        os.close(write_end)
        return [finish(work(items))]
    if pid == 0:
        _child(read_end, write_end, lambda: pack(work(items[:cut])))
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        reaped = False
        try:
            mine = finish(work(items[cut:]))
            data = pipe.read()
            _, status = os.waitpid(pid, 0)
            reaped = True
        finally:
            if not reaped:  # this process failed or was interrupted: the child's work is not wanted
                _stop(pid)
    if os.waitstatus_to_exitcode(status) == 0 and data:
        return [finish(unpack(pickle.loads(data))), mine]
    return [finish(work(items[:cut])), mine]


def _child(read_end: int, write_end: int, run: Callable[[], object]) -> None:
    """In the forked child: run, send the pickled result, leave without running the parent's exit handlers."""
    os.close(read_end)
    status = 1
    try:
        data = pickle.dumps(run(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
        status = 0
    finally:
        os._exit(status)  # the child must not flush the parent's buffers or run its exit handlers


def _stop(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
