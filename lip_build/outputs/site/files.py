"""Images and files that texts of the plan link to, relative to their own file.

The validator guarantees that such paths stay inside the repository and exist. On the site they
live under dateien/<path in the repository>, so links are rewritten relative to the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from lip_build.load.markdown import Edit, Text
from lip_build.model.plan import Plan
from lip_build.outputs.site.pagetree import relative

FILES = "dateien/"
_LINK = re.compile(r"(!?\[[^\]\n]*\]\(\s*)(<[^>\n]+>|[^)\s]+)")
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#|/)")


def _target(source: str, link: str) -> str | None:
    """The repository path a relative link in `source` points to, or None for other links."""
    link = link.strip("<>")
    if _EXTERNAL.match(link):
        return None
    path = link.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(source), path))


def link_edits(text: Text, source: str | None, page: str) -> list[Edit]:
    """The targets of relative links and images, rewritten relative to `page` (never inside code)."""
    if source is None or "](" not in text.source:
        return []
    edits = []
    for match in _LINK.finditer(text.source):
        target = _target(source, match.group(2))
        if target is not None and not text.in_code(match.start()):
            edits.append(Edit(match.start(2), match.end(2), relative(page, FILES + target)))
    return edits


def rewrite(text: Text, source: str | None, page: str) -> str:
    """The text with its links to files rewritten relative to `page`, and nothing else changed."""
    return text.render(lambda ref: text.source[ref.start : ref.end], edits=link_edits(text, source, page))


def _texts(plan: Plan) -> Iterator[tuple[Text, str]]:
    yield plan.info.einleitung, plan.info.quelle.pfad
    for group in (plan.handlungsfelder, plan.ziele, plan.massnahmen, plan.gremien, plan.kapitel):
        for item in group:
            yield item.text, item.quelle.pfad
    for begriff in (*plan.zielgruppen, *plan.querschnittsthemen):
        yield begriff.text, begriff.quelle.pfad
    for extra in (plan.glossar, plan.zeitleiste, plan.leichte_sprache):
        if extra is not None:
            yield extra.text, extra.quelle.pfad


def linked_files(plan: Plan) -> set[str]:
    """Repository paths of every image or file a text of the plan links to."""
    found: set[str] = set()
    for text, source in _texts(plan):
        if "](" in text.source:
            for match in _LINK.finditer(text.source):
                target = _target(source, match.group(2))
                if target is not None and not text.in_code(match.start()):
                    found.add(target)
    return found
