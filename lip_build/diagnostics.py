"""Diagnostics: the registry of codes and the immutable record of one finding.

Codes are grouped by range and never renumbered:
  LIP1xx files and YAML syntax, LIP2xx fields, LIP3xx references and structure,
  LIP35x statuses and consistency, LIP4xx Markdown text.
Every code is documented in doku/diagnosen.md and has a fixture in tests/faelle/.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Severity(enum.Enum):
    ERROR = "Fehler"
    WARNING = "Warnung"


@dataclass(frozen=True)
class Code:
    code: str
    severity: Severity
    title: str


def _registry(*codes: Code) -> dict[str, Code]:
    return {c.code: c for c in codes}


E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, Code] = _registry(
    Code("LIP101", E, "Datei ist nicht UTF-8-kodiert"),
    Code("LIP102", E, "Datei ist leer"),
    Code("LIP103", E, "Datei ist keine Textdatei"),
    Code("LIP104", E, "Kopfbereich fehlt"),
    Code("LIP105", E, "Kopfbereich ist nicht abgeschlossen"),
    Code("LIP106", E, "YAML-Syntaxfehler im Kopfbereich"),
    Code("LIP107", E, "Schlüssel doppelt"),
    Code("LIP108", E, "Kopfbereich ist keine Liste von Schlüsseln"),
    Code("LIP109", E, "YAML-Anker und -Verweise sind nicht erlaubt"),
    Code("LIP110", E, "Datei ist zu groß"),
    Code("LIP111", W, "Datei liegt an einem unbekannten Ort"),
    Code("LIP112", E, "Pflichtdatei fehlt"),
    Code("LIP201", E, "Unbekannter Schlüssel"),
    Code("LIP202", E, "Pflichtangabe fehlt"),
    Code("LIP203", E, "Falsche Art von Wert"),
    Code("LIP204", E, "Ungültiges Datum"),
    Code("LIP205", E, "Unbekannter Wert"),
    Code("LIP206", E, "Ungültige ID"),
    Code("LIP207", E, "Wert außerhalb des erlaubten Bereichs"),
    Code("LIP208", E, "Wert hat nicht die erwartete Form"),
    Code("LIP209", W, "Eintrag doppelt in einer Liste"),
    Code("LIP301", E, "ID doppelt vergeben"),
    Code("LIP302", E, "Ablageort passt nicht zum Handlungsfeld"),
    Code("LIP303", E, "Verweis auf ein unbekanntes Element"),
    Code("LIP304", E, "Unbekannter Eintrag aus einem Verzeichnis"),
    Code("LIP305", E, "Textverweis auf eine unbekannte ID"),
    Code("LIP306", W, "Ziel ohne Maßnahme"),
    Code("LIP307", E, "Erstes Ziel liegt nicht im eigenen Handlungsfeld"),
    Code("LIP308", W, "Dateiname passt nicht zur ID"),
    Code("LIP309", E, "Handlungsfelder im Plan und Ordner passen nicht zusammen"),
    Code("LIP310", E, "Gremium der falschen Art"),
    Code("LIP311", W, "Maßnahme nach Änderung eines Ziels zu prüfen"),
    Code("LIP350", E, "Entscheidungsstand unvollständig"),
    Code("LIP351", E, "Umsetzungsstand widerspricht dem Entscheidungsstand"),
    Code("LIP352", E, "Jahre in falscher Reihenfolge"),
    Code("LIP353", W, "Angabe passt nicht zum Status"),
    Code("LIP401", E, "Überschrift der Ebene 1 im Text"),
    Code("LIP402", E, "Überschriftenebene übersprungen"),
    Code("LIP403", E, "HTML oder Rohcode im Text"),
    Code("LIP404", E, "Bild oder Datei fehlt"),
    Code("LIP405", E, "Pfad führt aus dem Repository hinaus"),
    Code("LIP406", E, "Bild ohne Alternativtext"),
    Code("LIP407", E, "Bild von einer externen Adresse"),
    Code("LIP408", W, "Text fehlt"),
)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One finding. Ordered by file and position, so reports read top to bottom."""

    path: str
    line: int
    column: int
    code: str
    message: str = field(compare=False)

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def title(self) -> str:
        return CODES[self.code].title

    def as_text(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.code} {self.severity.value}: {self.message}"


class Diagnostics:
    """Collects findings from every check; the exit code is decided once at the end."""

    def __init__(self) -> None:
        self._items: list[Diagnostic] = []

    def add(self, code: str, path: str, line: int, column: int, message: str) -> None:
        if code not in CODES:
            raise KeyError(f"unregistered diagnostic code {code}")
        self._items.append(Diagnostic(path, max(line, 1), max(column, 1), code, message))

    def extend(self, other: Diagnostics) -> None:
        self._items.extend(other._items)

    @property
    def items(self) -> list[Diagnostic]:
        return sorted(set(self._items))

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.items if d.severity is severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0

    def __len__(self) -> int:
        return len(self.items)
