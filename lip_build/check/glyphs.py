"""Characters the PDF cannot set: checked in `lip validate`, so that a green check means the PDF builds.

The Drucksache and the Synopse are set by Typst with the fonts in fonts/ (Noto Sans) and, for
characters those lack, Typst's embedded fonts (Libertinus Serif, New Computer Modern, DejaVu Sans
Mono); system fonts are ignored. A character none of them has stops the PDF/A build with an English
error, long after the pull request was merged (an emoji in a title).

Fast path: an ASCII text is skipped at once (str.isascii is O(1)), a file of Latin-1 characters after
one C-speed encode at load time (Typst's embedded fonts set every Latin-1 character, whatever the
plan's fonts: tests/test_glyphs.py asks Typst); only other texts are searched with a pattern of the
characters the shipped fonts lack. The shipped fonts' code points (read with fontTools from their
cmap tables) and what Typst's embedded fonts add (asked from Typst itself, once per character) are
cached in the user's cache folder (~/.cache/lip/) by the fonts' sizes and dates, so fontTools and
Typst are loaded only when the fonts or the characters change.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from lip_build.atomic import atomic_file
from lip_build.check.document import Document
from lip_build.codes import LIP410, LIP411
from lip_build.diagnostics import Diagnostics

FONTS = "fonts"  # the plan's own font folder, else the one shipped with lip (outputs/drucksache/render_typst.py)
_LIP_REPO = Path(__file__).resolve().parents[2]
_FONT_SUFFIXES = (".ttf", ".otf", ".ttc", ".otc")
_VERSION = 2  # of the cache file's layout


def cache_file(folder: Path) -> Path:
    """Where the coverage of a font folder is kept: the user's cache folder, never the plan's repository."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()
    return base / "lip" / f"schriften-{digest}.json"


def font_folder(root: Path) -> Path:
    own = root / FONTS
    return own if own.is_dir() else _LIP_REPO / FONTS


@dataclass
class Coverage:
    """What the fonts can set: the shipped fonts' code points and the answers of Typst for others."""

    ranges: list[tuple[int, int]]  # code points of the shipped fonts, as inclusive ranges
    typst: dict[str, bool]  # character → can Typst set it with its embedded fonts
    key: str  # fonts and Typst version the cache belongs to
    broken: list[str] = field(default_factory=list)  # font files that cannot be read (Typst leaves them out too)

    @property
    def pattern(self) -> re.Pattern[str]:
        """Any character the shipped fonts lack (control characters aside)."""
        covered = "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in self.ranges)
        return re.compile(f"[^\\x00-\\x1f\\x7f-\\x9f{covered}]")


def _fonts(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in _FONT_SUFFIXES and p.is_file())


def _key(folder: Path) -> str:
    """The fonts and the installed Typst (its embedded fonts), by size and date: cheap to compute."""
    import importlib.util

    spec = importlib.util.find_spec("typst")
    files = [Path(spec.origin).parent / "_typst.abi3.so"] if spec and spec.origin else []
    stats = [(p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns) for p in _fonts(folder)]
    stats += [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files if p.is_file()]
    return json.dumps([_VERSION, str(folder), stats])


def _read_cmaps(fonts: list[Path]) -> tuple[list[tuple[int, int]], list[Path]]:
    """The code points of `fonts` as inclusive ranges, and the fonts that could not be read."""
    from fontTools.ttLib import TTCollection, TTFont  # type: ignore[import-untyped]

    codes: set[int] = set()
    broken = []
    for path in fonts:
        collection = path.suffix.lower() in (".ttc", ".otc")
        try:
            with (TTCollection if collection else TTFont)(str(path)) as opened:  # a collection's fonts share its file
                for font in opened.fonts if collection else [opened]:
                    codes.update(font.getBestCmap() or {})  # a symbol font has no Unicode cmap
        except Exception:  # fontTools raises whatever its parser meets in a damaged file
            broken.append(path)
    ranges: list[tuple[int, int]] = []
    for code in sorted(codes):
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges, broken


