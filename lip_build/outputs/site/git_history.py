"""The plan's history in Git, read once per build for the site: the commits of every goal and measure
file ("zuletzt geändert", change history, each commit as the field diff to the version before it) and the
Synopse for the page "Änderungen seit Version …".

One walk through the history answers for all files (history.log.histories), another reads every committed
status of the measures for the chart of progress over time (history.transitions), one `git diff` finds the
uncommitted changes, and the Synopse reads only the files that differ from the version compared with.
Outside a Git repository, without git, or in a shallow clone (whose log would date every file to its
newest commit) the pages show no history; Git never makes the build fail. The one exception is a
version that editors named in mkdocs.yml (extra.lip.aenderungen_seit) and that Git does not know.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from lip_build.errors import BuildError, GitError
from lip_build.history import git, log
from lip_build.history import incremental as site_data
from lip_build.history.compare import Element
from lip_build.history.steps import steps
from lip_build.history.transitions import Statuswechsel, reported
from lip_build.model.plan import Plan
from lip_build.outputs.site.settings import CONFIG, SiteSettings

NEW_LABEL = "Diese Fassung"


@dataclass(frozen=True)
class FileHistory:
    commits: tuple[git.Commit, ...]  # newest first, across renames; empty: not committed yet
    uncommitted: bool = False  # the file differs from the checked-out commit
    # for each commit: the item compared with its version before (history.steps); None: nothing before it
    steps: tuple[Element | None, ...] = ()


@dataclass(frozen=True)
class SiteHistory:
    files: dict[str, FileHistory] = field(default_factory=dict)  # plan path → history; empty outside Git
    changes: site_data.Vergleich | None = None  # the Synopse for the page "Änderungen seit …"
    staende: tuple[Statuswechsel, ...] = ()  # every committed status of every measure (history.transitions)

    def of(self, path: str) -> FileHistory | None:
        """The history of a file, or None when there is none to show (outside Git, shallow clone)."""
        return self.files.get(path)


NO_HISTORY = SiteHistory()


def item_paths(plan: Plan) -> list[str]:
    """The files whose history the site shows: every goal and every measure."""
    return [z.quelle.pfad for z in plan.ziele] + [m.quelle.pfad for m in plan.massnahmen]


def _files(root: Path, plan: Plan, head: git.Commit | None) -> dict[str, FileHistory]:
    paths = item_paths(plan)
    if head is None:  # a repository without commits: nothing is checked in yet
        return {path: FileHistory(()) for path in paths}
    if site_data.is_shallow(root):
        return {}
    changed = site_data.uncommitted(root)
    committed = {path: changed.get(path, path) for path in paths}
    found = log.named_histories(root, sorted(set(committed.values())))
    compared = steps(root, found)
    return {
        path: FileHistory(tuple(c for c, _ in found[committed[path]]), path in changed, compared[committed[path]])
        for path in paths
    }


def _changes(root: Path, settings: SiteSettings, head: git.Commit | None) -> site_data.Vergleich | None:
    if not settings.aenderungen or head is None:
        return None
    if settings.aenderungen_seit is not None:
        try:
            return site_data.synopse_since(root, settings.aenderungen_seit, neu_label=NEW_LABEL)
        except GitError as error:
            raise BuildError(
                f"{CONFIG}: Die Seite „Änderungen seit …“ soll mit der Version „{settings.aenderungen_seit}“ "
                f"(Eintrag „extra.lip.aenderungen_seit“) vergleichen, aber das geht nicht: {error} Korrigieren "
                "Sie den Eintrag oder entfernen Sie ihn (dann vergleicht lip mit dem letzten Tag)."
            ) from None
    try:
        tag = site_data.previous_tag(root, head.hash)
        return None if tag is None else site_data.synopse_since(root, tag.name, neu_label=NEW_LABEL)
    except GitError:  # e.g. a tag from before the plan existed in this folder: no page rather than no site
        return None


def read_history(root: Path, plan: Plan, settings: SiteSettings) -> SiteHistory:
    """Everything the site shows from Git; empty outside a repository."""
    try:
        head = site_data.head(root)
        files = _files(root, plan, head)
        staende = reported(root) if head is not None and files else ()  # none in a shallow clone
    except GitError:  # no repository, no git, or git refuses the folder
        return NO_HISTORY
    return SiteHistory(files, _changes(root, settings, head), staende)
