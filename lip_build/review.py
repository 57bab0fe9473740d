"""Re-check after a change ("suspect links", as in Doorstop).

A measure records, per goal it serves, a fingerprint of the goal as it was when someone
last confirmed that the measure still fits it (`geprueft:` in the front matter). When the
goal's title, text or indicators change, the fingerprints no longer match and validation
warns (LIP311) until `lip review confirm` records the new fingerprints.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from . import schema as s
from .diagnostics import Diagnostics
from .loader import Document

KEY = "geprueft"
_KENNZAHL_KEYS = tuple(f.key for f in s.KENNZAHL.fields)


def fingerprint(titel: str, text: str, kennzahlen: Iterable[Mapping[str, Any]]) -> str:
    """Eight hex digits that change when the goal's content changes (not its layout)."""
    canonical = {
        "titel": " ".join(titel.split()),
        "text": " ".join(text.split()),
        "kennzahlen": [[k.get(key) for key in _KENNZAHL_KEYS] for k in kennzahlen],
    }
    data = json.dumps(canonical, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:8]


def goal_fingerprint(doc: Document) -> str | None:
    """The fingerprint of a goal file, or None when its title or indicators are invalid."""
    titel = doc.values.get("titel")
    if not isinstance(titel, str) or doc.checked.values.get("id") is None:
        return None
    return fingerprint(titel, doc.source.body, doc.values.get("kennzahlen") or ())


def goal_fingerprints(documents: list[Document]) -> dict[str, str]:
    result = {}
    for doc in documents:
        if doc.kind.name == "ziel":
            value = goal_fingerprint(doc)
            if value is not None:
                result[str(doc.values["id"])] = value
    return result


def check_reviews(documents: list[Document], diagnostics: Diagnostics) -> None:
    """LIP311 for every link from a measure to a goal that is not confirmed in its current form."""
    current = goal_fingerprints(documents)
    for doc in documents:
        if doc.kind.name != "massnahme" or not isinstance(doc.values.get("ziele"), list):
            continue
        recorded = doc.values.get(KEY) or {}
        pending = [g for g in doc.values["ziele"] if g in current and recorded.get(g) != current[g]]
        if not pending:
            continue
        changed = [g for g in pending if g in recorded]
        new = [g for g in pending if g not in recorded]
        parts = []
        if changed:
            subject = f"Ziel {changed[0]} hat" if len(changed) == 1 else f"die Ziele {', '.join(changed)} haben"
            parts.append(f"{subject} sich seit der letzten Bestätigung geändert")
        if new:
            target = f"Ziel {new[0]}" if len(new) == 1 else f"den Zielen {', '.join(new)}"
            parts.append(f"die Verknüpfung mit {target} ist noch nicht bestätigt")
        pos = doc.source.line_of(KEY) if KEY in doc.source.front.entries else doc.source.line_of("ziele")
        diagnostics.add(
            "LIP311",
            doc.path,
            pos.line,
            pos.column,
            f"Zu prüfen: {'; '.join(parts)}. Passt die Maßnahme noch zu ihren Zielen? Dann bestätigen Sie mit "
            f"„lip review confirm {doc.values.get('id', '')}“.",
        )


class ReviewError(Exception):
    """A confirmation cannot be recorded; the message says why, in German."""


def confirm(root: Path, documents: list[Document], identifiers: list[str]) -> list[Path]:
    """Record current goal fingerprints for measures (by measure ID, or all measures of a goal ID)."""
    current = goal_fingerprints(documents)
    measures = {str(d.values["id"]): d for d in documents if d.kind.name == "massnahme" and "id" in d.values}
    targets: dict[str, set[str]] = {}
    for identifier in identifiers:
        if identifier in measures:
            targets.setdefault(identifier, set()).update(measures[identifier].values.get("ziele") or ())
        elif identifier in current:
            for measure_id, doc in measures.items():
                if identifier in (doc.values.get("ziele") or ()):
                    targets.setdefault(measure_id, set()).add(identifier)
        else:
            raise ReviewError(
                f"„{identifier}“ ist weder eine Maßnahme noch ein Ziel des Plans (oder die Datei hat Fehler; "
                "prüfen Sie mit „lip validate“)."
            )
    written = []
    for measure_id, goals in sorted(targets.items()):
        doc = measures[measure_id]
        recorded = dict(doc.values.get(KEY) or {})
        ziele = [g for g in doc.values.get("ziele") or () if g in current]
        recorded = {g: recorded[g] for g in ziele if g in recorded}  # forget goals no longer served
        recorded.update({g: current[g] for g in goals if g in current})
        path = root / doc.path
        text = path.read_text(encoding="utf-8")
        updated = set_block(text, KEY, [f'  {g}: "{recorded[g]}"' for g in ziele if g in recorded])
        if updated != text:
            _write(path, updated)
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


def _write(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.unlink(temp)
