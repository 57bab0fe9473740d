"""Text for the Synopse PDF: pieces of a word diff as data for the Typst template.

Texts of the plan are Markdown as written in the files. The PDF shows them as they read: lines
wrapped in the file are joined, list items keep their own line, a heading ("## Umsetzung")
is shown bold without its hashes, a text link [[BIL-M04]] shows as BIL-M04, an image as
"[Bild: alternative text]", a link as "text (address)". Everything else is shown literally: no
character has a meaning for Typst, because the template sets strings only.

Pieces: a = "g" (the same in both versions), "e" (removed: left column), "n" (added: right column).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from lip_build.history.textdiff import Art, Stueck, paragraphs
from lip_build.load.markdown import TEXT_LINK

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\(([^)\s]+)\)")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d+[.)])[ \t]")
_MARK = {"gleich": "g", "entfernt": "e", "neu": "n"}


@dataclass(frozen=True)
class Teil:
    a: str  # "g", "e", "n"
    t: str


@dataclass(frozen=True)
class Block:
    art: str  # "absatz", "ueberschrift", "feld" (label and value), "leer" (a grey note: "entfällt")
    teile: tuple[Teil, ...] = ()
    label: str = ""


def clean(text: str) -> str:
    """Control characters cannot be set (and are not allowed in PDF/A); tabs become spaces."""
    return _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\t", " "))


def _readable(text: str) -> str:
    """Markdown that only a program needs, as a reader would say it (within one piece)."""
    text = TEXT_LINK.sub(r"\1", text)
    text = _IMAGE.sub(lambda m: f"[Bild: {m.group(1)}]" if m.group(1) else "[Bild]", text)
    return _LINK.sub(lambda m: m.group(1) if m.group(1) == m.group(2) else f"{m.group(1)} ({m.group(2)})", text)


def teile(stuecke: tuple[Stueck, ...]) -> tuple[Teil, ...]:
    """Pieces for the template: single line ends become spaces, line ends before a list item stay;
    whitespace at the edge of a mark is not marked; [[ID]] shows as ID."""
    texts = [clean(s.text) for s in stuecke]
    joined = "".join(texts)
    keep = {m.start() for m in re.finditer(r"\n", joined) if _LIST_ITEM.match(joined, m.end())}
    out: list[Teil] = []
    offset = 0
    for piece, raw in zip(stuecke, texts, strict=True):
        chars = [ch if ch != "\n" or offset + index in keep else " " for index, ch in enumerate(raw)]
        offset += len(raw)
        text = _readable("".join(chars))
        mark, core = _MARK[piece.art], text.strip()
        if mark == "g" or not core:
            out.append(Teil("g", text))
            continue
        start = text.index(core)
        out += [Teil("g", text[:start]), Teil(mark, core), Teil("g", text[start + len(core) :])]
    merged: list[Teil] = []
    for teil in out:
        if merged and merged[-1].a == teil.a:
            merged[-1] = Teil(teil.a, merged[-1].t + teil.t)
        elif teil.t:
            merged.append(teil)
    if merged:  # no space at the start or end of a paragraph
        merged[0] = Teil(merged[0].a, merged[0].t.lstrip())
        merged[-1] = Teil(merged[-1].a, merged[-1].t.rstrip())
    return tuple(t for t in merged if t.t)


def is_heading(stuecke: tuple[Stueck, ...]) -> bool:
    first = stuecke[0].text
    level = len(first) - len(first.lstrip("#"))
    return 0 < level <= 6 and first[level : level + 1] == " "


def absatz(stuecke: tuple[Stueck, ...]) -> Block:
    """A paragraph; a Markdown heading is shown bold, without its hashes."""
    if is_heading(stuecke):
        first = stuecke[0]
        level = len(first.text) - len(first.text.lstrip("#"))
        return Block("ueberschrift", teile((Stueck(first.art, first.text[level + 1 :]), *stuecke[1:])))
    return Block("absatz", teile(stuecke))


def absaetze(stuecke: tuple[Stueck, ...]) -> tuple[Block, ...]:
    return tuple(absatz(p) for p in paragraphs(stuecke))


def seite(paragraph: tuple[Stueck, ...], drop: Art) -> tuple[Block, ...]:
    """One column of a paragraph of the word diff: without the added (left) or removed (right) words.
    A paragraph that was rewritten is marked as a whole: a few common words ("ist ein") scattered
    through a new text would only make both versions hard to read."""
    kept = tuple(s for s in paragraph if s.art != drop)
    if umgeschrieben(paragraph):
        art: Art = "neu" if drop == "entfernt" else "entfernt"
        kept = (Stueck(art, "".join(s.text for s in kept)),)
    return (absatz(kept),) if any(s.text.strip() for s in kept) else ()


def _words(stuecke: tuple[Stueck, ...], *arts: Art) -> int:
    return sum(len(re.findall(r"\w+", s.text)) for s in stuecke if s.art in arts)


def umgeschrieben(paragraph: tuple[Stueck, ...]) -> bool:
    """Less than half of the words of the longer version are common to both."""
    longer = max(_words(paragraph, "gleich", "entfernt"), _words(paragraph, "gleich", "neu"))
    return _words(paragraph, "gleich") * 2 < longer


def geaendert(paragraph: tuple[Stueck, ...]) -> bool:
    return any(s.art != "gleich" and s.text.strip() for s in paragraph)


def liste(old: list[str], new: list[str]) -> tuple[tuple[Block, ...], tuple[Block, ...]]:
    """Both columns of a list of names, compared entry by entry ("Jugendliche und junge Erwachsene"
    replaced by "Eltern und Familien" is one change, not a change of words around a common "und")."""
    same = {
        (i + k, j + k)
        for i, j, size in difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
        for k in range(size)
    }
    kept_old, kept_new = {i for i, _ in same}, {j for _, j in same}

    def column(entries: list[str], kept: set[int], mark: str) -> tuple[Block, ...]:
        pieces: list[Teil] = []
        for index, entry in enumerate(entries):
            if index:
                pieces.append(Teil("g", ", "))
            pieces.append(Teil("g" if index in kept else mark, clean(entry)))
        return (Block("absatz", tuple(pieces)),)

    return column(old, kept_old, "e"), column(new, kept_new, "n")
