"""Checks of the Markdown text of a file (LIP4xx).

The text must become an accessible PDF and a safe web page: headings start at level 2
and never skip a level; no raw HTML or raw Typst/LaTeX; images and linked files lie in
the repository, exist, and images have an alternative text. Text links `[[ID]]` are
collected here and resolved with the other references.

The text was parsed once when the file was read (load/markdown.py); the renderers transform
the same parse, so every text link they replace is one that was resolved here.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from lip_build.check.fields import Mention
from lip_build.codes import LIP401, LIP402, LIP403, LIP404, LIP405, LIP406, LIP407, Code
from lip_build.diagnostics import Diagnostics
from lip_build.load.markdown import Text
from lip_build.load.yamltree import Pos


class TextChecker:
    def __init__(self, root: Path, path: str, text: Text, diagnostics: Diagnostics) -> None:
        self.root = root
        self.path = path
        self.text = text
        self.diagnostics = diagnostics
        self.links: list[Mention] = []

    def _report(self, code: Code, line: int, column: int, /, variant: str = "", **values: object) -> None:
        self.diagnostics.add(code, self.path, line, column, variant=variant, **values)

    def check(self) -> list[Mention]:
        if not self.text:
            return []
        level = 1  # the title from the front matter is the page's level 1
        for heading in self.text.headings:
            level = self._heading(heading.level, heading.line, level)
        for raw in self.text.raw:
            if raw.kind == "html":
                self._html(raw.line, raw.snippet)
            else:
                self._raw(raw.line, raw.snippet)
        return self.targets()

    def targets(self) -> list[Mention]:
        """Images, linked files and text links: what the outputs resolve. This is the whole check
        of a Markdown value in the front matter (pandoc reads those without HTML or raw code)."""
        for image in self.text.images:
            self._image(image.src, image.alt, image.line)
        for link in self.text.links:
            self._target(link.href, link.line, image=False)
        return self.text_links()

    def text_links(self) -> list[Mention]:
        """The text links [[ID]] of the text (outside code), to be resolved with the other references."""
        for reference in self.text.references:
            pos = Pos(reference.line, reference.column)
            self.links.append(Mention("element", reference.target, self.path, pos, "Text"))
        return self.links

    def _heading(self, level: int, line: int, previous: int) -> int:
        if level == 1:
            self._report(LIP401, line, 1)
        elif level > previous + 1:
            expected, mark = previous + 1, "#" * (previous + 1)
            if previous == 1:
                self._report(LIP402, line, 1, "erste", ebene=level, erwartet=expected, zeichen=mark)
            else:
                self._report(LIP402, line, 1, vorher=previous, ebene=level, erwartet=expected, zeichen=mark)
        return level

    def _html(self, line: int, snippet: str) -> None:
        self._report(LIP403, line, 1, auszug=snippet[:40])

    def _raw(self, line: int, info: str) -> None:
        self._report(LIP403, line, 1, "rohcode", auszug=info)

    def _image(self, src: str, alt: str, line: int) -> None:
        if not alt.strip():
            self._report(LIP406, line, 1, bild=src)
        self._target(src, line, image=True)

    def _target(self, target: str, line: int, image: bool) -> None:
        shown = unquote(target)  # markdown-it percent-encodes "ü", "\\" and blanks; messages show what was written
        if re.match(r"^[A-Za-z]:[\\/]", shown):  # C:\Bilder\x.png: a path on someone's computer, not a URL
            self._report(LIP405, line, 1, "computer", ziel=shown)
            return
        parsed = urlparse(target)
        if parsed.scheme or target.startswith("//"):
            if image:
                self._report(LIP407, line, 1, bild=shown)
            return
        if not parsed.path:  # "#anker" within the page
            return
        relative = unquote(parsed.path)
        if relative.startswith("/"):
            self._report(LIP405, line, 1, "absolut", ziel=shown)
            return
        resolved = (self.root / PurePosixPath(self.path).parent / relative).resolve()
        root = self.root.resolve()
        if not resolved.is_relative_to(root):
            self._report(LIP405, line, 1, ziel=shown)
        elif not resolved.is_file():
            variant = "" if image else "datei"
            self._report(LIP404, line, 1, variant, ziel=shown, gesucht=resolved.relative_to(root).as_posix())
