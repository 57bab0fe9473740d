"""The plan's memory in Git: versions, the Synopse of two versions, change histories, PR reports.

A library for the other parts of lip (site, PDF) and the commands `lip diff`, `lip report` and
`lip codeowners` (commands.py). Entry points:

  versions.synopse(root, bisher, neu=None) -> Synopse   compare two versions (neu None: working folder)
  git.tags(root), git.resolve(root, rev)                  versions in the repository (Tag, Commit)
  git.export(root, rev, target)                           a version's plan files, straight from Git
  log.histories(root, paths) / log.file_log(root, path)   commits that changed files (across renames)
  log.last_change(root, path)                             "zuletzt geändert"

The model (synopse.py, frozen dataclasses): Synopse(bisher: Stand, neu: Stand, elemente) →
Element(art, id, bisher: Fassung | None, neu: Fassung | None, felder: Feldaenderung…, text: TextDiff,
vermerke) with `aenderung` (neu, entfernt, geändert, verschoben, unverändert). A TextDiff has the
pieces of both versions in one (`stuecke`) and of each version alone (`bisher`, `neu`), for the
two-column layout. Renderers: render_text.render, render_markdown.render, render_html.synopse_html
(fragment), render_html.zweispaltig (one item, bisherige | neue Fassung), render_html.page, and
render_html.CSS for the <del>/<ins> marks. Every failure of Git raises git.GitError (German).
"""
