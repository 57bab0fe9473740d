"""Answers kept in memory by exactly what they depend on, for the next build in the same process.

`lip serve` rebuilds the site after every edit; most of what a rebuild computes (every committed version
compared with the one before, the Synopse of the files not edited) is the same as last time. A key must
hold everything the answer is computed from (file contents, commits), never a time or a name alone, so a
kept answer is never stale. Answers are shared: they must not be changed by who asks.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Memo(Generic[K, V]):
    """A dict of answers that forgets all of them at once beyond `limit` (a long session edits on and on)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.answers: dict[K, V] = {}

    def get(self, key: K, compute: Callable[[], V], still_valid: Callable[[V], bool] | None = None) -> V:
        """The answer kept for `key` (if `still_valid` accepts it: for what the key cannot hold), else a new one."""
        if key in self.answers and (still_valid is None or still_valid(self.answers[key])):
            return self.answers[key]
        if len(self.answers) >= self.limit:
            self.answers.clear()
        answer = self.answers[key] = compute()
        return answer
