"""Checking a front matter tree against its declaration in schema.py.

The result holds plain Python values for every field that passed, plus the identifiers
the file defines and references, each with its position, for the plan-wide checks.
A field that fails is left out of the values and reported; it never stops the check.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from lip_build import schema as s
from lip_build.check.suggest import did_you_mean
from lip_build.diagnostics import CODES, Diagnostics, Severity
from lip_build.load.yamltree import BadDate, Pos, YMap, YNode, YScalar, YSeq, describe

_INVALID = object()
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Mention:
    """An identifier defined (Key) or referenced (Ref) at a position in a file."""

    kind: str
    value: str
    path: str
    pos: Pos
    key: str  # the field, e.g. "ziele" or "entscheidung.gremium"


@dataclass
class Checked:
    values: dict[str, Any]
    definitions: list[Mention] = field(default_factory=list)
    references: list[Mention] = field(default_factory=list)
    errors: int = 0  # errors the field check reported; with any, the file does not become a record


class FieldChecker:
    def __init__(self, path: str, diagnostics: Diagnostics) -> None:
        self.path = path
        self.diagnostics = diagnostics
        self.result = Checked({})

    def check(self, spec: s.Obj, node: YMap) -> Checked:
        self.result.values = self._object(spec, node, "")
        return self.result

    # -- reporting --------------------------------------------------------------------

    def _report(self, code: str, pos: Pos, message: str) -> None:
        self.diagnostics.add(code, self.path, pos.line, pos.column, message)
        if CODES[code].severity is Severity.ERROR:
            self.result.errors += 1

    # -- structure --------------------------------------------------------------------

    def _object(self, spec: s.Obj, node: YMap, prefix: str) -> dict[str, Any]:
        values: dict[str, Any] = {}
        allowed = [f.key for f in spec.fields]
        for key, entry in node.entries.items():
            if key not in allowed:
                self._report(
                    "LIP201",
                    entry.key_pos,
                    f"Den Schlüssel „{prefix}{key}“ gibt es hier nicht.{did_you_mean(key, allowed)} "
                    f"Erlaubt sind: {', '.join(allowed)}.",
                )
        for f in spec.fields:
            found = node.entries.get(f.key)
            label = prefix + f.key
            if found is None or _is_empty(found.value):
                if f.required:
                    where = found.key_pos if found else node.pos
                    self._report(
                        "LIP202",
                        where,
                        f"Die Pflichtangabe „{label}“ fehlt{' oder ist leer' if found else ''}. "
                        f"Ergänzen Sie „{f.key}: …“ ({f.help}).",
                    )
                continue
            value = self._value(f.type, found.value, label)
            if value is not _INVALID:
                values[f.key] = value
        return values

    def _value(self, t: s.FieldType, node: YNode, label: str) -> Any:
        if isinstance(t, s.Obj):
            if not isinstance(node, YMap):
                return self._wrong(node, label, "eingerückte Angaben der Form „schluessel: Wert“")
            return self._object(t, node, label + ".")
        if isinstance(t, s.ListOf):
            return self._list(t, node, label)
        if isinstance(t, s.MapOf):
            return self._map(t, node, label)
        if not isinstance(node, YScalar):
            return self._wrong(node, label, _expected(t))
        return self._scalar(t, node, label)

    def _list(self, t: s.ListOf, node: YNode, label: str) -> Any:
        if isinstance(node, YScalar) and not isinstance(t.item, s.Obj):
            node = YSeq([node], node.pos)  # a single value where a list is allowed: accept it
        if not isinstance(node, YSeq):
            return self._wrong(node, label, "eine Liste")
        if len(node.items) < t.min_items:
            self._report("LIP202", node.pos, f"Die Liste „{label}“ braucht mindestens {t.min_items} Eintrag.")
            return _INVALID
        values = []
        seen: dict[str, int] = {}
        for index, item in enumerate(node.items):
            value = self._value(t.item, item, f"{label}[{index + 1}]")
            if value is _INVALID:
                continue
            if isinstance(value, str):
                if value in seen:
                    self._report(
                        "LIP209",
                        _pos(item),
                        f"„{value}“ steht zweimal in „{label}“ (zuerst als Eintrag {seen[value]}). "
                        "Löschen Sie den doppelten Eintrag.",
                    )
                    continue
                seen[value] = index + 1
            values.append(value)
        return values

    def _map(self, t: s.MapOf, node: YNode, label: str) -> Any:
        if not isinstance(node, YMap):
            return self._wrong(node, label, "eingerückte Zeilen der Form „ID: Wert“")
        values = {}
        for key, entry in node.entries.items():
            identifier = self._identifier(t.key, YScalar(key, entry.key_pos), label)
            value = self._value(t.value, entry.value, f"{label}.{key}")
            if identifier is not _INVALID and value is not _INVALID:
                values[identifier] = value
        return values

    # -- scalars ----------------------------------------------------------------------

    def _scalar(self, t: s.FieldType, node: YScalar, label: str) -> Any:
        value = node.value
        if isinstance(t, s.Text):
            if isinstance(value, str):
                return value.strip()
            return self._wrong(node, label, "ein Text", quote_hint=True)
        if isinstance(t, s.Boolean):
            if isinstance(value, bool):
                return value
            return self._wrong(node, label, "true oder false")
        if isinstance(t, s.Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                return self._wrong(node, label, "eine ganze Zahl")
            if not t.minimum <= value <= t.maximum:
                self._report(
                    "LIP207",
                    node.pos,
                    f"„{label}“ ist {value}; erlaubt sind Zahlen von {t.minimum} bis {t.maximum}.",
                )
                return _INVALID
            return value
        if isinstance(t, s.Number):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                hint = " Schreiben Sie Zahlen ohne Tausenderpunkte und mit Punkt statt Komma (1250000.50)."
                return self._wrong(node, label, "eine Zahl", extra=hint)
            if t.minimum is not None and value < t.minimum:
                self._report("LIP207", node.pos, f"„{label}“ ist {value}; der Wert darf nicht negativ sein.")
                return _INVALID
            return value
        if isinstance(t, s.Date):
            return self._date(node, label)
        if isinstance(t, s.Choice):
            return self._choice(t, node, label)
        if isinstance(t, s.Pattern):
            text = self._text_of(node, label, f"eine {t.what}", t.example)
            if text is None:
                return _INVALID
            if not t.regex.match(text):
                self._report(
                    "LIP208",
                    node.pos,
                    f"„{text}“ in „{label}“ ist keine gültige {t.what}. Erwartet wird die Form „{t.example}“.",
                )
                return _INVALID
            return text
        if isinstance(t, (s.Key, s.Ref)):
            return self._identifier(t, node, label)
        if isinstance(t, s.Partner):
            text = self._text_of(node, label, "eine OE-Nummer oder ein Name", "50.60")
            if text is None:
                return _INVALID
            if s.KINDS["oe"].pattern.match(text):
                self.result.references.append(Mention("oe", text, self.path, node.pos, label))
            return text
        raise TypeError(f"unknown field type {t!r}")  # pragma: no cover - schema is static

    def _text_of(self, node: YScalar, label: str, what: str, example: str) -> str | None:
        value = node.value
        if isinstance(value, str):
            return value.strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            self._report(
                "LIP203",
                node.pos,
                f"„{label}“ ist als Zahl {value} geschrieben; erwartet wird {what} als Text. Setzen Sie "
                f"den Wert in Anführungszeichen, sonst gehen Stellen verloren: „{label.split('[')[0].split('.')[-1]}: "
                f'"{example}"“.',
            )
            return None
        self._wrong(node, label, what)
        return None

    def _identifier(self, t: s.Key | s.Ref, node: YScalar, label: str) -> Any:
        kind = s.KINDS[t.kind]
        text = self._text_of(node, label, f"eine ID ({kind.label})", kind.example)
        if text is None:
            return _INVALID
        if not kind.pattern.match(text):
            self._report(
                kind.bad_format_code,
                node.pos,
                f"„{text}“ in „{label}“ ist keine gültige ID für {kind.label}. Erwartet wird die Form "
                f"„{kind.example}“.{_id_hint(kind, text)}",
            )
            return _INVALID
        target = self.result.definitions if isinstance(t, s.Key) else self.result.references
        target.append(Mention(t.kind, text, self.path, node.pos, label))
        return text

    def _date(self, node: YScalar, label: str) -> Any:
        value = node.value
        if isinstance(value, BadDate):
            self._report(
                "LIP204",
                node.pos,
                f"„{value.text}“ in „{label}“ ist kein gültiges Datum (diesen Tag gibt es nicht). "
                "Prüfen Sie Monat und Tag (Form JJJJ-MM-TT).",
            )
            return _INVALID
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and node.quoted and _ISO_DATE.match(value.strip()):
            self._report(
                "LIP204",
                node.pos,
                f"Das Datum „{value}“ in „{label}“ steht in Anführungszeichen und gilt deshalb als Text. "
                f"Schreiben Sie es ohne Anführungszeichen: {label.rsplit('.', 1)[-1]}: {value.strip()}",
            )
            return _INVALID
        shown = value if isinstance(value, str) else describe(node)
        self._report(
            "LIP204",
            node.pos,
            f"„{shown}“ in „{label}“ ist kein Datum in der Form JJJJ-MM-TT (z. B. 2026-11-26"
            f"{_german_date_hint(value)}).",
        )
        return _INVALID

    def _choice(self, t: s.Choice, node: YScalar, label: str) -> Any:
        value = node.value
        text = str(value).strip() if value is not None else ""
        if isinstance(value, str) and text in t.values:
            return text
        self._report(
            "LIP205",
            node.pos,
            f"„{text}“ ist kein erlaubter Wert für „{label}“.{did_you_mean(text, t.values)} "
            f"Erlaubt sind: {', '.join(t.values)}.",
        )
        return _INVALID

    def _wrong(self, node: YNode, label: str, expected: str, quote_hint: bool = False, extra: str = "") -> Any:
        hint = " Setzen Sie den Wert in Anführungszeichen." if quote_hint and isinstance(node, YScalar) else ""
        self._report(
            "LIP203",
            _pos(node),
            f"„{label}“ enthält {describe(node)}; erwartet: {expected}.{hint}{extra}",
        )
        return _INVALID


def _pos(node: YNode) -> Pos:
    return node.pos


def _is_empty(node: YNode) -> bool:
    if isinstance(node, YScalar):
        return node.value is None or (isinstance(node.value, str) and not node.value.strip())
    if isinstance(node, YSeq):
        return not node.items
    return False


def _expected(t: s.FieldType) -> str:
    names = {
        s.Text: "ein Text",
        s.Integer: "eine ganze Zahl",
        s.Number: "eine Zahl",
        s.Boolean: "true oder false",
        s.Date: "ein Datum (JJJJ-MM-TT)",
        s.Choice: "ein einzelner Wert",
        s.Pattern: "ein einzelner Wert",
        s.Key: "eine ID",
        s.Ref: "eine ID",
        s.Partner: "ein Text",
    }
    return names.get(type(t), "ein einzelner Wert")


def _german_date_hint(value: object) -> str:
    if isinstance(value, str) and value.count(".") == 2:
        day, month, year = (part.strip() for part in value.split("."))
        if day.isdigit() and month.isdigit() and year.isdigit():
            return f"; für {value} schreiben Sie {year}-{int(month):02d}-{int(day):02d}"
    return ""


def _id_hint(kind: s.Kind, text: str) -> str:
    if kind.name in ("ziel", "massnahme"):
        upper = text.upper().replace("_", "-").replace(" ", "-")
        if kind.pattern.match(upper):
            return f" Meinten Sie „{upper}“?"
        head, _, number = upper.rpartition("-")
        if number[:1] in "ZM" and number[1:].isdigit() and len(number) == 2:
            return f" Zahlen sind mindestens zweistellig: „{head}-{number[0]}0{number[1:]}“."
    if kind.pattern.pattern == s.KINDS["gremium"].pattern.pattern:
        return " IDs bestehen aus Kleinbuchstaben, Ziffern und Bindestrichen, ohne Umlaute."
    return ""
