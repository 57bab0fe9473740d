"""Answers kept in memory by exactly what they depend on, for the next build in the same process.

`lip serve` rebuilds the site after every edit; most of what a rebuild computes (every committed version
compared with the one before, the Synopse of the files not edited, the fragments of the pages) is the same
as last time. A key must hold everything the answer is computed from (file contents, commits, the values
shown), never a time or a name alone, so a kept answer is never stale. Answers are shared: they must not be
changed by who asks.

Memory stays bounded without a size limit: `new_build()` (called by every build of the site and every rebuild
of the preview) forgets every answer that neither the last build nor the one before asked for, so a long
session keeps at most two builds' worth.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """Answers by key, of this build and the one before."""

    def __init__(self) -> None:
        self.current: dict[K, V] = {}
        self.previous: dict[K, V] = {}
        _MEMOS.append(self)

    def get(self, key: K, compute: Callable[[], V], still_valid: Callable[[V], bool] | None = None) -> V:
        """The answer kept for `key` (if `still_valid` accepts it: for what the key cannot hold), else a new one."""
        for kept in (self.current, self.previous):
            if key in kept and (still_valid is None or still_valid(kept[key])):
                answer = self.current[key] = kept[key]
                return answer
        answer = self.current[key] = compute()
        return answer

    def new_build(self) -> None:
        self.previous, self.current = self.current, {}


_MEMOS: list[Memo] = []  # type: ignore[type-arg]  # of any keys and answers


def new_build() -> None:
    """A build begins: what the build before last asked for and the last did not is forgotten."""
    for memo in _MEMOS:
        memo.new_build()