@cache
def coverage(root: Path) -> Coverage:
    folder = font_folder(root)
    key = _key(folder)
    try:
        data = json.loads(cache_file(folder).read_text(encoding="utf-8"))
        if data["key"] == key:
            return Coverage([(a, b) for a, b in data["ranges"]], dict(data["typst"]), key, list(data["kaputt"]))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    ranges, broken = _read_cmaps(_fonts(folder))
    found = Coverage(ranges, {}, key, [f"{FONTS}/{p.relative_to(folder).as_posix()}" for p in broken])
    _store(folder, found)
    return found


def _store(folder: Path, found: Coverage) -> None:
    """Keep the cache for the next run; a cache that cannot be written only makes the next run slower."""
    data = {"key": found.key, "ranges": found.ranges, "typst": found.typst, "kaputt": found.broken}
    with contextlib.suppress(OSError):
        target = cache_file(folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_file(target, json.dumps(data))


def _ask_typst(chars: list[str]) -> set[str] | None:
    """Of `chars`, which the shipped fonts lack (so only Typst's embedded fonts can have them), those that
    the PDF can hold; None when Typst fails for another reason (then nothing is claimed and nothing cached).
    Typst names a character it cannot set ("the text `"🎓"` could not be displayed") and one that PDF/A
    forbids ("the PDF contains the codepoint `"\\u{e000}"`", a private use character), in either form."""
    import typst

    # One code block of escaped strings (no markup, no quoting), each its own paragraph. (A #for loop over
    # them takes quadratic time in Typst: 1 s for 1,000 characters, against 0.08 s.)
    body = "; parbreak(); ".join(f'"\\u{{{ord(c):x}}}"' for c in chars)
    source = f'#set document(title: "Probe")\n#{{ {body} }}\n'.encode()
    try:
        typst.compile(source, ignore_system_fonts=True, pdf_standards=["a-2a"])
    except typst.TypstError as error:  # its diagnostic names every character, its message only the first
        named = {c for c in chars if f'`"{c}"`' in error.diagnostic or f'`"\\u{{{ord(c):x}}}"`' in error.diagnostic}
        return set(chars) - named if named else None
    except (RuntimeError, OSError, ValueError):
        return None
    return set(chars)


def _settable(root: Path, found: Coverage, chars: set[str]) -> set[str]:
    """The characters of `chars` (none in the shipped fonts) that no font can set."""
    unknown = sorted(c for c in chars if c not in found.typst)
    if unknown:
        can = _ask_typst(unknown)
        if can is None:
            return set()
        found.typst.update({c: c in can for c in unknown})
        _store(font_folder(root), found)
    return {c for c in chars if not found.typst[c]}


def check_glyphs(root: Path, documents: Iterable[Document], diagnostics: Diagnostics) -> None:
    found = coverage(root)  # from the cache while the fonts stay the same: a few milliseconds
    for path in found.broken:
        diagnostics.add(LIP411, path, 1, 1, pfad=path)
    suspects = [doc.source for doc in documents if not doc.source.latin1]
    if not suspects:
        return
    pattern = found.pattern
    hits = [
        (source.path, text, line, match)
        for source in suspects
        for text, line in ((source.front_text, source.front_line), (source.body, source.body_line))
        if not text.isascii()
        for match in pattern.finditer(text)
    ]
    if not hits:
        return
    missing = _settable(root, found, {match.group() for _, _, _, match in hits})
    for path, text, first_line, match in hits:
        char = match.group()
        if char not in missing:
            continue
        before = text[: match.start()]
        line = first_line + before.count("\n")
        column = len(before) - before.rfind("\n")
        diagnostics.add(LIP410, path, line, column, zeichen=char, codepunkt=f"U+{ord(char):04X}", ordner=FONTS)
