"""Status transitions of measures, read from the Git history of their files (no database).

For a report period: which measure went from which implementation status to which, in which commit.
The history is walked along the first parent (the main line, as merged), oldest commit first; the
status of every measure is tracked by its ID, so a file that moves to another Handlungsfeld keeps
its history. Only the changed measure files of each commit are read, all in one `git cat-file` process.

  since(root, seit, bis=None) -> Verlauf   every transition after `seit` (a revision or a date)
  reported(root)                          every committed status of every measure, for charts over time

A transition has the commit's date and the Berichtsstand the file names for it (umsetzung.stand):
a report lists it under the Berichtsstand, the day the status was reached, and names the commit.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from lip_build.errors import GitError
from lip_build.history import git
from lip_build.history.git import Commit
from lip_build.view.formats import parse_date

MEASURES = re.compile(r"^handlungsfelder/[^/]+/massnahmen/[^/]+\.md$")
_FORMAT = "--format=%x1e%H%x1f%cI%x1f%s"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Statuswechsel:
    """One measure changed its implementation status in one commit."""

    massnahme: str  # ID
    von: str | None  # schema.UMSETZUNG_STATUS value; None: the measure was new in this commit
    nach: str
    commit: Commit
    pfad: str  # the file in that commit, relative to the plan root
    stand: dt.date | None = None  # umsetzung.stand of the new version, when it names one

    @property
    def datum(self) -> dt.date:
        """The day the status was reached: the Berichtsstand, else the commit's date."""
        return self.stand or self.commit.datum.date()


@dataclass(frozen=True)
class Beginn:
    """Where a report period starts: a revision (with its commit) or a date."""

    angabe: str  # as the user typed it: "v2.0", "31.12.2026"
    commit: Commit | None  # the revision; for a date the newest commit on or before that day, if any
    datum: dt.date | None = None  # the date, when `angabe` is one
    # The day the period starts: the date, or for a revision the newest Berichtsstand (umsetzung.stand) in it.
    stand: dt.date | None = None

    @property
    def text(self) -> str:
        """ "Tag v2.0 (Commit a1b2c3d vom 03.12.2026)", "31.12.2026"."""
        if self.datum is not None:
            return f"{self.datum:%d.%m.%Y}"
        assert self.commit is not None
        return f"{self.angabe} (Commit {self.commit.kurz} vom {self.commit.datum:%d.%m.%Y})"


@dataclass(frozen=True)
class Verlauf:
    """The transitions of a period and the statuses at its start (by measure ID)."""

    beginn: Beginn
    anfang: dict[str, str]  # measure ID → status at the start of the period
    wechsel: tuple[Statuswechsel, ...]  # oldest first

    def bis(self, stichtag: dt.date) -> tuple[Statuswechsel, ...]:
        """The transitions reached on or before the Stichtag."""
        return tuple(w for w in self.wechsel if w.datum <= stichtag)

    def nach(self, stichtag: dt.date) -> tuple[Statuswechsel, ...]:
        """The transitions the history holds for days after the Stichtag."""
        return tuple(w for w in self.wechsel if w.datum > stichtag)


