"""The Markdown text of a file, parsed once: what the checks read and the renderers transform.

`parse` runs markdown-it (CommonMark) once per text and records everything that later steps
need, with its position: headings, images, links, raw markup (HTML, `{=typst}` and the like),
code (fenced, indented and inline, as character spans) and text links `[[ID]]`. A text link
is only a text link outside code: the checker resolves exactly the references found here and
the renderers replace exactly these spans, so a plan that validates also builds.

Most texts have no HTML, images, links or code: their inline parse finds nothing, so only the
block structure is parsed. Any mark that can start one of them (a backtick starts inline code)
needs the full parse.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token

# The one definition of a text link. Inside the brackets anything but a line end or "]" counts,
# so that "[[BIL M03]]" is reported as an unknown ID instead of staying text silently.
TEXT_LINK = re.compile(r"\[\[[ \t]*([^\]\n]*?)[ \t]*\]\]")
RAW_ATTRIBUTE = re.compile(r"\{=[a-zA-Z0-9_-]+\}")
_INLINE_MARKS = ("<", "](", "]:", "`")

CodeKind = Literal["fence", "indented", "inline"]
RawKind = Literal["html", "attribute"]


@dataclass(frozen=True)
class Heading:
    level: int
    line: int  # line in the file


@dataclass(frozen=True)
class Image:
    src: str
    alt: str
    line: int


@dataclass(frozen=True)
class Link:
    href: str
    line: int


@dataclass(frozen=True)
class Raw:
    """Markup that a renderer would pass through: HTML, or a `{=format}` attribute of code."""

    kind: RawKind
    snippet: str  # the first line of an HTML block, the HTML tag, or the attribute / info string
    line: int


@dataclass(frozen=True)
class Code:
    kind: CodeKind
    start: int  # character span in Text.source, end exclusive
    end: int


@dataclass(frozen=True)
class Reference:
    """A text link [[ID]] outside code."""

    target: str  # the ID as written between the brackets, without surrounding blanks
    start: int  # character span of "[[…]]" in Text.source, end exclusive
    end: int
    line: int  # line in the file
    column: int  # 1-based


@dataclass(frozen=True)
class Edit:
    """A renderer's own replacement of a span of the source (e.g. a rewritten link target)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Text:
    """A Markdown text as written in the file (`source`), starting on file line `first_line`."""

    source: str
    first_line: int
    headings: tuple[Heading, ...] = ()
    images: tuple[Image, ...] = ()
    links: tuple[Link, ...] = ()
    raw: tuple[Raw, ...] = ()
    code: tuple[Code, ...] = ()  # sorted, not overlapping
    references: tuple[Reference, ...] = ()

    @property
    def markdown(self) -> str:
        """The text without blank lines at its start and end, as the model shows it."""
        return self.source.strip("\n")

    def __bool__(self) -> bool:
        return bool(self.source.strip())

    def in_code(self, offset: int, kinds: Iterable[CodeKind] = ("fence", "indented", "inline")) -> bool:
        wanted = set(kinds)
        return any(c.start <= offset < c.end and c.kind in wanted for c in self.code)

    def render(
        self,
        reference: Callable[[Reference], str],
        prose: Callable[[str], str] = lambda text: text,
        edits: Sequence[Edit] = (),
        span: tuple[int, int] | None = None,
    ) -> str:
        """The source (or the part `span` of it) with every reference replaced by `reference(…)`,
        `prose` applied to all text outside code and to the text of `edits`, and the renderer's
        `edits` applied; an edit that overlaps a reference or an earlier edit is left out. Code
        stays exactly as written."""
        first, last = span if span is not None else (0, len(self.source))
        references = [r for r in self.references if first <= r.start and r.end <= last]
        changes: list[tuple[int, int, str]] = []
        taken: list[tuple[int, int]] = [(r.start, r.end) for r in references]
        for edit in sorted(edits, key=lambda e: (e.start, e.end)):
            inside = first <= edit.start and edit.end <= last
            if inside and not any(edit.start < end and start < edit.end for start, end in taken):
                taken.append((edit.start, edit.end))
                changes.append((edit.start, edit.end, prose(edit.text)))
        changes += [(r.start, r.end, reference(r)) for r in references]
        out: list[str] = []
        position = first
        for start, end, replacement in sorted(changes, key=lambda c: (c[0], c[1])):
            out.append(self._prose(position, start, prose))
            out.append(replacement)
            position = end
        out.append(self._prose(position, last, prose))
        return "".join(out)

    def _prose(self, start: int, end: int, prose: Callable[[str], str]) -> str:
        out: list[str] = []
        for a, b, is_code in _pieces(self.code, start, end):
            piece = self.source[a:b]
            out.append(piece if is_code or not piece else prose(piece))
        return "".join(out)


