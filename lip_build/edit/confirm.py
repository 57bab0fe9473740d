"""`lip review confirm`: record that measures still fit their goals in their current form.

Writes the goals' current fingerprints (lip_build.check.reviews) into the `geprueft:` block of
each measure's front matter and leaves every other line of the file as it was.
"""

from __future__ import annotations

from pathlib import Path

from lip_build.atomic import atomic_file
from lip_build.check.document import Document, records
from lip_build.check.reviews import KEY, goal_fingerprints
from lip_build.errors import ReviewError
from lip_build.model.plan import Massnahme


def confirm(root: Path, documents: list[Document], identifiers: list[str]) -> list[Path]:
    """Record current goal fingerprints for measures (by measure ID, or all measures of a goal ID)."""
    current = goal_fingerprints(documents)
    measures = {m.id: (doc, m) for doc, m in records(documents, "massnahme", Massnahme)}
    targets: dict[str, set[str]] = {}
    for identifier in identifiers:
        if identifier in measures:
            targets.setdefault(identifier, set()).update(measures[identifier][1].ziele)
        elif identifier in current:
            for measure_id, (_, measure) in measures.items():
                if identifier in measure.ziele:
                    targets.setdefault(measure_id, set()).add(identifier)
        else:
            raise ReviewError(
                f"„{identifier}“ ist weder eine Maßnahme noch ein Ziel des Plans (oder die Datei hat Fehler; "
                "prüfen Sie mit „lip validate“)."
            )
    written = []
    for measure_id, goals in sorted(targets.items()):
        doc, measure = measures[measure_id]
        recorded = dict(measure.geprueft)
        ziele = [g for g in measure.ziele if g in current]
        recorded = {g: recorded[g] for g in ziele if g in recorded}  # forget goals no longer served
        recorded.update({g: current[g] for g in goals if g in current})
        path = root / doc.path
        text = path.read_text(encoding="utf-8")
        updated = set_block(text, KEY, [f'  {g}: "{recorded[g]}"' for g in ziele if g in recorded])
        if updated != text:
            atomic_file(path, updated)
            written.append(path)
    return written


def set_block(text: str, key: str, lines: list[str]) -> str:
    """Replace (or add at the end of the front matter) the top-level block `key:` with `lines`."""
    all_lines = text.split("\n")
    end = next(i for i in range(1, len(all_lines)) if all_lines[i].rstrip() == "---")
    start = next((i for i in range(1, end) if all_lines[i].startswith(f"{key}:")), None)
    if start is None:
        start = stop = end
    else:
        stop = start + 1
        while stop < end and all_lines[stop].startswith((" ", "\t")):
            stop += 1
    block = [f"{key}:", *lines] if lines else []
    return "\n".join(all_lines[:start] + block + all_lines[stop:])
