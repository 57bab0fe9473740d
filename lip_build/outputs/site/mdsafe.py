"""A Python-Markdown extension: text from the plan can never put HTML or script on the site.

The validator already rejects raw HTML in texts (LIP403); this is the second line of defence.
- Raw HTML is not passed through: the block and inline HTML handlers are removed, so `<script>`
  in a text is shown as the characters „<script>“.
- Only HTML that lip generated itself passes: the engine wraps it in marker comments that carry a
  random key of this build (`nonce`), which no text of the plan can know.
- Links and images keep only safe targets (relative, http, https, mailto, tel); a
  `javascript:` link loses its target.
Registered last among the extensions, so that no other extension brings raw HTML back.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

_SAFE_URL = re.compile(r"^(?:https?:|mailto:|tel:|[^:]*$|[^:]*[/?#])", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")


def start_marker(nonce: str) -> str:
    return f"<!--lip-html {nonce}-->"


def end_marker(nonce: str) -> str:
    return f"<!--/lip-html {nonce}-->"


def safe_url(url: str) -> bool:
    """True for relative URLs and http(s), mailto and tel; False for javascript:, data: and the like."""
    return bool(_SAFE_URL.match(_CONTROL.sub("", url)))


class _TrustedHtml(Preprocessor):
    """Stashes the HTML between the markers of this build; everything else stays Markdown."""

    def __init__(self, md: Markdown, nonce: str) -> None:
        super().__init__(md)
        self.start, self.end = start_marker(nonce), end_marker(nonce)

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        trusted: list[str] | None = None
        for line in lines:
            if trusted is None and line.strip() == self.start:
                trusted = []
            elif trusted is not None and line.strip() == self.end:
                out += ["", self.md.htmlStash.store("\n".join(trusted)), ""]
                trusted = None
            elif trusted is not None:
                trusted.append(line)
            else:
                out.append(line)
        if trusted is not None:  # an unclosed marker: show the text, never trust it
            out += trusted
        return out


class _SafeLinks(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                value = element.get(attribute)
                if value is not None and not safe_url(value):
                    del element.attrib[attribute]


class SafeMarkdownExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"nonce": ["", "Random key of the build that marks lip's own HTML"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        for name in ("html_block",):
            if name in md.preprocessors:
                md.preprocessors.deregister(name)
        if "html" in md.inlinePatterns:
            md.inlinePatterns.deregister("html")
        nonce = str(self.getConfig("nonce"))
        if len(nonce) >= 16:
            md.preprocessors.register(_TrustedHtml(md, nonce), "lip_trusted_html", 29)
        md.treeprocessors.register(_SafeLinks(md), "lip_safe_links", -10)


def makeExtension(**kwargs: Any) -> SafeMarkdownExtension:
    return SafeMarkdownExtension(**kwargs)