def since(root: Path, seit: str, bis: str = "HEAD") -> Verlauf:
    """Every status transition of a measure after `seit` up to the revision `bis`.

    `seit` is a revision (tag, branch, commit) – then the transitions of the commits after it – or a
    date (TT.MM.JJJJ or JJJJ-MM-TT) – then the transitions reached after that day, whenever they
    were committed (a report's entries are often committed before their Berichtsstand).
    """
    day = parse_date(seit)
    ende = git.resolve(root, bis)
    if day is None:
        start = git.resolve(root, seit)
        if git.merge_base(root, start.hash, ende.hash) != start.hash:
            raise GitError(
                f"Die Version „{seit}“ liegt nicht in der Geschichte von „{bis}“. Nennen Sie mit --seit einen "
                "früheren Stand desselben Zweigs, etwa das Tag des letzten Berichts."
            )
        am_anfang, stand = _statuses_at(root, start.hash)
        wechsel = _walk(root, f"{start.hash}..{ende.hash}", am_anfang)
        return Verlauf(Beginn(seit, start, None, stand), {k: v[0] for k, v in am_anfang.items()}, wechsel)
    # A date: every transition of the whole history, kept from the day after.
    # A file's first version says where the measure stood when it entered the plan: it counts on the
    # day of its commit, not on the Berichtsstand it names.
    wechsel = _walk(root, ende.hash, {})
    anfang: dict[str, str] = {}
    im_zeitraum = []
    for w in wechsel:
        if (w.commit.datum.date() if w.von is None else w.datum) <= day:
            anfang[w.massnahme] = w.nach
        else:
            im_zeitraum.append(w)
    before = _text(git.run(root, "rev-list", "-1", "--first-parent", f"--before={day.isoformat()}T23:59:59", ende.hash))
    start_commit = git.resolve(root, before) if before else None
    return Verlauf(Beginn(seit, start_commit, day, day), anfang, tuple(im_zeitraum))


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace").strip()


# --- reading the history -----------------------------------------------------------------------


def _statuses_at(root: Path, revision: str) -> tuple[dict[str, tuple[str, str]], dt.date | None]:
    """Measure ID → (status, path) in a revision, and the newest Berichtsstand of its measures."""
    names = _text(git.run(root, "ls-tree", "-r", "--name-only", revision, "--", "handlungsfelder")).splitlines()
    paths = [name for name in names if MEASURES.match(name)]
    found: dict[str, tuple[str, str]] = {}
    stands: list[dt.date] = []
    for path, data in zip(paths, git.blobs(root, [f"{revision}:./{p}" for p in paths]), strict=True):
        read = _read(data)
        if read is not None:
            found[read[0]] = (read[1], path)
            stands += [read[2]] if read[2] else []
    return found, max(stands, default=None)


def statuses_by_day(
    reported: tuple[Statuswechsel, ...], ids: Iterable[str], limit: int = 8
) -> tuple[tuple[dt.date, dict[str, str]], ...]:
    """For each Berichtsstand that the history names (the newest `limit`): the status of each measure on that
    day, as last committed for a day on or before it; a measure not yet reported on counts as not begun."""
    days = sorted({w.stand for w in reported if w.stand})[-limit:]
    wanted = tuple(ids)
    out = []
    for day in days:
        state: dict[str, str] = {}
        for w in reported:  # oldest commit first: a later commit corrects an earlier one
            if w.datum <= day:
                state[w.massnahme] = w.nach
        out.append((day, {ident: state.get(ident, "nicht_begonnen") for ident in wanted}))
    return tuple(out)


@git.by_refs
def reported(root: Path, bis: str = "HEAD") -> tuple[Statuswechsel, ...]:
    """Every committed version of every measure's status along the main line up to `bis`, oldest first, also
    those that kept the status (von == nach): what was reported when, for charts of progress over time."""
    return _walk(root, git.resolve(root, bis).hash, {}, every=True)


