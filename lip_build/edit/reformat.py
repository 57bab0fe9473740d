"""`lip format`: every content file's front matter in the canonical form of frontmatter.py.

Only the front matter is rewritten; the body stays byte for byte. A file is rewritten only when its new
front matter reads back to the same values (without the empty optional ones) and writing it again gives
the same text; anything else would change a value, so the file stays as it is and is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lip_build.atomic import atomic_file
from lip_build.diagnostics import Diagnostics
from lip_build.edit.frontmatter import Shape, front_matter, plain, shape_of
from lip_build.load.files import classify, discover
from lip_build.load.source import FENCE, decode, split


@dataclass
class Outcome:
    changed: list[str] = field(default_factory=list)  # files not (yet) in the canonical form
    comments: dict[str, list[int]] = field(default_factory=dict)  # file → lines of removed comments
    refused: list[str] = field(default_factory=list)  # files that cannot be rewritten without a change
    diagnostics: Diagnostics = field(default_factory=Diagnostics)  # files that cannot be read


def canonical_text(text: str, path: str, diagnostics: Diagnostics) -> str | None:
    """The file `text` (at `path`) with canonical front matter; None if it cannot be read or rewritten."""
    kind = classify(path)
    source = split(text, path, diagnostics)
    if kind is None or source is None:
        return None
    data = plain(source.front, shape_of(kind.spec))
    try:
        front = front_matter(data, kind.spec)
    except ValueError:
        return None
    again = split(f"{FENCE}\n{front}{FENCE}\n", path, Diagnostics())
    if again is None or plain(again.front, shape_of(kind.spec)) != _without_empty(data, shape_of(kind.spec)):
        return None
    if front_matter(plain(again.front, shape_of(kind.spec)), kind.spec) != front:
        return None
    return f"{FENCE}\n{front}{FENCE}\n{source.body}"


def format_plan(root: Path, check: bool) -> Outcome:
    outcome = Outcome()
    for path in discover(root):
        if classify(path) is None:
            continue
        target = root / path
        text = decode(target.read_bytes(), path, outcome.diagnostics)
        if text is None:
            continue
        before = len(outcome.diagnostics.items)
        new = canonical_text(text, path, outcome.diagnostics)
        if new is None:
            if len(outcome.diagnostics.items) == before:
                outcome.refused.append(path)
            continue
        if new == text and target.read_bytes() == text.encode("utf-8"):
            continue
        outcome.changed.append(path)
        lines = comment_lines(text)
        if lines:
            outcome.comments[path] = lines
        if not check:
            atomic_file(target, new)
    return outcome


_COMMENT = re.compile(r"(?:^|\s)#")


def comment_lines(text: str) -> list[int]:
    """Lines of the front matter with a YAML comment (which the canonical form does not keep)."""
    lines = text.split("\n")
    found = []
    for number, line in enumerate(lines[1:], start=2):
        if line.rstrip() == FENCE:
            break
        match = _COMMENT.search(line)
        if match and not _inside_quotes(line[: match.start()]):
            found.append(number)
    return found


def _inside_quotes(before: str) -> bool:
    return before.count('"') % 2 == 1 or before.count("'") % 2 == 1


def _without_empty(data: Any, shape: Shape) -> Any:
    """The values as the canonical form keeps them: without empty optional fields."""
    if isinstance(data, dict):
        known = {key: (required, inner) for key, required, inner in shape.fields or ()}
        out = {}
        for key, value in data.items():
            required, inner = known.get(key, (True, Shape() if shape.fields is not None else shape.item or Shape()))
            if not required and (value is None or value == "" or value == [] or value == {}):
                continue
            out[key] = _without_empty(value, inner)
        return out
    if isinstance(data, list):
        return [_without_empty(item, shape.item or Shape()) for item in data]
    return "" if data is None else data