def _pieces(code: Sequence[Code], start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """The span start…end cut into pieces outside and inside code, in order."""
    position = start
    for c in code:
        if c.end <= position:
            continue
        if c.start >= end:
            break
        if c.start > position:
            yield position, c.start, False
        yield max(c.start, position), min(c.end, end), True
        position = min(c.end, end)
    if position < end:
        yield position, end, False


# --- the parse -------------------------------------------------------------------------------


def _inline_with_index(state: StateCore) -> None:
    """markdown-it's core rule "inline", telling the inline rules which block token they parse."""
    for index, token in enumerate(state.tokens):
        if token.type == "inline":
            if token.children is None:
                token.children = []
            state.env["lip_block"] = index
            state.md.inline.parse(token.content, state.md, state.env, token.children)


def _recording_backticks(original: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """The backtick rule, recording where each code span starts and ends in the inline content."""

    def rule(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        found = original(state, silent)
        if found and not silent and len(state.tokens) > count and state.tokens[-1].type == "code_inline":
            state.env.setdefault("lip_code", []).append((state.env.get("lip_block", -1), state.src, start, state.pos))
        return found

    return rule


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark")
    md.core.ruler.at("inline", _inline_with_index)
    backticks = next(r for r in md.inline.ruler.__rules__ if r.name == "backticks")
    md.inline.ruler.at("backticks", _recording_backticks(backticks.fn))
    return md


_PARSER = _parser()
_BLOCKS_ONLY = MarkdownIt("commonmark").disable("inline")


class _Lines:
    """Offsets of the lines of a text."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.lines = source.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def start(self, line: int) -> int:
        return self.starts[line] if line < len(self.starts) else len(self.source)

    def end(self, line: int) -> int:
        """Offset just after the last character of `line` (before its line end)."""
        line = min(line, len(self.lines) - 1)
        return self.starts[line] + len(self.lines[line])

    def row_col(self, offset: int) -> tuple[int, int]:
        row = bisect.bisect_right(self.starts, offset) - 1
        return row, offset - self.starts[row]


def _line_base(source_line: str, content_line: str) -> int | None:
    """Where a line of an inline token's content starts in its source line (containers such as
    list indentation and "> " are cut from the front, the last line may lose trailing blanks)."""
    core = content_line.lstrip(" \t")
    lead = len(content_line) - len(core)
    if not core:
        return len(source_line) - lead
    for candidate in (source_line, source_line.rstrip()):
        if candidate.endswith(core):
            return len(candidate) - len(core) - lead
    found = source_line.find(core)
    return found - lead if found >= 0 else None


def _inline_code(lines: _Lines, tokens: Sequence[Token], recorded: list[tuple[int, str, int, int]]) -> list[Code]:
    """Source spans of the code spans that markdown-it found in the inline content of blocks."""
    out: list[Code] = []
    for index, src, start, end in recorded:
        token = tokens[index] if 0 <= index < len(tokens) else None
        if token is None or not token.map:
            continue
        first, last = token.map[0], token.map[1] - 1
        content = token.content
        if src is not content:  # a nested parse (the alternative text of an image)
            base = content.find(src)
            if base < 0:
                out.append(Code("inline", lines.start(first), lines.end(last)))
                continue
            start, end = start + base, end + base
        span = _map_span(lines, first, content, start, end)
        if span is None or lines.source[span[0]] != "`" or lines.source[span[1] - 1] != "`":
            span = (lines.start(first), lines.end(last))  # cannot map exactly: the whole block is code
        out.append(Code("inline", *span))
    return out


def _map_span(lines: _Lines, first: int, content: str, start: int, end: int) -> tuple[int, int] | None:
    content_lines = content.split("\n")
    bases: list[int] = []
    for number, content_line in enumerate(content_lines):
        if first + number >= len(lines.lines):
            return None
        base = _line_base(lines.lines[first + number], content_line)
        if base is None:
            return None
        bases.append(base)

    def where(offset: int) -> int:
        row = content.count("\n", 0, offset)
        column = offset - (content.rfind("\n", 0, offset) + 1)
        return lines.start(first + row) + bases[row] + column

    return where(start), where(end - 1) + 1


def _merge(code: list[Code]) -> tuple[Code, ...]:
    out: list[Code] = []
    for c in sorted(code, key=lambda c: (c.start, -c.end)):
        if out and c.start < out[-1].end:
            if c.end > out[-1].end:
                out[-1] = Code(out[-1].kind, out[-1].start, c.end)
            continue
        out.append(c)
    return tuple(out)


class _Collector:
    def __init__(self, source: str, first_line: int) -> None:
        self.lines = _Lines(source)
        self.first_line = first_line
        self.headings: list[Heading] = []
        self.images: list[Image] = []
        self.links: list[Link] = []
        self.raw: list[Raw] = []
        self.code: list[Code] = []

    def block(self, token: Token) -> None:
        start = token.map[0] if token.map else 0
        if token.type == "heading_open":
            self.headings.append(Heading(int(token.tag[1]), start + self.first_line))
        elif token.type == "html_block":
            self.raw.append(Raw("html", token.content.strip().split("\n")[0], start + self.first_line))
        elif token.type in ("fence", "code_block"):
            if token.map:
                end = self.lines.end(token.map[1] - 1)
                self.code.append(Code("fence" if token.type == "fence" else "indented", self.lines.start(start), end))
            if token.type == "fence" and RAW_ATTRIBUTE.search(token.info):
                self.raw.append(Raw("attribute", token.info.strip(), start + self.first_line))
        elif token.type == "inline" and token.children:
            self.inline(token, start)

    def inline(self, token: Token, block_line: int) -> None:
        children = token.children or []
        for index, child in enumerate(children):
            if child.type == "html_inline":
                self.raw.append(Raw("html", child.content, self._locate(block_line, token, child.content)))
            elif child.type == "code_inline":
                following = children[index + 1] if index + 1 < len(children) else None
                if following is not None and following.type == "text" and RAW_ATTRIBUTE.match(following.content):
                    line = self._locate(block_line, token, child.content)
                    self.raw.append(Raw("attribute", following.content[:12], line))
            elif child.type == "image":
                src = str(child.attrs.get("src", ""))
                self.images.append(Image(src, child.content, self._locate(block_line, token, src)))
            elif child.type == "link_open":
                href = str(child.attrs.get("href", ""))
                self.links.append(Link(href, self._locate(block_line, token, href)))

    def _locate(self, block_line: int, token: Token, needle: str) -> int:
        """The file line of the first line of the block that contains `needle`."""
        end = token.map[1] if token.map else block_line + 1
        for line in range(block_line, min(end, len(self.lines.lines))):
            if needle and needle in self.lines.lines[line]:
                return line + self.first_line
        return block_line + self.first_line

    def references(self, code: Sequence[Code]) -> tuple[Reference, ...]:
        source = self.lines.source
        out: list[Reference] = []
        for start, end, is_code in _pieces(code, 0, len(source)):
            if is_code or "[[" not in source[start:end]:
                continue
            for match in TEXT_LINK.finditer(source, start, end):
                row, column = self.lines.row_col(match.start())
                out.append(Reference(match.group(1), match.start(), match.end(), row + self.first_line, column + 1))
        return tuple(out)


# A line that may open a block other than a paragraph or an ATX heading: quote, list, thematic
# break, setext underline, fence, indented code, tab. Texts without such lines (and without the
# inline marks above) are paragraphs and "#" headings only; most plan texts are.
_OTHER_BLOCK = re.compile(r"^(?: {0,3}(?:[>\-+*=_~]|\d{1,9}[.)])| {4}|[ ]{0,3}\t)", re.MULTILINE)
_ATX_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]|$)", re.MULTILINE)


def parse(source: str, first_line: int) -> Text:
    """Parse a Markdown text that starts on line `first_line` of its file."""
    if not source.strip():
        return Text(source, first_line)
    full = any(mark in source for mark in _INLINE_MARKS)
    if not full and not _OTHER_BLOCK.search(source):
        return _paragraphs_and_headings(source, first_line)
    return _parse(source, first_line, full)


def _paragraphs_and_headings(source: str, first_line: int) -> Text:
    """What markdown-it finds in a text of paragraphs and ATX headings, without running it:
    headings and text references; no code, images, links or raw markup can occur."""
    headings = tuple(
        Heading(len(m.group(1)), source.count("\n", 0, m.start()) + first_line) for m in _ATX_HEADING.finditer(source)
    )
    references = _Collector(source, first_line).references(()) if "[[" in source else ()
    return Text(source, first_line, headings, references=references)


def _parse(source: str, first_line: int, full: bool) -> Text:
    env: dict[str, Any] = {}
    tokens = (_PARSER if full else _BLOCKS_ONLY).parse(source, env)
    collector = _Collector(source, first_line)
    for token in tokens:
        collector.block(token)
    code = _merge(collector.code + _inline_code(collector.lines, tokens, env.get("lip_code", [])))
    return Text(
        source,
        first_line,
        tuple(collector.headings),
        tuple(collector.images),
        tuple(collector.links),
        tuple(collector.raw),
        code,
        collector.references(code),
    )
