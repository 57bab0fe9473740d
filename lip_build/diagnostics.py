"""Diagnostics: the immutable record of one finding and the collector of all findings.

The codes themselves, with severity, title and message templates, are registered in
lip_build/codes.py; a finding is added with its code constant and the values for the
placeholders of the chosen wording:

    diagnostics.add(LIP202, path, pos.line, pos.column, feld=label, schluessel=f.key, hilfe=f.help)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lip_build.codes import CODES, Code, Severity

__all__ = ["CODES", "Code", "Diagnostic", "Diagnostics", "Severity"]


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

    def add(self, code: Code, path: str, line: int, column: int, /, *, variant: str = "", **values: object) -> None:
        """Record `code` at a place, worded by its template `variant` ("" for the standard one).

        `values` must fill exactly the template's placeholders; anything else raises TypeError.
        """
        if CODES.get(code.code) is not code:
            raise KeyError(f"unregistered diagnostic code {code.code}")
        message = code.format(variant, **values)
        self._items.append(Diagnostic(path, max(line, 1), max(column, 1), code.code, message))

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
