"""Suggestions for typos ("Meinten Sie …?") and short listings of what exists."""

from __future__ import annotations

import difflib
import re

_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def suggest(value: str, candidates: list[str] | tuple[str, ...] | set[str]) -> str | None:
    """The closest candidate for a typo, for "meinten Sie …?"."""
    folded = value.translate(_UMLAUTS).lower().strip()
    by_folded = {str(c).lower(): str(c) for c in candidates}
    if folded in by_folded:
        return by_folded[folded]
    padded = {re.sub(r"(\D)(\d)$", r"\g<1>0\2", f): c for f, c in by_folded.items()}
    matches = difflib.get_close_matches(re.sub(r"(\D)(\d)$", r"\g<1>0\2", folded), list(padded), n=1, cutoff=0.6)
    return padded[matches[0]] if matches else None


def did_you_mean(value: str, candidates: list[str] | tuple[str, ...] | set[str]) -> str:
    hit = suggest(value, candidates)
    return f" Meinten Sie „{hit}“?" if hit else ""


def listing(values: list[str] | tuple[str, ...], limit: int = 12) -> str:
    shown = list(values)[:limit]
    rest = len(values) - len(shown)
    text = ", ".join(shown)
    return f"{text} und {rest} weitere" if rest > 0 else text
