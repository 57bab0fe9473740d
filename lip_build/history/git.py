"""A thin, typed wrapper over the git command line (no GitPython).

Reading an old version never touches the working tree or the index: files come out of the
object database with `git archive` into a temporary folder. Every failure becomes a GitError
with a German message that says what went wrong and what to do.

What depends only on the commits and refs (`by_refs`) can be asked once and kept while the refs stay as
they are (`refs_fixed`): `lip serve` rebuilds after each edit without reading the same history again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import io
import os
import subprocess
import tarfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from lip_build.errors import GitError

PLAN_FOLDERS = ("content", "handlungsfelder", "templates")
_TIMEOUT = 120


@dataclass(frozen=True)
class Commit:
    hash: str
    datum: dt.datetime  # commit date, with time zone
    betreff: str  # first line of the commit message

    @property
    def kurz(self) -> str:
        return self.hash[:7]


@dataclass(frozen=True)
class Tag:
    name: str
    commit: str
    datum: dt.datetime  # date of the tagged commit


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    env.update(LC_ALL="C", LANGUAGE="C", GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    return env


def run(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """Run git in `root` and return its output; raise GitError with a German message on failure."""
    command = ["git", "-c", "core.quotepath=off", "-C", str(root), *args]
    try:
        done = subprocess.run(
            command, input=stdin, capture_output=True, env=_environment(), timeout=_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise GitError(
            "Das Programm git ist nicht installiert oder nicht im Suchpfad. Installieren Sie es "
            "(Debian/Ubuntu: sudo apt-get install git) und versuchen Sie es erneut."
        ) from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} hat nach {_TIMEOUT} Sekunden nicht geantwortet und wurde abgebrochen.") from None
    if done.returncode != 0:
        raise GitError(_explain(root, args, done.stderr.decode("utf-8", "replace")))
    return done.stdout


# The refs of each repository inside `refs_fixed` (root → `git show-ref --head`), and the answers of the
# `by_refs` functions for that state, kept beyond the block for the next one with the same refs.
_FIXED: dict[str, str] = {}
_ANSWERS: dict[str, tuple[str, dict[tuple[Any, ...], Any]]] = {}

P = ParamSpec("P")
R = TypeVar("R")


@contextlib.contextmanager
def refs_fixed(root: Path) -> Iterator[None]:
    """Within the block, `by_refs` functions answer for `root` from what they answered before with the same
    HEAD and refs (every ref with the commit it names: a new commit, checkout, tag or fetch changes them).
    Outside a repository or before its first commit nothing is kept."""
    key = str(root)
    try:
        state = _text(run(root, "show-ref", "--head"))
    except GitError:
        state = ""
    if not state or key in _FIXED:  # no refs to key by, or fixed already by an enclosing block
        yield
        return
    if _ANSWERS.get(key, ("",))[0] != state:
        _ANSWERS[key] = (state, {})
    _FIXED[key] = state
    try:
        yield
    finally:
        _FIXED.pop(key, None)


def by_refs(function: Callable[P, R]) -> Callable[P, R]:
    """For a function of (root, …) whose answer depends on nothing but the commits and refs of the repository
    (never the working tree, the index or the configuration): keep its answers within `refs_fixed`.
    Its answers are shared, so they must be immutable."""

    @functools.wraps(function)
    def remembered(*args: P.args, **kwargs: P.kwargs) -> R:
        root = str(args[0])
        if root not in _FIXED or kwargs:
            return function(*args, **kwargs)
        answers = _ANSWERS[root][1]
        key = (function.__qualname__, *args[1:])
        if key not in answers:
            answers[key] = function(*args, **kwargs)
        result: R = answers[key]
        return result

    return remembered


def blobs(root: Path, specs: Sequence[str]) -> list[bytes | None]:
    """The content of many files of old versions ("<commit>:<path>", "<commit>:./<path>") read by one
    `git cat-file --batch`, in the order asked; None where the version has no such file."""
    if not specs:
        return []
    data = run(root, "cat-file", "--batch", stdin="".join(f"{spec}\n" for spec in specs).encode("utf-8"))
    found: list[bytes | None] = []
    offset = 0
    for _ in specs:
        end = data.index(b"\n", offset)
        header = data[offset:end].split()
        offset = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found.append(data[offset : offset + size])
            offset += size + 1
        else:  # "<spec> missing", or not a file
            found.append(None)
    return found


def _explain(root: Path, args: tuple[str, ...], stderr: str) -> str:
    if "not a git repository" in stderr:
        return (
            f"„{root}“ liegt in keinem Git-Repository. Frühere Fassungen des Plans liest lip aus Git: "
            "arbeiten Sie in einem mit „git clone“ geholten Repository."
        )
    if "dubious ownership" in stderr:
        return (
            f"Git verweigert den Zugriff auf „{root}“, weil der Ordner einem anderen Benutzerkonto gehört. "
            f"Erlauben Sie ihn mit: git config --global --add safe.directory {root}"
        )
    detail = next((line.strip() for line in stderr.splitlines() if line.strip()), "ohne Meldung")
    return f"Der Git-Befehl „git {' '.join(args[:2])}“ ist fehlgeschlagen: {detail}"


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").strip()


def toplevel(root: Path) -> Path:
    """The top folder of the repository that holds `root`."""
    return Path(_text(run(root, "rev-parse", "--show-toplevel")))


def prefix(root: Path) -> str:
    """Where `root` lies inside its repository: "" at the top, else e.g. "plaene/mini/"."""
    return _text(run(root, "rev-parse", "--show-prefix"))


@by_refs
def resolve(root: Path, revision: str) -> Commit:
    """The commit a revision (tag, branch, commit, HEAD~2, origin/main …) names."""
    if not revision.strip() or revision.startswith("-"):
        raise GitError(f"„{revision}“ ist keine gültige Angabe einer Version.")
    run(root, "rev-parse", "--git-dir")  # a missing repository is reported as such, not as an unknown version
    try:
        output = run(root, "log", "-1", "--format=%H%x1f%cI%x1f%s", "--end-of-options", f"{revision}^{{commit}}", "--")
    except GitError:
        raise GitError(_unknown(root, revision)) from None
    return _commit(output.decode("utf-8", "replace").strip("\n"))


def _unknown(root: Path, revision: str) -> str:
    known = [t.name for t in tags(root)][-8:]
    hint = f" Vorhandene Tags: {', '.join(known)}." if known else " Es gibt noch keine Tags."
    shallow = _text(run(root, "rev-parse", "--is-shallow-repository")) == "true"
    clone = (
        " Das Repository ist nur teilweise geklont (shallow); holen Sie die ganze Geschichte mit "
        "„git fetch --unshallow“ (in GitHub Actions: fetch-depth: 0, in GitLab CI: GIT_DEPTH: 0)."
        if shallow
        else ""
    )
    return (
        f"Die Version „{revision}“ gibt es in diesem Repository nicht.{hint} Möglich sind Tags (v2.0), "
        f"Zweige (main, origin/main), Commits (a1b2c3d) oder HEAD~1.{clone}"
    )


def _commit(line: str) -> Commit:
    """A commit from "%H%x1f%cI%x1f%s" (the subject may be empty)."""
    hash_, date, *subject = line.split("\x1f", 2)
    return Commit(hash_, dt.datetime.fromisoformat(date), subject[0] if subject else "")


def merge_base(root: Path, a: str, b: str) -> str | None:
    """The last common commit of two revisions, or None when their histories are unrelated."""
    first, second = resolve(root, a).hash, resolve(root, b).hash
    try:
        return _text(run(root, "merge-base", first, second)) or None
    except GitError:
        return None


@by_refs
def tags(root: Path) -> tuple[Tag, ...]:
    """All tags, oldest tagged commit first."""
    fields = ("refname:short", "objectname", "*objectname", "*committerdate:iso-strict", "committerdate:iso-strict")
    fmt = "%00".join(f"%({field})" for field in fields)
    output = run(root, "for-each-ref", "--format", fmt, "refs/tags").decode("utf-8", "replace")
    found = []
    for line in output.split("\n"):
        if not line:
            continue
        name, obj, peeled, peeled_date, date = line.split("\x00")
        stamp = peeled_date or date
        if stamp:  # tags of trees or blobs have no date and are no versions
            found.append(Tag(name, peeled or obj, dt.datetime.fromisoformat(stamp)))
    return tuple(sorted(found, key=lambda t: (t.datum, t.name)))


def tag_of(root: Path, commit: str) -> str | None:
    """The newest tag that points exactly at `commit`."""
    matching = [t for t in tags(root) if t.commit == commit]
    return matching[-1].name if matching else None


def is_dirty(root: Path, folders: tuple[str, ...] = PLAN_FOLDERS) -> bool:
    """Whether the plan folders have changes that are not committed (untracked files included)."""
    present = [folder for folder in folders if (root / folder).exists()]
    return bool(present) and bool(_text(run(root, "status", "--porcelain", "--", *present)))


def export(root: Path, revision: str, target: Path, folders: tuple[str, ...] = PLAN_FOLDERS) -> Commit:
    """Write the plan folders of a revision into `target` (an empty folder), straight from Git.

    `root` may lie below the top of the repository; `target` then mirrors `root`. Neither the
    working tree nor the index is read or changed.
    """
    commit = resolve(root, revision)
    place = prefix(root)
    top = toplevel(root)  # ls-tree and archive would list only the current folder of a subfolder
    tree = f"{commit.hash}:{place}"
    try:
        names = _text(run(top, "ls-tree", "--name-only", tree)).splitlines()
    except GitError:
        raise GitError(
            f"In der Version „{revision}“ gibt es den Ordner „{place.rstrip('/')}“ noch nicht, also auch keinen Plan."
        ) from None
    present = [folder for folder in folders if folder in names]
    if "content" not in present:
        raise GitError(f"Die Version „{revision}“ enthält keinen Plan: der Ordner content/ fehlt.")
    data = run(top, "archive", "--format=tar", tree, "--", *present)
    with tarfile.open(fileobj=io.BytesIO(data)) as archive:
        archive.extractall(target, filter="data")
    return commit
