"""The plan's memory in Git: versions, what changed between two of them, change histories.

A library for the outputs (site, Synopse, pull-request report) and the commands. Entry points:

  versions.synopse(root, bisher, neu=None) -> Synopse   compare two versions (neu None: working folder)
  incremental.synopse_since(...)                          the same, reading only the files Git reports changed
  git.tags(root), git.resolve(root, rev)                  versions in the repository (Tag, Commit)
  git.export(root, rev, target)                           a version's plan files, straight from Git
  log.histories(root, paths) / log.file_log(root, path)   commits that changed files (across renames)
  stamp.detect(root, stand)                               the version an output is built from
  transitions.since(root, seit) -> Verlauf                status transitions of measures after a tag or date

The comparison (compare.py, frozen dataclasses): Synopse(bisher: Stand, neu: Stand, elemente) →
Element(art, id, bisher: Fassung | None, neu: Fassung | None, felder: Feldaenderung…, text: TextDiff,
vermerke) with `aenderung` (neu, entfernt, geändert, verschoben, unverändert). A TextDiff has the
pieces of both versions in one (`stuecke`) and of each version alone (`bisher`, `neu`), for the
two-column layout. The renderers live in lip_build.outputs.synopse. Every failure of Git raises
lip_build.errors.GitError (German).
"""
