"""Checks of the Markdown text of a file (LIP4xx).

The text must become an accessible PDF and a safe web page: headings start at level 2
and never skip a level; no raw HTML or raw Typst/LaTeX; images and linked files lie in
the repository, exist, and images have an alternative text. Text links `[[ID]]` are
collected here and resolved with the other references.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlparse

from markdown_it import MarkdownIt
from markdown_it.token import Token

from lip_build.check.fields import Mention
from lip_build.codes import LIP401, LIP402, LIP403, LIP404, LIP405, LIP406, LIP407, Code
from lip_build.diagnostics import Diagnostics
from lip_build.load.yamltree import Pos

TEXT_LINK = re.compile(r"\[\[\s*([^\]\n]*?)\s*\]\]")
_RAW_ATTRIBUTE = re.compile(r"\{=[a-zA-Z0-9_-]+\}")

_PARSER = MarkdownIt("commonmark")
# Most texts have no HTML, images, links or code: their inline parse finds nothing to check, so
# only the block structure (headings) is parsed. Any of these marks needs the full parse.
_BLOCKS_ONLY = MarkdownIt("commonmark").disable("inline")
_INLINE_MARKS = ("<", "](", "]:", "`")


class TextChecker:
    def __init__(self, root: Path, path: str, body: str, body_line: int, diagnostics: Diagnostics) -> None:
        self.root = root
        self.path = path
        self.body = body
        self.first_line = body_line
        self.lines = body.split("\n")
        self.diagnostics = diagnostics
        self.links: list[Mention] = []

    def _report(self, code: Code, line: int, column: int, /, variant: str = "", **values: object) -> None:
        self.diagnostics.add(code, self.path, line + self.first_line, column, variant=variant, **values)

    def check(self) -> list[Mention]:
        if not self.body.strip():
            return []
        parser = _PARSER if any(mark in self.body for mark in _INLINE_MARKS) else _BLOCKS_ONLY
        tokens = parser.parse(self.body)
        code_lines: set[int] = set()
        level = 1  # the title from the front matter is the page's level 1
        for token in tokens:
            start = token.map[0] if token.map else 0
            if token.type == "heading_open":
                level = self._heading(token, start, level)
            elif token.type == "html_block":
                self._html(start, token.content.strip().split("\n")[0])
            elif token.type in ("fence", "code_block"):
                if token.map:
                    code_lines.update(range(token.map[0], token.map[1]))
                if token.type == "fence" and _RAW_ATTRIBUTE.search(token.info):
                    self._raw(start, token.info.strip())
            elif token.type == "inline" and token.children:
                self._inline(token, start)
        self._text_links(code_lines)
        return self.links

    def _heading(self, token: Token, line: int, previous: int) -> int:
        level = int(token.tag[1])
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

    def _inline(self, token: Token, block_line: int) -> None:
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "html_inline":
                self._html(self._locate(block_line, token, child.content), child.content)
            elif child.type == "code_inline":
                following = children[index + 1] if index + 1 < len(children) else None
                if following is not None and following.type == "text" and _RAW_ATTRIBUTE.match(following.content):
                    self._raw(self._locate(block_line, token, child.content), following.content[:12])
            elif child.type == "image":
                src = str(child.attrs.get("src", ""))
                line = self._locate(block_line, token, src)
                if not child.content.strip():
                    self._report(LIP406, line, 1, bild=src)
                self._target(src, line, image=True)
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                self._target(href, self._locate(block_line, token, href), image=False)

    def _locate(self, block_line: int, token: Token, needle: str) -> int:
        end = token.map[1] if token.map else block_line + 1
        for line in range(block_line, end):
            if needle and needle in self.lines[line]:
                return line
        return block_line

    def _target(self, target: str, line: int, image: bool) -> None:
        if re.match(r"^[A-Za-z]:[\\/]", unquote(target)):  # C:\Bilder\x.png: a path on someone's computer, not a URL
            self._report(LIP405, line, 1, "computer", ziel=target)
            return
        parsed = urlparse(target)
        if parsed.scheme or target.startswith("//"):
            if image:
                self._report(LIP407, line, 1, bild=target)
            return
        if not parsed.path:  # "#anker" within the page
            return
        relative = unquote(parsed.path)
        if relative.startswith("/"):
            self._report(LIP405, line, 1, "absolut", ziel=target)
            return
        resolved = (self.root / PurePosixPath(self.path).parent / relative).resolve()
        root = self.root.resolve()
        if not resolved.is_relative_to(root):
            self._report(LIP405, line, 1, ziel=target)
        elif not resolved.is_file():
            variant = "" if image else "datei"
            self._report(LIP404, line, 1, variant, ziel=target, gesucht=resolved.relative_to(root).as_posix())

    def _text_links(self, code_lines: set[int]) -> None:
        for number, line in enumerate(self.lines):
            if number in code_lines or "[[" not in line:
                continue
            for match in TEXT_LINK.finditer(line):
                pos = Pos(number + self.first_line, match.start() + 1)
                self.links.append(Mention("element", match.group(1), self.path, pos, "Text"))