def _walk(
    root: Path, revisions: str, statuses: dict[str, tuple[str, str]], every: bool = False
) -> tuple[Statuswechsel, ...]:
    """The transitions of the commits in `revisions`, oldest first, starting from `statuses` (`every`: each
    version of a measure file read, changed status or not)."""
    output = git.run(
        root,
        "log",
        "-z",
        "--reverse",
        "--first-parent",
        "--diff-merges=first-parent",
        "--name-status",
        "--no-renames",
        "--relative",
        _FORMAT,
        revisions,
        "--",
        "handlungsfelder",
    ).decode("utf-8", "replace")
    commits: list[tuple[Commit, list[str]]] = []
    for record in output.split("\x1e"):
        if not record.strip():
            continue
        header, _, rest = record.partition("\x00")
        tokens = [t for t in rest.lstrip("\n").split("\x00") if t]
        changed = [tokens[i + 1] for i in range(0, len(tokens) - 1, 2) if tokens[i].strip() in ("A", "M", "T")]
        commits.append((git._commit(header.strip("\n")), [p for p in changed if MEASURES.match(p)]))
    wanted = [(commit, path) for commit, paths in commits for path in paths]
    blobs = git.blobs(root, [f"{commit.hash}:./{path}" for commit, path in wanted])
    current = dict(statuses)
    found: list[Statuswechsel] = []
    for (commit, path), data in zip(wanted, blobs, strict=True):
        read = _read(data)
        if read is None:  # unreadable in this commit: the status stays as it was
            continue
        ident, status, stand = read
        before = current.get(ident)
        if every or before is None or before[0] != status:
            found.append(Statuswechsel(ident, before[0] if before else None, status, commit, path, stand))
        current[ident] = (status, path)
    return tuple(found)


# Only the ID and two keys of a whole front matter are needed; reading all of it (with the Verlauf and every
# text) cost about 1 ms per file version, most of a history's reading. These lines are read instead, with a
# full read where the form is unusual (a flow mapping, tabs): both give the same values (tests).
_ID_LINE = re.compile(r"^id:.*$", re.MULTILINE)
_BLOCK = re.compile(r"^umsetzung:[ \t]*(?:#.*)?\n((?:(?:[ ]+.*)?\n)*)", re.MULTILINE)
_KEYS = ("status:", "stand:")


def _lines(front: str) -> dict[str, object] | None:
    """id, status and stand from their own lines, read as YAML; None when the front matter is not in block form."""
    ident = _ID_LINE.search(front)
    block = _BLOCK.search(front + "\n")
    if ident is None or block is None:
        return None
    body = [line for line in block.group(1).split("\n") if line.strip()]
    if not body:
        return None
    indent = body[0][: len(body[0]) - len(body[0].lstrip(" "))]
    own = [line[len(indent) :] for line in body if line.startswith(indent) and not line[len(indent)].isspace()]
    wanted = [line for line in own if line.startswith(_KEYS)]
    try:
        values = yaml.load("\n".join([ident.group(0), *wanted]), Loader=_LOADER)
    except (yaml.YAMLError, ValueError):  # ValueError: a date like 2027-13-01
        return None
    if not isinstance(values, dict):
        return None
    return {"id": values.get("id"), "umsetzung": {k: values[k] for k in ("status", "stand") if k in values}}


def _front(front: str) -> object:
    quick = _lines(front)
    if quick is not None:
        return quick
    try:
        return yaml.load(front, Loader=_LOADER)
    except (yaml.YAMLError, ValueError):  # ValueError: a date like 2027-13-01
        return None


def _read(data: bytes | None, full: bool = False) -> tuple[str, str, dt.date | None] | None:
    """ID, umsetzung.status and umsetzung.stand of a measure file as committed; None if unreadable.
    `full`: read the whole front matter (what the quick reading must agree with)."""
    if data is None:
        return None
    text = data.decode("utf-8", "replace").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    source = text[4:end] if end >= 0 else ""
    if full:
        try:
            front = yaml.load(source, Loader=_LOADER)
        except (yaml.YAMLError, ValueError):  # ValueError: a date like 2027-13-01
            return None
    else:
        front = _front(source)
    if not isinstance(front, dict) or not isinstance(front.get("umsetzung"), dict):
        return None
    ident, status, stand = front.get("id"), front["umsetzung"].get("status"), front["umsetzung"].get("stand")
    if not isinstance(ident, str) or not isinstance(status, str):
        return None
    if isinstance(stand, str):
        stand = parse_date(stand)
    return ident, status, stand if isinstance(stand, dt.date) and not isinstance(stand, dt.datetime) else None
