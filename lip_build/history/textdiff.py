"""Word-by-word comparison of two texts, keeping whitespace and line breaks for rendering.

Words are compared without the whitespace that follows them, so re-wrapping a paragraph is
no change; the rendered pieces still carry their whitespace and line breaks. Punctuation at the
edge of a word is a word of its own ("2025." → "2025" "."), punctuation inside stays
(Expert*innen, 1830/2022, www.hannover.de).
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass
from typing import Literal

Art = Literal["gleich", "entfernt", "neu"]

_CHUNK = re.compile(r"(\S+)(\s*)")
_OPENING = "(„“\"»«‚'[{"
_CLOSING = ".,;:!?)“”\"»«‘'’]}"
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Stueck:
    """A run of text that is the same in both versions, removed, or added (with its whitespace)."""

    art: Art
    text: str


@dataclass(frozen=True)
class TextDiff:
    stuecke: tuple[Stueck, ...]  # both versions in one: gleich (new layout), entfernt, neu
    bisher: tuple[Stueck, ...]  # the old text alone: gleich and entfernt
    neu: tuple[Stueck, ...]  # the new text alone: gleich and neu
    entfernte_woerter: int
    neue_woerter: int

    @property
    def geaendert(self) -> bool:
        return any(s.art != "gleich" for s in self.stuecke)


def _tokens(text: str) -> list[tuple[str, str]]:
    """Words with their following whitespace; opening and closing punctuation are words of their own,
    punctuation inside a word (Expert*innen, 1830/2022, z.B., www.hannover.de) is not split off."""
    tokens = []
    for match in _CHUNK.finditer(text.strip()):
        chunk, space = match.group(1), match.group(2)
        start, end = 0, len(chunk)
        while start < end and chunk[start] in _OPENING:
            start += 1
        while end > start and chunk[end - 1] in _CLOSING:
            end -= 1
        pieces = [*chunk[:start], *([chunk[start:end]] if end > start else []), *chunk[end:]]
        tokens += [(piece, "") for piece in pieces[:-1]] + [(pieces[-1], space)]
    return tokens


def _join(tokens: list[tuple[str, str]]) -> str:
    return "".join(word + space for word, space in tokens)


def _append(target: list[Stueck], art: Art, text: str) -> None:
    if not text:
        return
    if target and target[-1].art == art:
        target[-1] = Stueck(art, target[-1].text + text)
    else:
        target.append(Stueck(art, text))


def _count(tokens: list[tuple[str, str]]) -> int:
    return sum(1 for word, _ in tokens if _WORD.search(word))


def _chunks(tokens: list[tuple[str, str]]) -> list[int]:
    """For each token, the number of the whitespace-separated chunk it belongs to."""
    numbers, current = [], 0
    for _, space in tokens:
        numbers.append(current)
        current += 1 if space else 0
    return numbers


def _whole_words(
    a: list[tuple[str, str]], b: list[tuple[str, str]], pairs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Drop matches inside a chunk that also changed ("Ziels." → "Ziels, jetzt …"), so that marks
    always cover whole chunks: "~~Ziels.~~ **Ziels, jetzt …**" renders in Markdown, "Ziels**, jetzt**" does not."""
    chunk_a, chunk_b = _chunks(a), _chunks(b)
    kept = set(pairs)
    while True:
        marked_a = set(range(len(a))) - {i for i, _ in kept}
        marked_b = set(range(len(b))) - {j for _, j in kept}
        bad_a = {chunk_a[i] for i in marked_a}
        bad_b = {chunk_b[j] for j in marked_b}
        dropped = {(i, j) for i, j in kept if chunk_a[i] in bad_a or chunk_b[j] in bad_b}
        if not dropped:
            return sorted(kept)
        kept -= dropped


@functools.lru_cache(maxsize=4096)  # lip serve rebuilds after every edit; unchanged pairs need no new diff
def compare_text(old: str, new: str) -> TextDiff:
    a, b = _tokens(old), _tokens(new)
    matcher = difflib.SequenceMatcher(None, [w for w, _ in a], [w for w, _ in b], autojunk=False)
    pairs = [(i + k, j + k) for tag, i, i2, j, _ in matcher.get_opcodes() if tag == "equal" for k in range(i2 - i)]
    both: list[Stueck] = []
    left: list[Stueck] = []
    right: list[Stueck] = []
    removed = added = 0
    last_a = last_b = 0
    for i, j in [*_whole_words(a, b, pairs), (len(a), len(b))]:
        old_part, new_part = a[last_a:i], b[last_b:j]
        gap = " " if old_part and new_part and not old_part[-1][1] else ""  # "~~alt~~ **neu**", not "~~alt~~**neu**"
        _append(both, "entfernt", _join(old_part) + gap)
        _append(both, "neu", _join(new_part))
        _append(left, "entfernt", _join(old_part))
        _append(right, "neu", _join(new_part))
        removed += _count(old_part)
        added += _count(new_part)
        if i < len(a):
            _append(both, "gleich", _join(b[j : j + 1]))
            _append(left, "gleich", _join(a[i : i + 1]))
            _append(right, "gleich", _join(b[j : j + 1]))
        last_a, last_b = i + 1, j + 1
    return TextDiff(tuple(both), tuple(left), tuple(right), removed, added)


def paragraphs(stuecke: tuple[Stueck, ...]) -> list[tuple[Stueck, ...]]:
    """Split pieces into paragraphs at blank lines; the breaks themselves are dropped."""
    result: list[list[Stueck]] = [[]]
    for piece in stuecke:
        parts = _PARAGRAPH_BREAK.split(piece.text)
        for index, part in enumerate(parts):
            if index:
                result.append([])
            if part:
                result[-1].append(Stueck(piece.art, part))
    return [tuple(p) for p in result if any(s.text.strip() for s in p)]


def changed(paragraph: tuple[Stueck, ...]) -> bool:
    return any(s.art != "gleich" and s.text.strip() for s in paragraph)


def shown_paragraphs(stuecke: tuple[Stueck, ...], only_changed: bool) -> list[tuple[Stueck, ...] | None]:
    """The paragraphs to show; with `only_changed`, unchanged runs are left out and marked by None."""
    shown: list[tuple[Stueck, ...] | None] = []
    skipped = False
    for paragraph in paragraphs(stuecke):
        if only_changed and not changed(paragraph):
            skipped = True
            continue
        if skipped:
            shown.append(None)
        skipped = False
        shown.append(paragraph)
    if skipped and shown:
        shown.append(None)
    return shown
