"""Images and files that texts of the plan link to, relative to their own file.

The validator guarantees that such paths stay inside the repository and exist. On the site they
live under dateien/<path in the repository>, so links are rewritten relative to the page.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

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


def rewrite(markdown: str, source: str | None, page: str) -> str:
    if source is None or "](" not in markdown:
        return markdown

    def one(match: re.Match[str]) -> str:
        target = _target(source, match.group(2))
        if target is None:
            return match.group(0)
        return f"{match.group(1)}{relative(page, FILES + target)}"

    return _LINK.sub(one, markdown)


def _texts(plan: Plan) -> Iterator[tuple[str, str]]:
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
        if "](" in text:
            for match in _LINK.finditer(text):
                target = _target(source, match.group(2))
                if target is not None:
                    found.add(target)
    return found
