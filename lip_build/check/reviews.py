"""Re-check after a change ("suspect links", as in Doorstop).

A measure records, per goal it serves, a fingerprint of the goal as it was when someone
last confirmed that the measure still fits it (`geprueft:` in the front matter). When the
goal's title, text or indicators change, the fingerprints no longer match and validation
warns (LIP311) until `lip review confirm` records the new fingerprints.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from lip_build import schema as s
from lip_build.check.document import Document, records
from lip_build.codes import LIP311
from lip_build.diagnostics import Diagnostics
from lip_build.model.plan import Kennzahl, Massnahme, Ziel

KEY = "geprueft"
# Measured values (werte) are progress, not what the goal means: adding one asks for no new confirmation.
_KENNZAHL_KEYS = tuple(f.key for f in s.KENNZAHL.fields if f.key != "werte")


def fingerprint(titel: str, text: str, kennzahlen: Iterable[Kennzahl]) -> str:
    """Eight hex digits that change when the goal's content changes (not its layout)."""
    canonical = {
        "titel": " ".join(titel.split()),
        "text": " ".join(text.split()),
        "kennzahlen": [[getattr(k, key) for key in _KENNZAHL_KEYS] for k in kennzahlen],
    }
    data = json.dumps(canonical, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:8]


def goal_fingerprint(doc: Document) -> str | None:
    """The fingerprint of a goal file, or None when the file is broken (its values did not bind)."""
    if not isinstance(doc.record, Ziel):
        return None
    return fingerprint(doc.record.titel, doc.source.body, doc.record.kennzahlen)


def goal_fingerprints(documents: list[Document]) -> dict[str, str]:
    return {
        ziel.id: fingerprint(ziel.titel, doc.source.body, ziel.kennzahlen)
        for doc, ziel in records(documents, "ziel", Ziel)
    }


def check_reviews(documents: list[Document], diagnostics: Diagnostics) -> None:
    """LIP311 for every link from a measure to a goal that is not confirmed in its current form."""
    current = goal_fingerprints(documents)
    for doc, measure in records(documents, "massnahme", Massnahme):
        recorded = measure.geprueft
        pending = [g for g in measure.ziele if g in current and recorded.get(g) != current[g]]
        if not pending:
            continue
        changed = [g for g in pending if g in recorded]
        new = [g for g in pending if g not in recorded]
        pos = doc.source.line_of(KEY) if KEY in doc.source.front.entries else doc.source.line_of("ziele")
        variant, goals = _review_wording(changed, new)
        diagnostics.add(LIP311, doc.path, pos.line, pos.column, variant=variant, id=measure.id, **goals)


def _review_wording(changed: list[str], new: list[str]) -> tuple[str, dict[str, str]]:
    """The variant of LIP311 for goals changed since their confirmation and goals never confirmed."""
    parts, goals = [], {}
    if changed:
        parts.append("ein_geaendert" if len(changed) == 1 else "mehrere_geaendert")
        goals["geaendert"] = ", ".join(changed)
    if new:
        parts.append("ein_neu" if len(new) == 1 else "mehrere_neu")
        goals["neu"] = ", ".join(new)
    variant = "_".join(parts)
    return ("" if variant == "ein_geaendert" else variant), goals
