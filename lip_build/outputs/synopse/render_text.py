"""The Synopse in the terminal: counts, one line per changed item, its field changes."""

from __future__ import annotations

from lip_build.history.compare import Aenderung, Element, Synopse

_WIDTH = 70


def _short(value: str | None) -> str:
    if value is None:
        return "—"
    flat = " ".join(value.split())
    return flat if len(flat) <= _WIDTH else flat[: _WIDTH - 1].rstrip() + "…"


def counts(synopse: Synopse) -> str:
    """ "2 geändert, 1 verschoben, 1 neu, 140 unverändert" (kinds that do not occur are left out)."""
    found = [f"{synopse.anzahl(a)} {a.value}" for a in Aenderung if synopse.anzahl(a)]
    return ", ".join(found) if found else "Keine Elemente"


def words(element: Element) -> str:
    """ "Text: 3 Wörter entfernt, 5 Wörter neu" (or "" when the text is unchanged)."""
    diff = element.text
    if not diff.geaendert:
        return ""
    parts = []
    if diff.entfernte_woerter:
        parts.append(f"{diff.entfernte_woerter} {'Wort' if diff.entfernte_woerter == 1 else 'Wörter'} entfernt")
    if diff.neue_woerter:
        parts.append(f"{diff.neue_woerter} {'Wort' if diff.neue_woerter == 1 else 'Wörter'} neu")
    return "Text: " + (", ".join(parts) if parts else "Satzzeichen geändert")


def status(element: Element) -> str:
    if element.aenderung is Aenderung.VERSCHOBEN and element.inhalt_geaendert:
        return "verschoben und geändert"
    return element.aenderung.value


def bookkeeping(synopse: Synopse) -> str:
    """ "Nur Prüfvermerke (geprueft) geändert: 3 Elemente." for items whose content did not change."""
    only = sum(1 for e in synopse.elemente if e.vermerke and e.aenderung is Aenderung.UNVERAENDERT)
    return f"Nur Prüfvermerke (geprueft) geändert: {only} {'Element' if only == 1 else 'Elemente'}." if only else ""


def render(synopse: Synopse) -> str:
    lines = [f"Synopse: {synopse.bisher.text} → {synopse.neu.text}", counts(synopse)]
    if bookkeeping(synopse):
        lines.append(bookkeeping(synopse))
    changed = synopse.geaendert
    if not changed:
        lines.append("Keine Unterschiede im Plan.")
        return "\n".join(lines)
    lines.append("")
    width = max(len(status(e)) for e in changed)
    for element in changed:
        title = f" „{_short(element.titel)}“" if element.titel else ""
        lines.append(f"{status(element).ljust(width)}  {element.bezeichnung}{title}")
        indent = " " * (width + 4)
        if element.aenderung is Aenderung.VERSCHOBEN:
            assert element.bisher and element.neu
            lines.append(f"{indent}Datei: {element.bisher.pfad} → {element.neu.pfad}")
        elif element.aenderung is not Aenderung.GEAENDERT:
            lines.append(f"{indent}Datei: {element.fassung.pfad}")
            continue
        for change in element.felder:
            lines.append(f"{indent}{change.schluessel}: {_short(change.bisher)} → {_short(change.neu)}")
        if element.text.geaendert:
            lines.append(f"{indent}{words(element)}")
    return "\n".join(lines)
